"""The read side: ranges, ordering, summaries, history and the range limits."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from tests.graph.api import data, days, error_codes, post, upload

SUMMARY = """query($s: Date!, $e: Date!, $p: Period!) { kpiSummary(start: $s, end: $e, period: $p) {
  periodStart periodEnd daysLogged balanceAvg stepsAvg weightTrendEnd } }"""
RANGE_QUERIES = {
    "dailyMetrics": "query($s: Date!, $e: Date!) { dailyMetrics(start: $s, end: $e) { date } }",
    "kpis": "query($s: Date!, $e: Date!) { kpis(start: $s, end: $e) { date } }",
    "kpiSummary": "query($s: Date!, $e: Date!) { kpiSummary(start: $s, end: $e) { daysLogged } }",
}


def _csv(*rows: str) -> bytes:
    return ("date,steps,weight_kg\n" + "\n".join(rows) + "\n").encode()


def test_an_empty_database_has_an_empty_data_range(client: TestClient) -> None:
    assert data(client, "{ dataRange { firstDate lastDate daysLogged } }")["dataRange"] == {
        "firstDate": None,
        "lastDate": None,
        "daysLogged": 0,
    }


def test_days_are_listed_in_date_order_within_the_inclusive_range(client: TestClient) -> None:
    upload(client, _csv("2026-01-05,5,80", "2026-01-01,1,81", "2026-01-03,3,", "2026-01-09,9,79"))

    listed = days(client, "2026-01-01", "2026-01-05")

    assert [(day["date"], day["steps"]) for day in listed] == [
        ("2026-01-01", 1),
        ("2026-01-03", 3),
        ("2026-01-05", 5),
    ]
    assert data(client, "{ dataRange { firstDate lastDate daysLogged } }")["dataRange"] == {
        "firstDate": "2026-01-01",
        "lastDate": "2026-01-09",
        "daysLogged": 4,
    }


def test_the_summary_defaults_to_iso_weeks_clipped_to_the_range(client: TestClient) -> None:
    # 2026-01-07 is a Wednesday; the range ends on Tuesday 2026-01-20.
    upload(client, _csv("2026-01-07,7,80", "2026-01-08,8,80", "2026-01-13,13,80"))

    weeks = data(
        client,
        """{ kpiSummary(start: "2026-01-07", end: "2026-01-20") {
          periodStart periodEnd daysLogged stepsAvg } }""",
    )["kpiSummary"]

    assert weeks == [
        {"periodStart": "2026-01-07", "periodEnd": "2026-01-11", "daysLogged": 2, "stepsAvg": 7.5},
        {"periodStart": "2026-01-12", "periodEnd": "2026-01-18", "daysLogged": 1, "stepsAvg": 13},
        {"periodStart": "2026-01-19", "periodEnd": "2026-01-20", "daysLogged": 0, "stepsAvg": None},
    ]


def test_the_summary_by_month_has_one_row_per_calendar_month(client: TestClient) -> None:
    upload(client, _csv("2026-01-31,100,80", "2026-02-01,200,80"))

    months = data(client, SUMMARY, {"s": "2026-01-15", "e": "2026-03-01", "p": "MONTH"})

    assert [
        (row["periodStart"], row["periodEnd"], row["daysLogged"]) for row in months["kpiSummary"]
    ] == [
        ("2026-01-15", "2026-01-31", 1),
        ("2026-02-01", "2026-02-28", 1),
        ("2026-03-01", "2026-03-01", 0),
    ]


def test_ingestions_are_listed_newest_first_up_to_the_limit(client: TestClient) -> None:
    ids = [upload(client, _csv(f"2026-01-0{n},{n},80"))["id"] for n in range(1, 4)]

    assert [i["id"] for i in data(client, "{ ingestions { id } }")["ingestions"]] == ids[::-1]
    limited = data(client, "{ ingestions(limit: 2) { id } }")["ingestions"]
    assert [i["id"] for i in limited] == ids[:0:-1]


@pytest.mark.parametrize("limit", [0, 101])
def test_an_ingestions_limit_outside_1_to_100_is_bad_user_input(
    client: TestClient, limit: int
) -> None:
    body = post(client, "query($l: Int!) { ingestions(limit: $l) { id } }", {"l": limit})

    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert "limit" in body["errors"][0]["message"]


@pytest.mark.parametrize("query", RANGE_QUERIES.values(), ids=RANGE_QUERIES.keys())
def test_a_start_after_the_end_is_bad_user_input(client: TestClient, query: str) -> None:
    body = post(client, query, {"s": "2026-02-02", "e": "2026-02-01"})

    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["data"] is None


def test_deleting_with_a_start_after_the_end_is_bad_user_input(client: TestClient) -> None:
    body = post(
        client,
        'mutation { deleteDailyMetrics(start: "2026-02-02", end: "2026-02-01") }',
    )

    assert error_codes(body) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("query", RANGE_QUERIES.values(), ids=RANGE_QUERIES.keys())
def test_a_range_of_more_than_3660_days_is_bad_user_input(client: TestClient, query: str) -> None:
    start = date(2016, 1, 1)
    longest = {"s": start.isoformat(), "e": (start + timedelta(days=3_659)).isoformat()}
    too_long = {"s": start.isoformat(), "e": (start + timedelta(days=3_660)).isoformat()}

    assert "errors" not in post(client, query, longest)
    body = post(client, query, too_long)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert "3,660" in body["errors"][0]["message"]


@pytest.mark.parametrize("bad", ["2026-1-5", "20260105", "2026-02-30", "yesterday"])
def test_a_date_argument_not_written_yyyy_mm_dd_is_refused(client: TestClient, bad: str) -> None:
    body = post(client, RANGE_QUERIES["dailyMetrics"], {"s": bad, "e": "2026-03-01"})

    assert body["data"] is None
    assert "$s" in body["errors"][0]["message"]
    assert "errorId" not in body["errors"][0].get("extensions", {})
