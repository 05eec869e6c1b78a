"""Use cases: every change loads, merges, recomputes KPIs and saves in one unit of work.

The GraphQL resolvers and the command line call these the same way. After each
change the stored KPIs equal ``compute_kpis`` over all the user's stored days and
current profile: the days from ``first_affected_date`` on are recomputed, because
rolling windows and the weight trend carry a change forward, and the interpolated
weight trend also carries it back to the last weigh-in before it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime

from domain.errors import InvalidInputError
from domain.exporting import to_csv
from domain.kpis import compute_kpis, first_affected_date
from domain.merging import merge
from domain.model import (
    DEFAULT_PROFILE,
    METRIC_FIELDS,
    DailyMetrics,
    DataRange,
    DateOrder,
    Ingestion,
    IngestionStatus,
    InvalidRowPolicy,
    Kpi,
    MetricValue,
    ParseResult,
    Period,
    PeriodSummary,
    Profile,
)
from domain.parsing import parse_csv
from domain.ports import UnitOfWork
from domain.profiles import apply_profile_changes
from domain.summary import summarise as _summarise
from domain.validation import date_problem, value_problem

#: The one implicit user until accounts exist.
LOCAL_USER = "local"
#: The longest range the list queries answer, in days.
MAX_RANGE_DAYS = 3_660
MAX_INGESTIONS_LIMIT = 100


def upload_csv(
    uow: UnitOfWork,
    user_id: str,
    data: bytes,
    *,
    filename: str | None,
    policy: InvalidRowPolicy,
    date_order: DateOrder,
    now: datetime,
) -> Ingestion:
    """Parse a CSV file and apply it atomically; the report is stored either way."""
    parsed = parse_csv(data, today=now.date(), date_order=date_order)
    report = _report_of(parsed, data, filename, now)
    rejected = parsed.file_error is not None or (
        parsed.error_count > 0 and policy is InvalidRowPolicy.REJECT_FILE
    )
    with uow:
        if rejected:
            report = dataclasses.replace(report, status=IngestionStatus.REJECTED)
        else:
            uow.lock_user(user_id)
            stored = uow.metrics.all_days(user_id)
            result = merge(stored, parsed.days, parsed.fields)
            recomputed = _save_changes(uow, user_id, result.days, result.changed, now, report.id)
            report = dataclasses.replace(
                report,
                status=IngestionStatus.APPLIED if result.changed else IngestionStatus.UNCHANGED,
                rows_inserted=result.inserted,
                rows_updated=result.updated,
                rows_unchanged=result.unchanged,
                kpi_days_recomputed=recomputed,
            )
        uow.ingestions.add(user_id, report)
        uow.commit()
    return report


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
        stored = uow.metrics.all_days(user_id)
        result = merge(stored, [DailyMetrics(date=day, **changes)], changes.keys())  # type: ignore[arg-type]
        new_day = next(d for d in result.days if d.date == day)
        _check_day(new_day, changes.keys())
        _save_changes(uow, user_id, result.days, result.changed, now, None)
        uow.commit()
    return dataclasses.replace(new_day, updated_at=now) if result.changed else new_day


def delete_days(uow: UnitOfWork, user_id: str, start: date, end: date, *, now: datetime) -> int:
    """Delete the logged days in ``start..end`` (any length) and recompute what follows."""
    _check_order(start, end)
    with uow:
        uow.lock_user(user_id)
        deleted = uow.metrics.delete_between(user_id, start, end)
        if deleted:
            days = uow.metrics.all_days(user_id)
            _recompute(uow, user_id, days, start, now)
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
        if dataclasses.replace(profile, is_default=True) != dataclasses.replace(
            current, is_default=True
        ):
            kpis = compute_kpis(uow.metrics.all_days(user_id), profile)
            uow.kpis.replace_from(user_id, None, kpis, computed_at=now)
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


def _report_of(parsed: ParseResult, data: bytes, filename: str | None, now: datetime) -> Ingestion:
    errors = parsed.errors if parsed.file_error is None else (parsed.file_error,)
    return Ingestion(
        id=uuid.uuid4().hex,
        filename=filename,
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
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


def _save_changes(
    uow: UnitOfWork,
    user_id: str,
    days: Sequence[DailyMetrics],
    changed: Sequence[DailyMetrics],
    now: datetime,
    ingestion_id: str | None,
) -> int:
    """Write the changed days and recompute from the first of them; returns KPI days written."""
    if not changed:
        return 0
    uow.metrics.upsert(user_id, changed, updated_at=now, ingestion_id=ingestion_id)
    return _recompute(uow, user_id, days, changed[0].date, now)


def _recompute(
    uow: UnitOfWork, user_id: str, days: Sequence[DailyMetrics], since: date, now: datetime
) -> int:
    since = first_affected_date(days, since)
    profile = uow.profiles.get(user_id) or DEFAULT_PROFILE
    kpis = compute_kpis(days, profile, since)
    uow.kpis.replace_from(user_id, since, kpis, computed_at=now)
    return len(kpis)


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
