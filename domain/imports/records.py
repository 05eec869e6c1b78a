"""Dated records read from an app's export, and the collector adapters fill."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from domain.model import MAX_REPORTED_ERRORS, DateOrder, NumberFormat, RowError, WeightUnit
from domain.validation import COLUMN_OF

#: Warnings kept in a report; the rest are counted in a last line.
MAX_WARNINGS = 100


@dataclass(frozen=True, slots=True)
class Record:
    """One measurement as the app wrote it.

    Attributes:
        field: the ``METRIC_FIELDS`` name it fills.
        day: the calendar day it counts on (its own local date; sleep: the wake-up day).
        value: the value in the field's unit.
        row: the file row (or record number) it came from, for messages.
        derived: the value was converted from the file's unit (rounded when stored).
        at: its local time, which orders weigh-ins (the day's earliest is kept).
        source: the device or app that counted it (steps: largest single source).
        start: start of a sleep session or interval, with ``end``.
        end: end of a sleep session or interval.
        interval: for sleep, the value is the asleep time of ``start``..``end`` itself
            (overlaps count once); otherwise a session total (overlapping sessions:
            the largest counts).
        count: how many of the file's records it stands for (a streamed reader keeps
            one total per day and source).
    """

    field: str
    day: date
    value: float
    row: int | None = None
    derived: bool = False
    at: datetime | None = None
    source: str = ""
    start: datetime | None = None
    end: datetime | None = None
    interval: bool = False
    count: int = 1


@dataclass
class Collector:
    """What an adapter found: records, bounded errors and warnings, counts."""

    fields: set[str] = field(default_factory=set)
    columns: list[str] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rows_read: int = 0
    rows_rejected: int = 0
    error_count: int = 0
    file_error: RowError | None = None
    _more_warnings: int = 0

    def add(self, record: Record) -> None:
        self.records.append(record)

    def supplies(self, metric: str) -> None:
        """Note a metric field the file supplies, reported by its canonical CSV column."""
        self.fields.add(metric)
        self.columns.append(COLUMN_OF[metric])

    def reject(self, errors: list[RowError]) -> None:
        """Count one rejected row with its errors; only the first 1,000 are kept."""
        self.rows_rejected += 1
        self.error_count += len(errors)
        room = MAX_REPORTED_ERRORS - len(self.errors)
        if room > 0:
            self.errors.extend(errors[:room])

    def warn(self, text: str) -> None:
        if len(self.warnings) < MAX_WARNINGS - 1:
            self.warnings.append(text)
        else:
            self._more_warnings += 1

    def fail(self, message: str, column: str | None = None) -> None:
        """The whole file is unusable."""
        self.file_error = RowError(None, column, None, message)

    def absorb(self, other: Collector) -> None:
        """Take in what another file of the same export found (a ZIP's members)."""
        self.fields.update(other.fields)
        self.columns.extend(c for c in other.columns if c not in self.columns)
        self.records.extend(other.records)
        for warning in other.all_warnings():
            self.warn(warning)
        self.rows_read += other.rows_read
        self.rows_rejected += other.rows_rejected
        self.error_count += other.error_count - len(other.errors)
        for error in other.errors:
            self.error_count += 1
            if len(self.errors) < MAX_REPORTED_ERRORS:
                self.errors.append(error)
        self.file_error = self.file_error or other.file_error

    def all_warnings(self) -> tuple[str, ...]:
        more = self._more_warnings
        return tuple(self.warnings) + ((f"and {more} more warnings",) if more else ())


@dataclass(frozen=True, slots=True)
class Options:
    """How to read cells the file leaves open (the mutation's arguments)."""

    date_order: DateOrder = DateOrder.AUTO
    number_format: NumberFormat = NumberFormat.AUTO
    #: ``weightUnit`` as sent (None: not sent).
    weight_unit: WeightUnit | None = None
    #: The profile's ``weight_unit``: the unit of weights whose file states none when
    #: ``weightUnit`` was not sent.
    profile_weight_unit: WeightUnit = WeightUnit.KG
    #: The profile's ``time_zone`` (IANA): the day of a UTC-stamped record.
    time_zone: str = "UTC"

    @property
    def unstated_weight_unit(self) -> WeightUnit:
        """The unit of a weight whose file does not state one."""
        return self.weight_unit or self.profile_weight_unit
