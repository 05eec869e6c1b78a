"""uvicorn's h11 protocol (pure Python) with the perimeter's limits (graph/server/limits.py).

Written for uvicorn 0.30–0.x like graph/server/limits.py, which checks the version.
h11 bounds an incomplete request head itself (``serve`` sets it to ``MAX_HEADER_BYTES``)
and reads pipelined requests one at a time; past the bound uvicorn would answer a
plain 400, which is answered 431 with the GraphQL body here.
"""

from __future__ import annotations

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from graph.server.limits import MAX_HEADER_BYTES, PerimeterLimits, headers_too_large_response


class PerimeterH11Protocol(PerimeterLimits, H11Protocol):
    """uvicorn's h11 protocol (pure Python) with the perimeter's limits."""

    def handle_events(self) -> None:
        # uvicorn reads ``self.app`` for each request it starts here.
        self.app = self._app_for_next_request()
        super().handle_events()

    def _waiting_for_headers(self) -> bool:
        return self.conn.their_state is h11.IDLE and (
            self.cycle is None or self.cycle.response_complete
        )

    def send_400_response(self, msg: str) -> None:
        if len(self.conn.trailing_data[0]) <= MAX_HEADER_BYTES:
            super().send_400_response(msg)
            return
        self.transport.write(headers_too_large_response())
        self.transport.close()
