"""Ids let normalised client caches update themselves from mutation results."""

from __future__ import annotations

import json

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


def test_data_range_ids_are_stable_per_user_and_kpi_summary_ids_per_period(
    client: TestClient,
) -> None:
    before = data(client, "{ dataRange { id } }")["dataRange"]["id"]
    upload(client, b"date,steps_n\n2026-01-05,8000\n2026-01-14,9000\n")
    after = data(client, "{ dataRange { id daysLogged } }")["dataRange"]
    weeks = data(
        client, '{ kpiSummary(start: "2026-01-05", end: "2026-01-18") { id periodStart } }'
    )["kpiSummary"]
    months = data(
        client,
        '{ kpiSummary(start: "2026-01-05", end: "2026-01-18", period: MONTH) { id } }',
    )["kpiSummary"]

    assert after == {"id": before, "daysLogged": 2}
    assert [week["periodStart"] for week in weeks] == ["2026-01-05", "2026-01-12"]
    assert len({weeks[0]["id"], weeks[1]["id"], months[0]["id"]}) == 3


# --- what an edit and an upload tell a cache ------------------------------------------

EDIT = """mutation($input: DailyMetricInput!) { upsertDailyMetric(input: $input) {
  id date steps kpi { id date stepsGoalMet steps7dAvg } } }"""
REPORT = "kpisChangedFrom status"


def _report(client: TestClient, content: bytes, *, dry_run: bool = False) -> dict[str, object]:
    """The status and kpisChangedFrom of an upload (a dry run when asked)."""
    query = (
        "mutation($file: Upload!, $dry: Boolean!) "
        f"{{ uploadCsv(file: $file, dryRun: $dry) {{ {REPORT} }} }}"
    )
    response = client.post(
        "/graphql",
        data={
            "operations": json.dumps({"query": query, "variables": {"file": None, "dry": dry_run}}),
            "map": json.dumps({"0": ["variables.file"]}),
        },
        files={"0": ("days.csv", content, "text/csv")},
        headers={"Apollo-Require-Preflight": "true"},
    )
    assert response.status_code == 200, response.text
    report: dict[str, object] = response.json()["data"]["uploadCsv"]
    return report


def test_an_edit_returns_the_day_s_new_kpis_as_the_kpis_query_serves_them(
    client: TestClient,
) -> None:
    upload(client, b"date,steps\n2026-01-05,8000\n2026-01-06,12000\n2026-01-07,4000\n")

    edited = data(client, EDIT, {"input": {"date": "2026-01-06", "steps": 2000}})
    served = data(
        client,
        '{ kpis(start: "2026-01-06", end: "2026-01-06") { id date stepsGoalMet steps7dAvg } }',
    )["kpis"][0]

    # Hand-worked: goal 10,000 missed; the 7-day average is (8000 + 2000) / 2.
    assert edited["upsertDailyMetric"]["kpi"] == {
        "id": served["id"],
        "date": "2026-01-06",
        "stepsGoalMet": False,
        "steps7dAvg": 5000.0,
    }
    assert served == edited["upsertDailyMetric"]["kpi"]


def test_a_list_of_days_serves_each_day_s_kpi(client: TestClient) -> None:
    upload(client, b"date,steps\n2026-01-05,8000\n2026-01-06,12000\n2026-01-09,4000\n")

    listed = data(
        client,
        '{ dailyMetrics(start: "2026-01-01", end: "2026-01-31") { date kpi { id date } } '
        'kpis(start: "2026-01-01", end: "2026-01-31") { id date } }',
    )

    assert [day["kpi"] for day in listed["dailyMetrics"]] == listed["kpis"]


def test_two_edits_of_one_day_in_one_request_each_return_their_own_kpis(
    client: TestClient,
) -> None:
    upload(client, b"date,steps\n2026-01-05,8000\n")
    both = data(
        client,
        'mutation { a: upsertDailyMetric(input: {date: "2026-01-05", steps: 11000}) '
        "{ kpi { stepsGoalMet } } "
        'b: upsertDailyMetric(input: {date: "2026-01-05", steps: 3000}) { kpi { stepsGoalMet } } }',
    )

    assert both == {"a": {"kpi": {"stepsGoalMet": True}}, "b": {"kpi": {"stepsGoalMet": False}}}


def test_kpis_changed_from_is_the_first_day_whose_kpi_row_changed(client: TestClient) -> None:
    """Hand-worked cases: a first upload, the same file again, a later day's steps,
    a stress value (no KPI reads it), a weigh-in that redraws the interpolated trend
    back to the day after the last weigh-in, a day blanked away, and a dry run."""
    first = b"date,steps,weight_kg,stress\n2026-01-01,8000,80,3\n2026-01-02,9000,,3\n"
    first += b"2026-01-03,7000,,3\n"

    assert _report(client, first) == {"kpisChangedFrom": "2026-01-01", "status": "APPLIED"}
    assert _report(client, first) == {"kpisChangedFrom": None, "status": "UNCHANGED"}
    assert _report(client, b"date,steps\n2026-01-03,7500\n") == {
        "kpisChangedFrom": "2026-01-03",
        "status": "APPLIED",
    }
    assert _report(client, b"date,stress\n2026-01-02,8\n") == {
        "kpisChangedFrom": None,
        "status": "APPLIED",
    }
    assert _report(client, b"date,weight_kg\n2026-01-04,78\n", dry_run=True) == {
        "kpisChangedFrom": "2026-01-02",
        "status": "APPLIED",
    }
    assert _report(client, b"date,weight_kg\n2026-01-04,78\n") == {
        "kpisChangedFrom": "2026-01-02",
        "status": "APPLIED",
    }
    blank = b"date,steps,weight_kg,stress\n2026-01-04,,,\n"
    assert _report(client, blank) == {"kpisChangedFrom": "2026-01-02", "status": "APPLIED"}
    history = data(client, "{ ingestions(limit: 100) { kpisChangedFrom } }")["ingestions"]
    assert [report["kpisChangedFrom"] for report in history] == [
        "2026-01-02",
        "2026-01-02",
        None,
        "2026-01-03",
        None,
        "2026-01-01",
    ]


def test_kpis_changed_from_finds_a_change_far_after_the_first_recomputed_day(
    client: TestClient,
) -> None:
    """The upload recomputes from its first changed day (a stress value no KPI reads),
    and the first KPI row that differs is 45 days later (that day's steps)."""
    upload(client, b"date,steps,stress\n2026-01-01,8000,3\n2026-02-15,9000,3\n")

    report = _report(client, b"date,steps,stress\n2026-01-01,8000,7\n2026-02-15,12000,3\n")

    assert report == {"kpisChangedFrom": "2026-02-15", "status": "APPLIED"}
