"""Aggregating an app's records to days (docs/imports/index.md, "Many records a day").

- Intake, protein and training energy: the sum of the day's records.
- Steps: the sum per source; with several sources, the largest single-source total.
- Weight and waist: the earliest measurement by local time on that date.
- Sleep: asleep time of the sessions ending that day; asleep intervals that overlap
  count once (their union); sessions given only as totals that overlap in time
  count the largest of each overlapping group.

A day value that sums several records or converts a unit is rounded half-even to
its unit; a single record copied as written keeps its value.
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from domain.imports.records import Collector, Record
from domain.model import INTEGER_FIELDS, DailyMetrics, ParseResult, RowError
from domain.parsing import MAX_DATA_ROWS
from domain.precision import rounded
from domain.validation import (
    COLUMN_OF,
    EARLIEST_DATE,
    date_problem,
    latest_date,
    value_problem,
)

_EARLIEST = frozenset({"weight_kg", "waist_cm"})
#: Dates a warning about records left out names before "and N more dates".
MAX_LISTED_DATES = 10


def to_days(found: Collector, *, today: date, max_days: int = MAX_DATA_ROWS) -> ParseResult:
    """The days of ``found``'s records, each with only the fields it has records for."""
    if found.file_error is not None:
        return ParseResult(
            rows_read=found.rows_read,
            columns=tuple(found.columns),
            warnings=found.all_warnings(),
            file_error=found.file_error,
        )
    by_day: dict[date, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
    for record in found.records:
        if math.isfinite(record.value):
            by_day[record.day][record.field].append(record)
        else:
            found.reject([_not_finite(record.field, record.value, record.row, record.day)])
    if len(by_day) > max_days:
        message = f"the file has records on more than {max_days} days; the limit is {max_days}"
        return ParseResult(
            rows_read=found.rows_read, file_error=RowError(None, None, None, message)
        )
    days: list[DailyMetrics] = []
    day_fields: dict[date, frozenset[str]] = {}
    impossible: list[date] = []
    left_out = 0
    for day in sorted(by_day):
        if date_problem(day, today=today):
            # A device clock set wrong: the record is left out, the export is not refused.
            impossible.append(day)
            left_out += sum(r.count for records in by_day[day].values() for r in records)
            continue
        values = {name: _finite_value(name, records) for name, records in by_day[day].items()}
        errors = _problems(values, by_day[day]) or [
            _not_finite(name, value, by_day[day][name][0].row, day)
            for name, value in values.items()
            if not math.isfinite(value)
        ]
        if errors:
            found.reject(errors)
            continue
        days.append(DailyMetrics(day, **values))  # type: ignore[arg-type]
        day_fields[day] = frozenset(values)
    warnings = found.all_warnings()
    if impossible:
        warnings += (_impossible_warning(left_out, impossible, today),)
    if found.records:
        count = max(found.rows_read, len(found.records))
        plural = "" if len(by_day) == 1 else "s"
        warnings += (f"{count:,} records were aggregated into {len(by_day):,} day{plural}",)
    return ParseResult(
        days=tuple(days),
        fields=frozenset(found.fields),
        columns=tuple(found.columns),
        rows_read=found.rows_read,
        rows_rejected=found.rows_rejected,
        errors=tuple(found.errors),
        error_count=found.error_count,
        warnings=warnings,
        day_fields=day_fields,
    )


def _impossible_warning(count: int, dates: list[date], today: date) -> str:
    shown = ", ".join(d.isoformat() for d in dates[:MAX_LISTED_DATES])
    more = len(dates) - MAX_LISTED_DATES
    plural = "record was" if count == 1 else "records were"
    return (
        f"{count:,} {plural} left out: dated {shown}"
        + (f" and {more:,} more dates" if more > 0 else "")
        + f", outside {EARLIEST_DATE.isoformat()} to {latest_date(today).isoformat()} "
        "(a device clock set wrong?)"
    )


def compacted(records: Iterable[Record]) -> list[Record]:
    """Records that ``to_days`` aggregates to the same days, at most a few a day and
    field: what a reader keeps while more records stream in (sums summed, steps summed
    per source, the earliest weight and waist, sleep intervals merged)."""
    by_day: dict[tuple[date, str], list[Record]] = defaultdict(list)
    for record in records:
        by_day[record.day, record.field].append(record)
    kept: list[Record] = []
    for (_, name), group in by_day.items():
        if len(group) == 1:
            kept.extend(group)
        elif name in _EARLIEST:
            kept.append(min(enumerate(group), key=lambda pair: (_order(pair[1].at), pair[0]))[1])
        elif name == "steps":
            per_source: dict[str, list[Record]] = defaultdict(list)
            for record in group:
                per_source[record.source].append(record)
            kept.extend(_summed(same) for same in per_source.values())
        elif name == "sleep_hours":
            kept.extend(r for r in group if not (r.interval and r.start and r.end))
            kept.extend(merged_intervals(group))
        else:
            kept.append(_summed(group))
    return kept


def _summed(group: Sequence[Record]) -> Record:
    if len(group) == 1:
        return group[0]
    first = group[0]
    total = math.fsum(r.value for r in group)
    count = sum(r.count for r in group)
    return Record(first.field, first.day, total, first.row, True, source=first.source, count=count)


def merged_intervals(records: Iterable[Record]) -> list[Record]:
    """The union of the sleep intervals among ``records``, as interval records."""
    timed = sorted(
        (start, end, record)
        for record in records
        if record.interval
        and (start := _instant(record.start)) is not None
        and (end := _instant(record.end)) is not None
    )
    spans: list[tuple[datetime, datetime, Record]] = []
    for start, end, record in timed:
        if spans and start <= spans[-1][1]:
            first_start, last_end, first = spans[-1]
            if end > last_end:
                spans[-1] = (first_start, end, dataclasses.replace(first, end=record.end))
        else:
            spans.append((start, end, record))
    return [
        dataclasses.replace(record, value=(end - start).total_seconds() / 3600)
        for start, end, record in spans
    ]


def _not_finite(name: str, value: float, row: int | None, day: date) -> RowError:
    column = COLUMN_OF[name]
    return RowError(
        row, column, str(value), f"{column}: {value} on {day.isoformat()} is not a finite number"
    )


def _finite_value(name: str, records: Sequence[Record]) -> float | int:
    """The day's value, or infinity when its records sum past the float range."""
    try:
        return _value(name, records)
    except (ArithmeticError, ValueError):
        return math.inf


def _value(name: str, records: Sequence[Record]) -> float | int:
    if name in _EARLIEST:
        first = min(enumerate(records), key=lambda pair: (_order(pair[1].at), pair[0]))[1]
        return _stored(name, first.value, first.derived)
    if name == "steps":
        per_source: dict[str, float] = defaultdict(float)
        for record in records:
            per_source[record.source] += record.value
        return round(max(per_source.values()))
    if name == "sleep_hours":
        return rounded(name, _sleep_hours(records))
    if len(records) == 1:
        return _stored(name, records[0].value, records[0].derived)
    return rounded(name, sum(r.value for r in records))


def _stored(name: str, value: float, derived: bool) -> float | int:
    if name in INTEGER_FIELDS:
        return round(value)
    return rounded(name, value) if derived else value


def _order(at: datetime | None) -> tuple[int, str]:
    return (1, "") if at is None else (0, at.replace(tzinfo=None).isoformat())


def _sleep_hours(records: Iterable[Record]) -> float:
    intervals: list[tuple[datetime, datetime]] = []
    sessions: list[tuple[datetime | None, datetime | None, float]] = []
    for record in records:
        start, end = _instant(record.start), _instant(record.end)
        if record.interval and start is not None and end is not None:
            intervals.append((start, end))
        else:
            sessions.append((start, end, record.value))
    return _union_hours(intervals) + _largest_per_overlap(sessions)


def _instant(moment: datetime | None) -> datetime | None:
    """A time comparable with any other: UTC when its offset is known, else as written."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _union_hours(intervals: list[tuple[datetime, datetime]]) -> float:
    total = 0.0
    current: tuple[datetime, datetime] | None = None
    for start, end in sorted(intervals):
        if current is None or start > current[1]:
            if current is not None:
                total += (current[1] - current[0]).total_seconds()
            current = (start, end)
        elif end > current[1]:
            current = (current[0], end)
    if current is not None:
        total += (current[1] - current[0]).total_seconds()
    return total / 3600


def _largest_per_overlap(sessions: list[tuple[datetime | None, datetime | None, float]]) -> float:
    """Sessions without times each count; timed sessions that overlap count their largest."""
    total = sum(hours for start, end, hours in sessions if start is None or end is None)
    timed = sorted((s, e, h) for s, e, h in sessions if s is not None and e is not None)
    group_end: datetime | None = None
    group_max = 0.0
    for start, end, hours in timed:
        if group_end is None or start >= group_end:
            total += group_max
            group_end, group_max = end, hours
        else:
            group_end, group_max = max(group_end, end), max(group_max, hours)
    return total + group_max


def _problems(values: dict[str, float | int], records: dict[str, list[Record]]) -> list[RowError]:
    errors = []
    for name, value in values.items():
        problem = value_problem(name, value, kcal_in=values.get("kcal_in"))
        if problem:
            column = COLUMN_OF[name]
            row = records[name][0].row
            day = records[name][0].day.isoformat()
            errors.append(
                RowError(row, column, str(value), f"{column}: {problem} (the total of {day})")
            )
    return errors


def with_fields(
    day: DailyMetrics, stored: DailyMetrics | None, fields: Iterable[str]
) -> DailyMetrics:
    """``stored`` (or an empty day) with ``fields`` taken from ``day``."""
    base = stored or DailyMetrics(day.date)
    return dataclasses.replace(base, **{name: getattr(day, name) for name in fields})
