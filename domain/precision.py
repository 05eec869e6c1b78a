"""Rounding the values the hub derives before storing them (docs/imports/index.md).

Unit conversions and per-day sums of app records are rounded half-even to their
unit's precision (kcal 1 decimal, kg 3, cm 2, hours 3, grams 2); cells copied from
a file unchanged are stored as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal

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
    scale = 10.0**decimals
    return [
        None
        if value is None
        else nearest / scale
        if -0.4999 < (scaled := value * scale) - (nearest := round(scaled)) < 0.4999
        else _decimal_half_even(value, decimals) + 0.0
        for value in values
    ]


def _decimal_half_even(value: float, decimals: int) -> float:
    exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_EVEN)
    return float(exact)
