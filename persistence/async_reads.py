"""The reads made before a request's GraphQL work, on the event loop (PostgreSQL).

Every API request asks the database who it is (``users``, ``tokens``) and a GET query
its data version (ETags). Through the engine each such read cost about 0.7 ms: a hop
to a worker thread, a pool checkout with its ping, BEGIN and ROLLBACK around one
SELECT. Here the same statements (persistence/accounts.py's and repositories.py's,
compiled once) run on a small pool of psycopg async connections in
autocommit mode: one round trip, about 0.05 ms, and the event loop keeps serving
while it waits. SQLite has no such driver; there the engine's path stays. The direct
answer of a kept ``kpis`` query (graph/execution/direct.py) reads its rows here too.

A read takes an idle connection of the pool. Where every connection is busy with
another read, it waits for the first one given back, at most ``BUSY_WAIT_SECONDS``:
a read holds its connection for one round trip, and under 20 concurrent clients a
worker's three connections are often all busy at once. Going through the engine
instead costs a worker thread, a checkout with its ping and a transaction, and for a
kept ``kpis`` query the general path (tests/bench/bench_tail.py, 20 clients: a fifth
to a quarter of the reads went that way when no read waited, and p99 was 1.7 times
what it is with the wait). Where no read is in line for a connection and none is
idle, or the pool is short of connections (the database is down and the pool is
reconnecting in the background), or the wait runs out, it raises
``ReadsUnavailableError`` and the caller makes the same read through the engine
(``read_or``), which reconnects or reports the outage at once, as before. A
connection that broke (a restarted server) is dropped by the pool and the read tried
on the next, so a restart costs no request.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any, NamedTuple, TypeVar

import psycopg
from psycopg_pool import AsyncConnectionPool, PoolTimeout
from sqlalchemy import ClauseElement, make_url
from sqlalchemy.dialects.postgresql import psycopg as postgresql_psycopg

from domain.accounts import TokenOwner
from persistence.accounts import ANY_USER, TOKEN_OWNER
from persistence.database import postgres_connect_args
from persistence.repositories import DATA_VERSION, kpis_between
from persistence.tables import UtcDateTime

logger = logging.getLogger(__name__)

#: The cursor class of the pool's connections (a test seam: tests/support/sql_scope.py
#: checks the statements the service issues).
CURSOR_FACTORY: type[psycopg.AsyncCursor[Any]] = psycopg.AsyncCursor
#: Connections kept open; each read holds one for one round trip (about 0.1 ms).
CONNECTIONS = 3
#: How long a read waits for a connection another read holds (each holds one for a
#: round trip): far longer than a queue of reads takes, short enough that a read
#: stuck on a connection the database stopped answering costs the ones queued behind
#: it little before they go through the engine.
BUSY_WAIT_SECONDS = 0.05

#: The dialect the statements are compiled for once (psycopg's ``%(name)s`` parameters).
_DIALECT = postgresql_psycopg.dialect()  # type: ignore[no-untyped-call]


class _Read(NamedTuple):
    sql: str
    params: dict[str, Any]


def _compiled(statement: ClauseElement) -> _Read:
    """The SQL text of one of persistence's statements, and its literal parameters."""
    compiled = statement.compile(dialect=_DIALECT)
    return _Read(str(compiled), dict(compiled.params))


_ANY_USER = _compiled(ANY_USER)
_TOKEN_OWNER = _compiled(TOKEN_OWNER)
_DATA_VERSION = _compiled(DATA_VERSION)
#: Compiled ``kpis_between`` selects by the fields they read; each plan of
#: graph/execution/direct.py reads one set (the schema keeps at most 256 documents).
_KPIS_BETWEEN: dict[tuple[str, ...], _Read] = {}
MAX_KPI_SELECTS = 256
#: The stored timestamp read as the engine reads it (UTC, timezone-aware): the column's type.
_LAST_USED = UtcDateTime()

_T = TypeVar("_T")


class ReadsUnavailableError(Exception):
    """The database did not answer a read (down, or no connection within the timeout)."""


class ReadsNotReadyError(Exception):
    """The reads are not open (before the app's start-up, or after its shutdown)."""


