"""Upload slots: at most N uploads of a process are read, parsed and applied at once,
and at most one per user (docs/security.md).

An upload holds its file, its rows and their KPIs in memory, so the slots bound the
memory uploads take. An upload takes its slot once its body has arrived (the
multipart reader spools it to disk within its limit), when it asks for the body's
last bytes: a slow body holds no slot. It first takes its user's turn, so one user's
uploads (dry runs included) run one after the other and one person cannot take every
slot. The others wait their turn, then get 503 ``BUSY``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.http.auth import USER_SCOPE_KEY
from graph.http.guards import _header, graphql_error_response


class NoUploadSlotError(Exception):
    """No slot came free in time for an upload whose body has arrived."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class _Turn:
    """One user's turn (a semaphore of one: released by whichever task ends the
    request) and how many of their uploads hold or wait for it."""

    lock: anyio.Semaphore = field(default_factory=lambda: anyio.Semaphore(1))
    uploads: int = 0


class UploadSlots:
    """Let at most ``slots`` multipart requests in at a time, at most one per user; one
    that waits longer than ``wait_seconds`` for its turn is answered 503 ``BUSY`` with
    ``Retry-After``."""

    def __init__(self, app: ASGIApp, *, slots: int, wait_seconds: float) -> None:
        self.app = app
        self.slots = anyio.Semaphore(slots)
        self.wait_seconds = wait_seconds
        #: Only users with an upload holding or waiting for their turn: bounded by the
        #: requests in flight.
        self._turns: dict[str, _Turn] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_upload(scope):
            await self.app(scope, receive, send)
            return
        user = str(scope.get(USER_SCOPE_KEY) or "")
        turn: _Turn | None = None
        has_turn = held = False

        async def receive_then_take_a_slot() -> Message:
            nonlocal turn, has_turn, held
            message = await receive()
            if message["type"] == "http.request" and not message.get("more_body") and not held:
                turn = self._turns.setdefault(user, _Turn())
                turn.uploads += 1
                with anyio.move_on_after(self.wait_seconds):
                    await turn.lock.acquire()
                    has_turn = True
                    await self.slots.acquire()
                    held = True
                if not held:
                    raise NoUploadSlotError(
                        f"Every upload slot stayed taken for {self.wait_seconds:g} s; nothing "
                        "was changed. Send the file again later."
                        if has_turn
                        else f"Your previous upload was still running after {self.wait_seconds:g}"
                        " s; one user's uploads (dry runs included) run one at a time. Nothing "
                        "was changed; send the file again once it is done."
                    )
            return message

        try:
            await self.app(scope, receive_then_take_a_slot, send)
        except NoUploadSlotError as error:
            await graphql_error_response(
                send,
                503,
                "BUSY",
                error.message,
                retry_after=str(max(1, math.ceil(self.wait_seconds / 10))),
                connection="close",
            )
        finally:
            if held:
                self.slots.release()
            if has_turn and turn is not None:
                turn.lock.release()
            if turn is not None:
                turn.uploads -= 1
                if turn.uploads == 0:
                    self._turns.pop(user, None)


def _is_upload(scope: Scope) -> bool:
    return (
        scope["type"] == "http"
        and scope["method"] == "POST"
        and (_header(scope, b"content-type") or b"").lower().startswith(b"multipart/")
    )
