"""Entities of the domain: a day's metrics, its KPIs, the profile, parse results and reports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import operator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

#: The metric fields of a day, in canonical order (docs/formats.md, Columns).
METRIC_FIELDS: tuple[str, ...] = (
    "steps",
    "protein_g",
    "kcal_in",
    "kcal_junk_in",
    "kcal_out_training",
    "sleep_hours",
    "stress",
    "weight_kg",
    "waist_cm",
)

#: Metric fields that hold whole numbers.
INTEGER_FIELDS: frozenset[str] = frozenset({"steps", "stress"})

MetricValue = int | float | None

#: A report keeps at most this many errors; ``error_count`` has the total.
MAX_REPORTED_ERRORS = 1_000


class Sex(enum.Enum):
    MALE = "MALE"
    FEMALE = "FEMALE"


class InvalidRowPolicy(enum.Enum):
    REJECT_FILE = "REJECT_FILE"
    SKIP_ROW = "SKIP_ROW"


class DateOrder(enum.Enum):
    AUTO = "AUTO"
    DMY = "DMY"
    MDY = "MDY"
    YMD = "YMD"


class IngestionStatus(enum.Enum):
    APPLIED = "APPLIED"
    REJECTED = "REJECTED"
    UNCHANGED = "UNCHANGED"


class Period(enum.Enum):
    WEEK = "WEEK"
    MONTH = "MONTH"


class ImportSource(enum.Enum):
    """The format of an uploaded file (docs/imports/index.md); AUTO is input only,
    UNKNOWN output only (nothing was recognised)."""

    AUTO = "AUTO"
    HUB = "HUB"
    MYFITNESSPAL = "MYFITNESSPAL"
    CRONOMETER = "CRONOMETER"
    WITHINGS = "WITHINGS"
    GARMIN = "GARMIN"
    GOOGLE_FIT = "GOOGLE_FIT"
    FITBIT = "FITBIT"
    OURA = "OURA"
    WHOOP = "WHOOP"
    RENPHO = "RENPHO"
    APPLE_HEALTH = "APPLE_HEALTH"
    UNKNOWN = "UNKNOWN"


class NumberFormat(enum.Enum):
    """Decimal mark and thousands separator of a file's numbers (docs/formats.md, "Cells")."""

    AUTO = "AUTO"
    POINT = "POINT"
    COMMA = "COMMA"


class WeightUnit(enum.Enum):
    """A unit of body weight: how the profile shows weights, and the unit of a weight
    column whose unit the file does not state."""

    KG = "KG"
    LB = "LB"


@dataclass(frozen=True, slots=True)
class DailyMetrics:
    """One person's logged values for one calendar day; ``None`` means "no value".

    ``updated_at`` is bookkeeping set by storage and is not part of the day's value:
    two days with the same metrics compare equal whatever their ``updated_at``.
    """

    date: date
    steps: int | None = None
    protein_g: float | None = None
    kcal_in: float | None = None
    kcal_junk_in: float | None = None
    kcal_out_training: float | None = None
    sleep_hours: float | None = None
    stress: int | None = None
    weight_kg: float | None = None
    waist_cm: float | None = None
    updated_at: datetime | None = field(default=None, compare=False)

    def values(self) -> tuple[MetricValue, ...]:
        """The metric values in ``METRIC_FIELDS`` order."""
        return _metric_values(self)


#: The metric values of a day in ``METRIC_FIELDS`` order, in one C call.
_metric_values = operator.attrgetter(*METRIC_FIELDS)


class Kpi(NamedTuple):
    """The KPIs of one logged day (docs/kpis.md); ``None`` where undefined.

    A named tuple rather than a frozen dataclass: reads build thousands of these from
    database rows, and a row becomes a ``Kpi`` in a tenth of the time (the
    repository makes them with ``tuple.__new__``; tests/bench/profile_read.py).
    """

    date: date
    bmr_kcal: float | None = None
    kcal_out_total: float | None = None
    balance_kcal: float | None = None
    balance_7d_avg: float | None = None
    balance_7d_days: int = 0
    protein_per_kg: float | None = None
    healthy_food_pct: float | None = None
    steps_goal_met: bool | None = None
    steps_7d_avg: float | None = None
    steps_goal_rate_7d: float | None = None
    sleep_7d_avg: float | None = None
    weight_7d_avg: float | None = None
    weight_7d_days: int = 0
    weight_trend: float | None = None
    weight_trend_change_7d: float | None = None
    waist_change_7d: float | None = None
    tdee_estimate: float | None = None
    expenditure_kcal: float | None = None
    expenditure_low_kcal: float | None = None
    expenditure_high_kcal: float | None = None
    weight_rate_kg_per_week: float | None = None
    energy_balance_kcal: float | None = None
    energy_balance_7d_avg: float | None = None
    goal_eta_date: dt.date | None = None  # ``dt.``: the field ``date`` hides the type
    target_kcal_in: float | None = None


