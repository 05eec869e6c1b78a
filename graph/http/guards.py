"""ASGI guards in front of the API: body limit, content encoding, CSRF preflight
(the token is graph/http/auth.py's).

Each answers a refused request itself, without reading the body further, in the
GraphQL error shape ``{"errors": [{"message", "extensions": {"code"}}]}`` with a
message that says what to send instead (docs/security.md).
"""

from __future__ import annotations

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PREFLIGHT_HEADERS = (b"authorization", b"apollo-require-preflight", b"x-requested-with")


async def graphql_error_response(
    send: Send, status: int, code: str, message: str, **headers: str
) -> None:
    """Answer an HTTP request with one GraphQL error: ``status``, ``extensions.code`` =
    ``code``, and ``headers`` (underscores in names become dashes, e.g. ``retry_after``).
    """
    payload = orjson.dumps({"errors": [{"message": message, "extensions": {"code": code}}]})
    raw_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        (b"cache-control", b"no-store"),
        *((name.replace("_", "-").encode(), value.encode()) for name, value in headers.items()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": payload})


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return None


class _BodyTooLargeError(Exception):
    pass


class BodyLimit:
    """Answer 413 to a body over ``max_bytes``: from Content-Length before reading, or
    as soon as the streamed chunks pass it (nothing is buffered here)."""

    def __init__(
        self, app: ASGIApp, max_bytes: int, multipart_max_bytes: int | None = None
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.multipart_max_bytes = multipart_max_bytes or max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        content_type = (_header(scope, b"content-type") or b"").lower()
        limit = (
            self.multipart_max_bytes if content_type.startswith(b"multipart/") else self.max_bytes
        )
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(send, limit)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _BodyTooLargeError
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyTooLargeError:
            if started:
                raise
            await self._refuse(send, limit)

    async def _refuse(self, send: Send, limit: int) -> None:
        await graphql_error_response(
            send,
            413,
            "PAYLOAD_TOO_LARGE",
            f"The request body is larger than the limit of {limit:,} bytes.",
        )


class IdentityEncodingOnly:
    """Refuse compressed request bodies (415): a small gzip body can inflate without bound."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        encoding = _header(scope, b"content-encoding") if scope["type"] == "http" else None
        if encoding is not None and encoding.strip().lower() not in (b"", b"identity"):
            await graphql_error_response(
                send,
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "Request bodies must not be compressed: send them without Content-Encoding.",
            )
            return
        await self.app(scope, receive, send)


class MultipartPreflightGuard:
    """Refuse a multipart POST that a browser could send cross-site without a preflight."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] == "POST"
            and (_header(scope, b"content-type") or b"").lower().startswith(b"multipart/")
            and not any(_header(scope, name) is not None for name in PREFLIGHT_HEADERS)
        ):
            await graphql_error_response(
                send,
                400,
                "BAD_REQUEST",
                "Multipart requests must send an Apollo-Require-Preflight "
                "or X-Requested-With header (any value), or an Authorization header.",
            )
            return
        await self.app(scope, receive, send)
