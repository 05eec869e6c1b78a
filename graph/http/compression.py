"""gzip for responses of 1 KiB or more when the client accepts it (docs/api.md, "Size").

Pure ASGI. A whole response body (the API's answers are not streamed) is compressed
with ISA-L's gzip (the ``isal`` package) at level 1: on a 2 MB ``kpis`` answer it takes
about a quarter of zlib's level-1 time and its output is smaller. Bodies above
``OFF_LOOP_BYTES`` are compressed in a worker thread so the event loop keeps answering
other requests. A streamed body,
an already encoded one and a 304 pass unchanged.
"""

from __future__ import annotations

import re

import anyio.to_thread
from isal import igzip
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MIN_BYTES = 1024
LEVEL = 1
#: Bodies larger than this are compressed off the event loop; smaller ones take under
#: a millisecond inline, less than the thread hop costs on a busy machine.
OFF_LOOP_BYTES = 256 * 1024
_GZIP_REFUSED = re.compile(rb"(^|,)\s*gzip\s*;\s*q\s*=\s*0(\.0*)?\s*(,|$)")


def accepts_gzip(accept_encoding: bytes) -> bool:
    value = accept_encoding.lower()
    return (b"gzip" in value or b"*" in value) and not _GZIP_REFUSED.search(value)


def _compress(body: bytes) -> bytes:
    return igzip.compress(body, compresslevel=LEVEL, mtime=0)


class GzipResponses:
    """Compress whole response bodies of ``MIN_BYTES`` or more for gzip clients."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        accept = b", ".join(v for k, v in scope["headers"] if k == b"accept-encoding")
        if not accepts_gzip(accept):
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        passing = False

        async def compressing_send(message: Message) -> None:
            nonlocal start, passing
            if message["type"] == "http.response.start":
                names = {key.lower() for key, _ in message.get("headers", [])}
                if b"content-encoding" in names or message["status"] in (204, 304):
                    passing = True
                    await send(message)
                else:
                    start = message
                return
            if passing or message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            body = message.get("body", b"")
            if message.get("more_body", False) or len(body) < MIN_BYTES:
                passing = True
                await send(start)
                await send(message)
                return
            if len(body) > OFF_LOOP_BYTES:
                compressed = await anyio.to_thread.run_sync(_compress, body)
            else:
                compressed = _compress(body)
            headers = [
                (key, value)
                for key, value in start.get("headers", [])
                if key.lower() != b"content-length"
            ]
            headers += [
                (b"content-encoding", b"gzip"),
                (b"content-length", str(len(compressed)).encode()),
            ]
            if not any(
                key.lower() == b"vary" and b"accept-encoding" in value.lower()
                for key, value in headers
            ):
                headers.append((b"vary", b"Accept-Encoding"))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": compressed})

        await self.app(scope, receive, compressing_send)
