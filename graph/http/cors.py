"""The CORS guard: browsers on the allowed origins may call the API (docs/api.md, "CORS").

Pure ASGI, outside the token guard: a preflight (OPTIONS with an ``Origin`` and an
``Access-Control-Request-Method``) is answered here and never needs a token. From
an allowed origin it gets the methods and request headers the API's clients send;
from any other origin it gets no ``Access-Control-Allow-*`` header, so the browser
refuses the call. Other requests pass through, and responses to an allowed origin
carry ``Access-Control-Allow-Origin`` and the headers a client may read.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALLOWED_METHODS = b"GET, POST, OPTIONS"
ALLOWED_HEADERS = b"authorization, content-type, apollo-require-preflight, x-requested-with"
EXPOSED_HEADERS = b"etag, x-request-id, retry-after"
#: How long a browser may reuse a preflight answer, in seconds.
MAX_AGE = b"600"


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return None


class CorsGuard:
    """Answer preflights and mark responses for the origins in ``origins`` (``*``: any)."""

    def __init__(self, app: ASGIApp, origins: Iterable[str]) -> None:
        self.app = app
        allowed = {origin.encode() for origin in origins}
        self.any_origin = b"*" in allowed
        self.origins = frozenset(allowed)

    def _allows(self, origin: bytes | None) -> bool:
        return origin is not None and (self.any_origin or origin in self.origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        origin = _header(scope, b"origin")
        if (
            scope["method"] == "OPTIONS"
            and origin is not None
            and _header(scope, b"access-control-request-method") is not None
        ):
            await self._preflight(send, origin)
            return
        if not self._allows(origin):
            await self.app(scope, receive, send)
            return
        assert origin is not None

        async def marked_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"access-control-allow-origin", origin),
                    (b"access-control-expose-headers", EXPOSED_HEADERS),
                    (b"vary", b"Origin"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, marked_send)

    async def _preflight(self, send: Send, origin: bytes) -> None:
        headers = [(b"vary", b"Origin"), (b"content-length", b"0")]
        if self._allows(origin):
            headers += [
                (b"access-control-allow-origin", origin),
                (b"access-control-allow-methods", ALLOWED_METHODS),
                (b"access-control-allow-headers", ALLOWED_HEADERS),
                (b"access-control-max-age", MAX_AGE),
            ]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
