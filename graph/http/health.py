"""``GET /healthz``: the service, and whether the database answers and can take writes."""

from __future__ import annotations

import os
import shutil
from collections.abc import Awaitable, Callable

import anyio.to_thread
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, text

#: Free space a SQLite database's directory needs to be reported writable: an upload
#: writes its rows, KPIs and report to the write-ahead log before it is checkpointed.
MIN_FREE_BYTES = 64 * 1024 * 1024

DiskFree = Callable[[str], int]


def disk_free(path: str) -> int:
    """Bytes free to this process on the filesystem holding ``path``."""
    return shutil.disk_usage(path).free


def healthz_endpoint(
    engine: Engine, *, free_bytes: DiskFree = disk_free
) -> Callable[[], Awaitable[JSONResponse]]:
    """The endpoint: 200 with ``database: ok``, or 503 saying ``unreachable`` (no answer)
    or ``full`` (a SQLite file whose disk has less than ``MIN_FREE_BYTES`` left)."""
    database_file = engine.url.database if engine.dialect.name == "sqlite" else None
    directory = (
        os.path.dirname(os.path.abspath(database_file))
        if database_file and database_file != ":memory:"
        else None
    )

    def probe() -> str:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        if directory is not None and free_bytes(directory) < MIN_FREE_BYTES:
            return "full"
        return "ok"

    async def healthz() -> JSONResponse:
        try:
            state = await anyio.to_thread.run_sync(probe)
        except Exception:
            state = "unreachable"
        return JSONResponse(
            {"service": "ok", "database": state}, status_code=200 if state == "ok" else 503
        )

    return healthz
