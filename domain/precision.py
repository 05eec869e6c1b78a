"""Rounding the values the hub derives before storing them (docs/imports/index.md).

Unit conversions and per-day sums of app records are rounded half-even to their
unit's precision (kcal 1 decimal, kg 3, cm 2, hours 3, grams 2); cells copied from
a file unchanged are stored as written.
"""

from __future__ import annotations

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
    places = DECIMALS[field]
    exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN)
    return float(exact)
