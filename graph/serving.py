"""uvicorn, configured so that slow or idle clients cannot hold the server (docs/security.md).

``PerimeterH11Protocol`` extends uvicorn's h11 protocol (written for uvicorn 0.30–0.x,
checked below): a new connection idle for ``IDLE_KEEP_ALIVE_SECONDS`` is closed like a
kept-alive one, request headers must be complete within ``HEADER_TIMEOUT_SECONDS``,
connections beyond ``HEALTHHUB_MAX_CONNECTIONS`` are answered 503
``SERVICE_UNAVAILABLE``, and a shutdown abandons what is still in flight after
``IN_FLIGHT_GRACE_SECONDS`` (graph/draining.py).
"""

from __future__ import annotations

import asyncio
import functools
from importlib.metadata import version
from typing import Any

import h11
import uvicorn
from starlette.types import Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from graph.draining import ABANDON
from graph.guards import graphql_error_response
from graph.logs import log_config
from persistence.settings import Settings

_UVICORN = tuple(int(part) for part in version("uvicorn").split(".")[:2])
if not (0, 30) <= _UVICORN < (1, 0):
    raise ImportError(f"graph.serving is written for uvicorn 0.30-0.x, not {version('uvicorn')}")

#: A connection with no request in progress is closed after this: idle sockets are
#: what a client needs to exhaust the server's connections.
IDLE_KEEP_ALIVE_SECONDS = 5
#: The headers of a request must be complete this long after the connection is ready
#: for it; a client dripping a header byte at a time is cut off.
HEADER_TIMEOUT_SECONDS = 10.0
#: After SIGTERM, requests in flight get this long to finish on their own.
IN_FLIGHT_GRACE_SECONDS = 25.0
#: What uvicorn waits in all before cancelling what is left; past the grace period the
#: abandoned requests roll back and answer within this, and the process exits by 30 s.
SHUTDOWN_TIMEOUT_SECONDS = 28


@functools.cache
def _max_connections() -> int:
    """The connection limit of this process (read once; workers inherit the environment)."""
    return Settings().max_connections


async def _over_capacity(scope: Scope, receive: Receive, send: Send) -> None:
    await graphql_error_response(
        send,
        503,
        "SERVICE_UNAVAILABLE",
        f"The server has {_max_connections()} connections open, its limit; try again shortly.",
        retry_after="1",
        connection="close",
    )


class PerimeterH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with the idle, header and connection limits above."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._own_app = self.app
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        # uvicorn arms its keep-alive timer only after a response; a new connection
        # that never speaks is just as idle.
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler
        )
        self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def handle_events(self) -> None:
        # uvicorn reads ``self.app`` for each request it starts.
        over = len(self.connections) > _max_connections()
        self.app = _over_capacity if over else self._own_app
        super().handle_events()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_header_timer()

    def shutdown(self) -> None:
        _abandon_later(self.loop)
        super().shutdown()

    def _arm_header_timer(self) -> None:
        self._cancel_header_timer()
        self._header_timer = self.loop.call_later(HEADER_TIMEOUT_SECONDS, self._headers_overdue)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_overdue(self) -> None:
        waiting_for_headers = self.conn.their_state is h11.IDLE and (
            self.cycle is None or self.cycle.response_complete
        )
        if waiting_for_headers and not self.transport.is_closing():
            self.transport.close()


_abandon_armed: set[asyncio.AbstractEventLoop] = set()


def _abandon_later(loop: asyncio.AbstractEventLoop) -> None:
    """On the first connection told to shut down, start the grace period (once per loop)."""
    if loop not in _abandon_armed:
        _abandon_armed.add(loop)
        loop.call_later(IN_FLIGHT_GRACE_SECONDS, ABANDON.now)


def serve(*, host: str, port: int, workers: int, log_level: str, log_format: str = "text") -> None:
    """Serve the app built from the environment (``graph.cli:asgi_app``) with uvicorn,
    every log line with its request id, as text or JSON (graph/logs.py)."""
    uvicorn.run(
        "graph.cli:asgi_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        http=PerimeterH11Protocol,
        timeout_keep_alive=IDLE_KEEP_ALIVE_SECONDS,
        timeout_graceful_shutdown=SHUTDOWN_TIMEOUT_SECONDS,
        log_config=log_config(log_format, log_level),
        access_log=False,  # RequestContext logs each request, with its id
    )
