"""Accounts at scale on PostgreSQL (docs/accounts.md): figures, not tests.

Run: ``.venv/bin/python tests/bench/bench_accounts.py [--users 1000] [--workers 2]``.
Prints:

- one user's ``kpis`` over 365 days over HTTP (median and p95 of 100 requests, every
  field, gzip as httpx asks for it) with that user alone, then with 1,000 users of a
  year each (seeded set-based: the first user's rows copied per user in SQL), and the
  ratio (target: within 1.2);
- one user uploading 3,650 days into an empty history, against 8 users uploading
  3,650 days each at the same moment (wall time until the last finishes; target:
  within 3x).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from domain import accounts, services  # noqa: E402
from domain.model import DateOrder, InvalidRowPolicy  # noqa: E402
from persistence.accounts import SqlAccountStore  # noqa: E402
from persistence.database import create_engine_for  # noqa: E402
from persistence.migrations import upgrade  # noqa: E402
from persistence.uow import SqlUnitOfWork  # noqa: E402
from tests.bench.bench_http import KPI_QUERY, UPLOAD, realistic_csv  # noqa: E402
from tests.support.databases import throwaway_database  # noqa: E402
from tests.support.server import ServerProcess, running_server  # noqa: E402

END = date.today() - timedelta(days=1)
YEAR_START = END - timedelta(days=364)
REQUESTS = 100


def _seed_others(url: str, source: str, count: int) -> float:
    """``count`` more users with a copy of ``source``'s year: users, tokens, days, KPIs,
    profile and ingestion, all in set-based statements. Returns the seconds taken."""
    started = time.perf_counter()
    engine = create_engine_for(url, timeout_seconds=600)
    users = "SELECT 'bench-' || lpad(n::text, 5, '0') AS id FROM generate_series(2, :count) n"
    with engine.begin() as connection:
        connection.execute(
            text(f"INSERT INTO users (id, created_at) SELECT id, now() FROM ({users}) u"),
            {"count": count},
        )
        connection.execute(
            text(
                "INSERT INTO tokens (token_sha256, user_id, prefix, created_at) "
                f"SELECT md5(id) || md5(id || 'x'), id, 'hh_bench', now() FROM ({users}) u"
            ),
            {"count": count},
        )
        for table in ("daily_metrics", "kpis", "profiles", "ingestions"):
            columns = [
                row[0]
                for row in connection.execute(
                    text(
                        "SELECT column_name FROM information_schema.columns "
                        "WHERE table_name = :t AND column_name <> 'user_id' "
                        "ORDER BY ordinal_position"
                    ),
                    {"t": table},
                )
            ]
            names = ", ".join(f'"{c}"' for c in columns)
            values = ", ".join("md5(u.id || s.id)" if c == "id" else f's."{c}"' for c in columns)
            connection.execute(
                text(
                    f'INSERT INTO "{table}" (user_id, {names}) SELECT u.id, {values} '
                    f'FROM ({users}) u CROSS JOIN "{table}" s WHERE s.user_id = :source'
                ),
                {"count": count, "source": source},
            )
    with engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    engine.dispose()
    return time.perf_counter() - started


def _kpi_figures(servers: list[tuple[str, str]]) -> list[tuple[float, float]]:
    """Median and p95 (ms) of the 365-day kpis query on each (base URL, token), the
    servers asked in turn so that the machine's other load falls on all alike."""
    variables = {"start": YEAR_START.isoformat(), "end": END.isoformat()}
    clients = [
        httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=60)
        for url, token in servers
    ]
    timings: list[list[float]] = [[] for _ in servers]
    try:
        for attempt in range(REQUESTS + 5):
            for client, series in zip(clients, timings, strict=True):
                started = time.perf_counter()
                response = client.post(
                    "/graphql", json={"query": KPI_QUERY, "variables": variables}
                )
                elapsed = time.perf_counter() - started
                body = response.json()
                assert "errors" not in body, body
                assert len(body["data"]["kpis"]) == 365
                if attempt >= 5:  # warm-up
                    series.append(elapsed)
    finally:
        for client in clients:
            client.close()
    figures = []
    for series in timings:
        series.sort()
        figures.append(
            (statistics.median(series) * 1000, series[int(len(series) * 0.95) - 1] * 1000)
        )
    return figures


