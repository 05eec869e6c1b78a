"""Cronometer: daily summary, servings and biometrics (docs/imports/cronometer.md).

``dailysummary.csv`` has a row per day, ``servings.csv`` a row per food (summed per
day); both give energy in kcal or kJ as the header says, and protein in grams.
``servings.csv`` may come without its ``Group`` column. ``biometrics.csv`` is long:
one row per measurement, its unit in the ``Unit`` column; weight (kg, lbs) and
sleep (hours, minutes) are imported. A metric may carry the device that sent it
(``Sleep (Garmin)``, ``Weight (Withings)``): the same metric. Several devices'
sleep on one day is the same night recorded twice: the largest device total counts.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from domain.columns import KJ_PER_KCAL, LB_TO_KG, split_hint
from domain.imports.records import Collector, Options, Record
from domain.imports.tables import (
    Table,
    cell,
    date_order,
    day_of,
    number,
    number_format,
    open_table,
    rows_to_records,
)
from domain.model import RowError
from domain.validation import COLUMN_OF

DAILY = frozenset({"date"})
SERVINGS = frozenset({"day", "food name"})
BIOMETRICS = frozenset({"day", "metric", "unit", "amount"})
ENERGY = ("energy (kcal)", "energy (kj)")
_UNITS = {
    ("weight", "kg"): ("weight_kg", 1.0),
    ("weight", "lbs"): ("weight_kg", LB_TO_KG),
    ("weight", "lb"): ("weight_kg", LB_TO_KG),
    ("sleep", "hours"): ("sleep_hours", 1.0),
    ("sleep", "h"): ("sleep_hours", 1.0),
    ("sleep", "min"): ("sleep_hours", 1 / 60),
    ("sleep", "minutes"): ("sleep_hours", 1 / 60),
}


def read(data: bytes, options: Options) -> Collector:
    """The records of one Cronometer CSV."""
    found = Collector()
    table = open_table(data, found)
    if table is None:
        return found
    fmt = number_format(table, options)
    if set(table.names) >= BIOMETRICS:
        _biometrics(table, options, found)
        return found
    date_at = table.index("date", "day")
    order = date_order(table, date_at, options, fmt, found)
    if order is None:
        return found
    energy_at = table.index(*ENERGY)
    kj = energy_at is not None and table.names[energy_at] == "energy (kj)"
    protein_at = table.index("protein (g)")
    found.fields.update(
        f for f, at in (("kcal_in", energy_at), ("protein_g", protein_at)) if at is not None
    )
    found.columns.extend(
        c for c, at in (("kcal_in", energy_at), ("proteins_g", protein_at)) if at is not None
    )

    def food(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        day = day_of(cell(cells, date_at), "date", row, order, errors)
        energy = number(cell(cells, energy_at), "kcal_in", row, fmt, errors)
        grams = number(cell(cells, protein_at), "proteins_g", row, fmt, errors)
        if day is None:
            return []
        records = []
        if energy is not None:
            value = energy / KJ_PER_KCAL if kj else energy
            records.append(Record("kcal_in", day, value, row, derived=kj))
        if grams is not None:
            records.append(Record("protein_g", day, grams, row))
        return records

    rows_to_records(table, found, food)
    return found


def _biometrics(table: Table, options: Options, found: Collector) -> None:
    """Weight and sleep rows; a day's first weight row in the file is its weigh-in."""
    fmt = number_format(table, options)
    day_at = table.index("day")
    metric_at, unit_at, amount_at = (
        table.index("metric"),
        table.index("unit"),
        table.index("amount"),
    )
    order = date_order(table, day_at, options, fmt, found)
    if order is None:
        return
    skipped: set[str] = set()
    # Sleep hours by day and device, and the first row of each, for one record a day.
    sleep: dict[date, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    sleep_rows: dict[date, int] = {}

    def biometric(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        metric, unit = cell(cells, metric_at), cell(cells, unit_at)
        name, device = split_hint(metric)
        target = _UNITS.get((name.lower(), unit.lower()))
        if target is None:
            if name.lower() in ("weight", "sleep"):
                errors.append(
                    RowError(
                        row,
                        "unit",
                        unit[:100],
                        f'{metric}: the unit "{unit[:20]}" is not '
                        "known; allowed: kg, lbs (weight), hours, min (sleep)",
                    )
                )
            else:
                skipped.add(metric[:40])
            return []
        field, factor = target
        day = day_of(cell(cells, day_at), "day", row, order, errors)
        amount = number(cell(cells, amount_at), field, row, fmt, errors)
        if day is None or amount is None:
            return []
        found.fields.add(field)
        if field == "sleep_hours":
            sleep[day][(device or "").lower()] += amount * factor
            sleep_rows.setdefault(day, row)
            return []
        return [Record(field, day, amount * factor, row, derived=factor != 1.0)]

    rows_to_records(table, found, biometric)
    doubled = 0
    for day, devices in sleep.items():
        doubled += len(devices) > 1
        hours = max(devices.values())
        found.add(Record("sleep_hours", day, hours, sleep_rows[day], derived=True))
    if doubled:
        found.warn(
            f"sleep came from several devices on {doubled} day(s): the same night recorded "
            "twice, so the largest device total counts"
        )
    found.columns.extend(sorted(COLUMN_OF[f] for f in found.fields))
    if skipped:
        found.warn("biometrics not imported: " + ", ".join(sorted(skipped)[:20]))
