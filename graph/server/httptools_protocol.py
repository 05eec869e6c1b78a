"""uvicorn's httptools protocol (a C parser) with the perimeter's limits (graph/server/limits.py).

Imported only where ``httptools`` is installed; ``serve()`` falls back to h11 otherwise.
Written for uvicorn 0.30–0.x like graph/server/limits.py, which checks the version.
"""

from __future__ import annotations

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from graph.server.limits import PerimeterLimits


class PerimeterHttpToolsProtocol(PerimeterLimits, HttpToolsProtocol):
    """uvicorn's httptools protocol with the idle, header, connection and shutdown limits."""

    def on_headers_complete(self) -> None:
        # uvicorn reads ``self.app`` here for the request whose headers just ended.
        self.app = self._app_for_next_request()
        super().on_headers_complete()

    def _waiting_for_headers(self) -> bool:
        # ``cycle`` is the last request whose headers were complete (pipelined ones
        # too): once it is answered, the connection waits for the next one's headers.
        return self.cycle is None or self.cycle.response_complete
