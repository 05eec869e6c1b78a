"""Apple Health: ``export.xml`` (alone or inside ``export.zip``), read as a stream.

The file is hundreds of MB: it is fed to expat in chunks and only per-day totals
are kept, so memory does not grow with the file (docs/imports/apple_health.md).
Entity declarations and external references are refused.

- StepCount: summed per source and day (start date); the day's largest source wins.
- BodyMass: the day's earliest, in its ``unit`` (kg, lb).
- DietaryEnergyConsumed (kcal, ``Cal`` = kcal, kJ) and DietaryProtein (g): summed.
- SleepAnalysis asleep values: intervals on their end date, overlaps counted once
  (merged as they are read: a day keeps at most ``MAX_SLEEP_SPANS`` disjoint spans).
- At most ``MAX_SOURCES_PER_DAY`` step sources a day and ``MAX_DATA_ROWS`` days are
  kept, so memory is bounded by the days, not by the records (a warning counts what
  was left out).
- Workout: ``totalEnergyBurned``, else the sum of its ``WorkoutStatistics`` energy,
  never both; on the workout's start date.
- Active and basal energy burned are all-day energy: not imported (a warning says so).
- Records inside a ``Correlation`` repeat samples listed on their own: skipped.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import BinaryIO
from xml.parsers import expat

from domain.columns import KJ_PER_KCAL, LB_TO_KG
from domain.imports.records import Collector, Record
from domain.parsing import MAX_DATA_ROWS
from domain.validation import EARLIEST_DATE

_CHUNK = 1 << 20
#: The most bytes one element may span: expat holds a whole tag (with its attributes)
#: in memory, so a file of one giant tag must not be read on.
MAX_ELEMENT_BYTES = 64 << 20
_PROGRESS_EVERY = 64 << 20
_ID = "HKQuantityTypeIdentifier"
_STEPS = _ID + "StepCount"
_WEIGHT = _ID + "BodyMass"
_ENERGY_IN = _ID + "DietaryEnergyConsumed"
_PROTEIN = _ID + "DietaryProtein"
_SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"
_ALL_DAY = frozenset({_ID + "ActiveEnergyBurned", _ID + "BasalEnergyBurned"})
_ASLEEP = frozenset(
    {
        "HKCategoryValueSleepAnalysisAsleep",
        "HKCategoryValueSleepAnalysisAsleepUnspecified",
        "HKCategoryValueSleepAnalysisAsleepCore",
        "HKCategoryValueSleepAnalysisAsleepDeep",
        "HKCategoryValueSleepAnalysisAsleepREM",
    }
)
_ENERGY_UNITS = {"kcal": 1.0, "Cal": 1.0, "kJ": 1 / KJ_PER_KCAL}
_MASS_UNITS = {"kg": 1.0, "lb": LB_TO_KG, "g": 0.001}
_STAMP = "%Y-%m-%d %H:%M:%S %z"
_SEND_EXPORT = "send export.xml or export.zip as the Health app wrote it"
#: Disjoint asleep spans kept a day (a night's stages from a few sources are dozens).
MAX_SLEEP_SPANS = 1_440
#: Step sources kept a day (a phone, a watch, a few apps).
MAX_SOURCES_PER_DAY = 32
#: The longest source name kept; longer ones are cut.
_MAX_SOURCE_CHARS = 200


class _RefusedError(Exception):
    pass


class _Reader:
    """Expat handlers that keep per-day totals only."""

    def __init__(self, found: Collector, latest: date) -> None:
        self.found = found
        self.steps: dict[tuple[date, str], float] = defaultdict(float)
        self.sums: dict[tuple[str, date], float] = defaultdict(float)
        self.weights: dict[date, tuple[str, float, bool]] = {}
        self.sleep: dict[date, list[tuple[datetime, datetime]]] = defaultdict(list)
        self.sources: dict[date, int] = defaultdict(int)
        self.days: set[date] = set()
        self.left_out = 0
        # How many records a total stands for, by (field, day, source), kept only for
        # days outside EARLIEST_DATE..latest, which are left out with a warning counting them.
        self.latest = latest
        self.counts: Counter[tuple[str, date, str]] = Counter()
        self.workout: tuple[date, float | None] | None = None
        self.workout_stats = 0.0
        self.all_day = 0
        self.unknown_units = 0
        self.seen_root = False
        # A Correlation (a meal, a blood pressure reading) repeats samples that the
        # export also lists on their own: its Records are not counted twice.
        self.correlation_depth = 0
        self.elements = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.elements += 1
        if not self.seen_root:
            if tag != "HealthData":
                raise _RefusedError(
                    f"this XML file's root is <{tag[:40]}>, not Apple Health's <HealthData>; "
                    f"the XML the hub imports is Apple Health's export: {_SEND_EXPORT}"
                )
            self.seen_root = True
        elif tag == "Correlation":
            self.correlation_depth += 1
        elif tag == "Record" and not self.correlation_depth:
            self.found.rows_read += 1
            self._record(attrs)
        elif tag == "Workout":
            self.found.rows_read += 1
            total = attrs.get("totalEnergyBurned")
            energy = None
            if total:
                energy = self._energy(total, attrs.get("totalEnergyBurnedUnit", "kcal"))
            self.workout = (self._day(attrs.get("startDate", "")), energy)
            self.workout_stats = 0.0
        elif (
            tag == "WorkoutStatistics"
            and self.workout is not None
            and attrs.get("type") == _ID + "ActiveEnergyBurned"
            and attrs.get("sum")
        ):
            self.workout_stats += self._energy(attrs["sum"], attrs.get("unit", "kcal")) or 0.0

    def end(self, tag: str) -> None:
        if tag == "Correlation":
            self.correlation_depth -= 1
        elif tag == "Workout" and self.workout is not None:
            day, energy = self.workout
            value = energy if energy is not None else self.workout_stats
            if value:
                self.sums["kcal_out_training", day] += value
                self._count("kcal_out_training", day)
            self.workout = None

    def _record(self, attrs: dict[str, str]) -> None:
        kind = attrs.get("type", "")
        if kind == _STEPS:
            key = self._day(attrs["startDate"]), attrs.get("sourceName", "")[:_MAX_SOURCE_CHARS]
            if key not in self.steps:
                if self.sources[key[0]] >= MAX_SOURCES_PER_DAY:
                    self.left_out += 1
                    return
                self.sources[key[0]] += 1
            self.steps[key] += float(attrs["value"])
            if not EARLIEST_DATE <= key[0] <= self.latest:
                self.counts["steps", key[0], key[1]] += 1
        elif kind == _ENERGY_IN:
            energy = self._energy(attrs["value"], attrs.get("unit", "kcal"))
            if energy is not None:
                day = self._day(attrs["startDate"])
                self.sums["kcal_in", day] += energy
                self._count("kcal_in", day)
        elif kind == _PROTEIN:
            day = self._day(attrs["startDate"])
            self.sums["protein_g", day] += float(attrs["value"])
            self._count("protein_g", day)
        elif kind == _WEIGHT:
            factor = _MASS_UNITS.get(attrs.get("unit", ""))
            if factor is None:
                self.unknown_units += 1
                return
            stamp = attrs["startDate"]
            day = self._day(stamp)
            self._count("weight_kg", day)
            kept = self.weights.get(day)
            if kept is None or stamp[:19] < kept[0]:
                self.weights[day] = (stamp[:19], float(attrs["value"]) * factor, factor != 1.0)
        elif kind == _SLEEP and attrs.get("value") in _ASLEEP:
            start = _utc(_moment(attrs["startDate"]))
            end = _utc(_moment(attrs["endDate"]))
            if end >= start and not _merge(self.sleep[self._day(attrs["endDate"])], start, end):
                self.left_out += 1
        elif kind in _ALL_DAY:
            self.all_day += 1

    def _energy(self, text: str, unit: str) -> float | None:
        factor = _ENERGY_UNITS.get(unit)
        if factor is None:
            self.unknown_units += 1
            return None
        return float(text) * factor

    def _count(self, field: str, day: date) -> None:
        if not EARLIEST_DATE <= day <= self.latest:
            self.counts[field, day, ""] += 1

    def emit(self) -> None:
        found = self.found
        counts = self.counts
        for (day, source), steps in self.steps.items():
            count = counts.get(("steps", day, source), 1)
            found.records.append(Record("steps", day, steps, source=source, count=count))
        for (field, day), total in self.sums.items():
            count = counts.get((field, day, ""), 1)
            found.records.append(Record(field, day, total, derived=True, count=count))
        for day, (stamp, value, derived) in self.weights.items():
            at = datetime.fromisoformat(stamp)
            count = counts.get(("weight_kg", day, ""), 1)
            found.records.append(
                Record("weight_kg", day, value, derived=derived, at=at, count=count)
            )
        for day, spans in self.sleep.items():
            found.records.extend(
                Record(
                    "sleep_hours",
                    day,
                    (e - s).total_seconds() / 3600,
                    start=s,
                    end=e,
                    interval=True,
                )
                for s, e in spans
            )
        found.fields.update(r.field for r in found.records)
        found.columns.extend(sorted(found.fields))
        if self.all_day:
            found.warn(
                f"{self.all_day:,} active or basal energy records were not imported: all-day "
                "energy burned is covered by the activity factor"
            )
        if self.left_out:
            found.warn(
                f"{self.left_out:,} records were left out: a day keeps at most "
                f"{MAX_SOURCES_PER_DAY} step sources and {MAX_SLEEP_SPANS:,} separate sleep spans"
            )
        if self.unknown_units:
            found.warn(
                f"{self.unknown_units:,} records with a unit the hub does not know were left out"
            )

    def _day(self, stamp: str) -> date:
        """The day of ``stamp``, refused past ``MAX_DATA_ROWS`` different days."""
        day = _day(stamp)
        if day not in self.days:
            self.days.add(day)
            if len(self.days) > MAX_DATA_ROWS:
                raise _RefusedError(
                    f"the file has records on more than {MAX_DATA_ROWS} days; the limit is "
                    f"{MAX_DATA_ROWS}"
                )
        return day


def _day(stamp: str) -> date:
    return date.fromisoformat(stamp[:10])


def _moment(stamp: str) -> datetime:
    """``2024-03-01 23:00:00 +0100`` read as ISO 8601 without the space (twenty times
    faster than ``strptime``), else by the export's format, which says what is wrong."""
    try:
        moment = datetime.fromisoformat(stamp[:19] + stamp[20:])
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None or stamp[19:20] != " ":
        return datetime.strptime(stamp, _STAMP)
    return moment


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


