"""``healthhub serve``'s server: uvicorn with the perimeter's protocols (docs/security.md).

``serve()`` runs ``PerimeterHttpToolsProtocol`` (graph/server/httptools_protocol.py) on
uvloop where they import, else ``PerimeterH11Protocol`` (graph/server/h11_protocol.py)
on asyncio; both carry the limits of graph/server/limits.py. ``asgi_app`` is the
factory uvicorn calls in each worker.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import logging.config
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from typing import Any, Literal

import uvicorn

from graph.http.attempts import WORKERS_DIR_ENV
from graph.http.logs import log_config
from graph.http.metrics import MULTIPROC_DIR_ENV
from graph.http.settings import Settings
from graph.server.h11_protocol import PerimeterH11Protocol
from graph.server.limits import (
    IDLE_KEEP_ALIVE_SECONDS,
    MAX_HEADER_BYTES,
    shutdown_timeout,
)

logger = logging.getLogger(__name__)


def asgi_app() -> Any:
    """The app built from the environment: the factory uvicorn calls in each worker."""
    from graph.http.app import create_app

    app = create_app(Settings())
    # What start-up loaded (modules, the schema) lives as long as the process; out of
    # the collector's generations, the full collections that large responses set off
    # stay short (p95 of a 3,650-day kpis over HTTP: about 130 ms -> 50 ms). Process-wide
    # tuning, so here in the serve entry point and not in the app factory.
    gc.freeze()
    return app


#: ``auto``: uvicorn's httptools protocol (C parser) and uvloop where they import, else
#: ``h11``: its pure-Python protocol on asyncio. Both carry the same limits.
HttpChoice = Literal["auto", "h11"]


def http_implementation(choice: HttpChoice = "auto") -> tuple[type[asyncio.Protocol], str]:
    """The HTTP protocol class and the event loop name (for ``uvicorn.run``) to serve with."""
    if choice == "h11":
        return PerimeterH11Protocol, "asyncio"
    protocol: type[asyncio.Protocol] = PerimeterH11Protocol
    if find_spec("httptools") is not None:
        from graph.server.httptools_protocol import PerimeterHttpToolsProtocol

        protocol = PerimeterHttpToolsProtocol
    return protocol, "uvloop" if find_spec("uvloop") is not None else "asyncio"


def serve(
    *,
    host: str,
    port: int,
    workers: int,
    log_level: str,
    log_format: str = "text",
    http: HttpChoice = "auto",
) -> None:
    """Serve the app built from the environment (``asgi_app`` above) with uvicorn,
    every log line with its request id, as text or JSON (graph/http/logs.py)."""
    logging_config = log_config(log_format, log_level)
    logging.config.dictConfig(logging_config)
    protocol, loop = http_implementation(http)
    name = "httptools" if protocol is not PerimeterH11Protocol else "h11"
    logger.info("HTTP: uvicorn's %s protocol on the %s event loop", name, loop)
    with workers_directory(workers):
        _run(protocol, loop, host, port, workers, log_level, logging_config)


@contextmanager
def workers_directory(workers: int) -> Iterator[None]:
    """With several workers: a private directory (mode 0700) for what they share, named
    in the environment they inherit (metrics values, graph/http/metrics.py; the
    failed-token count, graph/http/attempts.py), removed when the server stops."""
    if workers <= 1:
        yield
        return
    directory = tempfile.mkdtemp(prefix="healthhub-workers-")
    metrics = os.path.join(directory, "metrics")
    os.mkdir(metrics)
    saved = {name: os.environ.get(name) for name in (MULTIPROC_DIR_ENV, WORKERS_DIR_ENV)}
    os.environ[MULTIPROC_DIR_ENV] = metrics
    os.environ[WORKERS_DIR_ENV] = directory
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(directory, ignore_errors=True)


def _run(
    protocol: type[asyncio.Protocol],
    loop: str,
    host: str,
    port: int,
    workers: int,
    log_level: str,
    logging_config: dict[str, Any],
) -> None:
    uvicorn.run(
        "graph.server.serving:asgi_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        http=protocol,
        loop=loop,
        timeout_keep_alive=IDLE_KEEP_ALIVE_SECONDS,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        timeout_graceful_shutdown=shutdown_timeout(Settings().shutdown_grace_seconds),
        log_config=logging_config,
        access_log=False,  # RequestContext logs each request, with its id
        # X-Forwarded-For names the client only from HEALTHHUB_TRUSTED_PROXIES
        # (graph/http/clients.py); uvicorn's own rewriting trusts 127.0.0.1 by default.
        proxy_headers=False,
    )
