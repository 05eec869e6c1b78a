"""The unit of work: one database transaction with the repositories bound to it."""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError

from domain.errors import BusyError
from persistence.database import POSTGRES_READ_SNAPSHOT, SQLITE_BEGIN_IMMEDIATE
from persistence.repositories import (
    SqlCheckpointRepository,
    SqlDataVersionRepository,
    SqlIngestionRepository,
    SqlKpiRepository,
    SqlMetricRepository,
    SqlProfileRepository,
)

_TRY_ADVISORY_LOCK = text("SELECT pg_try_advisory_xact_lock(hashtextextended(:user_id, 0))")

#: Default wait for the user's lock (``HEALTHHUB_LOCK_WAIT_SECONDS``, docs/security.md).
LOCK_WAIT_SECONDS = 120.0
#: A lock wait looks this often whether the process is abandoning its work (shutdown).
_LOCK_STEP_SECONDS = 0.2
_ABANDONED = "The server is shutting down; nothing was changed. Send the request again."


class SqlUnitOfWork:
    """``domain.ports.UnitOfWork`` over one connection of ``engine``.

    The transaction starts with the first statement; leaving the ``with`` block
    without ``commit`` rolls it back. Call ``lock_user`` before reading what a write
    depends on: on SQLite it then opens the transaction with ``BEGIN IMMEDIATE``.

    A transaction that starts with a read (no ``lock_user``, no write first) reads one
    snapshot on either database: SQLite's read transaction in WAL mode, and on
    PostgreSQL a REPEATABLE READ, READ ONLY transaction (READ COMMITTED would give each
    statement its own). So a dry run, a page with its total or a lookup of several
    kinds never mixes data from before and after another transaction's commit. Should
    such a transaction then lock or write, the snapshot (which wrote nothing) ends and a
    READ COMMITTED transaction takes over (``_will_write``).
    """

    metrics: SqlMetricRepository
    kpis: SqlKpiRepository
    profiles: SqlProfileRepository
    ingestions: SqlIngestionRepository
    checkpoints: SqlCheckpointRepository

    def __init__(
        self,
        engine: Engine,
        *,
        lock_wait_seconds: float = LOCK_WAIT_SECONDS,
        abandoned: Callable[[], bool] = lambda: False,
        on_lock_wait: Callable[[float], None] | None = None,
    ) -> None:
        self._engine = engine
        self._on_lock_wait = on_lock_wait
        self._connection: Connection | None = None
        #: Users whose data this transaction wrote: ``commit`` bumps their data version.
        self._written: set[str] = set()
        #: Users whose stored checkpoints this transaction keeps usable (``commit``).
        self._kept: set[str] = set()
        self._lock_wait_seconds = lock_wait_seconds
        self._abandoned = abandoned

    def __enter__(self) -> SqlUnitOfWork:
        if self._connection is not None:
            raise RuntimeError("this unit of work is already in use")
        connection = self._engine.connect()
        if connection.dialect.name == "postgresql":
            # Until lock_user or a write says otherwise (before the first statement).
            connection.execution_options(**{POSTGRES_READ_SNAPSHOT: True})
        self._connection = connection
        self._written.clear()
        self._kept.clear()

        def touch(user_id: str) -> None:
            self._will_write(connection)
            self._written.add(user_id)

        self.metrics = SqlMetricRepository(connection, touch)
        self.kpis = SqlKpiRepository(connection, touch)
        self.profiles = SqlProfileRepository(connection, touch)
        self.ingestions = SqlIngestionRepository(connection, touch)
        self.checkpoints = SqlCheckpointRepository(connection, touch, self._kept.add)
        self._versions = SqlDataVersionRepository(connection)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        connection, self._connection = self._active(), None
        try:
            connection.rollback()
        finally:
            connection.close()

    def lock_user(self, user_id: str) -> None:
        """Wait until no other transaction writes for ``user_id``, then keep it so.

        PostgreSQL takes a transaction-scoped advisory lock on the user. SQLite has
        one writer per database, so this takes the database write lock.

        Raises:
            BusyError: the lock stayed taken for ``lock_wait_seconds``, or the process
                is abandoning its work; nothing was changed.
        """
        started = time.perf_counter()
        try:
            connection = self._active()
            self._will_write(connection)
            self._lock(connection, user_id)
        finally:
            if self._on_lock_wait is not None:
                self._on_lock_wait(time.perf_counter() - started)

    def _lock(self, connection: Connection, user_id: str) -> None:
        deadline = time.monotonic() + self._lock_wait_seconds
        take = _try_advisory_lock if connection.dialect.name == "postgresql" else _try_write_lock
        while not take(connection, user_id):
            if self._abandoned():
                raise BusyError(_ABANDONED)
            if time.monotonic() >= deadline:
                raise BusyError(
                    f"Another change of the same data held the lock for "
                    f"{self._lock_wait_seconds:g} s; nothing was changed. Try again later."
                )
            if connection.dialect.name == "postgresql":
                time.sleep(_LOCK_STEP_SECONDS)

    @staticmethod
    def _will_write(connection: Connection) -> None:
        """A transaction that locks or writes is not a read snapshot. One that began as
        a snapshot (it read first) wrote nothing and holds no lock: it ends here and
        the next statement begins a READ COMMITTED transaction, which is what its reads
        would have met anyway (each statement its own snapshot)."""
        if not connection.get_execution_options().get(POSTGRES_READ_SNAPSHOT):
            return
        if connection.in_transaction():
            connection.rollback()
        connection.execution_options(**{POSTGRES_READ_SNAPSHOT: False})

    def data_version(self, user_id: str) -> int:
        """How often ``user_id``'s data changed, as this transaction sees it."""
        self._active()
        return self._versions.get(user_id)

    @property
    def connection(self) -> Connection:
        """The connection of the transaction (for statements outside the repositories,
        which may write: the transaction is then not a read snapshot)."""
        connection = self._active()
        self._will_write(connection)
        return connection

    def commit(self) -> None:
        """Commit, with the data version of every user written to bumped in the same
        transaction, so a version never names data that is not committed."""
        connection = self._active()
        if self._abandoned():
            self._written.clear()
            self._kept.clear()
            connection.rollback()
            raise BusyError(_ABANDONED)
        for user_id in sorted(self._written):
            self._versions.bump(user_id, keep_checkpoints=user_id in self._kept)
        self._written.clear()
        self._kept.clear()
        connection.commit()

    def rollback(self) -> None:
        self._written.clear()
        self._kept.clear()
        self._active().rollback()

    def _active(self) -> Connection:
        if self._connection is None:
            raise RuntimeError("the unit of work is used outside its with block")
        return self._connection


