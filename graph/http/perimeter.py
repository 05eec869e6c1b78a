"""The outer ring of guards: HTTP only, loopback Host names without a token, page headers.

Every guard here is pure ASGI and decides for every scope type (docs/security.md).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.http.auth import OPEN_SCOPE_KEY
from graph.http.draining import Abandon, AbandonInFlight
from graph.http.guards import _header, graphql_error_response
from graph.http.pacing import BodyPace
from graph.http.settings import Settings
from graph.http.slots import UploadSlots

logger = logging.getLogger(__name__)

#: Host names a browser only sends for this machine: without a token, a page on another
#: site that rebinds its DNS name to 127.0.0.1 must not reach the API (DNS rebinding).
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]", "::1"})

#: The dashboard's own files only: no inline script, no other origin, no framing.
STRICT_CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
#: GraphiQL's page (graph/http/graphiql.py): its files from this origin only, no inline
#: script; fonts are data: URLs inside GraphiQL's stylesheet.
GRAPHIQL_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self' data:; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
_PAGE_HEADERS = (
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


class HttpOnly:
    """Serve ``http`` and ``lifespan`` scopes only: a WebSocket handshake is closed before
    it is accepted (the server answers 403), whatever library or route would take it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "lifespan"):
            await self.app(scope, receive, send)
        elif scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
        # Any other scope type is not served at all.


class LoopbackHostOnly:
    """Without a token, answer only requests whose ``Host`` names this machine.

    "Without a token" is the authentication guard's decision (graph/http/auth.py): it marks
    a request it let through because the hub needs no token (no HEALTHHUB_API_TOKEN
    and no users), so this guard sits inside it.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] not in ("http", "websocket")
            or not scope.get(OPEN_SCOPE_KEY)
            or _is_loopback_host(scope)
        ):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        await graphql_error_response(
            send,
            400,
            "BAD_REQUEST",
            "Without HEALTHHUB_API_TOKEN or users only localhost, 127.0.0.1 and [::1] are "
            "served; set a token or add a user to serve other host names.",
        )


def _is_loopback_host(scope: Scope) -> bool:
    host = (_header(scope, b"host") or b"").decode("latin-1").strip().lower()
    if host.startswith("["):
        name = host[: host.find("]") + 1]
    else:
        name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return name in LOOPBACK_HOSTS


class SecurityHeaders:
    """Give HTML responses a Content-Security-Policy and the framing, sniffing and
    referrer headers; the GraphiQL page gets its own policy."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = GRAPHIQL_CSP if scope["path"].rstrip("/") == "/graphql" else STRICT_CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if content_type.lower().startswith(b"text/html"):
                    headers += [(b"content-security-policy", policy.encode()), *_PAGE_HEADERS]
                else:
                    headers.append((b"x-content-type-options", b"nosniff"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class QuietDisconnects:
    """A client that goes away before its request is read is one log line, not a
    traceback: nothing is wrong with the server."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        except ClientDisconnect:
            client = scope.get("client") or ("?", 0)
            logger.info(
                "Client %s:%s disconnected before its %s %s was read; nothing was changed",
                client[0],
                client[1],
                scope.get("method"),
                scope.get("path"),
            )


def add_inner_guards(app: FastAPI, settings: Settings) -> None:
    """The guards that must see a request after the cheap header checks and the token:
    body pace, then an upload slot (added innermost first)."""
    app.add_middleware(BodyPace)
    app.add_middleware(
        UploadSlots,
        slots=settings.max_parallel_uploads,
        wait_seconds=settings.lock_wait_seconds,
    )


def add_outer_guards(app: FastAPI, settings: Settings, abandon: Abandon) -> None:
    """The guards that see every request first: HTTP only, the shutdown abandon, the
    page headers (added innermost first). The Host check without a token sits inside
    the authentication guard (graph/http/app.py), which decides when no token is needed."""
    app.add_middleware(QuietDisconnects)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(AbandonInFlight, abandon=abandon)
    app.add_middleware(HttpOnly)
