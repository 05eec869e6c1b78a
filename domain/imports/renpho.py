"""Renpho: the body-scale CSV (docs/imports/renpho.md).

A row per weigh-in, newest first: ``Time of Measurement`` (a local date-time) and
``Weight(kg)`` or ``Weight(lb)``, the unit its header states. The day's earliest
weigh-in is its weight. The body-composition columns (BMI, body fat, water,
muscle, bone, ``Protein(%)``, BMR, ...) are not hub metrics: left out, with a
warning; ``Protein(%)`` is the body's protein share, never dietary protein.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from domain.columns import split_hint
from domain.imports.records import Collector, Options, Record
from domain.imports.tables import (
    cell,
    date_order,
    day_of,
    number,
    number_format,
    open_table,
    rows_to_records,
    weight_factor,
)
from domain.model import RowError

TIMESTAMP = "time of measurement"
_WEIGHT = re.compile(r"^weight\s*\((kg|lb|lbs)\)$")
#: Body-composition columns a warning names before "and N more".
_LISTED = 6
_TIMES = ("%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p")


def weight_index(names: list[str]) -> int | None:
    return next((i for i, name in enumerate(names) if _WEIGHT.match(name)), None)


def matches(names: list[str]) -> bool:
    return TIMESTAMP in names and weight_index(names) is not None


def read(data: bytes, options: Options) -> Collector:
    """One weigh-in per row, in the header's unit."""
    found = Collector()
    table = open_table(data, found)
    if table is None:
        return found
    weight_at = weight_index(table.names)
    assert weight_at is not None  # detection matched it
    match = _WEIGHT.match(table.names[weight_at])
    factor = weight_factor(match.group(1) if match else None, options, found)
    fmt = number_format(table, options)
    stamp_at = table.index(TIMESTAMP)
    order = date_order(table, stamp_at, options, fmt, found)
    if order is None:
        return found
    found.supplies("weight_kg")
    left_out = [
        split_hint(label)[0].strip() or label
        for index, label in enumerate(table.labels)
        if index not in (weight_at, stamp_at) and label
    ]
    if left_out:
        shown = ", ".join(left_out[:12]) + (
            f" and {len(left_out) - 12} more" if len(left_out) > 12 else ""
        )
        found.warn(
            f"body composition was not imported ({shown[:200]}): not hub metrics; "
            "Protein(%) is the body's protein share, not protein eaten"
        )

    def weigh_in(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        text = cell(cells, stamp_at)
        day = day_of(text, "date", row, order, errors)
        value = number(cell(cells, weight_at), "weight_kg", row, fmt, errors)
        at = _time_of(text, day, row, errors) if day is not None else None
        if day is None or value is None or errors:
            return []
        return [Record("weight_kg", day, value * factor, row, derived=factor != 1.0, at=at)]

    rows_to_records(table, found, weigh_in)
    return found


def _time_of(text: str, day: date, row: int, errors: list[RowError]) -> datetime | None:
    """The weigh-in's local time, which orders the day's weigh-ins."""
    rest = text.replace(",", " ").split(None, 1)[1:] or [""]
    written = rest[0].strip()
    if not written:
        return datetime.combine(day, time())
    for pattern in _TIMES:
        try:
            return datetime.combine(day, datetime.strptime(written, pattern).time())
        except ValueError:
            continue
    errors.append(
        RowError(row, "date", text[:100], f'date: "{text[:100]}" does not end in a time of day')
    )
    return None