class AsyncReads:
    """Authentication and data-version reads over psycopg's async pool.

    Open it on the event loop that serves requests (the app's lifespan) and close it
    there; before, its reads raise ``ReadsNotReadyError`` and ``read_or`` takes the
    engine's path.
    """

    def __init__(self, database_url: str, *, timeout_seconds: float) -> None:
        url = make_url(database_url).set(drivername="postgresql")
        self._conninfo = url.render_as_string(hide_password=False)
        self._timeout = timeout_seconds
        self._pool: AsyncConnectionPool[psycopg.AsyncConnection[Any]] | None = None
        #: Reads waiting for or holding a connection now: while some are, a read that
        #: finds none idle waits in line.
        self._in_line = 0

    @staticmethod
    def serves(database_url: str) -> bool:
        """Whether the database at this URL is one these reads run on."""
        return make_url(database_url).get_backend_name() == "postgresql"

    async def open(self) -> None:
        """Start the pool and wait (up to the database timeout) for its connections; a
        server that starts before its database still starts, its reads going through
        the engine until the pool has connected in the background."""
        pool: AsyncConnectionPool[psycopg.AsyncConnection[Any]] = AsyncConnectionPool(
            self._conninfo,
            kwargs={
                **postgres_connect_args(self._timeout),
                "autocommit": True,
                "cursor_factory": CURSOR_FACTORY,
            },
            min_size=CONNECTIONS,
            max_size=CONNECTIONS,
            timeout=self._timeout,
            open=False,
            name="healthhub-reads",
        )
        self._pool = pool
        try:
            await pool.open(wait=True, timeout=self._timeout)
        except PoolTimeout as error:
            logger.warning("The event-loop reads have no connection yet: %s", error)

    async def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            await pool.close()

    async def any_users(self) -> bool:
        return await self._read(_ANY_USER, {}, lambda row: row is not None)

    async def find_token(self, sha256: str) -> TokenOwner | None:
        def owner(row: Any) -> TokenOwner | None:
            if row is None:
                return None
            return TokenOwner(row[0], _LAST_USED.process_result_value(row[1], _DIALECT))

        return await self._read(_TOKEN_OWNER, {"sha256": sha256}, owner)

    async def data_version(self, user_id: str) -> int:
        return await self._read(
            _DATA_VERSION, {"user_id": user_id}, lambda row: int(row[0]) if row is not None else 0
        )

    async def kpis_between(
        self, user_id: str, start: date, end: date, fields: tuple[str, ...]
    ) -> list[tuple[Any, ...]]:
        """A user's stored KPI rows from ``start`` to ``end`` by date, each a tuple of the
        ``Kpi`` ``fields`` asked for, in psycopg's binary format as ``fetch_tuples``
        reads them (graph/execution/direct.py serves them)."""
        read = _KPIS_BETWEEN.get(fields)
        if read is None:
            read = _compiled(kpis_between(fields))  # KeyError for a field not stored
            if len(_KPIS_BETWEEN) >= MAX_KPI_SELECTS:
                _KPIS_BETWEEN.clear()
            _KPIS_BETWEEN[fields] = read
        params = {"user_id": user_id, "start": start, "end": end}
        return await self._read(read, params, list, many=True)

    async def _read(
        self,
        read: _Read,
        params: dict[str, Any],
        result: Callable[[Any], _T],
        *,
        many: bool = False,
    ) -> _T:
        pool = self._pool
        if pool is None:
            raise ReadsNotReadyError("the reads are not open")
        # Each broken connection met is dropped by the pool; at most every kept one can
        # be, and then none is idle.
        for _ in range(CONNECTIONS + 1):
            stats = pool.get_stats()
            idle = stats.get("pool_available", 0)
            # None idle: wait only for connections that reads ahead in line hold (or are
            # about to), all of them open; not for a pool that is reconnecting.
            if not idle and not (self._in_line and stats.get("pool_size") == CONNECTIONS):
                raise ReadsUnavailableError("no idle connection")
            self._in_line += 1
            try:
                async with pool.connection(
                    self._timeout if idle else BUSY_WAIT_SECONDS
                ) as connection:
                    try:
                        if many:
                            async with connection.cursor(binary=True) as cursor:
                                await cursor.execute(read.sql, {**read.params, **params})
                                return result(await cursor.fetchall())
                        cursor = await connection.execute(read.sql, {**read.params, **params})
                        return result(await cursor.fetchone())
                    except psycopg.OperationalError as error:
                        if not connection.broken and not connection.closed:
                            raise  # a statement timeout, say: not the connection's fault
                        logger.info("A read met a broken connection; trying another: %s", error)
            except PoolTimeout as error:
                raise ReadsUnavailableError(str(error)) from error
            except psycopg.OperationalError as error:
                raise ReadsUnavailableError(str(error)) from error
            finally:
                self._in_line -= 1  # once its connection is back in the pool (or dropped)
        raise ReadsUnavailableError("every connection of the reads was broken")


async def read_or(
    on_loop: Callable[[], Awaitable[_T]] | None, through_engine: Callable[[], Awaitable[_T]]
) -> _T:
    """``on_loop()`` (a read of ``AsyncReads``) where the reads are open and answer, else
    ``through_engine()`` (the same read through the engine), which reconnects or
    reports an outage as it always has."""
    if on_loop is not None:
        try:
            return await on_loop()
        except ReadsNotReadyError:
            pass
        except ReadsUnavailableError as error:
            logger.info("Reading through the engine instead: %s", error)
    return await through_engine()
