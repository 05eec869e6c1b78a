"""``healthhub ingest`` with app exports: every format, dry runs, file limits, progress."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from cli.main import main
from domain import services
from domain.ports import UnitOfWork
from tests.graph.imports_api import FIXTURES


@pytest.fixture(autouse=True)
def _cli_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEALTHHUB_DATABASE_URL", database_url)


def test_ingest_takes_an_apple_health_zip(
    capsys: pytest.CaptureFixture[str], uow_factory: Callable[[], UnitOfWork]
) -> None:
    assert main(["ingest", str(FIXTURES / "apple_health" / "export.zip")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["status"], report["source"]) == ("APPLIED", "APPLE_HEALTH")
    assert services.data_range(uow_factory(), "local").days_logged == 2


def test_ingest_dry_run_stores_nothing(
    capsys: pytest.CaptureFixture[str], uow_factory: Callable[[], UnitOfWork]
) -> None:
    path = FIXTURES / "myfitnesspal" / "Measurement-Summary-2026-03-01-to-2026-03-02.csv"
    assert main(["ingest", str(path), "--weight-unit", "lb", "--dry-run"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["status"], report["dry_run"], report["rows_inserted"]) == ("APPLIED", True, 2)
    assert services.data_range(uow_factory(), "local").days_logged == 0
    assert services.list_ingestions(uow_factory(), "local", 10) == []


def test_ingest_exits_1_when_the_source_contradicts_the_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["ingest", str(FIXTURES / "garmin" / "Activities.csv"), "--source", "oura"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["status"] == "REJECTED"
    assert "GARMIN" in report["errors"][0]["message"]


def test_ingest_applies_the_upload_limit_unless_max_bytes_lifts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HEALTHHUB_MAX_UPLOAD_BYTES", "100")
    big = tmp_path / "big.csv"
    big.write_text("date,steps_n\n" + "2026-03-01,1000\n" * 20)
    assert main(["ingest", str(big)]) == 2
    assert "HEALTHHUB_MAX_UPLOAD_BYTES" in capsys.readouterr().err
    assert main(["ingest", str(big), "--max-bytes", "1000"]) == 0


def test_ingest_shows_progress_on_long_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.xml"
    records = "".join(
        '<Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone" unit="count" '
        f'startDate="2026-03-{day:02} 09:00:00 +0100" endDate="2026-03-{day:02} 09:01:00 +0100" '
        'value="1"/>\n'
        for day in range(1, 11)
    )
    with export.open("w") as out:
        out.write('<?xml version="1.0"?>\n<HealthData locale="en">\n')
        out.write(records * 70_000)
        out.write("</HealthData>\n")
    assert main(["ingest", str(export)]) == 0
    captured = capsys.readouterr()
    assert "read 64 of" in captured.err
    assert json.loads(captured.out)["rows_read"] == 700_000
