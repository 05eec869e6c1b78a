"""Engines for SQLite and PostgreSQL, configured so that no call waits forever."""

from __future__ import annotations

import math
from typing import Any

import psycopg
from psycopg import IsolationLevel
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

#: Execution option that makes the next transaction of a SQLite connection start
#: with ``BEGIN IMMEDIATE`` (take the write lock at once); see ``SqlUnitOfWork``.
SQLITE_BEGIN_IMMEDIATE = "healthhub_sqlite_begin_immediate"
#: Execution option that makes the next transaction of a PostgreSQL connection one
#: snapshot that cannot write (REPEATABLE READ, READ ONLY); see ``SqlUnitOfWork``.
POSTGRES_READ_SNAPSHOT = "healthhub_postgres_read_snapshot"


def create_engine_for(
    url: str, *, timeout_seconds: float = 5.0, pool_size: int = 5, max_overflow: int = 10
) -> Engine:
    """An engine for a ``sqlite:///`` or ``postgresql+psycopg://`` URL.

    Args:
        url: the database URL; a bare ``postgresql://`` URL is served by psycopg 3.
        timeout_seconds: how long to wait for a connection, a lock or a statement
            before the call fails instead of hanging.
        pool_size: connections kept open in the pool.
        max_overflow: connections opened beyond ``pool_size`` when all are in use.

    Raises:
        ValueError: for a database other than SQLite or PostgreSQL.
    """
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url, timeout_seconds, pool_size, max_overflow)
    if backend == "postgresql":
        return _postgres_engine(
            parsed.set(drivername="postgresql+psycopg"), timeout_seconds, pool_size, max_overflow
        )
    raise ValueError(f"unsupported database {backend!r}: use sqlite or postgresql+psycopg")


def _sqlite_engine(url: str, timeout_seconds: float, pool_size: int, max_overflow: int) -> Engine:
    engine = create_engine(
        url,
        hide_parameters=True,  # no health values in error messages (persistence/failures.py)
        pool_timeout=timeout_seconds,
        pool_size=pool_size,
        max_overflow=max_overflow,
        connect_args={"check_same_thread": False, "timeout": timeout_seconds},
    )
    busy_ms = math.ceil(timeout_seconds * 1000)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        # pysqlite's implicit BEGIN comes too late for locking and never covers DDL;
        # with isolation_level None the "begin" listener below issues BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        if connection.get_execution_options().get(SQLITE_BEGIN_IMMEDIATE):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")

    return engine


def postgres_connect_args(timeout_seconds: float) -> dict[str, Any]:
    """psycopg connection options: time limits on connecting, statements and locks, UTC,
    and TCP keepalives so a vanished server cannot leave a read blocked forever."""
    seconds = max(1, math.ceil(timeout_seconds))
    milliseconds = math.ceil(timeout_seconds * 1000)
    return {
        "connect_timeout": seconds,
        "options": (
            f"-c statement_timeout={milliseconds} -c lock_timeout={milliseconds} -c TimeZone=UTC"
        ),
        # A vanished server must not leave a socket read blocked forever.
        "keepalives": 1,
        "keepalives_idle": seconds,
        "keepalives_interval": 1,
        "keepalives_count": 3,
        "tcp_user_timeout": milliseconds,
    }


def _postgres_engine(url: URL, timeout_seconds: float, pool_size: int, max_overflow: int) -> Engine:
    engine = create_engine(
        url,
        hide_parameters=True,  # no health values in error messages (persistence/failures.py)
        pool_pre_ping=True,
        pool_timeout=timeout_seconds,
        pool_size=pool_size,
        max_overflow=max_overflow,
        connect_args=postgres_connect_args(timeout_seconds),
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # psycopg writes both into the BEGIN it sends with the first statement (no
        # extra round trip); set on every transaction, so none inherits the last one's.
        snapshot = bool(connection.get_execution_options().get(POSTGRES_READ_SNAPSHOT))
        driver = connection.connection.driver_connection
        if isinstance(driver, psycopg.Connection) and driver.read_only != snapshot:
            driver.read_only = snapshot
            driver.isolation_level = IsolationLevel.REPEATABLE_READ if snapshot else None

    return engine
