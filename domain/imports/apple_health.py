"""Apple Health: ``export.xml`` (alone or inside ``export.zip``), read as a stream.

The file is hundreds of MB: it is fed to expat in chunks and only per-day totals
are kept, so memory does not grow with the file (docs/imports/apple_health.md).
Entity declarations and external references are refused.

- StepCount: summed per source and day (start date); the day's largest source wins.
- BodyMass: the day's earliest, in its ``unit`` (kg, lb).
- DietaryEnergyConsumed (kcal, ``Cal`` = kcal, kJ) and DietaryProtein (g): summed.
- SleepAnalysis asleep values: intervals on their end date, overlaps counted once.
- Workout: ``totalEnergyBurned``, else the sum of its ``WorkoutStatistics`` energy,
  never both; on the workout's start date.
- Active and basal energy burned are all-day energy: not imported (a warning says so).
- Records inside a ``Correlation`` repeat samples listed on their own: skipped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, datetime
from typing import BinaryIO
from xml.parsers import expat

from domain.columns import KJ_PER_KCAL, LB_TO_KG
from domain.imports.records import Collector, Record
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


class _RefusedError(Exception):
    pass


class _Reader:
    """Expat handlers that keep per-day totals only."""

    def __init__(self, found: Collector, latest: date) -> None:
        self.found = found
        self.steps: dict[tuple[date, str], float] = defaultdict(float)
        self.sums: dict[tuple[str, date], float] = defaultdict(float)
        self.weights: dict[date, tuple[str, float, bool]] = {}
        self.sleep: list[Record] = []
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
            self.workout = (_day(attrs.get("startDate", "")), energy)
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
            day, source = _day(attrs["startDate"]), attrs.get("sourceName", "")
            self.steps[day, source] += float(attrs["value"])
            if not EARLIEST_DATE <= day <= self.latest:
                self.counts["steps", day, source] += 1
        elif kind == _ENERGY_IN:
            energy = self._energy(attrs["value"], attrs.get("unit", "kcal"))
            if energy is not None:
                day = _day(attrs["startDate"])
                self.sums["kcal_in", day] += energy
                self._count("kcal_in", day)
        elif kind == _PROTEIN:
            day = _day(attrs["startDate"])
            self.sums["protein_g", day] += float(attrs["value"])
            self._count("protein_g", day)
        elif kind == _WEIGHT:
            factor = _MASS_UNITS.get(attrs.get("unit", ""))
            if factor is None:
                self.unknown_units += 1
                return
            stamp = attrs["startDate"]
            day = _day(stamp)
            self._count("weight_kg", day)
            kept = self.weights.get(day)
            if kept is None or stamp[:19] < kept[0]:
                self.weights[day] = (stamp[:19], float(attrs["value"]) * factor, factor != 1.0)
        elif kind == _SLEEP and attrs.get("value") in _ASLEEP:
            start = datetime.strptime(attrs["startDate"], _STAMP)
            end = datetime.strptime(attrs["endDate"], _STAMP)
            hours = (end - start).total_seconds() / 3600
            self.sleep.append(
                Record(
                    "sleep_hours",
                    _day(attrs["endDate"]),
                    hours,
                    start=start,
                    end=end,
                    interval=True,
                )
            )
        elif kind in _ALL_DAY:
            self.all_day += 1

    def _count(self, field: str, day: date) -> None:
        if not EARLIEST_DATE <= day <= self.latest:
            self.counts[field, day, ""] += 1

    def _energy(self, text: str, unit: str) -> float | None:
        factor = _ENERGY_UNITS.get(unit)
        if factor is None:
            self.unknown_units += 1
            return None
        return float(text) * factor

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
        found.records.extend(self.sleep)
        found.fields.update(r.field for r in found.records)
        found.columns.extend(sorted(found.fields))
        if self.all_day:
            found.warn(
                f"{self.all_day:,} active or basal energy records were not imported: all-day "
                "energy burned is covered by the activity factor"
            )
        if self.unknown_units:
            found.warn(
                f"{self.unknown_units:,} records with a unit the hub does not know were left out"
            )


def _day(stamp: str) -> date:
    return date.fromisoformat(stamp[:10])


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
