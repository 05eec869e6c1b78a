"""Where one ``kpis`` read spends its time, end to end, stage by stage.

Run: ``.venv/bin/python tests/bench/profile_read.py [--db postgres|sqlite] [--days 365 3650]
[--requests 200] [--cprofile N] [--sort tottime|cumulative]``.

Serves the app in this process with the production server settings (uvicorn with
the perimeter's protocol, as ``healthhub serve``), loads ten years of days, and has a
client in another process send sequential POST ``kpis`` queries (gzip accepted, the
dashboard's fields). Named functions on the path are wrapped in timers; what they
do not cover is reported as the rest of its enclosing stage. Nested stages are
subtracted from their parents, so the shares add up to the time the client saw.
``--cprofile N`` also prints the N functions with the most own time on the event
loop's thread (worker threads are not profiled). Figures, not tests.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import functools
import gc
import inspect
import json
import os
import pstats
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graph.server.serving import HttpChoice  # noqa: E402
from tests.bench.bench_http import (  # noqa: E402
    DAYS,
    END,
    KPI_QUERY,
    _database,
    _free_port,
    realistic_csv,
)

#: Stage -> its parent stage (None: the client's round trip).
PARENTS: dict[str, str | None] = {
    "client round trip": None,
    "server (ASGI app)": "client round trip",
    "gzip": "server (ASGI app)",
    "auth: token or account lookup": "server (ASGI app)",
    "routing, dependencies, Strawberry's handler": "server (ASGI app)",
    "uvicorn's send (socket write)": "server (ASGI app)",
    "GraphQL view": "routing, dependencies, Strawberry's handler",
    "direct answer": "GraphQL view",
    "kept query answered before routing": "server (ASGI app)",
    "direct: SQL on the event loop": "kept query answered before routing",
    "direct: rows and JSON": "kept query answered before routing",
    "ETag version read": "GraphQL view",
    "operation": "GraphQL view",
    "parse": "operation",
    "validate": "operation",
    "cost": "operation",
    "execute": "operation",
    "resolver": "execute",
    "database read": "resolver",
    "served objects": "execute",
    "list completion": "execute",
    "JSON encoding": "GraphQL view",
}

_totals: dict[str, float] = defaultdict(float)
_lock = threading.Lock()


def _add(stage: str, seconds: float) -> None:
    with _lock:
        _totals[stage] += seconds


def _timed(owner: Any, name: str, stage: str) -> None:
    """Wrap ``owner.name`` (a function or coroutine function) in a timer for ``stage``."""
    original = inspect.getattr_static(owner, name)
    is_static = isinstance(original, staticmethod)
    is_class = isinstance(original, classmethod)
    function = original.__func__ if is_static or is_class else original
    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return await function(*args, **kwargs)
            finally:
                _add(stage, time.perf_counter() - started)

        wrapper: Any = async_wrapper
    else:

        @functools.wraps(function)
        def sync_wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                _add(stage, time.perf_counter() - started)

        wrapper = sync_wrapper
    if is_static:
        wrapper = staticmethod(wrapper)
    elif is_class:
        wrapper = classmethod(wrapper)
    setattr(owner, name, wrapper)


def instrument() -> None:
    """Wrap the stages of the read path (call before the app is built)."""
    import strawberry.schema.schema as strawberry_schema
    from fastapi.routing import APIRouter

    from domain import services
    from graph.execution import cost
    from graph.execution.fastpath import FastExecutionContext
    from graph.http import compression, router
    from graph.http.auth import Authentication
    from graph.http.router import OrjsonGraphQLRouter
    from graph.schema import resolvers
    from graph.schema.types.kpi import Kpi
    from persistence.async_reads import AsyncReads

    _timed(Authentication, "_identify", "auth: token or account lookup")
    _timed(APIRouter, "__call__", "routing, dependencies, Strawberry's handler")
    # The direct answer of kept queries (issue 26); absent from older trees, which this
    # script can profile too (copy it into their tests/bench/).
    if hasattr(router, "KeptAnswers"):
        from graph.execution.direct import DirectPlan

        _timed(OrjsonGraphQLRouter, "_answer_directly", "direct answer")
        _timed(router.KeptAnswers, "answer", "kept query answered before routing")
        _timed(AsyncReads, "kpis_between", "direct: SQL on the event loop")
        _timed(DirectPlan, "answer", "direct: rows and JSON")
    _timed(compression, "_compress", "gzip")
    _timed(OrjsonGraphQLRouter, "run", "GraphQL view")
    _timed(OrjsonGraphQLRouter, "_etag", "ETag version read")
    _timed(OrjsonGraphQLRouter, "encode_json", "JSON encoding")
    _timed(strawberry_schema.Schema, "execute", "operation")
    _timed(strawberry_schema, "_parse_operation_document", "parse")
    _timed(strawberry_schema, "validate_document", "validate")
    _timed(cost, "query_cost", "cost")
    _timed(strawberry_schema.Schema, "_execute_operation", "execute")
    _timed(resolvers, "_call", "resolver")
    _timed(services, "list_kpis", "database read")
    _timed(Kpi, "many_from_domain", "served objects")
    _timed(FastExecutionContext, "complete_list_value", "list completion")


_gc_started: list[float] = []


def _on_gc(phase: str, info: dict[str, int]) -> None:
    """Time spent collecting garbage, counted inside whichever stage set it off."""
    if phase == "start":
        _gc_started.append(time.perf_counter())
    elif _gc_started:
        _totals[f"garbage collection (gen {info['generation']}, inside the stages)"] += (
            time.perf_counter() - _gc_started.pop()
        )
        _totals[f"collections of gen {info['generation']}"] += 1


def timed_app(app: Any) -> Any:
    async def outermost(scope: Any, receive: Any, send: Any) -> None:
        started = time.perf_counter()

        async def timed_send(message: Any) -> None:
            begun = time.perf_counter()
            try:
                await send(message)
            finally:
                _add("uvicorn's send (socket write)", time.perf_counter() - begun)

        try:
            await app(scope, receive, timed_send)
        finally:
            if scope["type"] == "http":
                _add("server (ASGI app)", time.perf_counter() - started)

    return outermost


CLIENT = textwrap.dedent(
    """
    import json, sys, time, httpx
    base, payload = sys.argv[1], json.loads(sys.argv[2])
    warmup, count = int(sys.argv[3]), int(sys.argv[4])
    gzip = {"Accept-Encoding": "gzip"}
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(warmup):
            client.post("/graphql", json=payload, headers=gzip).raise_for_status()
        print("ready", flush=True)
        sys.stdin.readline()
        times = []
        for _ in range(count):
            started = time.perf_counter()
            response = client.post("/graphql", json=payload, headers=gzip)
            times.append(time.perf_counter() - started)
            response.raise_for_status()
        print(json.dumps(times), flush=True)
    """
)


def load(url: str) -> None:
    """Migrate and ingest ten years of days with the CLI, as a user would."""
    env = {**os.environ, "HEALTHHUB_DATABASE_URL": url}
    healthhub = str(Path(sys.executable).with_name("healthhub"))
    subprocess.run([healthhub, "db", "upgrade"], env=env, check=True, cwd=ROOT)
    with tempfile.NamedTemporaryFile(suffix=".csv") as csv:
        csv.write(realistic_csv(DAYS, END))
        csv.flush()
        subprocess.run(
            [healthhub, "ingest", csv.name], env=env, check=True, cwd=ROOT, capture_output=True
        )


def report(days: int, client_times: list[float], requests: int) -> None:
    _totals["client round trip"] = sum(client_times)
    own = {stage: _totals.get(stage, 0.0) for stage in PARENTS}
    for stage, parent in PARENTS.items():
        if parent is not None:
            own[parent] -= _totals.get(stage, 0.0)
    total = _totals["client round trip"]
    client_sorted = sorted(client_times)
    print(
        f"\nkpis {days} days: {requests} requests, client median"
        f" {client_sorted[len(client_sorted) // 2] * 1000:.2f} ms, mean"
        f" {total / requests * 1000:.2f} ms"
    )
    print(f"  {'stage (own time, nested stages excluded)':44s} {'ms/request':>10s} {'share':>7s}")
    labels = {
        "client round trip": "HTTP: client, socket, uvicorn protocol",
        "server (ASGI app)": "middleware (perimeter, auth, CORS, logs)",
        "GraphQL view": "view: request parsing, context, response",
        "direct answer": "direct: body, plan, arguments, response",
        "operation": "Strawberry extensions and operation setup",
        "execute": "graphql-core execution (rest)",
        "resolver": "resolver: thread hop, unit of work",
    }
    for stage in PARENTS:
        share = own[stage] / total if total else 0.0
        label = labels.get(stage, stage)
        print(f"  {label:44s} {own[stage] / requests * 1000:10.3f} {share:7.1%}")
    for generation in range(3):
        seconds = _totals.get(f"garbage collection (gen {generation}, inside the stages)", 0.0)
        count = _totals.get(f"collections of gen {generation}", 0.0)
        print(
            f"  of which garbage collection, generation {generation}:"
            f" {seconds / requests * 1000:.3f} ms/request, {count / requests:.1f} per request"
        )


def run(
    kind: str,
    day_counts: list[int],
    requests: int,
    cprofile_top: int,
    http: HttpChoice,
    sort: str = "tottime",
) -> None:
    import uvicorn

    from graph.server import limits, serving
    from graph.server.serving import asgi_app

    with _database(kind) as url:
        load(url)
        os.environ["HEALTHHUB_DATABASE_URL"] = url
        instrument()
        gc.callbacks.append(_on_gc)
        app = timed_app(asgi_app())
        port = _free_port()
        protocol, loop = serving.http_implementation(http)
        print(f"HTTP: {protocol.__name__} on {loop}")
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=port,
            log_level="warning",
            http=protocol,
            loop=loop,
            timeout_keep_alive=limits.IDLE_KEEP_ALIVE_SECONDS,
            access_log=False,
        )
        server = uvicorn.Server(config)
        profiler = cProfile.Profile() if cprofile_top else None

        async def main() -> None:
            serve = asyncio.create_task(server.serve())
            while not server.started:
                await asyncio.sleep(0.01)
            for days in day_counts:
                start = END.fromordinal(END.toordinal() - days + 1)
                payload = {"query": KPI_QUERY, "variables": {"start": str(start), "end": str(END)}}
                client = await asyncio.create_subprocess_exec(
                    sys.executable,
                    "-c",
                    CLIENT,
                    f"http://127.0.0.1:{port}",
                    json.dumps(payload),
                    "20",
                    str(requests),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                )
                assert client.stdout is not None
                assert client.stdin is not None
                await client.stdout.readline()  # warmed up
                _totals.clear()
                if profiler is not None:
                    profiler.enable()
                client.stdin.write(b"go\n")
                await client.stdin.drain()
                line = await client.stdout.readline()
                if profiler is not None:
                    profiler.disable()
                await client.wait()
                report(days, json.loads(line), requests)
                if profiler is not None:
                    pstats.Stats(profiler).sort_stats(sort).print_stats(cprofile_top)
                    profiler.clear()
            server.should_exit = True
            await serve

        if loop == "uvloop":
            import uvloop

            uvloop.run(main())
        else:
            asyncio.run(main())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--days", type=int, nargs="+", default=[365, 3_650])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--cprofile", type=int, default=0, metavar="N")
    parser.add_argument(
        "--sort", choices=["tottime", "cumulative"], default="tottime", help="--cprofile's order"
    )
    parser.add_argument(
        "--http", choices=["auto", "h11"], default="auto", help="as healthhub serve --http"
    )
    args = parser.parse_args()
    run(args.db, args.days, args.requests, args.cprofile, args.http, args.sort)


if __name__ == "__main__":
    main()
