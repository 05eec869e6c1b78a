"""WHOOP: ``physiological_cycles.csv`` (docs/imports/whoop.md).

A cycle starts the evening before (``Cycle start time``); its sleep runs from
``Sleep onset`` to ``Wake onset``, local times in ``Cycle timezone``.
``Asleep duration (min)`` counts on the day of ``Wake onset``. A cycle's energy
burned is all-day energy: not imported.
"""

from __future__ import annotations

from domain.imports.records import Collector, Options, Record
from domain.imports.tables import (
    cell,
    moment,
    number,
    number_format,
    open_table,
    rows_to_records,
    zone,
)
from domain.model import RowError

SIGNATURE = frozenset({"cycle start time", "asleep duration (min)"})


def read(data: bytes, options: Options) -> Collector:
    """One sleep session per cycle."""
    found = Collector()
    table = open_table(data, found)
    if table is None:
        return found
    fmt = number_format(table, options)
    onset_at, wake_at = table.index("sleep onset"), table.index("wake onset")
    asleep_at, zone_at = table.index("asleep duration (min)"), table.index("cycle timezone")
    found.supplies("sleep_hours")
    if "energy burned (cal)" in table.names:
        found.warn("Energy burned was not imported: it is all-day energy, not training")

    def cycle(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        minutes = number(cell(cells, asleep_at), "sleep_hours", row, fmt, errors)
        wake_text = cell(cells, wake_at)
        if minutes is None or not wake_text:
            return []
        wake = moment(wake_text, "wake onset", row, errors)
        onset_text = cell(cells, onset_at)
        onset = moment(onset_text, "sleep onset", row, errors) if onset_text else None
        if wake is None:
            return []
        offset = zone(cell(cells, zone_at))
        if offset is not None and wake.tzinfo is None:
            wake = wake.replace(tzinfo=offset)
            onset = onset.replace(tzinfo=offset) if onset is not None else None
        hours = minutes / 60
        return [Record("sleep_hours", wake.date(), hours, row, derived=True, start=onset, end=wake)]

    rows_to_records(table, found, cycle)
    return found
