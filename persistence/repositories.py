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
    union,
)

from domain.checkpoints import Checkpoint
from domain.kpi_changes import kpi_changes
from domain.model import DailyMetrics, DataRange, Ingestion, Kpi, Profile
from persistence import mapping
from persistence.bulk import delete_dates, fetch_tuples, insert_rows
from persistence.tables import (
    DAILY_METRICS,
    INGESTIONS,
    KPI_CHECKPOINTS,
    KPIS,
    PROFILES,
    USER_DATA_VERSIONS,
)

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
#: The same, recording that the stored checkpoints are those of the new version.
_BUMP_KEEPING_CHECKPOINTS = text(
    "INSERT INTO user_data_versions (user_id, version, checkpoints_version) "
    "VALUES (:user_id, :start, :start) "
    "ON CONFLICT (user_id) DO UPDATE SET version = user_data_versions.version + 1, "
    "checkpoints_version = user_data_versions.version + 1"
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
        table = DAILY_METRICS.c
        weighed = (table.user_id == user_id, table.weight_kg.is_not(None))
        # Two index ranges, the window and the latest weigh-ins from the end: with one
        # filter ORed over both, PostgreSQL reads every stored day of the user.
        latest = (
            select(table.date, table.weight_kg)
            .where(*weighed)
            .order_by(table.date.desc())
            .limit(last)
            .subquery()
        )
        both = union(
            select(table.date, table.weight_kg).where(
                *weighed, table.date >= since, table.date < before
            ),
            select(latest.c.date, latest.c.weight_kg),
        )
        statement = both.order_by(both.selected_columns.date)
        return [(day, weight) for day, weight in self._connection.execute(statement)]

    def last_weigh_in_before(self, user_id: str, day: date) -> date | None:
        statement = select(func.max(DAILY_METRICS.c.date)).where(
            DAILY_METRICS.c.user_id == user_id,
            DAILY_METRICS.c.date < day,
            DAILY_METRICS.c.weight_kg.is_not(None),
        )
        return self._connection.execute(statement).scalar()

    def after(self, user_id: str, day: date) -> tuple[int, DailyMetrics | None]:
        """How many days are stored on or after ``day``, and the first of them with a
        weight (its date and weight only), in one statement."""
        later = (DAILY_METRICS.c.user_id == user_id, DAILY_METRICS.c.date >= day)
        weighed = (
            select(DAILY_METRICS.c.date)
            .where(*later, DAILY_METRICS.c.weight_kg.is_not(None))
            .order_by(DAILY_METRICS.c.date)
            .limit(1)
            .scalar_subquery()
        )
        statement = select(
            select(func.count()).where(*later).scalar_subquery(),
            weighed,
            select(DAILY_METRICS.c.weight_kg)
            .where(DAILY_METRICS.c.user_id == user_id, DAILY_METRICS.c.date == weighed)
            .scalar_subquery(),
        )
        count, weighed_on, weight = self._connection.execute(statement).one()
        first = None if weighed_on is None else DailyMetrics(weighed_on, weight_kg=weight)
        return int(count), first

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
        self,
        user_id: str,
        since: date | None,
        kpis: Sequence[Kpi],
        *,
        computed_at: datetime,
        until: date | None = None,
    ) -> date | None:
        """Make the stored rows from ``since`` on (all when None; up to ``until`` when
        given) equal ``kpis`` rounded as stored, writing only the rows that differ
        (``domain.kpi_changes``): one upsert and at most one delete per batch. Returns
        the first date written or deleted, None when every row already held its value."""
        for kpi in kpis:
            if since is not None and kpi.date < since:
                raise ValueError(f"KPI dated {kpi.date} is before since={since}")
            if until is not None and kpi.date > until:
                raise ValueError(f"KPI dated {kpi.date} is after until={until}")
        stored = self.between(user_id, since or date.min, until or date.max)
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


