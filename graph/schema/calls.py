"""How resolvers run a domain service for the request's user: in a worker thread, with
a fresh unit of work, one database turn at a time (docs/security.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import anyio.to_thread

from domain.ports import UnitOfWork
from graph.schema.context import Context

_T = TypeVar("_T")


async def call_service(
    context: Context, service: Callable[..., _T], *args: Any, **kwargs: Any
) -> _T:
    """``service(uow, user_id, *args, **kwargs)`` for the request's user, after the
    request's other resolvers are done with the database."""
    user_id = context.user_id

    def run() -> _T:
        uow: UnitOfWork = context.uow_factory()
        return service(uow, user_id, *args, **kwargs)

    async with context.database_turn:
        return await anyio.to_thread.run_sync(run)
