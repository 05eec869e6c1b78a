"""The dashboard's number formats in Python (web/src/format.ts), to say what a view must show.

kg and hours with 1 decimal, kcal and steps whole, g/kg and kg a week with 2, rates as
whole percent; rounding half away from zero on the value served, as the browser's Intl does.
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

MISSING = "—"
DIGITS = {
    "kg": 1,
    "rate": 2,
    "hours": 1,
    "kcal": 0,
    "steps": 0,
    "perKg": 2,
    "percent": 0,
    "count": 0,
}
UNITS = {
    "kg": " kg",
    "rate": " kg/week",
    "hours": " h",
    "kcal": " kcal",
    "steps": "",
    "perKg": " g/kg",
    "percent": " %",
    "count": "",
}


def number(value: float | None, kind: str, *, signed: bool = False) -> str:
    if value is None:
        return MISSING
    # The browser rounds the number's shortest decimal form (what JavaScript prints), as
    # does repr: 1.855 is rounded as 1.855, not as the binary 1.85499999...
    exact = Decimal(repr(float(value * 100 if kind == "percent" else value)))
    rounded = exact.quantize(Decimal(1).scaleb(-DIGITS[kind]), rounding=ROUND_HALF_UP)
    text = f"{abs(rounded):,}"
    if rounded < 0:
        return f"-{text}"
    return f"+{text}" if signed and rounded > 0 else text


def quantity(value: float | None, kind: str, *, signed: bool = False) -> str:
    if value is None:
        return MISSING
    return number(value, kind, signed=signed) + UNITS[kind]


#: Kilograms in a pound, exactly (the international avoirdupois pound).
KG_PER_LB = 0.45359237


def weight(kg: float | None, unit: str, *, signed: bool = False) -> str:
    """A weight served in kg as the page shows it in ``unit`` (KG or LB): ``159.6 lb``."""
    if kg is None:
        return MISSING
    value = kg / KG_PER_LB if unit == "LB" else kg
    return f"{number(value, 'kg', signed=signed)} {unit.lower()}"


def rate(kg_per_week: float | None, unit: str) -> str:
    """A rate served in kg a week, in ``unit`` a week, signed: ``-0.93 lb/week``."""
    if kg_per_week is None:
        return MISSING
    value = kg_per_week / KG_PER_LB if unit == "LB" else kg_per_week
    return f"{number(value, 'rate', signed=True)} {unit.lower()}/week"


def timestamp(iso: str, zone: str = "UTC", label: str = "UTC") -> str:
    """A served timestamp as the upload history shows it in the browser's time zone
    ``zone``, whose short name is ``label``: ``2026-03-18 07:05 UTC``."""
    local = datetime.fromisoformat(iso).astimezone(ZoneInfo(zone))
    return f"{local:%Y-%m-%d %H:%M} {label}"
