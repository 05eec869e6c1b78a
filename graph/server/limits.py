"""The perimeter's connection limits, for either of uvicorn's HTTP protocols (docs/security.md).

``PerimeterLimits`` extends either of uvicorn's HTTP protocols (written for uvicorn
0.30–0.x, checked below): a new connection idle for ``IDLE_KEEP_ALIVE_SECONDS`` is
closed like a kept-alive one, request headers must be complete within
``HEADER_TIMEOUT_SECONDS``, connections beyond ``HEALTHHUB_MAX_CONNECTIONS`` are
answered 503 ``SERVICE_UNAVAILABLE``, and a shutdown abandons what is still in flight
after ``IN_FLIGHT_GRACE_SECONDS`` (graph/http/draining.py). The protocols themselves are
graph/server/h11_protocol.py and graph/server/httptools_protocol.py.
"""

from __future__ import annotations

import asyncio
import functools
from importlib.metadata import version
from typing import TYPE_CHECKING, Any

from starlette.types import ASGIApp, Receive, Scope, Send

from graph.http.draining import ABANDON
from graph.http.guards import graphql_error_response
from graph.http.settings import Settings

#: The uvicorn releases whose protocols the limits subclass were tested: pyproject.toml
#: allows the same range (tests/graph/test_server_versions.py checks they agree).
WRITTEN_FOR = ((0, 30), (0, 55))
_UVICORN = tuple(int(part) for part in version("uvicorn").split(".")[:2])
if not WRITTEN_FOR[0] <= _UVICORN < WRITTEN_FOR[1]:
    raise ImportError(
        f"graph.server.limits is written for uvicorn >=0.30,<0.55, not {version('uvicorn')}"
    )

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


if TYPE_CHECKING:

    class _UvicornHttp(asyncio.Protocol):
        """What the limits use of uvicorn's two HTTP protocols (all there since 0.30)."""

        app: Any  # typed differently across uvicorn releases
        loop: asyncio.AbstractEventLoop
        connections: set[Any]
        transport: asyncio.Transport
        timeout_keep_alive: int
        timeout_keep_alive_task: asyncio.TimerHandle | None

        def timeout_keep_alive_handler(self) -> None: ...
        def on_response_complete(self) -> None: ...
        def shutdown(self) -> None: ...

else:
    _UvicornHttp = asyncio.Protocol


class PerimeterLimits(_UvicornHttp):
    """The idle, header, connection and shutdown limits, for either uvicorn protocol.

    Put it before the protocol class (``class P(PerimeterLimits, H11Protocol)``); the
    subclass calls ``_app_for_next_request`` where its protocol picks the app for a
    request, and says when it is waiting for a request's headers.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._own_app = self.app
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        # uvicorn arms its keep-alive timer only after a response; a new connection
        # that never speaks is just as idle. Its first bytes cancel the timer.
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler
        )
        self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_header_timer()

    def shutdown(self) -> None:
        _abandon_later(self.loop)
        super().shutdown()

    def _app_for_next_request(self) -> ASGIApp:
        """The app, or the 503 past ``HEALTHHUB_MAX_CONNECTIONS`` (this one counted)."""
        return _over_capacity if len(self.connections) > _max_connections() else self._own_app

    def _waiting_for_headers(self) -> bool:
        raise NotImplementedError

    def _arm_header_timer(self) -> None:
        self._cancel_header_timer()
        self._header_timer = self.loop.call_later(HEADER_TIMEOUT_SECONDS, self._headers_overdue)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_overdue(self) -> None:
        if self._waiting_for_headers() and not self.transport.is_closing():
            self.transport.close()


_abandon_armed: set[asyncio.AbstractEventLoop] = set()


def _abandon_later(loop: asyncio.AbstractEventLoop) -> None:
    """On the first connection told to shut down, start the grace period (once per loop)."""
    if loop not in _abandon_armed:
        _abandon_armed.add(loop)
        loop.call_later(IN_FLIGHT_GRACE_SECONDS, ABANDON.now)
