"""Garmin Connect: the Activities CSV (docs/imports/garmin.md).

A row per activity with its start date-time; ``Calories`` is the energy the
activity burned, summed per day as training energy (quoted thousands such as
``"1,118"`` are 1118). ``Steps`` of an activity are not the day's steps: not imported.
"""

from __future__ import annotations

from domain.imports.records import Collector, Options, Record
from domain.imports.tables import cell, moment, number, number_format, open_table, rows_to_records
from domain.model import RowError

SIGNATURE = frozenset({"activity type", "date", "calories"})


def read(data: bytes, options: Options) -> Collector:
    """One record of training energy per activity."""
    found = Collector()
    table = open_table(data, found)
    if table is None:
        return found
    fmt = number_format(table, options)
    date_at, kcal_at = table.index("date"), table.index("calories")
    found.supplies("kcal_out_training")
    if "steps" in table.names:
        found.warn("activity steps were not imported: they are not the day's steps")

    def activity(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        at = moment(cell(cells, date_at), "date", row, errors)
        energy = number(cell(cells, kcal_at), "kcal_out_training", row, fmt, errors)
        if at is None or energy is None:
            return []
        return [Record("kcal_out_training", at.date(), energy, row, at=at)]

    rows_to_records(table, found, activity)
    return found
