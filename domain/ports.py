"""Protocols the services need from storage; persistence implements them, tests fake them."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from types import TracebackType
from typing import Protocol

from domain.checkpoints import Checkpoint
from domain.model import DailyMetrics, DataRange, Ingestion, Kpi, Profile


class MetricRepository(Protocol):
    def all_days(self, user_id: str) -> list[DailyMetrics]:
        """Every stored day of the user, sorted by date."""

    def between(self, user_id: str, start: date, end: date) -> list[DailyMetrics]:
        """Stored days with ``start <= date <= end``, sorted by date."""

    def on_dates(self, user_id: str, dates: Collection[date]) -> list[DailyMetrics]:
        """The stored days among ``dates``, sorted by date."""

    def upsert(
        self,
        user_id: str,
        days: Sequence[DailyMetrics],
        *,
        updated_at: datetime,
        ingestion_id: str | None,
        new: bool = False,
    ) -> None:
        """Insert or fully overwrite these days (every metric column), set-based.

        ``new``: no day's date is stored (the caller holds the user's lock), so they
        are inserted without looking for one.
        """

    def delete_between(self, user_id: str, start: date, end: date) -> int:
        """Delete the days in the inclusive range; return how many were deleted."""

    def delete_dates(self, user_id: str, dates: Sequence[date]) -> int:
        """Delete these days, set-based; return how many were deleted."""

    def data_range(self, user_id: str) -> DataRange: ...

    def last_weigh_in_before(self, user_id: str, day: date) -> date | None:
        """The date of the latest stored weigh-in before ``day``."""

    def after(self, user_id: str, day: date) -> tuple[int, DailyMetrics | None]:
        """How many days are stored on or after ``day``, and the first of them with a
        weight (a day with its date and weight only)."""

    def recent_weights(
        self, user_id: str, *, since: date, before: date, last: int
    ) -> list[tuple[date, float]]:
        """The stored weights (date, kg) dated ``since <= date < before`` together with
        the user's ``last`` latest weigh-ins, sorted by date, in one query."""


class KpiRepository(Protocol):
    def replace_from(
        self,
        user_id: str,
        since: date | None,
        kpis: Sequence[Kpi],
        *,
        computed_at: datetime,
        until: date | None = None,
    ) -> date | None:
        """Make the user's KPI rows dated ``since`` or later (all when ``since`` is None;
        up to ``until`` when given) equal ``kpis`` (all in that span) rounded as stored
        (``domain.precision.stored_kpis``), writing only the rows whose stored values
        change (``domain.kpi_changes``), set-based. Returns the first date written or
        deleted; None when nothing changed."""

    def between(self, user_id: str, start: date, end: date) -> list[Kpi]:
        """Stored KPI rows with ``start <= date <= end``, sorted by date."""

    def on_dates(self, user_id: str, dates: Collection[date]) -> list[Kpi]:
        """The stored KPI rows among ``dates``, sorted by date."""


class CheckpointRepository(Protocol):
    """The KPI engine's checkpoints (domain.checkpoints)."""

    def usable(self, user_id: str) -> bool:
        """Whether the stored checkpoints were stamped for the user's data version."""

    def latest_on_or_before(self, user_id: str, day: date) -> Checkpoint | None:
        """The latest stored checkpoint dated ``day`` or earlier that this engine reads,
        while the checkpoints are usable (None otherwise)."""

    def texts_between(self, user_id: str, start: date, end: date) -> dict[date, str]:
        """The stored checkpoints' texts from ``start`` to ``end``, by date."""

    def put(self, user_id: str, checkpoints: Sequence[Checkpoint], *, new: bool = False) -> None:
        """Store ``checkpoints``, each replacing any stored for its date (``new``: none is)."""

    def delete_from(self, user_id: str, day: date | None) -> None:
        """Delete the checkpoints dated ``day`` or later (all when None)."""

    def stamp(self, user_id: str) -> None:
        """Keep the stored checkpoints usable after this transaction commits (they are
        then recorded as written for the data version its commit makes)."""


class ProfileRepository(Protocol):
    def get(self, user_id: str) -> Profile | None:
        """The stored profile, or None when the user never changed it."""

    def save(self, user_id: str, profile: Profile, *, updated_at: datetime) -> None: ...


class IngestionRepository(Protocol):
    def add(self, user_id: str, ingestion: Ingestion) -> None: ...

    def latest(self, user_id: str, limit: int) -> list[Ingestion]:
        """The newest ``limit`` ingestions, newest first."""

    def older_than(
        self, user_id: str, position: tuple[datetime, str] | None, limit: int
    ) -> list[Ingestion]:
        """At most ``limit`` ingestions after ``position`` (created_at, id) in the order
        newest first (created_at, then id, descending); from the newest when None."""

    def by_ids(self, user_id: str, ids: Collection[str]) -> list[Ingestion]:
        """The user's ingestions among ``ids``, in no particular order."""

    def count(self, user_id: str) -> int:
        """How many ingestions the user has."""


class UnitOfWork(Protocol):
    """One transaction. Used as a context manager; leaving it without ``commit``
    rolls back. Repositories are valid only inside the ``with`` block."""

    # Read-only, so that an implementation may hold more specific repositories.
    @property
    def metrics(self) -> MetricRepository: ...

    @property
    def kpis(self) -> KpiRepository: ...

    @property
    def profiles(self) -> ProfileRepository: ...

    @property
    def ingestions(self) -> IngestionRepository: ...

    @property
    def checkpoints(self) -> CheckpointRepository: ...

    def __enter__(self) -> UnitOfWork: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def lock_user(self, user_id: str) -> None:
        """Serialise writers of this user until the transaction ends, in the database
        (PostgreSQL: ``pg_advisory_xact_lock``; SQLite: take the write lock now)."""

    def data_version(self, user_id: str) -> int:
        """A number that changes with every committed write of the user's data (any
        upload report, edit, delete or profile change), 0 before the first."""

    def commit(self) -> None: ...

    def rollback(self) -> None: ...
