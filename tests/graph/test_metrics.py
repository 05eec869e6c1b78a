"""``GET /metrics`` counts operations, uploads, rows, lock waits and pool use (docs/api.md)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.graph.api import data, post, upload, upload_request


def _metric(text: str, name: str) -> float:
    """The value of the sample line that starts with ``name`` (labels included)."""
    for line in text.splitlines():
        if line.split(" ")[0] == name:
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"no sample {name} in:\n{text}")


def test_operations_uploads_rows_and_lock_waits_are_counted(client: TestClient) -> None:
    upload(client, b"date,steps_n\n2026-01-01,5000\n2026-01-02,6000\n")
    upload_request(client, b"date,steps_n\n2026-01-01,lots\n")
    data(client, 'mutation { deleteDailyMetrics(start: "2026-01-01", end: "2026-01-01") }')
    post(client, "{ nope }")
    data(client, "{ profile { id } }")

    response = client.get("/metrics")
    text = response.text

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert _metric(text, 'healthhub_uploads_total{source="HUB",status="APPLIED"}') == 1
    assert _metric(text, 'healthhub_uploads_total{source="HUB",status="REJECTED"}') == 1
    assert _metric(text, 'healthhub_rows_applied_total{change="inserted"}') == 2
    assert _metric(text, 'healthhub_rows_applied_total{change="deleted"}') == 1
    assert (
        _metric(text, 'healthhub_graphql_operations_total{operation="query:profile",outcome="ok"}')
        == 1
    )
    assert (
        _metric(
            text,
            'healthhub_graphql_operations_total{operation="query",'
            'outcome="GRAPHQL_VALIDATION_FAILED"}',
        )
        == 1
    )
    assert (
        _metric(text, 'healthhub_graphql_operation_seconds_count{operation="query:profile"}') == 1
    )
    assert _metric(text, "healthhub_lock_wait_seconds_count") >= 2
    assert _metric(text, "healthhub_db_pool_checked_out") == 0
