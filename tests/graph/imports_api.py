"""Helpers to send an app export through ``importFile`` or ``uploadCsv`` over HTTP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx2
from fastapi.testclient import TestClient

from tests.graph.api import PREFLIGHT

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"

REPORT = """id filename sizeBytes status rowsRead rowsInserted rowsUpdated rowsUnchanged
  rowsRejected rowsDeleted firstDate lastDate kpiDaysRecomputed columns warnings
  errors { row column value message } errorCount source dryRun"""


def _mutation(name: str) -> str:
    return f"""
mutation Import($file: Upload!, $policy: InvalidRowPolicy! = REJECT_FILE,
    $numberFormat: NumberFormat! = AUTO, $source: ImportSource! = AUTO,
    $dateOrder: DateOrder! = AUTO,
    $weightUnit: WeightUnit, $dryRun: Boolean! = false) {{
  {name}(file: $file, onInvalidRow: $policy, numberFormat: $numberFormat, source: $source,
         dateOrder: $dateOrder, weightUnit: $weightUnit, dryRun: $dryRun) {{ {REPORT} }}
}}"""


def send(
    client: TestClient,
    content: bytes,
    filename: str,
    *,
    mutation: str = "importFile",
    **variables: Any,
) -> httpx2.Response:
    operations = {"query": _mutation(mutation), "variables": {"file": None, **variables}}
    return client.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (filename, content, "application/octet-stream")},
        headers=PREFLIGHT,
    )


def report_of(
    client: TestClient,
    content: bytes,
    filename: str,
    *,
    mutation: str = "importFile",
    **variables: Any,
) -> dict[str, Any]:
    response = send(client, content, filename, mutation=mutation, **variables)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    report: dict[str, Any] = body["data"][mutation]
    return report


def import_fixture(client: TestClient, path: str, **variables: Any) -> dict[str, Any]:
    """The report of importing ``tests/fixtures/imports/<path>`` with ``importFile``."""
    file = FIXTURES / path
    return report_of(client, file.read_bytes(), file.name, **variables)
