"""Rounding the values the hub derives before storing them (docs/imports/index.md,
docs/kpis.md).

Unit conversions and per-day sums of app records are rounded half-even to their
unit's precision (kcal 1 decimal, kg 3, cm 2, hours 3, grams 2); cells copied from
a file unchanged are stored as written. KPIs are computed at full precision and
stored rounded half-even to the precision the API serves them with (``KPI_DECIMALS``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from domain.model import KPI_FIELDS, Kpi

#: Decimal places kept for a derived value of each metric field.
DECIMALS: dict[str, int] = {
    "steps": 0,
    "protein_g": 2,
    "kcal_in": 1,
    "kcal_junk_in": 1,
    "kcal_out_training": 1,
    "sleep_hours": 3,
    "stress": 0,
    "weight_kg": 3,
    "waist_cm": 2,
}


def rounded(field: str, value: float) -> float:
    """``value`` rounded half-even, as written in decimal, to ``field``'s precision."""
    return _decimal_half_even(float(value), DECIMALS[field])


#: Decimals a KPI of each unit is stored and served with (docs/kpis.md, "Conventions").
KCAL_DECIMALS = 1
KG_DECIMALS = 3


def rounded_values(values: Iterable[float | None], decimals: int) -> list[float | None]:
    """Each value rounded half-even to ``decimals`` places, as its decimal text reads.

    The quick way, ``round(x * 10**n) / 10**n`` (one correctly rounded division, so the
    shortest decimal), wherever ``x * 10**n`` is not within 1e-4 of a half; there the
    decimal text decides (2.675 -> 2.68, which the binary value would round down).
    ``None`` stays ``None``; -0.0 becomes 0.0.
    """
    return _rounded_quickly(values, 10.0**decimals, decimals, _rounded_value)


#: ``x + _ROUNDER - _ROUNDER`` is the nearest integer to ``x`` (ties to even, as
#: ``round``) for every x above ``_QUICK_FLOOR``, with no call and no int made: a third
#: faster than ``round`` over a column. From -2**51 up the sum has no bits below 1 and
#: taking ``_ROUNDER`` away is exact; from 2**51 up, and for x at or below -2**52, what
#: comes back is an integer as well (x itself, or up to 1.5 off, which the 0.4999 test
#: sends the slow way). Only between -2**52 and -2**51 can it come back as x with
#: its half (-2**51 - 0.5): those values, NaN and -infinity take the slow way.
_ROUNDER = 1.5 * 2.0**52
_QUICK_FLOOR = -(2.0**51)


def _rounded_value(value: float, scale: float, decimals: int) -> float:
    """``rounded_values`` of one value, the slow way (round, or the decimal text)."""
    scaled = value * scale
    nearest = round(scaled)
    if -0.4999 < scaled - nearest < 0.4999:
        return nearest / scale
    return _decimal_half_even(value, decimals) + 0.0


def _decimal_half_even(value: float, decimals: int) -> float:
    exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_EVEN)
    return float(exact)


#: Decimals per unit; every derived value the API serves, and every stored KPI, has these.
KCAL = 1
KG = 3
CM = 2
HOURS = 3
PROTEIN_G_PER_KG = 3
PERCENT = 2
RATE = 4
STEPS_AVG = 1

#: Decimals of each rounded KPI field (the others are counts, flags or dates).
KPI_DECIMALS: dict[str, int] = {
    "bmr_kcal": KCAL,
    "kcal_out_total": KCAL,
    "balance_kcal": KCAL,
    "balance_7d_avg": KCAL,
    "protein_per_kg": PROTEIN_G_PER_KG,
    "healthy_food_pct": PERCENT,
    "steps_7d_avg": STEPS_AVG,
    "steps_goal_rate_7d": RATE,
    "sleep_7d_avg": HOURS,
    "weight_7d_avg": KG,
    "weight_trend": KG,
    "weight_trend_change_7d": KG,
    "waist_change_7d": CM,
    "tdee_estimate": KCAL,
    "expenditure_kcal": KCAL,
    "expenditure_low_kcal": KCAL,
    "expenditure_high_kcal": KCAL,
    "weight_rate_kg_per_week": KG,
    "energy_balance_kcal": KCAL,
    "energy_balance_7d_avg": KCAL,
    "target_kcal_in": KCAL,
}

