"""The store of automatic persisted queries: one table shared by every process, bounded.

A query is stored under the SHA-256 (hex) of its text; the text of a hash never
changes, so each process keeps the queries it used in a small in-memory LRU too.
When the table passes ``MAX_STORED`` entries the oldest are evicted.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import datetime

from sqlalchemy import Engine, delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from persistence.tables import PERSISTED_QUERIES

#: Queries kept in the table; clients re-register an evicted one on its next use.
MAX_STORED = 10_000
#: Queries kept in each process's memory.
MAX_CACHED = 1_000


class PersistedQueryStore:
    """Queries by SHA-256 on ``engine`` (table ``persisted_queries``)."""

    def __init__(self, engine: Engine, *, max_stored: int = MAX_STORED) -> None:
        self._engine = engine
        self._max_stored = max_stored
        self._cache: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, sha256: str) -> str | None:
        """The query stored under ``sha256``, or None."""
        with self._lock:
            query = self._cache.get(sha256)
            if query is not None:
                self._cache.move_to_end(sha256)
                return query
        statement = select(PERSISTED_QUERIES.c.query).where(PERSISTED_QUERIES.c.sha256 == sha256)
        with self._engine.connect() as connection:
            query = connection.execute(statement).scalar_one_or_none()
        if query is not None:
            self._remember(sha256, query)
        return query

    def add(self, sha256: str, query: str, *, now: datetime) -> None:
        """Store ``query`` (whose SHA-256 the caller checked) and evict the oldest
        entries beyond the bound."""
        if self.get(sha256) is not None:
            return
        try:
            with self._engine.begin() as connection:
                connection.execute(
                    insert(PERSISTED_QUERIES), {"sha256": sha256, "query": query, "created_at": now}
                )
                count = connection.execute(select(func.count()).select_from(PERSISTED_QUERIES))
                excess = count.scalar_one() - self._max_stored
                if excess > 0:
                    oldest = (
                        select(PERSISTED_QUERIES.c.sha256)
                        .order_by(PERSISTED_QUERIES.c.created_at, PERSISTED_QUERIES.c.sha256)
                        .limit(excess)
                    )
                    connection.execute(
                        delete(PERSISTED_QUERIES).where(PERSISTED_QUERIES.c.sha256.in_(oldest))
                    )
        except IntegrityError:
            pass  # another process stored the same query first
        self._remember(sha256, query)

    def _remember(self, sha256: str, query: str) -> None:
        with self._lock:
            self._cache[sha256] = query
            self._cache.move_to_end(sha256)
            while len(self._cache) > MAX_CACHED:
                self._cache.popitem(last=False)
