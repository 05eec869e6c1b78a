"""The import pipeline's rules over HTTP: detection, refusals, dry runs, empty days, limits."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from graph.http.app import create_app
from graph.http.settings import Settings
from tests.graph.api import DAY_FIELDS, days, error_codes, local_client, post, upload
from tests.graph.imports_api import FIXTURES, import_fixture, report_of, send


def _ingestions(client: TestClient) -> list[dict[str, Any]]:
    body = post(client, "{ ingestions(limit: 100) { id status source rowsDeleted } }")
    result: list[dict[str, Any]] = body["data"]["ingestions"]
    return result


def _refused(report: dict[str, Any]) -> str:
    assert report["status"] == "REJECTED", report
    message: str = report["errors"][0]["message"]
    return message


def test_upload_csv_refuses_a_zip_naming_import_file(client: TestClient) -> None:
    content = (FIXTURES / "apple_health/export.zip").read_bytes()
    message = _refused(report_of(client, content, "export.zip", mutation="uploadCsv"))
    assert "ZIP archive" in message
    assert "importFile" in message
    assert "UTF-8" not in message


@pytest.mark.parametrize(
    ("content", "filename", "what"),
    [
        (b"PK\x05\x06" + b"\0" * 18, "empty.zip", "ZIP archive"),
        (b'<?xml version="1.0"?><gpx version="1.1"></gpx>', "track.gpx", "<gpx>"),
        (b'{"activities": []}', "summary.json", "JSON file"),
    ],
)
def test_an_unsupported_zip_xml_or_json_is_refused_as_such(
    client: TestClient, content: bytes, filename: str, what: str
) -> None:
    message = _refused(report_of(client, content, filename))
    assert what in message
    assert "UTF-8" not in message


def test_a_zip_of_other_files_names_what_it_holds_and_what_is_supported(client: TestClient) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/cat.jpg", b"\xff\xd8")
    message = _refused(report_of(client, buffer.getvalue(), "photos.zip"))
    assert '"photos/cat.jpg"' in message
    assert "supported archives" in message
    assert "Apple Health" in message


def test_content_that_contradicts_an_explicit_source_is_refused(client: TestClient) -> None:
    content = (FIXTURES / "garmin/Activities.csv").read_bytes()
    message = _refused(report_of(client, content, "Activities.csv", source="WHOOP"))
    assert "WHOOP" in message
    assert "GARMIN" in message
    hub = _refused(report_of(client, content, "Activities.csv", source="HUB"))
    assert "GARMIN" in hub


def test_a_file_matching_two_apps_is_refused_naming_both(client: TestClient) -> None:
    content = b"date,Total Sleep Duration,Cycle start time,Asleep duration (min)\n"
    content += b"2026-03-01,26000,2026-02-28 23:00:00,400\n"
    message = _refused(report_of(client, content, "mixed.csv"))
    assert "OURA" in message
    assert "WHOOP" in message


def test_date_value_without_the_withings_file_name_is_not_guessed(client: TestClient) -> None:
    content = (FIXTURES / "withings/aggregates_steps.csv").read_bytes()
    message = _refused(report_of(client, content, "export.csv"))
    assert message.startswith("no metric column was recognised")
    assert days(client, "2026-03-01", "2026-03-31") == []


def test_a_canonical_file_reports_source_hub(client: TestClient) -> None:
    report = report_of(client, b"date,weight_kg\n2026-03-01,80\n", "m.csv", mutation="uploadCsv")
    assert (report["status"], report["source"]) == ("APPLIED", "HUB")


def test_a_dry_run_reports_what_would_happen_and_stores_nothing(client: TestClient) -> None:
    report = import_fixture(client, "garmin/Activities.csv", dryRun=True)
    assert report["status"] == "APPLIED"
    assert report["dryRun"] is True
    assert report["rowsInserted"] == 2
    assert report["kpiDaysRecomputed"] == 2
    assert days(client, "2026-03-01", "2026-03-31") == []
    assert _ingestions(client) == []


def test_a_day_whose_every_value_becomes_blank_is_removed_and_counted(client: TestClient) -> None:
    upload(client, b"date,weight_kg,steps_n\n2026-03-01,80,9000\n2026-03-02,81,\n")
    report = upload(client, b"date,weight_kg,steps_n\n2026-03-01,,\n2026-03-02,80.5,\n")
    assert report["status"] == "APPLIED"
    assert (report["rowsDeleted"], report["rowsUpdated"]) == (1, 1)
    assert [d["date"] for d in days(client, "2026-03-01", "2026-03-31")] == ["2026-03-02"]
    assert _ingestions(client)[0]["rowsDeleted"] == 1


def test_a_file_of_blank_values_cannot_create_empty_days(client: TestClient) -> None:
    report = upload(client, b"date,weight_kg\n2026-03-05,\n")
    assert report["status"] == "UNCHANGED"
    assert report["rowsInserted"] == 0
    assert days(client, "2026-03-01", "2026-03-31") == []


def test_an_upsert_that_leaves_every_metric_blank_is_bad_user_input(client: TestClient) -> None:
    upload(client, b"date,weight_kg\n2026-03-01,80\n")
    mutation = f"""mutation {{ upsertDailyMetric(input: {{date: "2026-03-01", weightKg: null}})
        {{ {DAY_FIELDS} }} }}"""
    body = post(client, mutation)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert "deleteDailyMetrics" in body["errors"][0]["message"]
    assert len(days(client, "2026-03-01", "2026-03-01")) == 1


def test_an_app_file_merges_only_the_metrics_it_has_per_day(client: TestClient) -> None:
    upload(client, b"date,weight_kg,kcal_in\n2026-03-01,80,2000\n2026-03-02,81,2100\n")
    import_fixture(client, "myfitnesspal/Nutrition-Summary-2026-03-01-to-2026-03-02.csv")
    stored = {
        d["date"]: (d["weightKg"], d["kcalIn"]) for d in days(client, "2026-03-01", "2026-03-02")
    }
    assert stored == {"2026-03-01": (80.0, 2270.3), "2026-03-02": (81.0, 1430.5)}


def test_the_same_export_twice_is_unchanged(client: TestClient) -> None:
    import_fixture(client, "withings/weight.csv")
    again = import_fixture(client, "withings/weight.csv")
    assert again["status"] == "UNCHANGED"
    assert again["rowsUnchanged"] == 2


def test_xml_entity_declarations_are_refused(client: TestClient) -> None:
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE HealthData [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>
<HealthData locale="en"><Record type="x" value="&b;"/></HealthData>"""
    message = _refused(report_of(client, bomb, "export.xml"))
    assert "entities" in message


