"""Our connection limits, not uvicorn's ``limit_concurrency`` (a plain-text 503, no per-client cap).

uvicorn's ``limit_concurrency`` answers ``Service Unavailable`` in plain text where every
refusal must be the GraphQL error body, and counts all connections together where one
client address must not take them all; so the limits are ours (docs/security.md).
``PerimeterLimits`` extends either of uvicorn's HTTP protocols (written for uvicorn
0.30–0.x, checked below): a new connection idle for ``IDLE_KEEP_ALIVE_SECONDS`` is
closed like a kept-alive one, request headers must be complete within
``HEADER_TIMEOUT_SECONDS``, connections beyond ``HEALTHHUB_MAX_CONNECTIONS`` are
answered 503 ``SERVICE_UNAVAILABLE``, as are those of one client address beyond
``HEALTHHUB_MAX_CONNECTIONS_PER_CLIENT`` (behind a trusted proxy: its requests in
flight, the address from ``X-Forwarded-For``), headers past ``MAX_HEADER_BYTES`` or
``MAX_HEADER_LINES`` are answered 431 ``HEADERS_TOO_LARGE``, and a shutdown abandons
what is still in flight after ``HEALTHHUB_SHUTDOWN_GRACE_SECONDS`` (graph/http/
draining.py). The protocols themselves are graph/server/h11_protocol.py and
graph/server/httptools_protocol.py.
"""

from __future__ import annotations

import asyncio
import functools
import math
from collections import defaultdict
from collections.abc import Iterable
from importlib.metadata import version
from typing import TYPE_CHECKING, Any

import orjson
from starlette.types import ASGIApp, Receive, Scope, Send

from graph.http.clients import client_address, is_trusted_proxy
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
#: After SIGTERM, requests in flight get this long to finish on their own (the default
#: of ``HEALTHHUB_SHUTDOWN_GRACE_SECONDS``, its most).
IN_FLIGHT_GRACE_SECONDS = 25.0
#: What uvicorn waits after the grace period before cancelling what is left: the
#: abandoned requests roll back and answer within it...
ABANDONED_ANSWER_SECONDS = 3
#: ... so the process exits by 30 s.
SHUTDOWN_TIMEOUT_SECONDS = int(IN_FLIGHT_GRACE_SECONDS) + ABANDONED_ANSWER_SECONDS


def shutdown_timeout(grace_seconds: float) -> int:
    """uvicorn's ``timeout_graceful_shutdown`` for a grace period of ``grace_seconds``."""
    return math.ceil(grace_seconds) + ABANDONED_ANSWER_SECONDS


#: The most bytes of a request line and headers together (what browsers and proxies
#: send is a few KiB; nginx's default bound is 32 KiB)...
MAX_HEADER_BYTES = 64 * 1024
#: ... and the most header lines.
MAX_HEADER_LINES = 100
_HEADERS_TOO_LARGE = (
    f"The request headers are over {MAX_HEADER_BYTES // 1024} KiB or {MAX_HEADER_LINES} lines, "
    "their limit."
)


@functools.cache
def _settings() -> Settings:
    """The settings of this process (read once; workers inherit the environment)."""
    return Settings()


def _max_connections() -> int:
    return _settings().max_connections


#: Per client address: its open connections, or behind a trusted proxy its requests in
#: flight (one process's count; each worker holds its own).
_OPEN: defaultdict[str, int] = defaultdict(int)


def _opened(address: str) -> int:
    _OPEN[address] += 1
    return _OPEN[address]


def _closed(address: str) -> None:
    _OPEN[address] -= 1
    if _OPEN[address] <= 0:
        del _OPEN[address]


def _client_over_capacity() -> bytes:
    return raw_refusal(
        "503 Service Unavailable",
        "SERVICE_UNAVAILABLE",
        f"This address has {_settings().max_connections_per_client} connections open, its "
        "limit (HEALTHHUB_MAX_CONNECTIONS_PER_CLIENT); close some or try again shortly.",
        retry_after="1",
    )


