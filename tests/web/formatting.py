"""The dashboard's number formats in Python (web/src/format.ts), to say what a view must show.

kg and hours with 1 decimal, kcal and steps whole, g/kg with 2, rates as whole percent;
rounding half away from zero on the value served, as the browser's Intl does.
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

MISSING = "—"
DIGITS = {"kg": 1, "rate": 2, "hours": 1, "kcal": 0, "steps": 0, "perKg": 2, "percent": 0, "count": 0}
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


def timestamp(iso: str, zone: str = "UTC", label: str = "UTC") -> str:
    """A served timestamp as the upload history shows it in the browser's time zone
    ``zone``, whose short name is ``label``: ``2026-03-18 07:05 UTC``."""
    local = datetime.fromisoformat(iso).astimezone(ZoneInfo(zone))
    return f"{local:%Y-%m-%d %H:%M} {label}"
