"""Automatic persisted queries, Apollo's protocol by SHA-256, over POST and GET (docs/api.md).

A request whose ``extensions.persistedQuery`` holds ``{"version": 1, "sha256Hash"}``
without a query runs the stored query of that hash, or gets
``PERSISTED_QUERY_NOT_FOUND`` so the client sends the query with its hash; a query
sent with a hash is checked against it and stored. The stored text is then parsed,
validated and limited like any query sent in full.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

import anyio.to_thread
from cross_web import HTTPException
from graphql import GraphQLError
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from persistence.failures import described
from persistence.persisted_queries import PersistedQueryStore

NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
logger = logging.getLogger(__name__)
_SHA256 = re.compile(r"[0-9a-f]{64}")


class PersistedQueryNotFoundError(Exception):
    """The hash names no stored query."""


async def resolve(
    store: PersistedQueryStore,
    user_id: str,
    request: GraphQLRequestData,
    now: Callable[[], datetime],
) -> GraphQLRequestData:
    """``request`` with the query its persisted-query extension names among the queries
    ``user_id`` stored (another user's are not seen).

    Raises:
        PersistedQueryNotFoundError: only a hash was sent, and no query is stored for it.
        HTTPException: 400 for an unsupported version, a malformed hash, or a query
            that does not match its hash.
    """
    persisted = (request.extensions or {}).get("persistedQuery")
    if persisted is None:
        return request
    sha256 = _checked_hash(persisted)
    if request.query is None:
        try:
            query = await anyio.to_thread.run_sync(store.get, user_id, sha256)
        except Exception as error:  # the store is unreachable: the client sends the query
            logger.warning("Persisted query store unavailable: %s", described(error))
            query = None
        if query is None:
            raise PersistedQueryNotFoundError
        return dataclasses.replace(request, query=query)
    if hashlib.sha256(request.query.encode()).hexdigest() != sha256:
        raise HTTPException(400, "provided sha does not match query")
    stamp = now()
    try:
        await anyio.to_thread.run_sync(
            lambda: store.add(user_id, sha256, request.query or "", now=stamp)
        )
    except Exception as error:  # not stored: the operation still runs (and meets the outage)
        logger.warning("Persisted query not stored: %s", described(error))
    return request


def not_found() -> ExecutionResult:
    """The answer to an unknown hash: the client retries with the query."""
    error = GraphQLError("PersistedQueryNotFound", extensions={"code": NOT_FOUND})
    return ExecutionResult(data=None, errors=[error])


def _checked_hash(persisted: Any) -> str:
    if not isinstance(persisted, dict) or persisted.get("version") != 1:
        raise HTTPException(400, "extensions.persistedQuery must be {version: 1, sha256Hash}")
    sha256 = persisted.get("sha256Hash")
    if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
        raise HTTPException(
            400, "extensions.persistedQuery.sha256Hash must be 64 lowercase hex digits"
        )
    return sha256
