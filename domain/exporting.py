"""Export of stored days as a canonical CSV file that uploads back to the same values."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal

from domain.model import METRIC_FIELDS, DailyMetrics
from domain.validation import COLUMN_OF

#: The header of an export: the canonical CSV column names (docs/formats.md, Columns).
EXPORT_COLUMNS: tuple[str, ...] = ("date", *(COLUMN_OF[name] for name in METRIC_FIELDS))


def to_csv(days: Sequence[DailyMetrics]) -> bytes:
    """The days as a UTF-8, comma-delimited CSV file with the canonical header.

    Dates are ISO (``YYYY-MM-DD``), a missing value is an empty cell, whole-number
    fields are written as integers and floats as the shortest text that reads back
    as the same float (``repr``), spelled out without an exponent so that any
    decimal reader accepts it. Rows keep the order of ``days``.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for day in days:
        writer.writerow([day.date.isoformat(), *(_cell(value) for value in day.values())])
    return out.getvalue().encode("utf-8")


def _cell(value: int | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(value)
        # Decimal of the shortest repr is that repr's exact digits, so the
        # positional spelling holds the same digits and parses to the same float.
        return text if "e" not in text else format(Decimal(text), "f")
    return str(value)