def _try_advisory_lock(connection: Connection, user_id: str) -> bool:
    return bool(connection.execute(_TRY_ADVISORY_LOCK, {"user_id": user_id}).scalar_one())


def _try_write_lock(connection: Connection, user_id: str) -> bool:
    """Take SQLite's write lock, waiting one step at most (SQLite itself retries within
    the step); False when another connection still holds it."""
    # Straight to the driver: through SQLAlchemy a PRAGMA would begin the transaction.
    raw = connection.connection.driver_connection
    assert raw is not None
    busy_ms = raw.execute("PRAGMA busy_timeout").fetchone()[0]
    raw.execute(f"PRAGMA busy_timeout={int(_LOCK_STEP_SECONDS * 1000)}")
    try:
        if connection.in_transaction():
            # Too late for BEGIN IMMEDIATE: a write statement that changes nothing
            # still takes the write lock.
            connection.exec_driver_sql("DELETE FROM profiles WHERE 0")
        else:
            connection.execution_options(**{SQLITE_BEGIN_IMMEDIATE: True})
            try:
                connection.begin()
            finally:
                connection.execution_options(**{SQLITE_BEGIN_IMMEDIATE: False})
    except OperationalError as error:
        if "locked" not in str(error.orig) and "busy" not in str(error.orig):
            raise
        return False
    finally:
        raw.execute(f"PRAGMA busy_timeout={busy_ms}")
    return True


def uow_factory(
    engine: Engine,
    *,
    lock_wait_seconds: float = LOCK_WAIT_SECONDS,
    abandoned: Callable[[], bool] = lambda: False,
    on_lock_wait: Callable[[float], None] | None = None,
) -> Callable[[], SqlUnitOfWork]:
    """A factory of fresh units of work on ``engine`` (what services are given);
    ``on_lock_wait`` is told how many seconds each ``lock_user`` waited."""
    return lambda: SqlUnitOfWork(
        engine,
        lock_wait_seconds=lock_wait_seconds,
        abandoned=abandoned,
        on_lock_wait=on_lock_wait,
    )
