"""Repositories implementing the domain's storage protocols with set-based SQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import Connection, delete, func, insert, select

from domain.model import DailyMetrics, DataRange, Ingestion, Kpi, Profile
from persistence import mapping
from persistence.bulk import fetch_tuples, insert_rows
from persistence.tables import DAILY_METRICS, INGESTIONS, KPIS, PROFILES


class SqlMetricRepository:
    """Daily metrics of every user in ``daily_metrics``."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def all_days(self, user_id: str) -> list[DailyMetrics]:
        statement = (
            select(*mapping.METRIC_COLUMNS)
            .where(DAILY_METRICS.c.user_id == user_id)
            .order_by(DAILY_METRICS.c.date)
        )
        return [DailyMetrics(*row) for row in fetch_tuples(self._connection, statement)]

    def between(self, user_id: str, start: date, end: date) -> list[DailyMetrics]:
        statement = (
            select(*mapping.METRIC_COLUMNS)
            .where(DAILY_METRICS.c.user_id == user_id, DAILY_METRICS.c.date.between(start, end))
            .order_by(DAILY_METRICS.c.date)
        )
        return [DailyMetrics(*row) for row in fetch_tuples(self._connection, statement)]

    def upsert(
        self,
        user_id: str,
        days: Sequence[DailyMetrics],
        *,
        updated_at: datetime,
        ingestion_id: str | None,
    ) -> None:
        rows = mapping.metric_rows(user_id, days, updated_at, ingestion_id)
        insert_rows(self._connection, DAILY_METRICS, rows, conflict_keys=("user_id", "date"))

    def delete_between(self, user_id: str, start: date, end: date) -> int:
        statement = delete(DAILY_METRICS).where(
            DAILY_METRICS.c.user_id == user_id, DAILY_METRICS.c.date.between(start, end)
        )
        return self._connection.execute(statement).rowcount

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

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def replace_from(
        self, user_id: str, since: date | None, kpis: Sequence[Kpi], *, computed_at: datetime
    ) -> None:
        statement = delete(KPIS).where(KPIS.c.user_id == user_id)
        if since is not None:
            statement = statement.where(KPIS.c.date >= since)
            early = [kpi.date for kpi in kpis if kpi.date < since]
            if early:
                raise ValueError(f"KPI dated {early[0]} is before since={since}")
        self._connection.execute(statement)
        insert_rows(self._connection, KPIS, mapping.kpi_rows(user_id, kpis, computed_at))

    def between(self, user_id: str, start: date, end: date) -> list[Kpi]:
        statement = (
            select(*mapping.KPI_COLUMNS)
            .where(KPIS.c.user_id == user_id, KPIS.c.date.between(start, end))
            .order_by(KPIS.c.date)
        )
        return [Kpi(*row) for row in fetch_tuples(self._connection, statement)]


class SqlProfileRepository:
    """One profile per user in ``profiles``."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def get(self, user_id: str) -> Profile | None:
        statement = select(*mapping.PROFILE_COLUMNS).where(PROFILES.c.user_id == user_id)
        row = self._connection.execute(statement).one_or_none()
        return mapping.profile_from_row(row) if row is not None else None

    def save(self, user_id: str, profile: Profile, *, updated_at: datetime) -> None:
        row = mapping.profile_row(user_id, profile, updated_at)
        insert_rows(self._connection, PROFILES, [row], conflict_keys=("user_id",))


class SqlIngestionRepository:
    """The history of upload attempts in ``ingestions``."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, user_id: str, ingestion: Ingestion) -> None:
        self._connection.execute(insert(INGESTIONS), mapping.ingestion_params(user_id, ingestion))

    def latest(self, user_id: str, limit: int) -> list[Ingestion]:
        statement = (
            select(*mapping.INGESTION_COLUMNS)
            .where(INGESTIONS.c.user_id == user_id)
            .order_by(INGESTIONS.c.created_at.desc(), INGESTIONS.c.id.desc())
            .limit(limit)
        )
        return [mapping.ingestion_from_row(row) for row in self._connection.execute(statement)]