def test_a_header_of_huge_empty_names_stores_a_small_report(client: TestClient) -> None:
    content = b"date,weight_kg" + b"," * (10 * 1024 * 1024 - 100) + b"\n2026-03-01,80\n"
    report = upload(client, content)
    assert report["status"] == "APPLIED"
    assert len(json.dumps(report)) < 5_000
    stored = post(client, "{ ingestions(limit: 1) { warnings errors { message } } }")
    assert len(json.dumps(stored)) < 5_000


def test_a_stored_report_stays_bounded_whatever_the_errors(client: TestClient) -> None:
    long_cell = "9" * 2_000
    rows = "".join(f"2026-03-01,{long_cell}x\n" for _ in range(3_000))
    report = upload(client, f"date,kcal_in\n{rows}".encode())
    assert report["status"] == "REJECTED"
    assert report["errorCount"] == 3_000
    assert len(report["errors"]) <= 1_000
    assert all(len(e["value"]) <= 100 and len(e["message"]) <= 300 for e in report["errors"])
    assert len(json.dumps(report)) < 200_000


@pytest.fixture
def small_limits(database_url: str, engine: Engine) -> Iterator[TestClient]:
    settings = Settings(
        database_url=database_url,
        max_upload_bytes=1_000,
        max_import_bytes=50_000,
        _env_file=None,
    )
    with local_client(create_app(settings, engine=engine)) as client:
        yield client


def test_upload_csv_files_over_the_upload_limit_get_413_naming_it(small_limits: TestClient) -> None:
    content = b"date,steps_n\n" + b"2026-03-01,1000\n" * 200
    response = send(small_limits, content, "big.csv", mutation="uploadCsv")
    assert response.status_code == 413
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert "1,000 bytes" in error["message"]
    assert "HEALTHHUB_MAX_UPLOAD_BYTES" in error["message"]