class SqlCheckpointRepository:
    """The KPI engine's checkpoints of every user in ``kpi_checkpoints`` (domain.checkpoints),
    usable while the user's ``checkpoints_version`` is their data version."""

    def __init__(self, connection: Connection, touch: Touch, keep: Touch) -> None:
        self._connection = connection
        self._touch = touch
        self._keep = keep

    def usable(self, user_id: str) -> bool:
        """Whether the stored checkpoints were written for the data as it stands."""
        statement = select(
            USER_DATA_VERSIONS.c.version, USER_DATA_VERSIONS.c.checkpoints_version
        ).where(USER_DATA_VERSIONS.c.user_id == user_id)
        row = self._connection.execute(statement).one_or_none()
        return row is not None and row[0] == row[1]

    def latest_on_or_before(self, user_id: str, day: date) -> Checkpoint | None:
        """The latest checkpoint dated on or before ``day`` while they are usable; None
        also for one stored by another version of the engine."""
        versions = USER_DATA_VERSIONS
        statement = (
            select(KPI_CHECKPOINTS.c.date, KPI_CHECKPOINTS.c.state)
            .join(
                versions,
                and_(
                    versions.c.user_id == KPI_CHECKPOINTS.c.user_id,
                    versions.c.checkpoints_version == versions.c.version,
                ),
            )
            .where(KPI_CHECKPOINTS.c.user_id == user_id, KPI_CHECKPOINTS.c.date <= day)
            .order_by(KPI_CHECKPOINTS.c.date.desc())
            .limit(1)
        )
        row = self._connection.execute(statement).first()
        if row is None:
            return None
        try:
            return Checkpoint.from_text(row[0], row[1])
        except ValueError:
            return None

    def texts_between(self, user_id: str, start: date, end: date) -> dict[date, str]:
        """The stored states from ``start`` to ``end``, as text, by date."""
        statement = select(KPI_CHECKPOINTS.c.date, KPI_CHECKPOINTS.c.state).where(
            KPI_CHECKPOINTS.c.user_id == user_id, KPI_CHECKPOINTS.c.date.between(start, end)
        )
        return {row[0]: row[1] for row in self._connection.execute(statement)}

    def put(self, user_id: str, checkpoints: Sequence[Checkpoint], *, new: bool = False) -> None:
        """Store ``checkpoints``, each replacing any stored for its date (``new``: none is)."""
        if not checkpoints:
            return
        self._touch(user_id)
        rows = [(user_id, checkpoint.day, checkpoint.text()) for checkpoint in checkpoints]
        keys = () if new else ("user_id", "date")
        insert_rows(self._connection, KPI_CHECKPOINTS, rows, conflict_keys=keys)

    def delete_from(self, user_id: str, day: date | None) -> None:
        """Delete the checkpoints dated on or after ``day`` (all when None)."""
        self._touch(user_id)
        condition = KPI_CHECKPOINTS.c.user_id == user_id
        if day is not None:
            condition = and_(condition, KPI_CHECKPOINTS.c.date >= day)
        self._connection.execute(delete(KPI_CHECKPOINTS).where(condition))

    def stamp(self, user_id: str) -> None:
        """Keep the stored checkpoints usable after this transaction: its commit records
        them as written for the data version it makes (``SqlDataVersionRepository``)."""
        self._keep(user_id)


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

    def bump(self, user_id: str, *, keep_checkpoints: bool = False) -> None:
        """Add one to the user's version; a first version starts at a random number, so
        a user whose data was removed (or moved to another name) and who writes again
        never repeats a version, and so an ETag, of the data before. With
        ``keep_checkpoints`` the stored checkpoints are recorded as those of the new
        version; otherwise they are no longer used."""
        statement = _BUMP_KEEPING_CHECKPOINTS if keep_checkpoints else _BUMP
        self._connection.execute(statement, {"user_id": user_id, "start": secrets.randbits(48) + 1})
