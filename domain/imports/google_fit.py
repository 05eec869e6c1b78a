"""Google Fit (Takeout): ``Daily activity metrics.csv`` and the per-day files
``YYYY-MM-DD.csv`` (docs/imports/google_fit.md).

``Daily activity metrics.csv`` has a row per day: ``Step count`` and ``Average
weight (kg)`` are imported. A per-day file has a row per 15 minutes (``Start
time,End time,...``, times of day with an offset) and its date only in its file
name: its ``Step count`` cells are summed into that day, its first weight is the
day's. ``Calories (kcal)`` are all-day energy burned, not training and never
intake: left out, with a warning.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from domain.imports.records import Collector, Options, Record
from domain.imports.tables import (
    Table,
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

SIGNATURE = frozenset({"date", "step count"})
MARKERS = frozenset({"move minutes count", "heart points", "calories (kcal)"})
#: A per-day file: 15-minute rows, the date in the file name.
PER_DAY = frozenset({"start time", "end time"})
_WEIGHT = ("average weight (kg)",)
_DAY_NAME = re.compile(r"(?:^|[/\\])([0-9]{4}-[0-9]{2}-[0-9]{2})\.csv$", re.I)
_TIME_OF_DAY = re.compile(r"[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:[+-][0-9]{2}:[0-9]{2}|Z)?")
_CALORIES_LEFT_OUT = (
    "Calories (kcal) were not imported: they are all-day energy burned, not training "
    "and not food eaten"
)


def matches(names: set[str]) -> bool:
    daily = names >= SIGNATURE and bool(MARKERS & names)
    return daily or (names >= PER_DAY and bool((MARKERS | {"step count"}) & names))


def read(data: bytes, filename: str, options: Options) -> Collector:
    """Each day's steps and weight."""
    found = Collector()
    table = open_table(data, found)
    if table is None:
        return found
    if "calories (kcal)" in table.names:
        found.warn(_CALORIES_LEFT_OUT)
    if set(table.names) >= PER_DAY and "date" not in table.names:
        _per_day(table, filename, options, found)
        return found
    fmt = number_format(table, options)
    date_at, steps_at, weight_at = (
        table.index("date"),
        table.index("step count"),
        table.index(*_WEIGHT),
    )
    order = date_order(table, date_at, options, fmt, found)
    if order is None:
        return found
    remember(found, table, {"step count": "steps", "average weight (kg)": "weight_kg"})

    def day_row(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        day = day_of(cell(cells, date_at), "date", row, order, errors)
        steps = number(cell(cells, steps_at), "steps_n", row, fmt, errors)
        weight = number(cell(cells, weight_at), "weight_kg", row, fmt, errors)
        if day is None:
            return []
        records = [] if steps is None else [Record("steps", day, steps, row)]
        return records + ([] if weight is None else [Record("weight_kg", day, weight, row)])

    rows_to_records(table, found, day_row)
    return found


def _per_day(table: Table, filename: str, options: Options, found: Collector) -> None:
    """15-minute rows of the day the file is named after."""
    match = _DAY_NAME.search(filename)
    try:
        day = date.fromisoformat(match.group(1)) if match else None
    except ValueError:
        day = None
    if day is None:
        shown = f'"{filename[:60]}"' if filename else "no name"
        found.fail(
            "this is a Google Fit per-day file (15-minute rows: Start time, End time, ...): "
            f"its date is only in its file name, and this one has {shown}; send it under the "
            "name Takeout gave it, YYYY-MM-DD.csv"
        )
        return
    fmt = number_format(table, options)
    start_at, steps_at, weight_at = (
        table.index("start time"),
        table.index("step count"),
        table.index(*_WEIGHT),
    )
    remember(found, table, {"step count": "steps", "average weight (kg)": "weight_kg"})

    def quarter(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        start = cell(cells, start_at)
        if not _TIME_OF_DAY.fullmatch(start):
            message = f'start time: "{start[:40]}" is not a time of day such as 07:15:00.000+01:00'
            errors.append(RowError(row, "start time", start[:100], message))
        steps = number(cell(cells, steps_at), "steps_n", row, fmt, errors)
        weight = number(cell(cells, weight_at), "weight_kg", row, fmt, errors)
        if errors:
            return []
        records = [] if steps is None else [Record("steps", day, steps, row)]
        if weight is not None:
            at = datetime.combine(day, datetime.strptime(start[:8], "%H:%M:%S").time())
            records.append(Record("weight_kg", day, weight, row, at=at))
        return records

    rows_to_records(table, found, quarter)