async def _client_over_capacity_app(scope: Scope, receive: Receive, send: Send) -> None:
    await graphql_error_response(
        send,
        503,
        "SERVICE_UNAVAILABLE",
        f"This address has {_settings().max_connections_per_client} requests in flight, its "
        "limit (HEALTHHUB_MAX_CONNECTIONS_PER_CLIENT); try again shortly.",
        retry_after="1",
    )


async def _headers_too_large(scope: Scope, receive: Receive, send: Send) -> None:
    await graphql_error_response(
        send, 431, "HEADERS_TOO_LARGE", _HEADERS_TOO_LARGE, connection="close"
    )


def raw_refusal(status: str, code: str, message: str, **headers: str) -> bytes:
    """A whole HTTP/1.1 refusal with the GraphQL error body, for a protocol that answers
    before any app runs; the connection closes after it."""
    payload = orjson.dumps({"errors": [{"message": message, "extensions": {"code": code}}]})
    lines = [
        f"HTTP/1.1 {status}",
        "content-type: application/json",
        f"content-length: {len(payload)}",
        "cache-control: no-store",
        *(f"{name.replace('_', '-')}: {value}" for name, value in headers.items()),
        "connection: close",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


def headers_too_large_response() -> bytes:
    """The raw 431 of headers over ``MAX_HEADER_BYTES``."""
    return raw_refusal(
        "431 Request Header Fields Too Large", "HEADERS_TOO_LARGE", _HEADERS_TOO_LARGE
    )


def head_too_large(target: bytes, headers: Iterable[tuple[bytes, bytes]]) -> bool:
    """Whether a request head (its target and headers) is over ``MAX_HEADER_BYTES`` or
    ``MAX_HEADER_LINES``; the method and version count as the longest ones would."""
    size, lines = len(target) + len("OPTIONS  HTTP/1.1\r\n\r\n"), 0
    for name, value in headers:
        size += len(name) + len(value) + 4  # ": " and the line end
        lines += 1
    return size > MAX_HEADER_BYTES or lines > MAX_HEADER_LINES


def _bounded(app: ASGIApp) -> ASGIApp:
    """``app`` behind the per-request limits: header lines, and the requests in flight
    of a client behind a trusted proxy."""

    async def bounded(scope: Scope, receive: Receive, send: Send) -> None:
        if head_too_large(scope.get("raw_path") or b"", scope.get("headers", ())):
            await _headers_too_large(scope, receive, send)
            return
        trusted = _settings().trusted_proxies
        peer = (scope.get("client") or ("", 0))[0]
        if not is_trusted_proxy(peer, trusted):
            await app(scope, receive, send)  # counted by its connection
            return
        address = client_address(peer, scope.get("headers", ()), trusted)
        try:
            if _opened(address) > _settings().max_connections_per_client:
                await _client_over_capacity_app(scope, receive, send)
            else:
                await app(scope, receive, send)
        finally:
            _closed(address)

    return bounded


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
        self._own_app = _bounded(self.app)
        self._header_timer: asyncio.TimerHandle | None = None
        self._counted: str | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        peer = str((transport.get_extra_info("peername") or ("",))[0])
        if not is_trusted_proxy(peer, _settings().trusted_proxies):
            # A trusted proxy's connections carry many clients: counted per request.
            self._counted = peer
            if _opened(peer) > _settings().max_connections_per_client:
                # Answered and closed at once, so it holds no place among the server's
                # connections while the client waits to send its request.
                self.transport.write(_client_over_capacity())
                self.transport.close()
        # uvicorn arms its keep-alive timer only after a response; a new connection
        # that never speaks is just as idle. Its first bytes cancel the timer.
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler
        )
        self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        if self._counted is not None:
            _closed(self._counted)
            self._counted = None
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
        loop.call_later(_settings().shutdown_grace_seconds, ABANDON.now)
