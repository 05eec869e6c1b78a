"""Use cases: every change loads, merges, recomputes KPIs and saves in one unit of work.

The GraphQL resolvers and the command line call these the same way. After each
change the stored KPIs equal ``compute_kpis`` over all the user's stored days and
current profile: the days from ``first_affected_date`` on are recomputed, because
rolling windows and the weight trend carry a change forward, and the interpolated
weight trend also carries it back to the last weigh-in before it. KPIs are stored
rounded as served, and a recompute writes only the rows whose stored values change
(``domain.kpi_changes``); a change of a few days resumes from a checkpoint and stops
where its effect has faded (``domain.recompute``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import BinaryIO

from domain.accounts import LOCAL_USER as LOCAL_USER  # the implicit user, named here too
from domain.errors import InvalidInputError
from domain.exporting import to_csv
from domain.imports import weights
from domain.imports.days import with_fields
from domain.imports.pipeline import Limits, read_upload
from domain.imports.records import Options
from domain.kpis import compute_kpis
from domain.merging import merge
from domain.model import (
    DEFAULT_PROFILE,
    METRIC_FIELDS,
    DailyMetrics,
    DataRange,
    DateOrder,
    ImportSource,
    Ingestion,
    IngestionStatus,
    InvalidRowPolicy,
    Kpi,
    MetricValue,
    NumberFormat,
    ParseResult,
    Period,
    PeriodSummary,
    Profile,
    RowError,
    WeightUnit,
)
from domain.ports import UnitOfWork
from domain.profiles import apply_profile_changes, changes_kpis
from domain.recompute import keep_checkpoints, recompute_all, recompute_resumed, resume_point
from domain.reports import bounded
from domain.summary import summarise as _summarise
from domain.validation import date_problem, value_problem

#: The longest range the list queries answer, in days.
MAX_RANGE_DAYS = 3_660
MAX_INGESTIONS_LIMIT = 100
#: The largest page of the ingestion history (``first``) and the most ids one
#: ``nodes`` lookup takes.
MAX_PAGE_SIZE = 100
MAX_NODE_IDS = 100


@dataclass(frozen=True, slots=True)
class UploadOptions:
    """The arguments of ``uploadCsv`` and ``importFile`` besides the file."""

    policy: InvalidRowPolicy = InvalidRowPolicy.REJECT_FILE
    date_order: DateOrder = DateOrder.AUTO
    number_format: NumberFormat = NumberFormat.AUTO
    source: ImportSource = ImportSource.AUTO
    weight_unit: WeightUnit | None = None
    dry_run: bool = False


def upload_csv(
    uow: UnitOfWork,
    user_id: str,
    data: bytes,
    *,
    filename: str | None,
    policy: InvalidRowPolicy,
    date_order: DateOrder,
    now: datetime,
    options: UploadOptions | None = None,
) -> Ingestion:
    """Parse a CSV file (canonical or an app's) and apply it atomically; the report is
    stored either way (unless a dry run). Other formats are refused, naming importFile."""
    options = dataclasses.replace(options or UploadOptions(), policy=policy, date_order=date_order)
    return import_file(
        uow,
        user_id,
        io.BytesIO(data),
        filename=filename,
        options=options,
        now=now,
        limits=Limits(max_csv_bytes=len(data), max_archive_bytes=len(data)),
        csv_only=True,
    )


def import_file(
    uow: UnitOfWork,
    user_id: str,
    stream: BinaryIO,
    *,
    filename: str | None,
    options: UploadOptions,
    now: datetime,
    limits: Limits,
    csv_only: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Ingestion:
    """Read any supported file (docs/imports/index.md), merge its days, recompute KPIs
    and store it all with its report in one transaction.

    A dry run does all of it but the writes: it reads one snapshot, takes no write lock
    and blocks no writer; nothing is stored, not even the report.

    Args:
        stream: the file, seekable, at its start.
        limits: how much of a CSV or an archive member may be read.
        csv_only: refuse anything but CSV (``uploadCsv``).
        progress: called with the bytes read so far on long files.
    """
    digest, size = _digest(stream)
    # Read in a transaction of its own: the file is parsed outside any transaction.
    profile = get_profile(uow, user_id)
    parsed, source = read_upload(
        stream,
        filename,
        source=options.source,
        options=Options(
            options.date_order,
            options.number_format,
            options.weight_unit,
            profile_weight_unit=profile.weight_unit,
            time_zone=profile.time_zone,
        ),
        today=now.date(),
        limits=limits,
        csv_only=csv_only,
        progress=progress,
    )
    with uow:
        rejected = parsed.file_error is not None or (
            parsed.error_count > 0 and options.policy is InvalidRowPolicy.REJECT_FILE
        )
        if not rejected:
            # A dry run takes no write lock: it reads one snapshot and writes nothing.
            if not options.dry_run:
                uow.lock_user(user_id)
            if options.weight_unit is None:
                parsed = _check_weight_unit(uow, user_id, parsed)
                rejected = parsed.file_error is not None
        report = _report_of(parsed, digest, size, filename, now, source, options.dry_run)
        if rejected:
            report = dataclasses.replace(report, status=IngestionStatus.REJECTED)
        else:
            report = _apply(uow, user_id, parsed, report, now, write=not options.dry_run)
        report = bounded(report)
        if options.dry_run:
            uow.rollback()
        else:
            uow.ingestions.add(user_id, report)
            uow.commit()
    return report


def _apply(
    uow: UnitOfWork,
    user_id: str,
    parsed: ParseResult,
    report: Ingestion,
    now: datetime,
    *,
    write: bool = True,
) -> Ingestion:
    """Merge the parsed days into the stored ones; days left with no value are deleted.
    Without ``write`` (a dry run) the same report is made from reads alone."""
    incoming: Sequence[DailyMetrics] = parsed.days
    dates = [day.date for day in incoming]
    # A change of a few days resumes from a checkpoint and reads only the days it needs.
    resume = resume_point(uow, user_id, min(dates), max(dates)) if write and dates else None
    if resume is None:
        stored = uow.metrics.all_days(user_id)
    else:
        stored = uow.metrics.between(user_id, min(dates), max(dates))
    fields: Collection[str] = parsed.fields
    if parsed.day_fields is not None:
        by_date = {day.date: day for day in stored}
        incoming = [
            with_fields(day, by_date.get(day.date), parsed.day_fields[day.date])
            for day in parsed.days
        ]
        fields = METRIC_FIELDS
    result = merge(stored, incoming, fields)
    blank = (None,) * len(METRIC_FIELDS)
    empty = {day.date for day in result.changed if day.values() == blank}
    stored_dates = {day.date for day in stored}
    deleted = sorted(empty & stored_dates)
    days = [day for day in result.days if day.date not in empty]
    changed = [day for day in result.changed if day.date not in empty]
    if deleted and write:
        uow.metrics.delete_dates(user_id, deleted)
    # New dates are copied in; only the dates already stored need a merge.
    for new in (True, False):
        some = [day for day in changed if (day.date not in stored_dates) is new]
        if some and write:
            uow.metrics.upsert(user_id, some, updated_at=now, ingestion_id=report.id, new=new)
    touched = [*deleted, *(day.date for day in changed)]
    recomputed, kpis_changed_from = 0, None
    if not touched:
        if write:
            keep_checkpoints(uow, user_id)
    elif resume is None:
        recomputed, kpis_changed_from = recompute_all(uow, user_id, days, min(touched), now, write)
    else:
        recomputed, kpis_changed_from = recompute_resumed(
            uow, user_id, resume, min(touched), max(touched), now
        )
    inserted = result.inserted - len(empty - stored_dates)
    return dataclasses.replace(
        report,
        status=IngestionStatus.APPLIED if changed or deleted else IngestionStatus.UNCHANGED,
        rows_inserted=inserted,
        rows_updated=result.updated - len(deleted),
        rows_unchanged=result.unchanged + len(empty - stored_dates),
        rows_deleted=len(deleted),
        kpi_days_recomputed=recomputed,
        kpis_changed_from=kpis_changed_from,
    )


def _check_weight_unit(uow: UnitOfWork, user_id: str, parsed: ParseResult) -> ParseResult:
    """``parsed``, or a refusal when its weights look read in the wrong unit
    (docs/imports/index.md, "Weight units")."""
    if "weight_kg" not in parsed.fields:
        return parsed
    day_fields = parsed.day_fields
    weighed = [
        day
        for day in parsed.days
        if day.weight_kg is not None and (day_fields is None or "weight_kg" in day_fields[day.date])
    ]
    if not weighed:
        return parsed
    first = parsed.days[0].date
    since, before = weights.window(first)
    stored = uow.metrics.recent_weights(
        user_id, since=since, before=before, last=weights.LATEST_WEIGH_INS
    )
    problem = weights.unit_problem([d.weight_kg or 0.0 for d in weighed], stored, first)
    if problem is None:
        return parsed
    error = RowError(None, "weight_kg", None, problem)
    return dataclasses.replace(parsed, days=(), day_fields=None, file_error=error)


def _digest(stream: BinaryIO) -> tuple[str, int]:
    sha = hashlib.sha256()
    size = 0
    while chunk := stream.read(1 << 20):
        sha.update(chunk)
        size += len(chunk)
    stream.seek(0)
    return sha.hexdigest(), size


def upsert_day(
    uow: UnitOfWork,
    user_id: str,
    changes: Mapping[str, MetricValue],
    *,
    day: date,
    now: datetime,
) -> DailyMetrics:
    """Set the sent fields of one day (``None`` clears one); fields not sent keep their value.

    Raises:
        InvalidInputError: the date or a value is outside what docs/formats.md allows.
    """
    problem = date_problem(day, today=now.date())
    if problem:
        raise InvalidInputError(f"date: {problem}", field="date")
    for name in changes:
        if name not in METRIC_FIELDS:
            raise InvalidInputError(f"{name} is not a metric field", field=name)
    with uow:
        uow.lock_user(user_id)
        resume = resume_point(uow, user_id, day, day)
        stored = (
            uow.metrics.all_days(user_id)
            if resume is None
            else uow.metrics.between(user_id, day, day)
        )
        result = merge(stored, [DailyMetrics(date=day, **changes)], changes.keys())  # type: ignore[arg-type]
        new_day = next(d for d in result.days if d.date == day)
        _check_day(new_day, changes.keys())
        if all(value is None for value in new_day.values()):
            raise InvalidInputError(
                f"every metric of {day.isoformat()} would be blank, and a day without values "
                "is not a logged day; use deleteDailyMetrics to remove it",
                field="input",
            )
        if result.changed:
            uow.metrics.upsert(user_id, result.changed, updated_at=now, ingestion_id=None)
            if resume is None:
                recompute_all(uow, user_id, result.days, day, now)
            else:
                recompute_resumed(uow, user_id, resume, day, day, now)
        uow.commit()
    return dataclasses.replace(new_day, updated_at=now) if result.changed else new_day


def delete_days(uow: UnitOfWork, user_id: str, start: date, end: date, *, now: datetime) -> int:
    """Delete the logged days in ``start..end`` (any length) and recompute what follows."""
    _check_order(start, end)
    with uow:
        uow.lock_user(user_id)
        resume = resume_point(uow, user_id, start, end)
        deleted = uow.metrics.delete_between(user_id, start, end)
        if not deleted:
            pass
        elif resume is None:
            recompute_all(uow, user_id, uow.metrics.all_days(user_id), start, now)
        else:
            recompute_resumed(uow, user_id, resume, start, end, now)
        uow.commit()
    return deleted


def update_profile(
    uow: UnitOfWork, user_id: str, changes: Mapping[str, object], *, now: datetime
) -> Profile:
    """Change the sent profile fields and recompute every KPI of the user.

    Raises:
        InvalidInputError: a value is outside what the profile allows.
    """
    with uow:
        uow.lock_user(user_id)
        current = uow.profiles.get(user_id) or DEFAULT_PROFILE
        profile = apply_profile_changes(current, changes, today=now.date())
        uow.profiles.save(user_id, profile, updated_at=now)
        if changes_kpis(current, profile):
            kpis = compute_kpis(uow.metrics.all_days(user_id), profile)
            uow.kpis.replace_from(user_id, None, kpis, computed_at=now)
        # The checkpoints hold no profile value (domain.checkpoints).
        keep_checkpoints(uow, user_id)
        uow.commit()
    return profile


def get_profile(uow: UnitOfWork, user_id: str) -> Profile:
    with uow:
        return uow.profiles.get(user_id) or DEFAULT_PROFILE


def list_days(uow: UnitOfWork, user_id: str, start: date, end: date) -> list[DailyMetrics]:
    _check_range(start, end)
    with uow:
        return uow.metrics.between(user_id, start, end)


def list_kpis(uow: UnitOfWork, user_id: str, start: date, end: date) -> list[Kpi]:
    _check_range(start, end)
    with uow:
        return uow.kpis.between(user_id, start, end)


def summarise(
    uow: UnitOfWork, user_id: str, start: date, end: date, period: Period
) -> list[PeriodSummary]:
    _check_range(start, end)
    with uow:
        days = uow.metrics.between(user_id, start, end)
        kpis = uow.kpis.between(user_id, start, end)
    return _summarise(days, kpis, start, end, period)


def data_range(uow: UnitOfWork, user_id: str) -> DataRange:
    with uow:
        return uow.metrics.data_range(user_id)


def list_ingestions(uow: UnitOfWork, user_id: str, limit: int) -> list[Ingestion]:
    if not 1 <= limit <= MAX_INGESTIONS_LIMIT:
        raise InvalidInputError(
            f"limit: {limit} is outside 1–{MAX_INGESTIONS_LIMIT}", field="limit"
        )
    with uow:
        return uow.ingestions.latest(user_id, limit)


@dataclass(frozen=True, slots=True)
class IngestionPage:
    """One page of the upload history, newest first (``ingestionHistory``)."""

    ingestions: list[Ingestion]
    has_next_page: bool
    total_count: int


def ingestion_page(
    uow: UnitOfWork, user_id: str, first: int, after: tuple[datetime, str] | None
) -> IngestionPage:
    """The ``first`` reports after the position ``after`` (created_at, id), newest first,
    and how many the user has in all, read in one snapshot.

    Raises:
        InvalidInputError: ``first`` is outside 1–``MAX_PAGE_SIZE``.
    """
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise InvalidInputError(f"first: {first} is outside 1–{MAX_PAGE_SIZE}", field="first")
    with uow:
        found = uow.ingestions.older_than(user_id, after, first + 1)
        total = uow.ingestions.count(user_id)
    return IngestionPage(found[:first], len(found) > first, total)


#: A period summary's key: the period kind and its clipped first and last day.
SummaryKey = tuple[Period, date, date]


@dataclass(frozen=True, slots=True)
class NodeKeys:
    """What one ``node``/``nodes`` lookup asks for, by kind (docs/api.md, "Node")."""

    days: frozenset[date] = frozenset()
    kpis: frozenset[date] = frozenset()
    ingestions: frozenset[str] = frozenset()
    summaries: frozenset[SummaryKey] = frozenset()
    profile: bool = False
    data_range: bool = False


@dataclass(frozen=True, slots=True)
class FoundNodes:
    """The objects a lookup found; a key found nothing when it is missing here."""

    days: dict[date, DailyMetrics]
    kpis: dict[date, Kpi]
    ingestions: dict[str, Ingestion]
    summaries: dict[SummaryKey, PeriodSummary]
    profile: Profile | None
    data_range: DataRange | None


def find_nodes(uow: UnitOfWork, user_id: str, keys: NodeKeys) -> FoundNodes:
    """The user's objects named by ``keys``, in one snapshot, with one read per kind
    asked for whatever the keys find: how long a lookup takes never tells whether an
    object exists. A summary key answers only when it names one whole or clipped
    period (its days in one ISO week or calendar month)."""
    summary_keys = [key for key in keys.summaries if _one_period(*key)]
    with uow:
        days = uow.metrics.on_dates(user_id, keys.days) if keys.days else []
        kpis = uow.kpis.on_dates(user_id, keys.kpis) if keys.kpis else []
        ingestions = uow.ingestions.by_ids(user_id, keys.ingestions) if keys.ingestions else []
        profile = (uow.profiles.get(user_id) or DEFAULT_PROFILE) if keys.profile else None
        data_range = uow.metrics.data_range(user_id) if keys.data_range else None
        summaries: dict[SummaryKey, PeriodSummary] = {}
        if summary_keys:
            start = min(key[1] for key in summary_keys)
            end = max(key[2] for key in summary_keys)
            logged = uow.metrics.between(user_id, start, end)
            computed = uow.kpis.between(user_id, start, end)
            for key in summary_keys:
                summaries[key] = _summarise(logged, computed, key[1], key[2], key[0])[0]
    return FoundNodes(
        days={day.date: day for day in days},
        kpis={kpi.date: kpi for kpi in kpis},
        ingestions={ingestion.id: ingestion for ingestion in ingestions},
        summaries=summaries,
        profile=profile,
        data_range=data_range,
    )


def _one_period(period: Period, start: date, end: date) -> bool:
    if start > end:
        return False
    if period is Period.MONTH:
        return (start.year, start.month) == (end.year, end.month)
    return start.isocalendar()[:2] == end.isocalendar()[:2]


def export_days(
    uow: UnitOfWork, user_id: str, start: date | None = None, end: date | None = None
) -> bytes:
    """Every stored day of the user in ``start..end`` (either bound open when None) as a
    canonical CSV file that ``upload_csv`` takes back unchanged.

    Unlike the list queries, an export takes any range: a person can always take all
    their data out in one file.
    """
    with uow:
        if start is None and end is None:
            days: list[DailyMetrics] = uow.metrics.all_days(user_id)
        else:
            days = uow.metrics.between(user_id, start or date.min, end or date.max)
    return to_csv(days)


def _report_of(
    parsed: ParseResult,
    digest: str,
    size: int,
    filename: str | None,
    now: datetime,
    source: ImportSource,
    dry_run: bool,
) -> Ingestion:
    errors = parsed.errors if parsed.file_error is None else (parsed.file_error,)
    return Ingestion(
        id=uuid.uuid4().hex,
        filename=filename,
        sha256=digest,
        size_bytes=size,
        source=source,
        dry_run=dry_run,
        status=IngestionStatus.REJECTED,
        created_at=now,
        rows_read=parsed.rows_read,
        rows_rejected=parsed.rows_rejected,
        first_date=parsed.days[0].date if parsed.days else None,
        last_date=parsed.days[-1].date if parsed.days else None,
        columns=parsed.columns,
        warnings=parsed.warnings,
        errors=errors,
        error_count=parsed.error_count if parsed.file_error is None else 1,
    )


def _check_day(day: DailyMetrics, sent: Iterable[str]) -> None:
    """Validate the sent fields as CSV cells are validated; junk is checked against the
    day's resulting kcal_in whenever either of the two was sent."""
    names = set(sent)
    if "kcal_in" in names:
        names.add("kcal_junk_in")
    for name in METRIC_FIELDS:
        value = getattr(day, name)
        if name not in names or value is None:
            continue
        problem = value_problem(name, value, kcal_in=day.kcal_in)
        if problem:
            raise InvalidInputError(f"{name}: {problem}", field=name)


def _check_order(start: date, end: date) -> None:
    if start > end:
        raise InvalidInputError(f"start {start} is after end {end}", field="start")


def _check_range(start: date, end: date) -> None:
    _check_order(start, end)
    days = (end - start).days + 1
    if days > MAX_RANGE_DAYS:
        raise InvalidInputError(
            f"the range {start}–{end} covers {days:,} days; at most {MAX_RANGE_DAYS:,} are allowed",
            field="end",
        )
