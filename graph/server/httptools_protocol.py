"""uvicorn's httptools protocol (a C parser) with the perimeter's limits (graph/server/limits.py).

Imported only where ``httptools`` is installed; ``serve()`` falls back to h11 otherwise.
Written for uvicorn 0.30–0.x like graph/server/limits.py, which checks the version.

httptools parses whatever it is fed, every pipelined request of a chunk at once, and
keeps a header value whole until its line ends. So bytes reach the parser through
``_feed``: once a request waits behind the one in progress, nothing more is parsed
(the rest waits unparsed, reading paused) until that one is answered; outside a body
of known length the parser gets ``PARSE_SLICE`` bytes at a time, so it cannot run
ahead by more. The bytes of a request's head are counted as they are fed and refused
with 431 past ``MAX_HEADER_BYTES``, its lines past ``MAX_HEADER_LINES``.
"""

from __future__ import annotations

from uvicorn.protocols.http.flow_control import HIGH_WATER_LIMIT
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from graph.server.limits import (
    MAX_HEADER_BYTES,
    MAX_HEADER_LINES,
    PerimeterLimits,
    head_too_large,
    headers_too_large_response,
)

#: Bytes parsed at a time outside a body of known length: the most a pipelining client
#: gets parsed beyond the request that waits (a request line is at least 16 bytes).
PARSE_SLICE = 1024


class _HeadersTooLargeError(Exception):
    pass


class PerimeterHttpToolsProtocol(PerimeterLimits, HttpToolsProtocol):
    """uvicorn's httptools protocol with the perimeter's limits, reading one request
    ahead at most."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._unparsed = bytearray()
        self._head_bytes = 0
        self._in_body = False
        self._body_left = 0
        self._headers_refused = False
        self._paused_to_feed = False

    def data_received(self, data: bytes) -> None:
        self._unparsed += data
        self._feed()

    def _feed(self) -> None:
        """Parse what has arrived, up to the first request that would wait in line."""
        while self._unparsed and not self.pipeline and not self.transport.is_closing():
            size = self._body_left or PARSE_SLICE
            chunk = bytes(self._unparsed[:size])
            del self._unparsed[:size]
            if not self._in_body:
                # The slice that ends a head may hold a little of its body: up to
                # PARSE_SLICE over the bound is let through.
                self._head_bytes += len(chunk)
                if self._head_bytes > MAX_HEADER_BYTES + PARSE_SLICE:
                    self._refuse_headers()
                    break
            super().data_received(chunk)
        if self.transport.is_closing():
            self._unparsed.clear()
        elif self._unparsed:
            self.flow.pause_reading()  # until the request in progress is answered
            self._paused_to_feed = True
        elif self._paused_to_feed and not self.pipeline and self._body_room():
            self._paused_to_feed = False
            self.flow.resume_reading()

    def on_response_complete(self) -> None:
        super().on_response_complete()  # resumes reading, starts a request waiting
        if self._unparsed and not self.transport.is_closing():
            # Nothing more is read until what has arrived is parsed.
            self.flow.pause_reading()
            self._paused_to_feed = True
            self.loop.call_soon(self._feed)

    def _body_room(self) -> bool:
        """uvicorn's own pause (a body not yet taken by the app) is not lifted here."""
        return self.cycle is None or len(self.cycle.body) <= HIGH_WATER_LIMIT

    def on_header(self, name: bytes, value: bytes) -> None:
        if len(self.headers) >= MAX_HEADER_LINES:
            self._headers_refused = True
            raise _HeadersTooLargeError  # httptools stops parsing: send_400_response below
        super().on_header(name, value)

    def send_400_response(self, msg: str) -> None:
        if self._headers_refused:
            self._refuse_headers()
        else:
            super().send_400_response(msg)

    def _refuse_headers(self) -> None:
        self._unparsed.clear()
        self.transport.write(headers_too_large_response())
        self.transport.close()

    def on_headers_complete(self) -> None:
        if head_too_large(self.url, self.headers):
            self._headers_refused = True
            raise _HeadersTooLargeError
        # uvicorn reads ``self.app`` here for the request whose headers just ended.
        self.app = self._app_for_next_request()
        super().on_headers_complete()
        self._in_body = True
        length = dict(self.headers).get(b"content-length", b"")
        self._body_left = int(length) if length.isdigit() else 0

    def on_body(self, body: bytes) -> None:
        super().on_body(body)
        self._body_left = max(0, self._body_left - len(body))

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._in_body = False
        self._head_bytes = 0
        self._body_left = 0

    def _waiting_for_headers(self) -> bool:
        # ``cycle`` is the last request whose headers were complete (pipelined ones
        # too): once it is answered, the connection waits for the next one's headers.
        return self.cycle is None or self.cycle.response_complete