#: The KPI fields after ``date``, in ``Kpi`` order.
KPI_FIELDS: tuple[str, ...] = Kpi._fields[1:]


@dataclass(frozen=True, slots=True)
class Profile:
    """The person's settings that KPIs depend on (docs/kpis.md, Profile)."""

    sex: Sex | None = Sex.MALE
    birth_date: date | None = date(1996, 1, 1)
    height_cm: float | None = 180.0
    activity_factor: float = 1.2
    steps_goal: int = 10_000
    protein_target_g_per_kg: float = 1.9
    balance_goal_kcal: float = -300.0
    sleep_target_hours: float = 7.0
    #: The plan a person acts on (docs/kpis.md, "The plan"); ``None``: no goal, no rate.
    goal_weight_kg: float | None = None
    goal_rate_kg_per_week: float | None = None
    #: How weights are shown, and the unit of an imported weight whose file states none.
    weight_unit: WeightUnit = WeightUnit.KG
    #: An IANA name: the day a UTC-stamped record belongs to (docs/imports/index.md).
    time_zone: str = "UTC"
    is_default: bool = True


DEFAULT_PROFILE = Profile()

#: The profile fields a person can change, in ``Profile`` order.
PROFILE_FIELDS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(Profile) if f.name != "is_default"
)


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem in an uploaded file or in a manual entry.

    ``row`` counts the header as row 1; it is ``None`` for a problem with the whole
    file. ``column`` is the canonical column name when the problem is in one cell.
    ``value`` is the raw cell text cut to 100 characters.
    """

    row: int | None
    column: str | None
    value: str | None
    message: str


@dataclass(frozen=True, slots=True)
class ParseResult:
    """What parsing a CSV file found.

    Attributes:
        days: the valid days, one per date (the later row wins), sorted by date.
            Only the fields named in ``fields`` carry file values; the others are
            ``None`` and must not be merged.
        fields: the metric fields (``METRIC_FIELDS`` names) the file has a column for.
        columns: the canonical CSV column names recognised, in header order.
        rows_read: data rows read (blank rows not counted).
        rows_rejected: data rows with at least one error.
        errors: the first ``MAX_REPORTED_ERRORS`` row errors, in file order.
        error_count: how many row errors there are in all.
        warnings: human-readable warnings (unknown columns, duplicate dates).
        file_error: set when the whole file is unusable (encoding, header, limits);
            then ``days`` is empty.
        day_fields: for record-based app formats, the fields each day has records
            for (only those are merged on that day); ``None`` means every day takes
            every field in ``fields`` (a blank cell clears the stored value).
    """

    days: tuple[DailyMetrics, ...] = ()
    fields: frozenset[str] = frozenset()
    columns: tuple[str, ...] = ()
    rows_read: int = 0
    rows_rejected: int = 0
    errors: tuple[RowError, ...] = ()
    error_count: int = 0
    warnings: tuple[str, ...] = ()
    file_error: RowError | None = None
    day_fields: dict[date, frozenset[str]] | None = None


@dataclass(frozen=True, slots=True)
class MergeResult:
    """Stored days after applying changes, and what changed.

    ``changed`` holds the new version of every inserted or updated day, sorted by
    date; ``days`` is every stored day after the merge, sorted by date.
    """

    days: tuple[DailyMetrics, ...]
    changed: tuple[DailyMetrics, ...]
    inserted: int
    updated: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class Ingestion:
    """The report of one upload attempt, which is also its history record (docs/formats.md)."""

    id: str
    filename: str | None
    sha256: str
    size_bytes: int
    status: IngestionStatus
    created_at: datetime
    rows_read: int = 0
    rows_inserted: int = 0
    rows_updated: int = 0
    rows_unchanged: int = 0
    rows_rejected: int = 0
    first_date: date | None = None
    last_date: date | None = None
    kpi_days_recomputed: int = 0
    columns: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    errors: tuple[RowError, ...] = ()
    error_count: int = 0
    rows_deleted: int = 0
    source: ImportSource = ImportSource.UNKNOWN
    dry_run: bool = False
    #: The first date whose stored KPI row this upload created, changed or deleted
    #: (None when it changed none), so a client knows from which day to refetch KPIs.
    kpis_changed_from: date | None = None


@dataclass(frozen=True, slots=True)
class PeriodSummary:
    """KPIs summarised over one ISO week or calendar month, clipped (docs/kpis.md)."""

    period_start: date
    period_end: date
    days_logged: int = 0
    balance_avg: float | None = None
    steps_avg: float | None = None
    steps_goal_rate: float | None = None
    protein_per_kg_avg: float | None = None
    sleep_avg: float | None = None
    weight_avg: float | None = None
    weight_trend_end: float | None = None
    kcal_in_avg: float | None = None
    expenditure_avg: float | None = None
    energy_balance_avg: float | None = None
    target_kcal_in: float | None = None
    weight_rate_end: float | None = None


@dataclass(frozen=True, slots=True)
class DataRange:
    first_date: date | None
    last_date: date | None
    days_logged: int
