"""Real GraphQL clients against the API (docs/api.md): graphql-codegen with tsc, Apollo
Client with apollo-upload-client against a running server, and Python's ``gql``; and the
cache scenarios of docs/api.md ("Caching with Apollo and urql") in cache_scenarios.mjs.

The node packages come from ``npm ci`` in this folder (its own lock file); without
``node_modules`` the node tests are skipped, except in CI, where they must run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from gql import Client, FileVar, gql
from gql.transport.httpx import HTTPXTransport

from tests.support.server import ServerProcess, running_server

HERE = Path(__file__).resolve().parent
CSV = b"date,steps_n,weight_kg,kcal_in\n2026-01-01,8000,80.5,2000\n2026-01-02,12000,80.1,2100\n"
NODE_TIMEOUT = 300


def _node_tools() -> None:
    if (HERE / "node_modules").is_dir() and shutil.which("node"):
        return
    reason = "run `npm ci` in tests/clients for the node client checks"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        command, cwd=HERE, capture_output=True, text=True, timeout=NODE_TIMEOUT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    with running_server(database_url, tmp_path / "server.log") as running:
        yield running


def test_codegen_types_from_the_schema_pass_tsc_strict() -> None:
    _node_tools()

    _run("npx", "--no-install", "graphql-codegen", "--config", "codegen.json")
    _run("npx", "--no-install", "tsc", "--strict", "--noEmit", "-p", "tsconfig.json")

    generated = (HERE / "gql" / "graphql.ts").read_text()
    assert "kpis: Array<{ id: string, date: string, balanceKcal: number | null" in generated
    assert "file: File;" in generated
    assert "kpisChangedFrom: string | null" in generated


@pytest.mark.slow
def test_apollo_client_uploads_reads_kpis_by_persisted_query_and_updates_its_cache(
    server: ServerProcess, tmp_path: Path
) -> None:
    _node_tools()
    csv = tmp_path / "two_days.csv"
    csv.write_bytes(CSV)

    result = _run("node", "apollo_upload.mjs", f"{server.base_url}/graphql", str(csv))
    out = json.loads(result.stdout)

    assert out["upload"]["status"] == "APPLIED"
    assert out["upload"]["rowsInserted"] == 2
    assert [kpi["date"] for kpi in out["kpis"]] == ["2026-01-01", "2026-01-02"]
    assert out["kpis"][1]["stepsGoalRate7d"] == 0.5
    assert out["profileCached"]["stepsGoal"] == out["profileBefore"]["stepsGoal"] + 1
    assert any(
        request["method"] == "GET" and "persistedQuery" in request["url"]
        for request in out["requests"]
    )


#: Five days: steps 8,000, 12,000, 11,000, 9,000 and 13,000 against the 10,000 goal.
WEEK = (
    b"date,steps,weight_kg\n2026-01-01,8000,80.5\n2026-01-02,12000,80.3\n"
    b"2026-01-03,11000,80.2\n2026-01-04,9000,80.0\n2026-01-05,13000,79.9\n"
)


def _scenario(server: ServerProcess, name: str, csv: Path | None = None) -> Any:
    _node_tools()
    arguments = [str(csv)] if csv is not None else []
    result = _run("node", "cache_scenarios.mjs", f"{server.base_url}/graphql", name, *arguments)
    return json.loads(result.stdout)


@pytest.mark.slow
def test_a_relay_style_store_fetches_by_node_and_answers_a_stored_node_itself(
    server: ServerProcess, tmp_path: Path
) -> None:
    csv = tmp_path / "week.csv"
    csv.write_bytes(WEEK)

    out = _scenario(server, "node", csv)

    second = out["kpis"][1]
    assert out["fromStore"] == second  # read from the store by id: no request
    assert out["requestsForStoredNode"] == 0
    assert out["fetched"]["kpi"] == second
    assert out["fetched"]["ingestion"]["__typename"] == "Ingestion"
    assert out["fetched"]["ingestion"]["rowsInserted"] == 5
    assert out["fetched"]["dataRange"]["daysLogged"] == 5
    assert out["fetched"]["unknown"] is None
    assert second["id"] in out["storeKeys"]  # keyed by the global id alone


@pytest.mark.slow
def test_apollo_pages_the_ingestion_history_to_the_end_into_one_cached_list(
    server: ServerProcess,
) -> None:
    names = [f"upload-{n}.csv" for n in range(1, 6)]
    for n, name in enumerate(names, start=1):
        _post_file(server, f"date,steps\n2026-02-0{n},{1000 * n}\n".encode(), name)

    out = _scenario(server, "paging")

    newest_first = names[::-1]
    # Each answer is the cached list so far: relayStylePagination merges every page.
    assert out["pages"] == [newest_first[:2], newest_first[:4], newest_first]
    assert out["cachedFilenames"] == newest_first
    assert out["totalCount"] == 5
    assert out["hasNextPage"] is False


@pytest.mark.slow
def test_apollo_shows_an_edited_day_s_kpis_at_once_and_later_days_after_a_refetch(
    server: ServerProcess, tmp_path: Path
) -> None:
    csv = tmp_path / "week.csv"
    csv.write_bytes(WEEK)

    out = _scenario(server, "edit", csv)

    def day(rows: list[dict[str, Any]], date: str) -> dict[str, Any]:
        return next(row for row in rows if row["date"] == date)

    # Hand-worked 7-day step averages before the edit: 10,000 on the 2nd, 10,333.3 on
    # the 3rd; after setting the 2nd to 2,000: 5,000 and 7,000.
    assert day(out["before"], "2026-01-02")["steps7dAvg"] == 10_000.0
    assert out["edited"]["kpi"] == {
        "__typename": "Kpi",
        "id": day(out["before"], "2026-01-02")["id"],
        "date": "2026-01-02",
        "stepsGoalMet": False,
        "steps7dAvg": 5_000.0,
    }
    assert day(out["atOnce"], "2026-01-02")["steps7dAvg"] == 5_000.0  # by id, no request
    assert day(out["atOnce"], "2026-01-03")["steps7dAvg"] == 10_333.3  # not yet refetched
    assert day(out["refetched"], "2026-01-03")["steps7dAvg"] == 7_000.0
    assert day(out["refetched"], "2026-01-01") == day(out["before"], "2026-01-01")
    assert out["refetchRequests"] == 1


@pytest.mark.slow
def test_an_upload_through_persisted_queries_sends_its_file_once_when_uploads_bypass_them(
    server: ServerProcess, tmp_path: Path
) -> None:
    csv = tmp_path / "month.csv"
    rows = [f"2026-01-{day:02d},{8000 + day * 10},{80 - day / 100:.2f}" for day in range(1, 29)]
    csv.write_bytes(("date,steps,weight_kg\n" + "\n".join(rows) + "\n").encode())

    out = _scenario(server, "upload", csv)

    for order in ("persistedFirst", "uploadsBypassPersisted"):
        assert out[order]["report"]["status"] == "APPLIED", order
        assert out[order]["report"]["rowsInserted"] == 28, order
        assert out[order]["kpisSinceChange"] == 28, order
    naive, fixed = out["persistedFirst"], out["uploadsBypassPersisted"]
    naive_multipart = [r for r in naive["received"] if r["multipart"]]
    fixed_multipart = [r for r in fixed["received"] if r["multipart"]]
    # Counted at the proxy: the bytes the server received for the upload.
    assert len(naive_multipart) == 2
    assert sum(r["bytes"] for r in naive_multipart) > 2 * naive["fileBytes"]
    assert len(fixed_multipart) == 1
    assert fixed["fileBytes"] < fixed_multipart[0]["bytes"] < 2 * fixed["fileBytes"]
    # The other operations still go by hash.
    assert any(r["persisted"] and r["method"] == "GET" for r in fixed["received"])


def _post_file(server: ServerProcess, content: bytes, filename: str) -> None:
    operations = {"query": "mutation($f: Upload!) { uploadCsv(file: $f) { id } }"}
    response = httpx.post(
        f"{server.base_url}/graphql",
        data={
            "operations": json.dumps({**operations, "variables": {"f": None}}),
            "map": json.dumps({"0": ["variables.f"]}),
        },
        files={"0": (filename, content, "text/csv")},
        headers={"Apollo-Require-Preflight": "true"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    assert "errors" not in response.json(), response.text


def test_python_gql_uploads_and_reads_kpis(server: ServerProcess, tmp_path: Path) -> None:
    csv = tmp_path / "two_days.csv"
    csv.write_bytes(CSV)
    transport = HTTPXTransport(
        url=f"{server.base_url}/graphql", headers={"Apollo-Require-Preflight": "true"}
    )
    upload = gql("mutation($file: Upload!) { uploadCsv(file: $file) { status rowsInserted } }")
    kpis = gql('{ kpis(start: "2026-01-01", end: "2026-01-02") { id date stepsGoalRate7d } }')

    with Client(transport=transport) as session, csv.open("rb") as file:
        upload.variable_values = {"file": FileVar(file, content_type="text/csv")}
        report = session.execute(upload, upload_files=True)
        served = session.execute(kpis)

    assert report == {"uploadCsv": {"status": "APPLIED", "rowsInserted": 2}}
    assert [kpi["stepsGoalRate7d"] for kpi in served["kpis"]] == [0.0, 0.5]
    assert len({kpi["id"] for kpi in served["kpis"]}) == 2
