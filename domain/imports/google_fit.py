"""Google Fit (Takeout): ``Daily activity metrics.csv`` (docs/imports/google_fit.md).

A row per day: ``Step count`` and ``Average weight (kg)`` are imported. Its
``Calories (kcal)`` are all-day energy burned, not training: left out, with a warning.
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

SIGNATURE = frozenset({"date", "step count"})
MARKERS = frozenset({"move minutes count", "heart points", "calories (kcal)"})
_WEIGHT = ("average weight (kg)",)


def read(data: bytes, options: Options) -> Collector:
    """Each day's steps and weight."""
    found = Collector()
    table = open_table(data, found)
    if table is None:
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
    if "calories (kcal)" in table.names:
        found.warn(
            "Calories (kcal) were not imported: they are all-day energy burned, not training"
        )

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
