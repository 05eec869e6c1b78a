"""HTTP benchmark against the real server (uvicorn) on SQLite and PostgreSQL.

Run: ``.venv/bin/python tests/bench/bench_http.py [--db sqlite|postgres|both]``.
Prints, per database: upload of 3,650 days into an empty database, the same file
again, a one-day correction in the middle of the ten years (then the median of 15
more), and ``kpis`` over 30, 365 and 3,650 days (median and p95 of 20 requests)
gzip-compressed and not, with response sizes, with the fast executor on and off; a
365-day GET answered 304 from its ETag; and sequential requests per second for the
365-day query. Figures, not tests.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[2]
HEALTHHUB = Path(sys.executable).with_name("healthhub")
PG_ADMIN = os.environ.get(
    "HEALTHHUB_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
DAYS = 3_650
#: One correction is a single noisy figure; the median of several is steadier.
CORRECTIONS = 15
END = date.today() - timedelta(days=1)
KPI_QUERY = """query($start: Date!, $end: Date!) { kpis(start: $start, end: $end) {
  date bmrKcal kcalOutTotal balanceKcal balance7dAvg balance7dDays proteinPerKg
  healthyFoodPct stepsGoalMet steps7dAvg stepsGoalRate7d sleep7dAvg weight7dAvg
  weight7dDays weightTrend weightTrendChange7d waistChange7d tdeeEstimate
  expenditureKcal expenditureLowKcal expenditureHighKcal } }"""
UPLOAD = """mutation($file: Upload!) {
  uploadCsv(file: $file) { status rowsInserted rowsUpdated kpiDaysRecomputed } }"""


def realistic_csv(days: int, end: date, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    weight = 92.0
    lines = [
        "date,steps_n,proteins_g,kcal_in,kcal_junk_in,kcal_out_training,"
        "sleep_hours,stress_rel,weight_kg,waist_cm"
    ]
    for i in range(days):
        day = end - timedelta(days=days - 1 - i)
        weight += rng.gauss(-0.005, 0.25) * 0.2
        kcal = round(rng.gauss(2300, 300))
        lines.append(
            f"{day},{rng.randint(3000, 16000)},{rng.randint(60, 200)},{kcal},"
            f"{rng.randint(0, 600)},{rng.choice(['', rng.randint(100, 800)])},"
            f"{round(rng.uniform(5, 9), 1)},{rng.randint(1, 10)},"
            f"{round(weight + rng.gauss(0, 0.4), 1) if rng.random() < 0.8 else ''},"
            f"{round(95 + rng.gauss(0, 1), 1)}"
        )
    return ("\n".join(lines) + "\n").encode()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def _database(kind: str) -> Iterator[str]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{tmp}/bench.db"
        return
    name = f"healthhub_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        base = PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def _server(url: str, *, fast: bool) -> Iterator[str]:
    port = _free_port()
    env = {
        **os.environ,
        "HEALTHHUB_DATABASE_URL": url,
        "HEALTHHUB_FAST_EXECUTOR": "1" if fast else "0",
    }
    proc = subprocess.Popen(
        [str(HEALTHHUB), "serve", "--port", str(port), "--log-level", "warning"],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/healthz").status_code == 200:
                    break
            time.sleep(0.05)
        else:
            raise RuntimeError("server did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _upload(client: httpx.Client, data: bytes, name: str) -> tuple[float, dict[str, object]]:
    files = {"0": (name, data, "text/csv")}
    form = {
        "operations": json.dumps({"query": UPLOAD, "variables": {"file": None}}),
        "map": '{"0": ["variables.file"]}',
    }
    started = time.perf_counter()
    response = client.post(
        "/graphql", data=form, files=files, headers={"Apollo-Require-Preflight": "1"}
    )
    elapsed = (time.perf_counter() - started) * 1000
    response.raise_for_status()
    body = response.json()
    if "errors" in body:
        raise RuntimeError(body["errors"])
    return elapsed, body["data"]["uploadCsv"]


def _kpi_payload(days: int) -> dict[str, object]:
    start = END - timedelta(days=days - 1)
    return {"query": KPI_QUERY, "variables": {"start": str(start), "end": str(END)}}


def _kpis(
    client: httpx.Client, days: int, runs: int = 20, *, encoding: str = "gzip"
) -> tuple[float, float, int, int, int]:
    """Median and p95 ms, rows, JSON bytes and bytes on the wire of a POST kpis query."""
    payload = _kpi_payload(days)
    headers = {"Accept-Encoding": encoding}
    times = []
    for _ in range(runs + 2):
        started = time.perf_counter()
        response = client.post("/graphql", json=payload, headers=headers)
        times.append((time.perf_counter() - started) * 1000)
    times = times[2:]
    wire = int(response.headers.get("content-length", len(response.content)))
    rows = len(response.json()["data"]["kpis"])
    return (
        statistics.median(times),
        statistics.quantiles(times, n=20)[18],
        rows,
        len(response.content),
        wire,
    )


def _not_modified(client: httpx.Client, days: int, runs: int = 50) -> tuple[float, float] | None:
    """Median and p95 ms of a GET kpis query answered 304 from its ETag (None: no ETag)."""
    payload = _kpi_payload(days)
    params = {"query": KPI_QUERY, "variables": json.dumps(payload["variables"])}
    tag = client.get("/graphql", params=params).headers.get("etag")
    if tag is None:
        return None
    times = []
    for _ in range(runs + 2):
        started = time.perf_counter()
        response = client.get("/graphql", params=params, headers={"If-None-Match": tag})
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 304:
            raise RuntimeError(f"expected 304, got {response.status_code}")
    times = times[2:]
    return statistics.median(times), statistics.quantiles(times, n=20)[18]


def _rps(client: httpx.Client, days: int, seconds: float = 3.0) -> float:
    payload = _kpi_payload(days)
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        client.post("/graphql", json=payload).raise_for_status()
        count += 1
    return count / (time.perf_counter() - started)


def _correction(day: date) -> bytes:
    return f"date,weight_kg\n{day},77.7\n".encode()


def bench(kind: str) -> None:
    data = realistic_csv(DAYS, END)
    middle = END - timedelta(days=DAYS // 2)
    correction = _correction(middle)
    with _database(kind) as url:
        with _server(url, fast=True) as base, httpx.Client(base_url=base, timeout=60) as client:
            ms, report = _upload(client, data, "ten_years.csv")
            print(f"[{kind}] upload {DAYS} days into an empty database: {ms:7.1f} ms  {report}")
            ms, report = _upload(client, data, "ten_years.csv")
            print(f"[{kind}] the same file again:                  {ms:7.1f} ms  {report}")
            ms, report = _upload(client, correction, "fix.csv")
            print(f"[{kind}] one-day correction in the middle:     {ms:7.1f} ms  {report}")
            times = [
                _upload(client, _correction(middle + timedelta(days=n)), "fix.csv")[0]
                for n in range(1, CORRECTIONS + 1)
            ]
            print(
                f"[{kind}] {CORRECTIONS} more one-day corrections near the middle: median"
                f" {statistics.median(times):7.1f} ms  min {min(times):7.1f} ms"
            )
        for fast in (True, False):
            label = "fast" if fast else "stock"
            with _server(url, fast=fast) as base, httpx.Client(base_url=base, timeout=60) as client:
                for days in (30, 365, 3_650):
                    for encoding in ("gzip", "identity"):
                        median, p95, rows, size, wire = _kpis(client, days, encoding=encoding)
                        print(
                            f"[{kind}] kpis {days:5d} days ({label:5s}, {encoding:8s}): median"
                            f" {median:7.1f} ms  p95 {p95:7.1f} ms  ({rows} rows; {size:,}"
                            f" bytes, {wire:,} on the wire)"
                        )
                not_modified = _not_modified(client, 365) if fast else None
                if not_modified is not None:
                    print(
                        f"[{kind}] kpis   365 days GET 304 (ETag):        median"
                        f" {not_modified[0]:7.1f} ms  p95 {not_modified[1]:7.1f} ms"
                    )
                rps = _rps(client, 365)
                print(f"[{kind}] kpis   365 days ({label:5s}): {rps:7.1f} sequential requests/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    args = parser.parse_args()
    for kind in ("sqlite", "postgres") if args.db == "both" else (args.db,):
        bench(kind)


if __name__ == "__main__":
    main()