def _merge(spans: list[tuple[datetime, datetime]], start: datetime, end: datetime) -> bool:
    """Add ``start``..``end`` to the sorted disjoint ``spans``, merging what it overlaps;
    False (nothing added) when it overlaps none and the day has its most spans."""
    first = bisect.bisect_left(spans, start, key=lambda span: span[1])
    last = first
    while last < len(spans) and spans[last][0] <= end:
        last += 1
    if first == last:
        if len(spans) >= MAX_SLEEP_SPANS:
            return False
        spans.insert(first, (start, end))
        return True
    spans[first:last] = [(min(start, spans[first][0]), max(end, spans[last - 1][1]))]
    return True


def read(
    stream: BinaryIO, *, latest: date, progress: Callable[[int], None] | None = None
) -> Collector:
    """The per-day records of an Apple Health ``export.xml`` stream (units are in each record).

    ``latest``: the last valid date (today, UTC, + 1); records after it or before 1900
    are counted so that the warning leaving them out says how many there were.
    """
    found = Collector()
    reader = _Reader(found, latest)
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end

    def refuse_entity(*_args: object) -> None:
        raise _RefusedError(
            f"the XML file declares entities; an Apple Health export does not: {_SEND_EXPORT}"
        )

    def refuse_external(*_args: object) -> int:
        raise _RefusedError("the XML file refers to external entities; they are refused")

    parser.EntityDeclHandler = refuse_entity
    parser.ExternalEntityRefHandler = refuse_external
    done = 0
    reported = 0
    quiet_since, seen = 0, 0
    try:
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
            done += len(chunk)
            if reader.elements != seen:
                quiet_since, seen = done, reader.elements
            elif done - quiet_since > MAX_ELEMENT_BYTES:
                raise _RefusedError(
                    f"the XML file has a single element over {MAX_ELEMENT_BYTES >> 20} MiB "
                    "long; an Apple Health export has none"
                )
            if progress is not None and done - reported >= _PROGRESS_EVERY:
                progress(done)
                reported = done
        parser.Parse(b"", True)
    except _RefusedError as refused:
        found.fail(str(refused))
        return found
    except expat.ExpatError as error:
        found.fail(f"the XML file cannot be read: {str(error)[:200]}")
        return found
    except (KeyError, ValueError) as error:
        found.fail(
            f"a record cannot be read near line {parser.CurrentLineNumber}: {str(error)[:100]}"
        )
        return found
    if progress is not None:
        progress(done)
    reader.emit()
    return found
