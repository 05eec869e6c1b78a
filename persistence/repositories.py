"""Repositories implementing the domain's storage protocols with set-based SQL."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Collection, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import (
    Column,
    Connection,
    Select,
    Table,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    text,
)

from domain.kpi_changes import kpi_changes
from domain.model import DailyMetrics, DataRange, Ingestion, Kpi, Profile
from persistence import mapping
from persistence.bulk import delete_dates, fetch_tuples, insert_rows
from persistence.tables import DAILY_METRICS, INGESTIONS, KPIS, PROFILES, USER_DATA_VERSIONS

#: Called with the user id by every write, so the unit of work bumps that user's data
#: version in the same transaction (``SqlDataVersionRepository``).
Touch = Callable[[str], None]


def _between(table: Table, columns: Sequence[Column[Any]]) -> Select[Any]:
    """A user's rows of ``table`` from ``start`` to ``end`` by date, with bind parameters
    (``user_id``, ``start``, ``end``), built once so ``fetch_tuples`` compiles it once."""
    return (
        select(*columns)
        .where(
            table.c.user_id == bindparam("user_id"),
            table.c.date.between(bindparam("start"), bindparam("end")),
        )
        .order_by(table.c.date)
    )


_METRICS_BETWEEN = _between(DAILY_METRICS, mapping.METRIC_COLUMNS)
_KPIS_BETWEEN = _between(KPIS, mapping.KPI_COLUMNS)
#: Every day of a user, by date (a correction reads them all): compiled once, as above.
_ALL_METRICS = (
    select(*mapping.METRIC_COLUMNS)
    .where(DAILY_METRICS.c.user_id == bindparam("user_id"))
    .order_by(DAILY_METRICS.c.date)
)


def kpis_between(fields: Sequence[str]) -> Select[Any]:
    """A user's stored KPI rows from ``start`` to ``end`` by date, only the ``Kpi``
    ``fields`` named (persistence/async_reads.py reads them on the event loop).

    Raises:
        KeyError: a name that is not a stored KPI field.
    """
    stored = {column.name: column for column in mapping.KPI_COLUMNS}
    return _between(KPIS, [stored[name] for name in fields])


_BUMP = text(
    "INSERT INTO user_data_versions (user_id, version) VALUES (:user_id, :start) "
    "ON CONFLICT (user_id) DO UPDATE SET version = user_data_versions.version + 1"
)


_Dated = TypeVar("_Dated", DailyMetrics, Kpi)


def _on_dates(
    between: Callable[[str, date, date], list[_Dated]], user_id: str, dates: Collection[date]
) -> list[_Dated]:
    """The rows among ``dates``, with one range read whatever the dates: a lookup runs
    the same statement whether a date is stored or not (docs/api.md, "Node")."""
    if not dates:
        return []
    wanted = set(dates)
    return [row for row in between(user_id, min(wanted), max(wanted)) if row.date in wanted]


class SqlMetricRepository:
    """Daily metrics of every user in ``daily_metrics``."""

    def __init__(self, connection: Connection, touch: Touch) -> None:
        self._connection = connection
        self._touch = touch

    def all_days(self, user_id: str) -> list[DailyMetrics]:
        rows = fetch_tuples(self._connection, _ALL_METRICS, {"user_id": user_id})
        return [DailyMetrics(*row) for row in rows]

    def between(self, user_id: str, start: date, end: date) -> list[DailyMetrics]:
        rows = fetch_tuples(
            self._connection, _METRICS_BETWEEN, {"user_id": user_id, "start": start, "end": end}
        )
        return [DailyMetrics(*row) for row in rows]

    def on_dates(self, user_id: str, dates: Collection[date]) -> list[DailyMetrics]:
        # One range read, whatever the dates: a lookup costs the same query shape
        # whether a date is logged or not (docs/api.md, "Node").
        if not dates:
            return []
        wanted = set(dates)
        return [
            day for day in self.between(user_id, min(wanted), max(wanted)) if day.date in wanted
        ]

    def upsert(
        self,
        user_id: str,
        days: Sequence[DailyMetrics],
        *,
        updated_at: datetime,
        ingestion_id: str | None,
        new: bool = False,
    ) -> None:
        self._touch(user_id)
        rows = mapping.metric_rows(user_id, days, updated_at, ingestion_id)
        keys = () if new else ("user_id", "date")
        insert_rows(self._connection, DAILY_METRICS, rows, conflict_keys=keys)

    def delete_between(self, user_id: str, start: date, end: date) -> int:
        self._touch(user_id)
        statement = delete(DAILY_METRICS).where(
            DAILY_METRICS.c.user_id == user_id, DAILY_METRICS.c.date.between(start, end)
        )
        return self._connection.execute(statement).rowcount

    def delete_dates(self, user_id: str, dates: Sequence[date]) -> int:
        self._touch(user_id)
        return delete_dates(self._connection, DAILY_METRICS, user_id, dates)

    def recent_weights(
        self, user_id: str, *, since: date, before: date, last: int
    ) -> list[tuple[date, float]]:
        weighed = DAILY_METRICS.c.weight_kg.is_not(None)
        latest = (
            select(DAILY_METRICS.c.date)
            .where(DAILY_METRICS.c.user_id == user_id, weighed)
            .order_by(DAILY_METRICS.c.date.desc())
            .limit(last)
            .subquery()
        )
        statement = (
            select(DAILY_METRICS.c.date, DAILY_METRICS.c.weight_kg)
            .where(
                DAILY_METRICS.c.user_id == user_id,
                weighed,
                (DAILY_METRICS.c.date >= since) & (DAILY_METRICS.c.date < before)
                | DAILY_METRICS.c.date.in_(select(latest.c.date)),
            )
            .order_by(DAILY_METRICS.c.date)
        )
        return [(day, weight) for day, weight in self._connection.execute(statement)]

    def data_range(self, user_id: str) -> DataRange:
        statement = select(
            func.min(DAILY_METRICS.c.date),
            func.max(DAILY_METRICS.c.date),
            func.count(),
        ).where(DAILY_METRICS.c.user_id == user_id)
        first, last, count = self._connection.execute(statement).one()
        return DataRange(first_date=first, last_date=last, days_logged=count)


class SqlKpiRepository:
    """Computed KPIs of every user in ``kpis``."""

    def __init__(self, connection: Connection, touch: Touch) -> None:
        self._connection = connection
        self._touch = touch

    def replace_from(
        self, user_id: str, since: date | None, kpis: Sequence[Kpi], *, computed_at: datetime
    ) -> date | None:
        """Make the stored rows from ``since`` on (all when None) equal ``kpis`` rounded
        as stored, writing only the rows that differ (``domain.kpi_changes``): one
        upsert and at most one delete per batch. Returns the first date written or
        deleted, None when every row already held its value."""
        if since is not None:
            early = [kpi.date for kpi in kpis if kpi.date < since]
            if early:
                raise ValueError(f"KPI dated {early[0]} is before since={since}")
        stored = self.between(user_id, since or date.min, date.max)
        changes = kpi_changes(stored, kpis)
        if not changes:
            return None
        self._touch(user_id)
        # The stored rows that change are deleted with the days gone and written again
        # with the new ones: one DELETE and one COPY, no staging table.
        stored_dates = {kpi.date for kpi in stored}
        replaced = [kpi.date for kpi in changes.written if kpi.date in stored_dates]
        delete_dates(self._connection, KPIS, user_id, [*changes.deleted, *replaced])
        insert_rows(self._connection, KPIS, mapping.kpi_rows(user_id, changes.written, computed_at))
        return changes.first_date

    def between(self, user_id: str, start: date, end: date) -> list[Kpi]:
        rows = fetch_tuples(
            self._connection, _KPIS_BETWEEN, {"user_id": user_id, "start": start, "end": end}
        )
        # The columns are Kpi's fields in order (mapping.KPI_COLUMNS): a row is a Kpi.
        new = tuple.__new__
        return [new(Kpi, row) for row in rows]

    def on_dates(self, user_id: str, dates: Collection[date]) -> list[Kpi]:
        if not dates:
            return []
        wanted = set(dates)
        return [
            kpi for kpi in self.between(user_id, min(wanted), max(wanted)) if kpi.date in wanted
        ]


class SqlProfileRepository:
    """One profile per user in ``profiles``."""

    def __init__(self, connection: Connection, touch: Touch) -> None:
        self._connection = connection
        self._touch = touch

    def get(self, user_id: str) -> Profile | None:
        statement = select(*mapping.PROFILE_COLUMNS).where(PROFILES.c.user_id == user_id)
        row = self._connection.execute(statement).one_or_none()
        return mapping.profile_from_row(row) if row is not None else None

    def save(self, user_id: str, profile: Profile, *, updated_at: datetime) -> None:
        self._touch(user_id)
        row = mapping.profile_row(user_id, profile, updated_at)
        insert_rows(self._connection, PROFILES, [row], conflict_keys=("user_id",))


class SqlIngestionRepository:
    """The history of upload attempts in ``ingestions``."""

    def __init__(self, connection: Connection, touch: Touch) -> None:
        self._connection = connection
        self._touch = touch

    def add(self, user_id: str, ingestion: Ingestion) -> None:
        self._touch(user_id)
        self._connection.execute(insert(INGESTIONS), mapping.ingestion_params(user_id, ingestion))

    def latest(self, user_id: str, limit: int) -> list[Ingestion]:
        return self.older_than(user_id, None, limit)

    def older_than(
        self, user_id: str, position: tuple[datetime, str] | None, limit: int
    ) -> list[Ingestion]:
        statement = (
            select(*mapping.INGESTION_COLUMNS)
            .where(INGESTIONS.c.user_id == user_id)
            .order_by(INGESTIONS.c.created_at.desc(), INGESTIONS.c.id.desc())
            .limit(limit)
        )
        if position is not None:
            # Keyset paging: a page never skips or repeats a report when newer ones arrive.
            created_at, ingestion_id = position
            statement = statement.where(
                or_(
                    INGESTIONS.c.created_at < created_at,
                    and_(INGESTIONS.c.created_at == created_at, INGESTIONS.c.id < ingestion_id),
                )
            )
        return [mapping.ingestion_from_row(row) for row in self._connection.execute(statement)]

    def by_ids(self, user_id: str, ids: Collection[str]) -> list[Ingestion]:
        if not ids:
            return []
        statement = select(*mapping.INGESTION_COLUMNS).where(
            INGESTIONS.c.user_id == user_id, INGESTIONS.c.id.in_(sorted(ids))
        )
        return [mapping.ingestion_from_row(row) for row in self._connection.execute(statement)]

    def count(self, user_id: str) -> int:
        statement = select(func.count()).where(INGESTIONS.c.user_id == user_id)
        return int(self._connection.execute(statement).scalar_one())


#: A user's data version: here in the unit of work, and on the event loop for a GET
#: query's ETag (persistence/async_reads.py).
DATA_VERSION = select(USER_DATA_VERSIONS.c.version).where(
    USER_DATA_VERSIONS.c.user_id == bindparam("user_id")
)


class SqlDataVersionRepository:
    """The data version of every user in ``user_data_versions`` (0 before the first write)."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def get(self, user_id: str) -> int:
        version = self._connection.execute(DATA_VERSION, {"user_id": user_id}).scalar_one_or_none()
        return int(version or 0)

    def bump(self, user_id: str) -> None:
        """Add one to the user's version; a first version starts at a random number, so
        a user whose data was removed (or moved to another name) and who writes again
        never repeats a version, and so an ETag, of the data before."""
        self._connection.execute(_BUMP, {"user_id": user_id, "start": secrets.randbits(48) + 1})
