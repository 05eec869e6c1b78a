"""The per-request context of the GraphQL API: a unit-of-work factory, the settings, a clock."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import anyio
from strawberry.fastapi import BaseContext

from domain.ports import UnitOfWork
from domain.services import LOCAL_USER
from persistence.settings import Settings

if TYPE_CHECKING:
    from graph.metrics import Metrics

Clock = Callable[[], datetime]
UnitOfWorkFactory = Callable[[], UnitOfWork]


def utc_now() -> datetime:
    """The current instant, aware and in UTC (what the services expect as ``now``)."""
    return datetime.now(UTC)


class Context(BaseContext):
    """What every resolver gets in ``info.context``; request and response are set by Strawberry."""

    def __init__(
        self,
        *,
        uow_factory: UnitOfWorkFactory,
        settings: Settings,
        clock: Clock,
        metrics: Metrics | None = None,
    ) -> None:
        super().__init__()
        self.uow_factory = uow_factory
        self.settings = settings
        self.clock = clock
        self.metrics = metrics
        #: The user every read and write of this request is scoped to.
        self.user_id = LOCAL_USER
        #: Held while a resolver uses the database: one request's resolvers take their
        #: turns, so a request holds at most one pooled connection (docs/security.md).
        self.database_turn = anyio.Lock()


def context_getter_for(
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock = utc_now,
    metrics: Metrics | None = None,
) -> Callable[[], Awaitable[Context]]:
    """A FastAPI dependency building a fresh ``Context`` per request."""

    async def context_getter() -> Context:
        return Context(uow_factory=uow_factory, settings=settings, clock=clock, metrics=metrics)

    return context_getter
