"""The raw floor of a ``kpis`` read, and the processes tests/bench/bench_http.py starts.

The floor (issue 15): a psycopg SELECT (binary cursor) of the KPI columns the
benchmark asks for, the rows as the API's JSON shape (``{"data": {"kpis": [...]}}``,
the API's camelCase keys, orjson; no rounding, no ids) and gzip at level 1 (ISA-L
when installed, as zlib otherwise). ``floor_answer`` is what both floors time: the
in-process one in bench_http.py and the HTTP one below.

Run by bench_http.py, not by hand:

- ``floor PORT DSN USER_ID [--http auto|h11]``: serve the floor over HTTP with
  uvicorn (a plain ASGI function, no framework; ``loop="auto"`` and, unless told,
  ``http="auto"``, which pick uvloop and httptools when installed). A POST with the
  API's request body ``{"query": ..., "variables": {"start": ..., "end": ...}}`` gets
  the floor's JSON for that range, gzipped when the client accepts gzip; anything
  else gets ``ok``.
- ``load BASE PAYLOAD TASKS WARMUP_SECONDS SECONDS``: one load-generating process:
  ``TASKS`` asyncio tasks sharing an ``httpx.AsyncClient``, each sending sequential
  POSTs of ``PAYLOAD`` to ``BASE/graphql`` with gzip accepted. Warms up, prints
  ``ready``, waits for a line on stdin, then runs for ``SECONDS`` and prints the
  latencies (seconds) and the measured window as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import importlib.util
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import httpx
import orjson
import psycopg

#: The API's field -> the ``kpis`` column, in the order of bench_http.KPI_QUERY.
KPI_FIELDS: tuple[tuple[str, str], ...] = (
    ("date", "date"),
    ("bmrKcal", "bmr_kcal"),
    ("kcalOutTotal", "kcal_out_total"),
    ("balanceKcal", "balance_kcal"),
    ("balance7dAvg", "balance_7d_avg"),
    ("balance7dDays", "balance_7d_days"),
    ("proteinPerKg", "protein_per_kg"),
    ("healthyFoodPct", "healthy_food_pct"),
    ("stepsGoalMet", "steps_goal_met"),
    ("steps7dAvg", "steps_7d_avg"),
    ("stepsGoalRate7d", "steps_goal_rate_7d"),
    ("sleep7dAvg", "sleep_7d_avg"),
    ("weight7dAvg", "weight_7d_avg"),
    ("weight7dDays", "weight_7d_days"),
    ("weightTrend", "weight_trend"),
    ("weightTrendChange7d", "weight_trend_change_7d"),
    ("waistChange7d", "waist_change_7d"),
    ("tdeeEstimate", "tdee_estimate"),
    ("expenditureKcal", "expenditure_kcal"),
    ("expenditureLowKcal", "expenditure_low_kcal"),
    ("expenditureHighKcal", "expenditure_high_kcal"),
)
KEYS = tuple(field for field, _ in KPI_FIELDS)
FLOOR_SQL = (
    f"SELECT {', '.join(column for _, column in KPI_FIELDS)} FROM kpis"
    " WHERE user_id = %s AND date BETWEEN %s AND %s ORDER BY date"
)

if importlib.util.find_spec("isal") is not None:
    from isal import igzip

    GZIP = "ISA-L igzip level 1"

    def compress(body: bytes) -> bytes:
        return igzip.compress(body, compresslevel=1, mtime=0)

else:  # pragma: no cover - isal is in the lock
    GZIP = "zlib gzip level 1"

    def compress(body: bytes) -> bytes:
        return gzip.compress(body, compresslevel=1, mtime=0)


def floor_json(cursor: psycopg.Cursor[Any], user_id: str, start: date, end: date) -> bytes:
    """The rows of ``user_id`` in ``start..end`` as the API's JSON shape."""
    cursor.execute(FLOOR_SQL, (user_id, start, end))
    keys = KEYS
    kpis = [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]
    return orjson.dumps({"data": {"kpis": kpis}})


def floor_answer(
    cursor: psycopg.Cursor[Any], user_id: str, start: date, end: date, *, gzipped: bool
) -> bytes:
    """What the floor sends: the JSON, gzipped if asked."""
    body = floor_json(cursor, user_id, start, end)
    return compress(body) if gzipped else body


def accepts_gzip(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(k == b"accept-encoding" and b"gzip" in v.lower() for k, v in headers)


Message = dict[str, Any]


def floor_app(
    dsn: str, user_id: str
) -> Callable[
    [Message, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]],
    Awaitable[None],
]:
    """A plain ASGI function answering POSTs with the floor (one connection, autocommit)."""
    connection = psycopg.connect(dsn, autocommit=True)
    cursor = connection.cursor(binary=True)

    async def app(
        scope: Message,
        receive: Callable[[], Awaitable[Message]],
        send: Callable[[Message], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            return
        body, more = b"", True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        headers = [(b"content-type", b"application/json")]
        if scope["method"] == "POST":
            variables = orjson.loads(body)["variables"]
            gzipped = accepts_gzip(scope["headers"])
            answer = floor_answer(
                cursor,
                user_id,
                date.fromisoformat(variables["start"]),
                date.fromisoformat(variables["end"]),
                gzipped=gzipped,
            )
            if gzipped:
                headers.append((b"content-encoding", b"gzip"))
        else:
            answer = b'"ok"'
        headers.append((b"content-length", str(len(answer)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": answer})

    return app


def serve_floor(port: int, dsn: str, user_id: str, http: str) -> None:
    import uvicorn

    uvicorn.run(
        floor_app(dsn, user_id),
        host="127.0.0.1",
        port=port,
        http=http,  # "auto" or "h11", checked by argparse
        lifespan="off",
        log_level="warning",
        access_log=False,
    )


async def load(base: str, payload: bytes, tasks: int, warmup: float, seconds: float) -> None:
    headers = {"Accept-Encoding": "gzip", "Content-Type": "application/json"}
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=tasks, max_keepalive_connections=tasks)

    async def one(client: httpx.AsyncClient, until: float, record: bool) -> None:
        while time.perf_counter() < until:
            started = time.perf_counter()
            response = await client.post("/graphql", content=payload, headers=headers)
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                raise RuntimeError(f"status {response.status_code}: {response.text[:200]}")
            if record:
                latencies.append(elapsed)

    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        until = time.perf_counter() + warmup
        await asyncio.gather(*(one(client, until, False) for _ in range(tasks)))
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        started = time.perf_counter()
        await asyncio.gather(*(one(client, started + seconds, True) for _ in range(tasks)))
        window = time.perf_counter() - started
    print(orjson.dumps({"latencies": latencies, "window": window}).decode(), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    floor = commands.add_parser("floor")
    floor.add_argument("port", type=int)
    floor.add_argument("dsn")
    floor.add_argument("user_id")
    floor.add_argument("--http", choices=["auto", "h11"], default="auto")
    client = commands.add_parser("load")
    client.add_argument("base")
    client.add_argument("payload")
    client.add_argument("tasks", type=int)
    client.add_argument("warmup", type=float)
    client.add_argument("seconds", type=float)
    args = parser.parse_args()
    if args.command == "floor":
        serve_floor(args.port, args.dsn, args.user_id, args.http)
    else:
        asyncio.run(load(args.base, args.payload.encode(), args.tasks, args.warmup, args.seconds))


if __name__ == "__main__":
    main()
