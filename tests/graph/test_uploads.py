"""Uploading CSV files through the GraphQL multipart request spec."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from domain.ports import UnitOfWork
from tests.graph.api import data, days, kpis, post, upload, upload_request
from tests.graph.kpi_check import assert_kpis_are_from_scratch

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "seed_sample_semicolon_dmy.csv"
SAMPLE_RANGE = ("2025-09-01", "2026-03-18")


def _sample() -> bytes:
    return SAMPLE.read_bytes()


def _data_rows(content: bytes) -> int:
    return sum(1 for line in content.decode("utf-8-sig").splitlines()[1:] if line.strip())


def test_the_sample_file_is_applied_and_reported(
    client: TestClient, uow_factory: Callable[[], UnitOfWork]
) -> None:
    content = _sample()
    rows = _data_rows(content)

    report = upload(client, content, filename="seed_sample_semicolon_dmy.csv")

    assert report["status"] == "APPLIED"
    assert report["filename"] == "seed_sample_semicolon_dmy.csv"
    assert report["sha256"] == hashlib.sha256(content).hexdigest()
    assert report["sizeBytes"] == len(content)
    assert (report["rowsRead"], report["rowsInserted"]) == (rows, rows)
    assert (report["rowsUpdated"], report["rowsUnchanged"], report["rowsRejected"]) == (0, 0, 0)
    assert (report["firstDate"], report["lastDate"]) == SAMPLE_RANGE
    assert report["kpiDaysRecomputed"] == rows
    assert report["errors"] == []
    assert "weight_kg" in report["columns"]
    assert len(days(client, *SAMPLE_RANGE)) == rows
    assert_kpis_are_from_scratch(client, uow_factory)


def test_the_same_file_twice_is_unchanged_the_second_time(client: TestClient) -> None:
    first = upload(client, _sample())
    before = days(client, *SAMPLE_RANGE)

    second = upload(client, _sample())

    assert second["status"] == "UNCHANGED"
    assert second["rowsUnchanged"] == first["rowsInserted"]
    assert (second["rowsInserted"], second["rowsUpdated"]) == (0, 0)
    assert days(client, *SAMPLE_RANGE) == before


def test_a_weight_correction_mid_history_changes_the_kpis_of_every_later_day(
    client: TestClient, uow_factory: Callable[[], UnitOfWork]
) -> None:
    upload(client, _sample())
    before = {kpi["date"]: kpi for kpi in kpis(client, *SAMPLE_RANGE)}

    report = upload(client, b"date,weight_kg\n2025-12-01,70.0\n")

    after = {kpi["date"]: kpi for kpi in kpis(client, *SAMPLE_RANGE)}
    later = [day for day in after if day >= "2025-12-01"]
    assert report["status"] == "APPLIED"
    assert report["rowsUpdated"] == 1
    assert report["kpiDaysRecomputed"] == len(later)
    assert all(after[day] == before[day] for day in after if day < "2025-12-01")
    # The trend's answer to the correction decays by 0.9 a day; the first weeks show it
    # at the served precision (grams), and the from-scratch check covers every day.
    assert all(after[day]["weightTrend"] != before[day]["weightTrend"] for day in later[:28])
    assert_kpis_are_from_scratch(client, uow_factory)


def test_a_weight_only_file_leaves_the_other_columns(client: TestClient) -> None:
    upload(client, _sample())
    (before,) = days(client, "2025-12-01", "2025-12-01")

    upload(client, b"date;weight\n01/12/2025;70,5\n")

    (after,) = days(client, "2025-12-01", "2025-12-01")
    assert after["weightKg"] == 70.5
    unchanged = {
        key: value for key, value in before.items() if key not in ("weightKg", "updatedAt")
    }
    assert {key: after[key] for key in unchanged} == unchanged


def test_a_rejected_file_changes_nothing_but_is_reported(client: TestClient) -> None:
    upload(client, _sample())
    stored_days, stored_kpis = days(client, *SAMPLE_RANGE), kpis(client, *SAMPLE_RANGE)

    report = upload(client, b"date,weight_kg,stress_rel\n2025-12-01,60,3\n2025-12-02,8x,11\n")

    assert report["status"] == "REJECTED"
    assert report["rowsRejected"] == 1
    assert report["errorCount"] == len(report["errors"]) == 2
    assert {(error["row"], error["column"]) for error in report["errors"]} == {
        (3, "weight_kg"),
        (3, "stress_rel"),
    }
    assert days(client, *SAMPLE_RANGE) == stored_days
    assert kpis(client, *SAMPLE_RANGE) == stored_kpis
    history = data(client, "{ ingestions { id status } }")["ingestions"]
    assert [entry["status"] for entry in history] == ["REJECTED", "APPLIED"]


def test_skip_row_applies_the_valid_rows_and_reports_the_others(
    client: TestClient, uow_factory: Callable[[], UnitOfWork]
) -> None:
    content = b"date,steps\n2026-01-01,9000\n2026-01-02,-5\n2026-01-03,12000\n"

    report = upload(client, content, variables={"policy": "SKIP_ROW"})

    assert report["status"] == "APPLIED"
    assert (report["rowsInserted"], report["rowsRejected"]) == (2, 1)
    assert [error["row"] for error in report["errors"]] == [3]
    stored = days(client, "2026-01-01", "2026-01-03")
    assert [(day["date"], day["steps"]) for day in stored] == [
        ("2026-01-01", 9000),
        ("2026-01-03", 12000),
    ]
    assert_kpis_are_from_scratch(client, uow_factory)


def test_the_date_order_argument_reads_slash_dates_month_first(client: TestClient) -> None:
    upload(client, b"date,steps\n03/04/2026,5000\n", variables={"order": "MDY"})

    assert [day["date"] for day in days(client, "2026-01-01", "2026-12-31")] == ["2026-03-04"]


def test_a_multipart_post_without_a_preflight_header_is_refused(client: TestClient) -> None:
    response = upload_request(client, _sample(), headers={})

    assert response.status_code == 400
    assert "Apollo-Require-Preflight" in response.text
    assert "X-Requested-With" in response.text
    assert post(client, "{ dataRange { daysLogged } }")["data"]["dataRange"]["daysLogged"] == 0


def test_an_x_requested_with_header_is_enough_for_a_multipart_post(client: TestClient) -> None:
    response = upload_request(client, _sample(), headers={"X-Requested-With": "XMLHttpRequest"})

    assert response.status_code == 200
    assert response.json()["data"]["uploadCsv"]["status"] == "APPLIED"