def test_import_file_takes_a_zip_up_to_the_import_limit(small_limits: TestClient) -> None:
    content = (FIXTURES / "apple_health/export.zip").read_bytes()
    assert 1_000 < len(content) < 50_000
    report = report_of(small_limits, content, "export.zip")
    assert report["status"] == "APPLIED"
    too_big = send(small_limits, content, "export.zip", mutation="uploadCsv")
    assert too_big.status_code == 413


def test_import_file_keeps_the_upload_limit_for_csv(small_limits: TestClient) -> None:
    content = b"date,steps_n\n" + b"2026-03-01,1000\n" * 200
    response = send(small_limits, content, "big.csv")
    assert response.status_code == 413
    assert "HEALTHHUB_MAX_UPLOAD_BYTES" in response.json()["errors"][0]["message"]


def test_import_file_refuses_xml_past_the_import_limit(small_limits: TestClient) -> None:
    content = b'<?xml version="1.0"?><HealthData>' + b" " * 60_000 + b"</HealthData>"
    response = send(small_limits, content, "export.xml")
    assert response.status_code == 413
    assert "HEALTHHUB_MAX_IMPORT_BYTES" in response.json()["errors"][0]["message"]
    assert _ingestions(small_limits) == []


def test_a_refused_import_loses_nothing_stored_before(client: TestClient) -> None:
    upload(client, b"date,weight_kg,steps_n\n2026-03-01,80,9000\n")
    before = days(client, "2026-03-01", "2026-03-31")
    _refused(import_fixture(client, "fitbit/dailyActivity_two_people.csv"))
    _refused(report_of(client, b"PK\x05\x06" + b"\0" * 18, "x.zip"))
    assert days(client, "2026-03-01", "2026-03-31") == before


def test_a_bad_cell_in_an_app_file_is_a_row_error_with_its_row_number(client: TestClient) -> None:
    content = (FIXTURES / "garmin/Activities.csv").read_bytes().replace(b'"402"', b'"4,02"')
    report = report_of(client, content, "Activities.csv")
    assert report["status"] == "REJECTED"
    [error] = report["errors"]
    assert (error["row"], error["column"], error["value"]) == (3, "kcal_out_training", "4,02")
    assert "4.02" in error["message"]
    assert "402" in error["message"]
    skipped = report_of(client, content, "Activities.csv", policy="SKIP_ROW")
    assert (skipped["status"], skipped["rowsRejected"]) == ("APPLIED", 1)
    stored = {d["date"]: d["kcalOutTraining"] for d in days(client, "2026-03-01", "2026-03-31")}
    assert stored == {"2026-03-01": 215.0, "2026-03-02": 1118.0}


def test_unknown_is_not_a_source_a_client_may_send(client: TestClient) -> None:
    response = send(client, b"date,weight_kg\n2026-03-01,80\n", "m.csv", source="UNKNOWN")
    assert error_codes(response.json()) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"\x1f\x8b\x08\x00" + b"\0" * 20, "a gzip file"),
        (b"%PDF-1.7\n", "a PDF document"),
        (b"\x0e\x10\x43\x08\x00\x00\x00\x00.FIT" + b"\0" * 8, "a Garmin FIT file"),
    ],
)
def test_a_binary_file_is_named_not_called_not_utf8(
    client: TestClient, content: bytes, what: str
) -> None:
    message = _refused(report_of(client, content, "upload.bin"))
    assert message.startswith(f"this is {what}")
    assert "supported" in message


def test_an_excel_workbook_is_asked_to_be_saved_as_csv(client: TestClient) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    message = _refused(report_of(client, buffer.getvalue(), "metrics.xlsx"))
    assert "Excel workbook: save it as CSV" in message


def test_number_format_decides_what_auto_cannot(client: TestClient) -> None:
    content = b"date;kcal_in\n2026-03-01;1.118\n"
    ambiguous = report_of(client, content, "m.csv", mutation="uploadCsv")
    assert ambiguous["status"] == "REJECTED"
    assert "1118" in ambiguous["errors"][0]["message"]
    assert "1.118" in ambiguous["errors"][0]["message"]
    comma = report_of(client, content, "m.csv", mutation="uploadCsv", numberFormat="COMMA")
    assert comma["status"] == "APPLIED"
    assert days(client, "2026-03-01", "2026-03-01")[0]["kcalIn"] == 1118.0
