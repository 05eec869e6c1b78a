"""Value rules shared by CSV parsing and manual entry (docs/formats.md, Cells)."""

from __future__ import annotations

import math
from datetime import date, timedelta

from domain.model import INTEGER_FIELDS

#: Domain field name -> canonical CSV column name.
COLUMN_OF: dict[str, str] = {
    "steps": "steps_n",
    "protein_g": "proteins_g",
    "kcal_in": "kcal_in",
    "kcal_junk_in": "kcal_junk_in",
    "kcal_out_training": "kcal_out_training",
    "sleep_hours": "sleep_hours",
    "stress": "stress_rel",
    "weight_kg": "weight_kg",
    "waist_cm": "waist_cm",
}

#: Inclusive limits of each metric field.
BOUNDS: dict[str, tuple[float, float]] = {
    "steps": (0, 100_000),
    "protein_g": (0, 1_000),
    "kcal_in": (0, 20_000),
    "kcal_junk_in": (0, 20_000),
    "kcal_out_training": (0, 10_000),
    "sleep_hours": (0, 24),
    "stress": (1, 10),
    "weight_kg": (20, 400),
    "waist_cm": (30, 250),
}

EARLIEST_DATE = date(1900, 1, 1)


def bounds(field: str, *, kcal_in: float | None) -> tuple[float, float]:
    """The inclusive limits of ``field``; junk calories cannot exceed the day's ``kcal_in``."""
    low, high = BOUNDS[field]
    if field == "kcal_junk_in" and kcal_in is not None and math.isfinite(kcal_in):
        high = min(high, kcal_in)
    return low, high


def format_number(value: float) -> str:
    """``value`` written plainly: 11 rather than 11.0, never with thousands separators."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def range_text(field: str, *, kcal_in: float | None) -> str:
    """The allowed range of ``field`` as shown in messages, e.g. ``1–10``."""
    low, high = bounds(field, kcal_in=kcal_in)
    return f"{format_number(low)}–{format_number(high)}"


def value_problem(field: str, value: int | float, *, kcal_in: float | None) -> str | None:
    """What is wrong with ``value`` for the metric ``field``, or ``None`` when it is valid.

    Args:
        field: a ``METRIC_FIELDS`` name.
        value: the value after any unit conversion.
        kcal_in: the same day's ``kcal_in``, which caps ``kcal_junk_in``; ``None`` when blank.

    Returns:
        A message body without a field prefix, e.g. ``11 is outside 1–10``.
    """
    if not math.isfinite(value):
        return f"{format_number(value)} is not a number"
    if field in INTEGER_FIELDS and not float(value).is_integer():
        return f"{format_number(value)} is not a whole number"
    low, high = bounds(field, kcal_in=kcal_in)
    if low <= value <= high:
        return None
    text = f"{format_number(value)} is outside {format_number(low)}–{format_number(high)}"
    if field == "kcal_junk_in" and high < BOUNDS[field][1]:
        text += " (it cannot exceed the day's calories in)"
    return text


def latest_date(today: date) -> date:
    """The latest date a day may have: tomorrow, so a day logged ahead of UTC is accepted."""
    return today + timedelta(days=1) if today < date.max else today


def date_problem(day: date, *, today: date) -> str | None:
    """What is wrong with ``day``, or ``None`` when it lies in 1900-01-01 .. today + 1 day."""
    latest = latest_date(today)
    if EARLIEST_DATE <= day <= latest:
        return None
    return f"{day.isoformat()} is outside {EARLIEST_DATE.isoformat()} to {latest.isoformat()}"
