"""How quickly a PostgreSQL outage is reported, and how soon the service recovers.

Run: ``.venv/bin/python -m tests.bench.bench_outage [--timeout SECONDS]``.
Starts a private PostgreSQL cluster and a server on it with
``HEALTHHUB_DATABASE_TIMEOUT_SECONDS``, stops the cluster, and prints how long
``/healthz`` and a GraphQL query took to answer (the promise: within the timeout),
then restarts the cluster and prints how long until a query succeeds again.
Figures, not tests (tests/graph/test_faults.py checks the answers themselves).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.support.databases import private_cluster
from tests.support.server import ServerProcess

QUERY = {"query": "{ profile { stepsGoal } }"}


def _timed(call: Callable[[], httpx.Response]) -> tuple[float, httpx.Response]:
    started = time.perf_counter()
    response = call()
    return time.perf_counter() - started, response


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=2.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, private_cluster() as cluster:
        env = {"HEALTHHUB_DATABASE_TIMEOUT_SECONDS": str(args.timeout)}
        server = ServerProcess(cluster.url, Path(folder) / "server.log", env=env)
        server.start()
        try:
            httpx.post(f"{server.base_url}/graphql", json=QUERY).raise_for_status()
            cluster.stop()
            health_s, health = _timed(lambda: httpx.get(f"{server.base_url}/healthz", timeout=60))
            query_s, answer = _timed(
                lambda: httpx.post(f"{server.base_url}/graphql", json=QUERY, timeout=60)
            )
            print(f"database timeout            {args.timeout:6.2f} s")
            print(f"/healthz while down         {health_s:6.2f} s  (status {health.status_code})")
            code = answer.json()["errors"][0]["extensions"]["code"]
            print(f"query while down            {query_s:6.2f} s  ({code})")
            cluster.start()
            started = time.perf_counter()
            server.wait_healthy(timeout=60)
            print(f"healthy again after restart {time.perf_counter() - started:6.2f} s")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
