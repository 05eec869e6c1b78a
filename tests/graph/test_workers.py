"""A server of two worker processes (``serve --workers 2``) answers as one
(docs/security.md): ``/metrics`` totals every worker's requests on every scrape, and
the failed-token limit holds per client address across the workers.

Requests go out on fresh connections, several at a time, so the kernel hands them to
both workers; the pool size in ``/metrics`` (5 a worker) shows both are counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.support.server import ServerProcess, running_server

pytestmark = pytest.mark.slow
TOKEN = "workers-test-token-0123456789abcdefghij"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
QUERY = {"query": "{ dataRange { daysLogged } }"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    workdir = tmp_path_factory.mktemp("workers")
    env = {"HEALTHHUB_API_TOKEN": TOKEN}
    with running_server(
        f"sqlite:///{workdir}/workers.db", workdir / "server.log", workers=2, env=env
    ) as started:
        yield started


def metric(text: str, name: str) -> float:
    """The value of one sample line of a Prometheus text exposition (0 when absent)."""
    found = re.search(rf"^{re.escape(name)} (\S+)$", text, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


def scrape(server: ServerProcess) -> str:
    # A fresh connection each time: either worker may answer.
    response = httpx.get(f"{server.base_url}/metrics", headers=AUTH, timeout=10)
    assert response.status_code == 200
    return response.text


def test_metrics_total_the_requests_of_every_worker_on_every_scrape(
    server: ServerProcess,
) -> None:
    def query(_: int) -> int:
        return httpx.post(
            f"{server.base_url}/graphql", json=QUERY, headers=AUTH, timeout=30
        ).status_code

    with ThreadPoolExecutor(6) as pool:
        statuses = list(pool.map(query, range(60)))
    scrapes = [scrape(server) for _ in range(10)]

    assert statuses == [200] * 60
    ok = 'healthhub_graphql_operations_total{operation="query:dataRange",outcome="ok"}'
    assert [metric(text, ok) for text in scrapes] == [60.0] * 10
    latency = 'healthhub_graphql_operation_seconds_count{operation="query:dataRange"}'
    assert [metric(text, latency) for text in scrapes] == [60.0] * 10
    # Each worker's pool of 5, summed: both workers are in every answer.
    assert [metric(text, "healthhub_db_pool_size") for text in scrapes] == [10.0] * 10
    assert [metric(text, "healthhub_db_pool_checked_out") for text in scrapes] == [0.0] * 10


def test_the_failed_token_limit_holds_across_the_workers(server: ServerProcess) -> None:
    def wrong(i: int) -> int:
        return httpx.post(
            f"{server.base_url}/graphql",
            json=QUERY,
            headers={"Authorization": f"Bearer wrong-{i:04d}-0123456789abcdefghijkl"},
            timeout=30,
        ).status_code

    with ThreadPoolExecutor(4) as pool:
        statuses = Counter(pool.map(wrong, range(80)))
    valid = httpx.post(f"{server.base_url}/graphql", json=QUERY, headers=AUTH, timeout=30)
    scrapes = [scrape(server) for _ in range(6)]

    # 20 wrong tokens a minute from this address, whichever worker took them.
    assert statuses == {401: 20, 429: 60}
    assert valid.status_code == 200
    refused = 'healthhub_token_refusals_total{status="429"}'
    assert [metric(text, refused) for text in scrapes] == [60.0] * 6


def test_the_workers_directory_is_private_and_removed_when_the_server_stops(
    tmp_path: Path,
) -> None:
    with running_server(
        f"sqlite:///{tmp_path}/w.db", tmp_path / "server.log", workers=2, env={}
    ) as started:
        workers = [
            Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
            for pid in _children(started.process_group)
        ]
        directories = {
            line.partition(b"=")[2].decode()
            for environ in workers
            for line in environ
            if line.startswith(b"HEALTHHUB_INTERNAL_WORKERS_DIR=")
        }
        assert len(directories) == 1
        directory = Path(directories.pop())
        assert directory.stat().st_mode & 0o777 == 0o700
    assert not directory.exists()


def _children(pid: int) -> list[int]:
    """The worker processes of the server (its children, by /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found
