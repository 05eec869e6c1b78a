"""Upload slots: at most N uploads of a process are read, parsed and applied at once.

An upload holds its file, its rows and their KPIs in memory, so the slots bound the
memory uploads take. An upload takes its slot once its body has arrived (the
multipart reader spools it to disk within its limit), when it asks for the body's
last bytes: a slow body holds no slot. The others wait their turn, then get 503
``BUSY`` (docs/security.md).
"""

from __future__ import annotations

import math

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.http.guards import _header, graphql_error_response


class NoUploadSlotError(Exception):
    """No slot came free in time for an upload whose body has arrived."""


class UploadSlots:
    """Let at most ``slots`` multipart requests in at a time; one that waits longer than
    ``wait_seconds`` for its turn is answered 503 ``BUSY`` with ``Retry-After``."""

    def __init__(self, app: ASGIApp, *, slots: int, wait_seconds: float) -> None:
        self.app = app
        self.slots = anyio.Semaphore(slots)
        self.wait_seconds = wait_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_upload(scope):
            await self.app(scope, receive, send)
            return
        held = False

        async def receive_then_take_a_slot() -> Message:
            nonlocal held
            message = await receive()
            if message["type"] == "http.request" and not message.get("more_body") and not held:
                with anyio.move_on_after(self.wait_seconds):
                    await self.slots.acquire()
                    held = True
                if not held:
                    raise NoUploadSlotError
            return message

        try:
            await self.app(scope, receive_then_take_a_slot, send)
        except NoUploadSlotError:
            await graphql_error_response(
                send,
                503,
                "BUSY",
                f"Every upload slot stayed taken for {self.wait_seconds:g} s; nothing was "
                "changed. Send the file again later.",
                retry_after=str(max(1, math.ceil(self.wait_seconds / 10))),
                connection="close",
            )
        finally:
            if held:
                self.slots.release()


def _is_upload(scope: Scope) -> bool:
    return (
        scope["type"] == "http"
        and scope["method"] == "POST"
        and (_header(scope, b"content-type") or b"").lower().startswith(b"multipart/")
    )
