"""The fixed cost of uvicorn's two HTTP protocols, side by side on PostgreSQL.

Run: ``.venv/bin/python tests/bench/bench_protocols.py [--rounds N]``.
Starts ``healthhub serve`` twice on one database holding ten years: the default
(httptools on uvloop) and ``--http h11`` (h11 on asyncio). Each round sends every
request to both servers in turn, so the load of a shared machine falls on both
alike. Prints, per server, the median and p95 of a ``kpis`` read over 30 and 365
days (POST, gzip and identity) and of a 365-day GET answered 304 from its ETag, sent
with httpx and again over a bare socket (no client library's own cost).
Figures, not tests (tests/graph/test_serving.py checks the limits on both).
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import timedelta
from functools import partial
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.bench_http import DAYS, END, KPI_QUERY, UPLOAD, realistic_csv  # noqa: E402
from tests.support.databases import throwaway_database  # noqa: E402
from tests.support.server import running_server  # noqa: E402

SERVERS = {"h11 on asyncio": ["--http", "h11"], "httptools on uvloop": []}


def _variables(days: int) -> dict[str, str]:
    return {"start": str(END - timedelta(days=days - 1)), "end": str(END)}


def _upload(client: httpx.Client) -> None:
    response = client.post(
        "/graphql",
        data={
            "operations": json.dumps({"query": UPLOAD, "variables": {"file": None}}),
            "map": '{"0": ["variables.file"]}',
        },
        files={"0": ("ten_years.csv", realistic_csv(DAYS, END), "text/csv")},
        headers={"Apollo-Require-Preflight": "1"},
    )
    response.raise_for_status()


def _exchange(sock: socket.socket, request: bytes) -> int:
    """Send one request over a kept-alive socket and read its whole answer; its status."""
    sock.sendall(request)
    received = b""
    while b"\r\n\r\n" not in received:
        received += sock.recv(1 << 20)
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").lower().split("\r\n")
    length = next((int(line[15:]) for line in lines if line.startswith("content-length:")), 0)
    while len(body) < length:
        body += sock.recv(1 << 20)
    return int(lines[0].split()[1])


def _post(client: httpx.Client, payload: object, encoding: str) -> int:
    return client.post("/graphql", json=payload, headers={"Accept-Encoding": encoding}).status_code


def _raw_post(days: int, encoding: str) -> bytes:
    body = json.dumps({"query": KPI_QUERY, "variables": _variables(days)}).encode()
    return (
        f"POST /graphql HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: {encoding}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def _requests(client: httpx.Client, sock: socket.socket) -> dict[str, Callable[[], int]]:
    """Each kind of request, as a call that sends it once and returns the status."""
    calls: dict[str, Callable[[], int]] = {}
    params = {"query": KPI_QUERY, "variables": json.dumps(_variables(365))}
    tag = client.get("/graphql", params=params).headers["etag"]
    for days in (30, 365, 3_650):
        payload = {"query": KPI_QUERY, "variables": _variables(days)}
        for encoding in ("gzip", "identity"):
            calls[f"kpis {days:4d} days POST {encoding}"] = partial(
                _post, client, payload, encoding
            )
            calls[f"kpis {days:4d} days POST {encoding} socket"] = partial(
                _exchange, sock, _raw_post(days, encoding)
            )
    calls["kpis 365 days GET 304"] = lambda: (
        client.get("/graphql", params=params, headers={"If-None-Match": tag}).status_code
    )
    return calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    env = {"HEALTHHUB_FAST_EXECUTOR": "1"}
    with throwaway_database() as url, tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        clients: dict[str, httpx.Client] = {}
        ports: dict[str, int] = {}
        for name, serve_args in SERVERS.items():
            log = Path(tmp) / f"{len(clients)}.log"
            server = stack.enter_context(running_server(url, log, env=env, args=serve_args))
            clients[name] = stack.enter_context(httpx.Client(base_url=server.base_url))
            ports[name] = server.port
        _upload(next(iter(clients.values())))
        # Opened last: a socket idle for IDLE_KEEP_ALIVE_SECONDS is closed by the server.
        sockets = {
            name: stack.enter_context(socket.create_connection(("127.0.0.1", port)))
            for name, port in ports.items()
        }
        calls = {name: _requests(clients[name], sockets[name]) for name in SERVERS}
        times: dict[tuple[str, str], list[float]] = {}
        for round_ in range(args.rounds + 3):
            for name in SERVERS if round_ % 2 else reversed(SERVERS):
                for kind, call in calls[name].items():
                    started = time.perf_counter()
                    status = call()
                    elapsed = (time.perf_counter() - started) * 1000
                    if status not in (200, 304):
                        raise RuntimeError(f"{name} {kind}: {status}")
                    if round_ >= 3:  # the first rounds warm both servers up
                        times.setdefault((name, kind), []).append(elapsed)
    for kind in calls[next(iter(SERVERS))]:
        for name in SERVERS:
            sample = times[name, kind]
            p95 = statistics.quantiles(sample, n=20)[18]
            print(
                f"{kind:35s} {name:20s} median {statistics.median(sample):6.2f} ms"
                f"  p95 {p95:6.2f} ms  ({len(sample)} requests)"
            )


if __name__ == "__main__":
    main()
