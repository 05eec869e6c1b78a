"""Helpers that speak GraphQL over HTTP to the app under test."""

from __future__ import annotations

import json
from typing import Any

import httpx2
from fastapi.testclient import TestClient

PREFLIGHT = {"Apollo-Require-Preflight": "true"}

UPLOAD = """
mutation Upload($file: Upload!, $policy: InvalidRowPolicy! = REJECT_FILE,
                $order: DateOrder! = AUTO) {
  uploadCsv(file: $file, onInvalidRow: $policy, dateOrder: $order) {
    id filename sha256 sizeBytes status createdAt rowsRead rowsInserted rowsUpdated
    rowsUnchanged rowsRejected firstDate lastDate kpiDaysRecomputed columns warnings
    errors { row column value message } errorCount rowsDeleted source dryRun
  }
}"""

KPI_FIELDS = """date bmrKcal kcalOutTotal balanceKcal balance7dAvg balance7dDays proteinPerKg
  healthyFoodPct stepsGoalMet steps7dAvg stepsGoalRate7d sleep7dAvg weight7dAvg weight7dDays
  weightTrend weightTrendChange7d waistChange7d tdeeEstimate
  expenditureKcal expenditureLowKcal expenditureHighKcal weightRateKgPerWeek
  energyBalanceKcal energyBalance7dAvg goalEtaDate targetKcalIn"""

DAY_FIELDS = """date steps proteinG kcalIn kcalJunkIn kcalOutTraining sleepHours stress
  weightKg waistCm updatedAt"""


def post(
    client: TestClient,
    query: str,
    variables: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    status: int = 200,
) -> dict[str, Any]:
    """The JSON body of a GraphQL POST that must have been answered ``status``."""
    response = client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


def data(client: TestClient, query: str, variables: dict[str, Any] | None = None) -> Any:
    """The ``data`` of an operation that must succeed without errors."""
    body = post(client, query, variables)
    assert "errors" not in body, body
    return body["data"]


def upload_request(
    client: TestClient,
    content: bytes,
    *,
    filename: str = "metrics.csv",
    variables: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> httpx2.Response:
    """POST a file per the GraphQL multipart request spec (operations, map, file part)."""
    operations = {"query": UPLOAD, "variables": {"file": None, **(variables or {})}}
    return client.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (filename, content, "text/csv")},
        headers=PREFLIGHT if headers is None else headers,
    )


def upload(client: TestClient, content: bytes, **kwargs: Any) -> dict[str, Any]:
    """The Ingestion report of an upload that must have been answered without errors."""
    response = upload_request(client, content, **kwargs)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    report: dict[str, Any] = body["data"]["uploadCsv"]
    return report


def error_codes(body: dict[str, Any]) -> list[str | None]:
    return [error.get("extensions", {}).get("code") for error in body.get("errors", [])]


def kpis(client: TestClient, start: str, end: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = data(
        client,
        f"query($s: Date!, $e: Date!) {{ kpis(start: $s, end: $e) {{ {KPI_FIELDS} }} }}",
        {"s": start, "e": end},
    )["kpis"]
    return result


def days(client: TestClient, start: str, end: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = data(
        client,
        f"query($s: Date!, $e: Date!) {{ dailyMetrics(start: $s, end: $e) {{ {DAY_FIELDS} }} }}",
        {"s": start, "e": end},
    )["dailyMetrics"]
    return result


def local_client(app: Any, **kwargs: Any) -> TestClient:
    """A test client whose requests name ``localhost``: without a token the API answers
    loopback Host names only (docs/security.md)."""
    return TestClient(app, base_url="http://localhost", **kwargs)
