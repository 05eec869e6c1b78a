"""The reads made before a request's GraphQL work, on the event loop (PostgreSQL).

Every API request asks the database who it is (``users``, ``tokens``) and a GET query
its data version (ETags). Through the engine each such read cost about 0.7 ms: a hop
to a worker thread, a pool checkout with its ping, BEGIN and ROLLBACK around one
SELECT. Here the same SELECTs run on a small pool of psycopg async connections in
autocommit mode: one round trip, about 0.05 ms, and the event loop keeps serving
while it waits. SQLite has no such driver; there the engine's path stays.

A connection that broke (a restarted server) is dropped by the pool; a read that
meets one is tried once more on a fresh connection, so a restart costs no request,
as the engine's ping does for the rest. Reads that still fail raise
``ReadsUnavailableError``, which the callers answer like any database outage.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC
from typing import Any, TypeVar

import psycopg
from psycopg_pool import AsyncConnectionPool, PoolTimeout
from sqlalchemy import make_url

from domain.accounts import TokenOwner
from persistence.database import postgres_connect_args

logger = logging.getLogger(__name__)

#: The cursor class of the pool's connections (a test seam: tests/support/sql_scope.py
#: checks the statements the service issues).
CURSOR_FACTORY: type[psycopg.AsyncCursor[Any]] = psycopg.AsyncCursor
#: Connections kept; each read holds one for one round trip.
MIN_CONNECTIONS = 1
MAX_CONNECTIONS = 4

_ANY_USER = "SELECT 1 FROM users LIMIT 1"
_TOKEN_OWNER = (
    "SELECT tokens.user_id, tokens.last_used_at FROM tokens "
    "JOIN users ON users.id = tokens.user_id WHERE tokens.token_sha256 = %s"
)
_DATA_VERSION = "SELECT version FROM user_data_versions WHERE user_id = %s"

_T = TypeVar("_T")


class ReadsUnavailableError(Exception):
    """The database did not answer a read (down, or no connection within the timeout)."""


class AsyncReads:
    """Authentication and data-version reads over psycopg's async pool.

    Open it on the event loop that serves requests (the app's lifespan) and close it
    there; ``ready`` is False before, and callers then use the engine's path.
    """

    def __init__(self, database_url: str, *, timeout_seconds: float) -> None:
        url = make_url(database_url).set(drivername="postgresql")
        self._conninfo = url.render_as_string(hide_password=False)
        self._timeout = timeout_seconds
        self._pool: AsyncConnectionPool[psycopg.AsyncConnection[Any]] | None = None

    @staticmethod
    def serves(database_url: str) -> bool:
        """Whether the database at this URL is one these reads run on."""
        return make_url(database_url).get_backend_name() == "postgresql"

    @property
    def ready(self) -> bool:
        return self._pool is not None

    async def open(self) -> None:
        pool: AsyncConnectionPool[psycopg.AsyncConnection[Any]] = AsyncConnectionPool(
            self._conninfo,
            kwargs={
                **postgres_connect_args(self._timeout),
                "autocommit": True,
                "cursor_factory": CURSOR_FACTORY,
            },
            min_size=MIN_CONNECTIONS,
            max_size=MAX_CONNECTIONS,
            timeout=self._timeout,
            open=False,
            name="healthhub-reads",
        )
        # Without waiting: a server that starts before its database still starts.
        await pool.open(wait=False)
        self._pool = pool

    async def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            await pool.close()

    async def any_users(self) -> bool:
        return await self._read(_ANY_USER, (), lambda row: row is not None)

    async def find_token(self, sha256: str) -> TokenOwner | None:
        def owner(row: Any) -> TokenOwner | None:
            if row is None:
                return None
            last_used = row[1].astimezone(UTC) if row[1] is not None else None
            return TokenOwner(row[0], last_used)

        return await self._read(_TOKEN_OWNER, (sha256,), owner)

    async def data_version(self, user_id: str) -> int:
        return await self._read(
            _DATA_VERSION, (user_id,), lambda row: int(row[0]) if row is not None else 0
        )

    async def _read(self, sql: str, params: tuple[Any, ...], result: Callable[[Any], _T]) -> _T:
        pool = self._pool
        if pool is None:
            raise RuntimeError("the reads are not open")
        # Each broken connection met is dropped by the pool; at most every kept one can
        # be, so one more try than the pool holds always reaches a fresh connection.
        for _ in range(MAX_CONNECTIONS + 1):
            try:
                async with pool.connection() as connection:
                    try:
                        cursor = await connection.execute(sql, params)
                        return result(await cursor.fetchone())
                    except psycopg.OperationalError as error:
                        if not connection.broken and not connection.closed:
                            raise  # a statement timeout, say: not the connection's fault
                        logger.info("A read met a broken connection; trying another: %s", error)
            except PoolTimeout as error:
                raise ReadsUnavailableError(str(error)) from error
            except psycopg.OperationalError as error:
                raise ReadsUnavailableError(str(error)) from error
        raise ReadsUnavailableError("every connection of the reads was broken")
