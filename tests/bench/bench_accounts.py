"""Accounts at scale on PostgreSQL (docs/accounts.md): figures, not tests.

Run: ``.venv/bin/python tests/bench/bench_accounts.py [--users 1000] [--workers 2]``.
Prints:

- one user's ``kpis`` over 365 days over HTTP (median and p95 of 40 requests, every
  field, gzip as httpx asks for it) with that user alone, then with 1,000 users of a
  year each (seeded set-based: the first user's rows copied per user in SQL), and the
  ratio (target: within 1.2);
- one user uploading 3,650 days into an empty history, against 8 users uploading
  3,650 days each at the same moment (wall time until the last finishes; target:
  within 3x).
"""

from __future__ import annotations

import argparse
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
from tests.support.server import running_server  # noqa: E402

END = date.today() - timedelta(days=1)
YEAR_START = END - timedelta(days=364)
REQUESTS = 40


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


def _kpi_figures(base_url: str, token: str) -> tuple[float, float]:
    variables = {"start": YEAR_START.isoformat(), "end": END.isoformat()}
    headers = {"Authorization": f"Bearer {token}"}
    timings = []
    with httpx.Client(base_url=base_url, headers=headers, timeout=60) as client:
        for attempt in range(REQUESTS + 5):
            started = time.perf_counter()
            response = client.post("/graphql", json={"query": KPI_QUERY, "variables": variables})
            elapsed = time.perf_counter() - started
            body = response.json()
            assert "errors" not in body, body
            assert len(body["data"]["kpis"]) == 365
            if attempt >= 5:  # warm-up
                timings.append(elapsed)
    timings.sort()
    return statistics.median(timings) * 1000, timings[int(len(timings) * 0.95) - 1] * 1000


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=1_000)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    arguments = parser.parse_args()
    year = realistic_csv(365, END)
    ten_years = realistic_csv(3_650, END, seed=11)
    with throwaway_database() as url, tempfile.TemporaryDirectory() as directory:
        upgrade(url)
        engine = create_engine_for(url, timeout_seconds=60)
        store = SqlAccountStore(engine)
        now = datetime.now(UTC)
        token = accounts.add_user(store, "bench-00001", now=now, adopt_local=False).token
        services.upload_csv(
            SqlUnitOfWork(engine),
            "bench-00001",
            year,
            filename="year.csv",
            policy=InvalidRowPolicy.REJECT_FILE,
            date_order=DateOrder.AUTO,
            now=now,
        )
        log = Path(directory) / "server.log"
        env = {"HEALTHHUB_LOCK_WAIT_SECONDS": "600"}
        with running_server(url, log, workers=arguments.workers, env=env) as server:
            alone = _kpi_figures(server.base_url, token)
            seconds = _seed_others(url, "bench-00001", arguments.users)
            crowd = _kpi_figures(server.base_url, token)
            print(f"PostgreSQL, uvicorn workers: {arguments.workers}")
            print(f"kpis 365 days, 1 user:       median {alone[0]:6.1f} ms  p95 {alone[1]:6.1f} ms")
            print(
                f"kpis 365 days, {arguments.users:,} users:  median {crowd[0]:6.1f} ms  "
                f"p95 {crowd[1]:6.1f} ms  (seeded in {seconds:.1f} s)"
            )
            print(f"ratio of medians: {crowd[0] / alone[0]:.2f} (target <= 1.20)")

            tokens = [
                accounts.add_user(store, f"upload-{n}", now=now, adopt_local=False).token
                for n in range(9)
            ]
            single = _upload(server.base_url, tokens[0], ten_years)
            finished: list[float] = []
            started = time.perf_counter()
            threads = [
                threading.Thread(
                    target=lambda t=t: finished.append(_upload(server.base_url, t, ten_years))
                )
                for t in tokens[1:]
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            together = time.perf_counter() - started
            assert len(finished) == 8
            print(f"upload 3,650 days, 1 user alone:        {single * 1000:7.0f} ms")
            print(
                f"upload 3,650 days, 8 users at once:     {together * 1000:7.0f} ms until the "
                f"last (each {min(finished) * 1000:.0f}-{max(finished) * 1000:.0f} ms)"
            )
            print(f"ratio: {together / single:.2f} (target <= 3.00)")
        engine.dispose()


if __name__ == "__main__":
    main()
