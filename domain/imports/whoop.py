"""WHOOP: ``physiological_cycles.csv`` and ``sleeps.csv`` (docs/imports/whoop.md).

A cycle starts the evening before (``Cycle start time``); its sleep runs from
``Sleep onset`` to ``Wake onset``, local times in ``Cycle timezone``.
``Asleep duration (min)`` counts on the day of ``Wake onset``. ``sleeps.csv`` has a
row per sleep with ``Nap``: main sleeps count as in the cycles file, naps are left
out (with a warning), so both files give the same hours. A cycle's energy burned
is all-day energy: not imported. The export's other files (``workouts.csv``,
``journal_entries.csv``) are refused, naming them.
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

#: Every file of a WHOOP export has this column.
MARKER = "cycle start time"
SUPPORTED = "physiological_cycles.csv and sleeps.csv (sleep)"
#: The export's files the hub does not import, by a column only they have.
_OTHER_FILES = {
    "workout start time": "workouts.csv",
    "question text": "journal_entries.csv",
}


def matches(names: set[str]) -> bool:
    return MARKER in names


def read(data: bytes, options: Options) -> Collector:
    """One sleep session per cycle, or per main sleep of ``sleeps.csv``."""
    found = Collector()
    table = open_table(data, found)
    if table is None:
        return found
    names = set(table.names)
    if "asleep duration (min)" not in names:
        other = next((f for column, f in _OTHER_FILES.items() if column in names), None)
        what = f"WHOOP's {other}" if other else "a WHOOP file other than its sleep files"
        found.fail(
            f"this is {what}, which the hub does not import; the WHOOP files it imports are "
            f"{SUPPORTED}: send one of those from the same export"
        )
        return found
    fmt = number_format(table, options)
    onset_at, wake_at = table.index("sleep onset"), table.index("wake onset")
    asleep_at, zone_at = table.index("asleep duration (min)"), table.index("cycle timezone")
    nap_at = table.index("nap")
    found.supplies("sleep_hours")
    if "energy burned (cal)" in names:
        found.warn("Energy burned was not imported: it is all-day energy, not training")
    naps = 0

    def sleep(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        nonlocal naps
        nap = cell(cells, nap_at).lower()
        if nap not in ("", "false", "true"):
            errors.append(
                RowError(row, "nap", nap[:100], f'Nap: "{nap[:40]}" is not true or false')
            )
            return []
        minutes = number(cell(cells, asleep_at), "sleep_hours", row, fmt, errors)
        wake_text = cell(cells, wake_at)
        if minutes is None or not wake_text:
            return []
        wake = moment(wake_text, "wake onset", row, errors)
        onset_text = cell(cells, onset_at)
        onset = moment(onset_text, "sleep onset", row, errors) if onset_text else None
        if wake is None or errors:
            return []
        if nap == "true":
            naps += 1
            return []
        offset = zone(cell(cells, zone_at))
        if offset is not None and wake.tzinfo is None:
            wake = wake.replace(tzinfo=offset)
            onset = onset.replace(tzinfo=offset) if onset is not None else None
        hours = minutes / 60
        return [Record("sleep_hours", wake.date(), hours, row, derived=True, start=onset, end=wake)]

    rows_to_records(table, found, sleep)
    if naps:
        plural = "nap was" if naps == 1 else "naps were"
        found.warn(
            f"{naps} {plural} left out: sleep counts the main sleep of each night, as "
            "physiological_cycles.csv does"
        )
    return found
