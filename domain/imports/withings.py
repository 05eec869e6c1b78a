"""Withings: weight.csv, aggregates_steps.csv and sleep.csv (docs/imports/withings.md).

weight.csv lists weigh-ins newest first, several a day, with a date-time; the day's
earliest is kept, in the unit the header states (``Weight (kg)``, localised names
such as ``Gewicht (kg)`` or ``Poids (kg)``). aggregates_steps.csv is ``date,value``:
only its file name says the values are steps. sleep.csv has a row per night with
``from,to`` (``von,bis``) date-times with offset and stage durations in seconds:
asleep time is light + deep + REM, on the day the night ends.
"""

from __future__ import annotations

import re

from domain.imports.records import Collector, Options, Record
from domain.imports.tables import (
    Table,
    cell,
    date_order,
    day_of,
    moment,
    number,
    number_format,
    open_table,
    rows_to_records,
    weight_factor,
)
from domain.model import RowError

WEIGHT_NAME = re.compile(r"^(weight|gewicht|poids|peso|vikt|vægt) \((kg|lb|lbs)\)$")
FAT_MASS = frozenset({"fat mass (kg)", "fettmasse (kg)", "masse grasse (kg)", "fat mass (lb)"})
STEPS = frozenset({"date", "value"})
SLEEP_FROM_TO = (("from", "to"), ("von", "bis"), ("de", "à"))
_LIGHT = ("light (s)", "leicht (s)", "léger (s)")
_DEEP = ("deep (s)", "tief (s)", "profond (s)")
_REM = ("rem (s)",)


def is_weight(names: list[str]) -> bool:
    return any(WEIGHT_NAME.match(n) for n in names) and bool(FAT_MASS & set(names))


def is_sleep(names: list[str]) -> bool:
    has_times = any({a, b} <= set(names) for a, b in SLEEP_FROM_TO)
    return has_times and any(n in names for n in _LIGHT + _DEEP)


def read(data: bytes, filename: str, options: Options) -> Collector:
    """The records of one Withings CSV; ``filename`` tells steps apart."""
    found = Collector()
    table = open_table(data, found)
    if table is None:
        return found
    if is_sleep(table.names):
        _nights(table, options, found)
    elif set(table.names) >= STEPS and "aggregates_steps" in filename.lower():
        _steps(table, options, found)
    else:
        _weights(table, options, found)
    return found


def _nights(table: Table, options: Options, found: Collector) -> None:
    """A row per night: light + deep + REM seconds, on the date the night ends."""
    fmt = number_format(table, options)
    names = table.names
    start_at, end_at = next(
        (names.index(a), names.index(b)) for a, b in SLEEP_FROM_TO if {a, b} <= set(names)
    )
    stages = [table.index(*group) for group in (_LIGHT, _DEEP, _REM)]
    found.supplies("sleep_hours")

    def night(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        start = moment(cell(cells, start_at), names[start_at], row, errors)
        end = moment(cell(cells, end_at), names[end_at], row, errors)
        seconds = [number(cell(cells, at), "sleep_hours", row, fmt, errors) for at in stages]
        if start is None or end is None or errors:
            return []
        hours = sum(s or 0.0 for s in seconds) / 3600
        return [Record("sleep_hours", end.date(), hours, row, derived=True, start=start, end=end)]

    rows_to_records(table, found, night)


def _steps(table: Table, options: Options, found: Collector) -> None:
    """``date,value``: a day's steps."""
    fmt = number_format(table, options)
    date_at, value_at = table.index("date"), table.index("value")
    order = date_order(table, date_at, options, fmt, found)
    if order is None:
        return
    found.supplies("steps")

    def day_row(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        day = day_of(cell(cells, date_at), "date", row, order, errors)
        count = number(cell(cells, value_at), "steps_n", row, fmt, errors)
        return [] if day is None or count is None else [Record("steps", day, count, row)]

    rows_to_records(table, found, day_row)


def _weights(table: Table, options: Options, found: Collector) -> None:
    """Weigh-ins with their date-time (first column), in the header's unit."""
    fmt = number_format(table, options)
    weight_at = next(i for i, n in enumerate(table.names) if WEIGHT_NAME.match(n))
    match = WEIGHT_NAME.match(table.names[weight_at])
    factor = weight_factor(match.group(2) if match else None, options, found)
    date_at = 0
    found.supplies("weight_kg")

    def weigh_in(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        at = moment(cell(cells, date_at), table.names[date_at], row, errors)
        value = number(cell(cells, weight_at), "weight_kg", row, fmt, errors)
        if at is None or value is None:
            return []
        derived = factor != 1.0
        return [Record("weight_kg", at.date(), value * factor, row, derived=derived, at=at)]

    rows_to_records(table, found, weigh_in)
