"""The store of automatic persisted queries: one table shared by every process, per user.

A query is stored under its user and the SHA-256 (hex) of its text, so another user's
stored query neither answers nor tells that it exists (docs/security.md). A query is
stored only up to ``MAX_QUERY_BYTES``, and past ``MAX_PER_USER`` queries a user's oldest
are evicted: no user can fill the store or evict another's. The text of a hash never
changes, so each process keeps the queries it used in a small in-memory LRU too.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import datetime

from sqlalchemy import Engine, and_, delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from persistence.tables import PERSISTED_QUERIES

#: Queries kept per user; a client re-registers an evicted one on its next use.
MAX_PER_USER = 200
#: The longest query kept (UTF-8 bytes): a dashboard's longest is under 2 KiB.
MAX_QUERY_BYTES = 16 * 1024
#: Queries kept in each process's memory.
MAX_CACHED = 1_000

_TABLE = PERSISTED_QUERIES.c


class PersistedQueryStore:
    """Queries by user and SHA-256 on ``engine`` (table ``persisted_queries``)."""

    def __init__(self, engine: Engine, *, max_per_user: int = MAX_PER_USER) -> None:
        self._engine = engine
        self._max_per_user = max_per_user
        self._cache: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, user_id: str, sha256: str) -> str | None:
        """The query ``user_id`` stored under ``sha256``, or None."""
        key = (user_id, sha256)
        with self._lock:
            query = self._cache.get(key)
            if query is not None:
                self._cache.move_to_end(key)
                return query
        statement = select(_TABLE.query).where(
            and_(_TABLE.user_id == user_id, _TABLE.sha256 == sha256)
        )
        with self._engine.connect() as connection:
            query = connection.execute(statement).scalar_one_or_none()
        if query is not None:
            self._remember(key, query)
        return query

    def add(self, user_id: str, sha256: str, query: str, *, now: datetime) -> bool:
        """Store ``query`` (whose SHA-256 the caller checked) for ``user_id`` and evict the
        user's oldest beyond the bound; False (nothing stored) past ``MAX_QUERY_BYTES``."""
        if len(query.encode()) > MAX_QUERY_BYTES:
            return False
        if self.get(user_id, sha256) is not None:
            return True
        try:
            with self._engine.begin() as connection:
                connection.execute(
                    insert(PERSISTED_QUERIES),
                    {"user_id": user_id, "sha256": sha256, "query": query, "created_at": now},
                )
                mine = _TABLE.user_id == user_id
                count = connection.execute(
                    select(func.count()).select_from(PERSISTED_QUERIES).where(mine)
                )
                excess = count.scalar_one() - self._max_per_user
                if excess > 0:
                    oldest = (
                        select(_TABLE.sha256)
                        .where(mine)
                        .order_by(_TABLE.created_at, _TABLE.sha256)
                        .limit(excess)
                    )
                    connection.execute(
                        delete(PERSISTED_QUERIES).where(and_(mine, _TABLE.sha256.in_(oldest)))
                    )
        except IntegrityError:
            pass  # another process stored the same query first
        self._remember((user_id, sha256), query)
        return True

    def _remember(self, key: tuple[str, str], query: str) -> None:
        with self._lock:
            self._cache[key] = query
            self._cache.move_to_end(key)
            while len(self._cache) > MAX_CACHED:
                self._cache.popitem(last=False)
