"""Ids let normalised client caches update themselves from mutation results."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.graph.api import data, upload


def test_a_mutation_returns_the_same_id_as_the_query_it_updates(client: TestClient) -> None:
    upload(client, b"date,steps_n\n2026-01-05,8000\n")

    queried = data(
        client,
        '{ profile { id } dailyMetrics(start: "2026-01-05", end: "2026-01-05") { id }'
        ' kpis(start: "2026-01-05", end: "2026-01-05") { id } }',
    )
    profile = data(client, "mutation { updateProfile(input: {stepsGoal: 9000}) { id } }")
    day = data(
        client,
        'mutation { upsertDailyMetric(input: {date: "2026-01-05", steps: 9500}) { id } }',
    )

    assert profile["updateProfile"]["id"] == queried["profile"]["id"]
    assert day["upsertDailyMetric"]["id"] == queried["dailyMetrics"][0]["id"]
    assert (
        len({queried["profile"]["id"], queried["dailyMetrics"][0]["id"], queried["kpis"][0]["id"]})
        == 3
    )
