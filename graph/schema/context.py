"""The per-request context of the GraphQL API: the user, a unit-of-work factory, the
import limits, a clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

import anyio
from strawberry.fastapi import BaseContext

from domain.accounts import AccountStore
from domain.imports.pipeline import Limits
from domain.model import Ingestion
from domain.ports import UnitOfWork

Clock = Callable[[], datetime]
UnitOfWorkFactory = Callable[[], UnitOfWork]


class UploadObserver(Protocol):
    """What resolvers report to the metrics of the process (graph/http/metrics.py)."""

    def observe_upload(self, report: Ingestion) -> None: ...

    def observe_delete(self, deleted: int) -> None: ...


def utc_now() -> datetime:
    """The current instant, aware and in UTC (what the services expect as ``now``)."""
    return datetime.now(UTC)


class Context(BaseContext):
    """What every resolver gets in ``info.context``; request and response are set by Strawberry."""

    def __init__(
        self,
        *,
        uow_factory: UnitOfWorkFactory,
        limits: Limits,
        clock: Clock,
        accounts: AccountStore | None = None,
        user_id: str | None = None,
        metrics: UploadObserver | None = None,
    ) -> None:
        super().__init__()
        self._accounts = accounts
        self.uow_factory = uow_factory
        #: The file limits of uploads and imports (the HTTP settings' upload limits).
        self.limits = limits
        self.clock = clock
        self.metrics = metrics
        #: Held while a resolver uses the database: one request's resolvers take their
        #: turns, so a request holds at most one pooled connection (docs/security.md).
        self.database_turn = anyio.Lock()
        self._user_id = user_id

    @property
    def accounts(self) -> AccountStore:
        if self._accounts is None:
            raise RuntimeError("this context has no account store")
        return self._accounts

    @property
    def user_id(self) -> str:
        """The user the request acts as, as the authentication guard decided.

        Raises:
            RuntimeError: the guard did not decide (a request it let through as
                public, such as the GraphiQL page, never reaches a resolver).
        """
        if self._user_id is None:
            raise RuntimeError("no authenticated user in this request")
        return self._user_id
