"""Fitbit: account-export JSON files and research CSVs (docs/imports/fitbit.md).

JSON files are told apart by their names (``steps-*.json`` and ``calories-*.json``
have the same shape): ``weight-*.json`` (``date`` MM/DD/YY, ``weight`` in the
account's unit: ``weightUnit``), ``steps-*.json`` (per minute, stamped in UTC with
no offset: each minute counts on its date in the profile's time zone),
``sleep-*.json`` (``dateOfSleep``, ``minutesAsleep``; overlapping sessions count
the largest) and ``food_logs*.json`` (``logDate``, calories and protein summed).
Research CSVs (``Id,ActivityDate,TotalSteps,...``, ``Id,SleepDay,...``,
``Id,Date,WeightKg,...``) hold an ``Id`` per person: a file with several is refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from domain.imports.records import Collector, Options, Record
from domain.imports.tables import (
    cell,
    day_of,
    number,
    number_format,
    open_table,
    rows_to_records,
    weight_factor,
    zone_of,
)
from domain.model import DateOrder, NumberFormat, RowError

_Reader = Callable[[dict[str, Any], int], list[Record]]
JSON_NAME = re.compile(r"(?:^|/)(weight|steps|sleep|food_logs|calories)[-_][^/]*\.json$", re.I)
ACTIVITY = frozenset({"id", "activitydate", "totalsteps"})
SLEEP_DAY = frozenset({"id", "sleepday", "totalminutesasleep"})
WEIGHT_LOG = frozenset({"id", "date", "weightkg"})


def json_kind(filename: str) -> str | None:
    """``weight``, ``steps``, ``sleep``, ``food_logs`` or ``calories`` from a file name."""
    match = JSON_NAME.search(filename)
    return match.group(1).lower() if match else None


def read_json(data: bytes, filename: str, options: Options) -> Collector:
    """The records of one account-export JSON file."""
    kind = json_kind(filename)
    found = Collector()
    try:
        entries = json.loads(data)
    except (ValueError, RecursionError) as error:
        found.fail(f"this Fitbit file is not valid JSON: {str(error)[:100]}")
        return found
    if kind == "calories":
        found.fail(
            "Fitbit calories-*.json files hold all-day energy burned, which is not imported "
            "(the activity factor covers daily activity); import weight, steps, sleep or food_logs"
        )
        return found
    if not isinstance(entries, list):
        found.fail(
            f"this Fitbit {kind} file holds no JSON list of entries, which Fitbit's export "
            "writes ([{...}, ...]): send the file as the export wrote it"
        )
        return found
    reader = _reader(kind or "", options, found)
    for number_, entry in enumerate(entries, start=1):
        found.rows_read += 1
        errors: list[RowError] = []
        try:
            records = reader(entry, number_) if isinstance(entry, dict) else None
        except (KeyError, TypeError, ValueError) as error:
            records = None
            errors.append(RowError(number_, None, None, f"entry {number_}: {str(error)[:100]}"))
        if records is None and not errors:
            errors.append(RowError(number_, None, None, f"entry {number_} is not a {kind} entry"))
        if errors:
            found.reject(errors)
        else:
            found.records.extend(records or [])
    fields = {"weight": "weight_kg", "steps": "steps", "sleep": "sleep_hours"}
    found.fields.update([fields[kind]] if kind in fields else ["kcal_in", "protein_g"])
    found.columns.extend(sorted(found.fields))
    return found


def _reader(kind: str, options: Options, found: Collector) -> _Reader:
    """The reader of one entry of a ``kind`` file, with what it needs from ``options``."""
    if kind == "weight":
        factor = weight_factor(None, options, found)
        return lambda entry, row: _weight(entry, row, factor)
    if kind == "steps":
        local = zone_of(options.time_zone)
        found.warn(
            "steps-*.json is stamped in UTC: each minute was counted on its date in your "
            f"profile's time zone, {options.time_zone[:60]}"
        )
        return lambda entry, row: _steps(entry, row, local)
    return {"sleep": _sleep, "food_logs": _food}[kind]


def _weight(entry: dict[str, Any], row: int, factor: float) -> list[Record]:
    day = datetime.strptime(entry["date"], "%m/%d/%y").date()
    at = datetime.combine(day, datetime.strptime(entry.get("time", "00:00:00"), "%H:%M:%S").time())
    value = float(entry["weight"]) * factor
    return [Record("weight_kg", day, value, row, derived=factor != 1.0, at=at)]


def _steps(entry: dict[str, Any], row: int, local: tzinfo) -> list[Record]:
    stamp = datetime.strptime(entry["dateTime"], "%m/%d/%y %H:%M:%S").replace(tzinfo=UTC)
    return [Record("steps", stamp.astimezone(local).date(), float(entry["value"]), row)]


def _sleep(entry: dict[str, Any], row: int) -> list[Record]:
    day = date.fromisoformat(entry["dateOfSleep"])
    start = datetime.fromisoformat(entry["startTime"]) if entry.get("startTime") else None
    end = datetime.fromisoformat(entry["endTime"]) if entry.get("endTime") else None
    hours = float(entry["minutesAsleep"]) / 60
    return [Record("sleep_hours", day, hours, row, derived=True, start=start, end=end)]


def _food(entry: dict[str, Any], row: int) -> list[Record]:
    day = date.fromisoformat(entry["logDate"])
    values = entry.get("nutritionalValues") or entry.get("loggedFood") or {}
    records = [Record("kcal_in", day, float(values["calories"]), row)]
    if "protein" in values:
        records.append(Record("protein_g", day, float(values["protein"]), row))
    return records


def read_research(data: bytes, options: Options) -> Collector:
    """The records of one Fitabase research CSV (one person only)."""
    found = Collector()
    table = open_table(data, found)
    if table is None:
        return found
    fmt = number_format(table, options) or NumberFormat.POINT
    names = set(table.names)
    id_at = table.index("id")
    if names >= ACTIVITY:
        date_at, value_at, field, factor = (
            table.index("activitydate"),
            table.index("totalsteps"),
            "steps",
            1.0,
        )
        if "calories" in names:
            found.warn("Calories were not imported: they are all-day energy burned, not training")
    elif names >= SLEEP_DAY:
        date_at, value_at = table.index("sleepday"), table.index("totalminutesasleep")
        field, factor = "sleep_hours", 1 / 60
    else:
        date_at, value_at, field, factor = (
            table.index("date"),
            table.index("weightkg"),
            "weight_kg",
            1.0,
        )
    found.supplies(field)
    people: set[str] = set()

    def row_of(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        people.add(cell(cells, id_at))
        text = cell(cells, date_at)
        day = day_of(text, "date", row, DateOrder.MDY, errors)
        value = number(cell(cells, value_at), field, row, fmt, errors)
        if day is None or value is None:
            return []
        at = _us_time(text) if field == "weight_kg" else None
        return [Record(field, day, value * factor, row, derived=factor != 1.0, at=at)]

    rows_to_records(table, found, row_of)
    people.discard("")
    if len(people) > 1:
        shown = ", ".join(sorted(people)[:5]) + (", ..." if len(people) > 5 else "")
        found.fail(
            f"this file holds {len(people)} people (Id {shown}); "
            "the hub imports one person's data: split the file by Id"
        )
    return found


def _us_time(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, "%m/%d/%Y %I:%M:%S %p")
    except ValueError:
        return None
