"""Oura: the trends CSV (docs/imports/oura.md).

A row per day: ``Total Sleep Duration`` (older exports: ``Total Sleep Time``) in
seconds (time asleep, on the day the night ends, which is the row's date) and ``Steps``.
"""

from __future__ import annotations

from domain.imports.records import Collector, Options, Record
from domain.imports.tables import (
    cell,
    date_order,
    day_of,
    number,
    number_format,
    open_table,
    remember,
    rows_to_records,
)
from domain.model import RowError

#: The time-asleep column: its current name, then the older exports' name.
SLEEP_NAMES = ("total sleep duration", "total sleep time")


def matches(names: set[str]) -> bool:
    return "date" in names and any(name in names for name in SLEEP_NAMES)


def read(data: bytes, options: Options) -> Collector:
    """Each day's sleep and steps."""
    found = Collector()
    table = open_table(data, found)
    if table is None:
        return found
    fmt = number_format(table, options)
    date_at, sleep_at, steps_at = (
        table.index("date"),
        table.index(*SLEEP_NAMES),
        table.index("steps"),
    )
    order = date_order(table, date_at, options, fmt, found)
    if order is None:
        return found
    remember(found, table, {**dict.fromkeys(SLEEP_NAMES, "sleep_hours"), "steps": "steps"})

    def day_row(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        day = day_of(cell(cells, date_at), "date", row, order, errors)
        seconds = number(cell(cells, sleep_at), "sleep_hours", row, fmt, errors)
        steps = number(cell(cells, steps_at), "steps_n", row, fmt, errors)
        if day is None:
            return []
        records = [] if steps is None else [Record("steps", day, steps, row)]
        if seconds is not None:
            records.append(Record("sleep_hours", day, seconds / 3600, row, derived=True))
        return records

    rows_to_records(table, found, day_row)
    return found