def _group_cpu_seconds(group: int) -> float:
    """CPU time (user + system) of every live process in the process group ``group``."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def _upload(base_url: str, token: str, content: bytes) -> float:
    import json

    started = time.perf_counter()
    response = httpx.post(
        f"{base_url}/graphql",
        headers={"Authorization": f"Bearer {token}"},
        data={
            "operations": json.dumps({"query": UPLOAD, "variables": {"file": None}}),
            "map": json.dumps({"0": ["variables.file"]}),
        },
        files={"0": ("ten-years.csv", content, "text/csv")},
        timeout=600,
    )
    elapsed = time.perf_counter() - started
    body = response.json()
    assert "errors" not in body, body
    assert body["data"]["uploadCsv"]["status"] == "APPLIED"
    return elapsed


def _seed_user(url: str, name: str, content: bytes) -> str:
    """A migrated database at ``url`` with user ``name`` holding ``content``; its token."""
    upgrade(url)
    engine = create_engine_for(url, timeout_seconds=60)
    now = datetime.now(UTC)
    token = accounts.add_user(SqlAccountStore(engine), name, now=now, adopt_local=False).token
    services.upload_csv(
        SqlUnitOfWork(engine),
        name,
        content,
        filename="year.csv",
        policy=InvalidRowPolicy.REJECT_FILE,
        date_order=DateOrder.AUTO,
        now=now,
    )
    engine.dispose()
    return token


def _uploads(server: ServerProcess, url: str, content: bytes, rounds: int) -> None:
    engine = create_engine_for(url, timeout_seconds=60)
    store = SqlAccountStore(engine)
    group = server.process_group
    singles, groups, single_cpu, group_cpu, slowest = [], [], [], [], []
    for round_ in range(rounds):
        now = datetime.now(UTC)
        tokens = [
            accounts.add_user(store, f"upload-{round_}-{n}", now=now, adopt_local=False).token
            for n in range(9)
        ]
        cpu = _group_cpu_seconds(group)
        singles.append(_upload(server.base_url, tokens[0], content))
        single_cpu.append(_group_cpu_seconds(group) - cpu)
        finished: list[float] = []

        def one(token: str, done: list[float] = finished) -> None:
            done.append(_upload(server.base_url, token, content))

        cpu = _group_cpu_seconds(group)
        started = time.perf_counter()
        threads = [threading.Thread(target=one, args=(token,)) for token in tokens[1:]]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        groups.append(time.perf_counter() - started)
        group_cpu.append(_group_cpu_seconds(group) - cpu)
        slowest.append(max(finished))
        assert len(finished) == 8
    engine.dispose()
    single, together = statistics.median(singles), statistics.median(groups)
    cpus = os.cpu_count() or 1
    floor = statistics.median(group_cpu) / cpus
    print(
        f"upload 3,650 days, 1 user alone:     {single * 1000:7.0f} ms "
        f"(server CPU {statistics.median(single_cpu) * 1000:.0f} ms)"
    )
    print(
        f"upload 3,650 days, 8 users at once:  {together * 1000:7.0f} ms until the last "
        f"(server CPU {statistics.median(group_cpu) * 1000:.0f} ms over {cpus} CPUs: "
        f"at least {floor * 1000:.0f} ms)"
    )
    print(
        f"ratio: {together / single:.2f} (target <= 3.00); medians of {rounds} rounds; "
        f"wall time over the CPU floor: {together / floor:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=1_000)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the upload figures")
    arguments = parser.parse_args()
    year = realistic_csv(365, END)
    ten_years = realistic_csv(3_650, END, seed=11)
    first = "bench-00001"
    with (
        throwaway_database() as alone_url,
        throwaway_database() as crowd_url,
        tempfile.TemporaryDirectory() as directory,
    ):
        alone_token = _seed_user(alone_url, first, year)
        crowd_token = _seed_user(crowd_url, first, year)
        seconds = _seed_others(crowd_url, first, arguments.users)
        env = {"HEALTHHUB_LOCK_WAIT_SECONDS": "600"}
        workers = arguments.workers
        with (
            running_server(
                alone_url, Path(directory) / "alone.log", workers=workers, env=env
            ) as alone,
            running_server(
                crowd_url, Path(directory) / "crowd.log", workers=workers, env=env
            ) as crowd,
        ):
            (one, many) = _kpi_figures(
                [(alone.base_url, alone_token), (crowd.base_url, crowd_token)]
            )
            print(f"PostgreSQL, uvicorn workers: {workers}, requests asked in turn")
            print(f"kpis 365 days, 1 user:       median {one[0]:6.1f} ms  p95 {one[1]:6.1f} ms")
            print(
                f"kpis 365 days, {arguments.users:,} users:  median {many[0]:6.1f} ms  "
                f"p95 {many[1]:6.1f} ms  (seeded in {seconds:.1f} s)"
            )
            print(f"ratio of medians: {many[0] / one[0]:.2f} (target <= 1.20)")
            _uploads(crowd, crowd_url, ten_years, arguments.rounds)


if __name__ == "__main__":
    main()
