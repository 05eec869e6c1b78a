"""Shutdown that cannot hang: requests still in flight after the grace period are
rolled back and answered 503 ``BUSY`` (docs/security.md).

The server (graph/server/limits.py) calls ``ABANDON.now()``
``HEALTHHUB_SHUTDOWN_GRACE_SECONDS`` after SIGTERM. Units of work see it before they
commit and while they wait for a lock, and roll back; an uploaded file's reads fail
(graph/http/uploads.py), so a parse stops; ``AbandonInFlight`` cancels the requests it
guards and answers them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.http.guards import graphql_error_response


class Abandon:
    """A flag the database threads read and, once raised, the cancellation of every
    request registered with ``guarding`` (call ``now`` on the event loop's thread)."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self._scopes: set[anyio.CancelScope] = set()

    def is_set(self) -> bool:
        return self.event.is_set()

    def now(self) -> None:
        self.event.set()
        for scope in list(self._scopes):
            scope.cancel()

    @contextmanager
    def guarding(self) -> Iterator[anyio.CancelScope]:
        with anyio.CancelScope() as scope:
            self._scopes.add(scope)
            try:
                if self.event.is_set():
                    scope.cancel()
                yield scope
            finally:
                self._scopes.discard(scope)


#: The process's own: shutdown concerns the whole process, as its signal handlers do.
ABANDON = Abandon()


class AbandonInFlight:
    """Once ``abandon`` is raised, cancel each request in flight and, if it has not
    started its response, answer it 503 ``BUSY`` with ``Retry-After``."""

    def __init__(self, app: ASGIApp, *, abandon: Abandon) -> None:
        self.app = app
        self.abandon = abandon

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        with self.abandon.guarding() as guard:
            await self.app(scope, receive, tracking_send)
        if guard.cancelled_caught and not started:
            await graphql_error_response(
                send,
                503,
                "BUSY",
                "The server is shutting down; this request was rolled back and nothing "
                "was changed. Send it again.",
                retry_after="5",
                connection="close",
            )