_QUANTA = {n: Decimal(1).scaleb(-n) for n in range(8)}
_TIE_TOLERANCE = 1e-6


def round_half_even(value: float | None, decimals: int) -> float | None:
    """``value`` rounded half-even to ``decimals`` places, as its decimal text reads.

    Python's ``round`` rounds the binary value, so ``round(2.675, 2)`` is 2.67; a value
    whose shortest text is a tie is rounded as that text instead (2.675 -> 2.68), and
    -0.0 becomes 0.0.
    """
    if value is None or not math.isfinite(value):
        return value
    scaled = value * 10.0**decimals
    if abs(abs(scaled - math.floor(scaled)) - 0.5) < _TIE_TOLERANCE:
        exact = Decimal(repr(value)).quantize(_QUANTA[decimals], rounding=ROUND_HALF_EVEN)
        return float(exact) + 0.0
    return round(value, decimals) + 0.0


def rounded_quickly(value: float | None, scale: float, decimals: int) -> float | None:
    """``round_half_even(value, decimals)``, computed the quick way where that is exact:
    ``round(x * 10**n) / 10**n`` is one correctly rounded division, which gives the
    shortest decimal, unless ``x * 10**n`` lies within 1e-4 of a half, where
    ``round_half_even`` decides exactly (``scale`` is ``10.0 ** decimals``). NaN and
    infinity come back unchanged.

    Rounding a value this returns again returns it unchanged, so a KPI stored rounded
    is served as stored.
    """
    if value is None:
        return None
    try:
        scaled = value * scale
        nearest = round(scaled)
    except (ValueError, OverflowError):
        return round_half_even(value, decimals)
    if -0.4999 < scaled - nearest < 0.4999:
        return nearest / scale
    return round_half_even(value, decimals)


#: (position in a Kpi tuple, scale, decimals) of every rounded KPI field.
_KPI_ROUNDING = tuple(
    (KPI_FIELDS.index(name) + 1, 10.0**places, places) for name, places in KPI_DECIMALS.items()
)


def stored_kpis(kpis: Sequence[Kpi]) -> list[Kpi]:
    """``kpis`` as they are stored: each rounded field half-even to ``KPI_DECIMALS``."""
    if not kpis:
        return []
    columns: list[Sequence[Any]] = list(zip(*kpis, strict=True))
    for at, scale, places in _KPI_ROUNDING:
        columns[at] = _rounded_column(columns[at], scale, places)
    new = tuple.__new__
    return [new(Kpi, row) for row in zip(*columns, strict=True)]


def _rounded_column(column: Sequence[float | None], scale: float, places: int) -> list[Any]:
    """``rounded_quickly`` over a column, inlined: a recompute rounds up to 70,000 values."""
    return _rounded_quickly(column, scale, places, rounded_quickly)


def _rounded_quickly(
    column: Iterable[float | None],
    scale: float,
    places: int,
    slow: Callable[[float, float, int], float | None],
) -> list[Any]:
    """Each value rounded to ``places`` (``scale`` is ``10.0 ** places``): the nearest
    integer of ``value * scale`` from ``_ROUNDER``, divided by ``scale``, where that is
    at least 1e-4 from a half; ``slow(value, scale, places)`` elsewhere (ties, NaN,
    infinity, below ``_QUICK_FLOOR``). ``None`` stays ``None``."""
    rounder = _ROUNDER
    return [
        None
        if value is None
        else nearest / scale
        if (scaled := value * scale) > _QUICK_FLOOR
        and -0.4999 < scaled - (nearest := scaled + rounder - rounder) < 0.4999
        else slow(value, scale, places)
        for value in column
    ]
