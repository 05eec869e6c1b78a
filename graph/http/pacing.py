"""A request body must keep a minimum pace: a trickling client cannot hold a request open.

A slow 1 GB import is fine; a body averaging under ``MIN_BODY_BYTES_PER_SECOND`` over
any ``BODY_RATE_WINDOW_SECONDS`` is refused (408, docs/security.md).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.http.guards import graphql_error_response

#: The slowest body accepted, averaged over a window: a phone on a poor mobile link
#: still sends more than this, a deliberate trickle does not.
MIN_BODY_BYTES_PER_SECOND = 16 * 1024
#: The window the pace is averaged over, long enough to ride out a stall of the network.
BODY_RATE_WINDOW_SECONDS = 30.0


class _TooSlowError(Exception):
    pass


class BodyPace:
    """Refuse a body that arrives slower than ``min_rate`` bytes/s over any ``window``."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        min_rate: float = MIN_BODY_BYTES_PER_SECOND,
        window: float = BODY_RATE_WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.min_rate = min_rate
        self.window = window
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        pace = _Pace(self.clock(), self.min_rate * self.window, self.window)
        started = False

        async def paced_receive() -> Message:
            if pace.done:
                return await receive()
            with anyio.move_on_after(max(0.0, pace.deadline() - self.clock())):
                message = await receive()
                pace.record(self.clock(), message)
                return message
            raise _TooSlowError

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, paced_receive, tracking_send)
        except _TooSlowError:
            if started:
                raise
            await graphql_error_response(
                send,
                408,
                "BAD_REQUEST",
                f"The request body arrived slower than {self.min_rate / 1024:,.0f} KiB/s "
                f"over {self.window:.0f} s; send it faster.",
                connection="close",
            )


class _Pace:
    """The chunks of the last window and when the pace would fall below its floor."""

    def __init__(self, start: float, min_bytes: float, window: float) -> None:
        self.start = start
        self.min_bytes = min_bytes
        self.window = window
        self.chunks: deque[tuple[float, int]] = deque()
        self.done = False

    def record(self, now: float, message: Message) -> None:
        if message["type"] != "http.request" or not message.get("more_body", False):
            self.done = True
        self.chunks.append((now, len(message.get("body", b""))))
        while self.chunks and self.chunks[0][0] < now - self.window:
            self.chunks.popleft()

    def deadline(self) -> float:
        """The instant at which, with nothing more arriving, some window would hold
        fewer than ``min_bytes``: newest chunks first, until they add up to it."""
        total = 0
        for arrived, size in reversed(self.chunks):
            total += size
            if total >= self.min_bytes:
                return max(self.start, arrived) + self.window
        return self.start + self.window
