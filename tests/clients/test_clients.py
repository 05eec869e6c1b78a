"""Real GraphQL clients against the API (docs/api.md): graphql-codegen with tsc, Apollo
Client with apollo-upload-client against a running server, and Python's ``gql``.

The node packages come from ``npm ci`` in this folder (its own lock file), which the
tests run once where Node.js is installed and the packages are missing or stale;
without Node.js the node tests are skipped, except in CI, where they must run.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from gql import Client, FileVar, gql
from gql.transport.httpx import HTTPXTransport

from tests.support.server import ServerProcess, running_server

HERE = Path(__file__).resolve().parent
CSV = b"date,steps_n,weight_kg,kcal_in\n2026-01-01,8000,80.5,2000\n2026-01-02,12000,80.1,2100\n"
NODE_TIMEOUT = 300


def _node_tools() -> None:
    problem = _installed_node_packages()
    if problem is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(problem)
    pytest.skip(problem)


@functools.cache
def _installed_node_packages() -> str | None:
    """Install this folder's node packages from its lock file once per run, where Node.js
    is there and they are missing or older than the lock file (so the README's test
    command runs these checks too); why the node checks cannot run, or None."""
    if not (shutil.which("node") and shutil.which("npm")):
        return "Node.js 20+ with npm is needed for the node client checks"
    installed = HERE / "node_modules" / ".package-lock.json"
    lock = HERE / "package-lock.json"
    if installed.is_file() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return None
    result = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund"],
        cwd=HERE,
        capture_output=True,
        text=True,
        timeout=NODE_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        return "`npm ci` in tests/clients failed: " + result.stderr.strip()[-500:]
    return None


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
