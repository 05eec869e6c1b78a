"""The ``healthhub`` command line: ingest, kpis, export-schema, db upgrade and serve's refusal."""

from __future__ import annotations

import csv
import gc
import io
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command as alembic_command
from sqlalchemy import Engine, inspect
from strawberry.utils.str_converters import to_camel_case

from cli.main import main
from cli.output import KPI_DECIMALS
from domain import services
from domain.model import KPI_FIELDS
from domain.ports import UnitOfWork
from graph.http.app import create_app
from graph.http.settings import Settings
from graph.server.serving import asgi_app
from persistence.database import create_engine_for
from persistence.migrations import alembic_config, upgrade
from tests.cli.console import run_healthhub
from tests.graph.api import KPI_FIELDS as API_KPI_FIELDS
from tests.graph.api import data, local_client

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "seed_sample_semicolon_dmy.csv"
START, END = date(2026, 3, 1), date(2026, 3, 18)


@pytest.fixture(autouse=True)
def _cli_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEALTHHUB_DATABASE_URL", database_url)


def test_ingest_prints_the_report_and_exits_0_when_applied(
    capsys: pytest.CaptureFixture[str], uow_factory: Callable[[], UnitOfWork]
) -> None:
    assert main(["ingest", str(SAMPLE)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["status"] == "APPLIED"
    assert report["filename"] == SAMPLE.name
    assert report["rows_inserted"] == services.data_range(uow_factory(), "local").days_logged


def test_ingest_exits_1_on_a_rejected_file_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], uow_factory: Callable[[], UnitOfWork]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("date,stress\n2026-03-01,11\n")
    assert main(["ingest", str(bad)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["status"] == "REJECTED"
    assert report["errors"][0]["message"] == "stress_rel: 11 is outside 1–10"
    assert services.data_range(uow_factory(), "local").days_logged == 0


def test_ingest_can_skip_invalid_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("date,stress\n2026-03-01,11\n2026-03-02,4\n")
    assert main(["ingest", str(mixed), "--on-invalid-row", "skip-row"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["status"], report["rows_inserted"], report["rows_rejected"]) == (
        "APPLIED",
        1,
        1,
    )


KPIS_QUERY = f"query($s: Date!, $e: Date!) {{ kpis(start: $s, end: $e) {{ {API_KPI_FIELDS} }} }}"


def _served_kpis(database_url: str, engine: Engine) -> list[dict[str, object]]:
    """The KPIs as the API serves them, by the domain's field names."""
    settings = Settings(database_url=database_url, _env_file=None)
    with local_client(create_app(settings, engine=engine)) as client:
        served = data(client, KPIS_QUERY, {"s": str(START), "e": str(END)})["kpis"]
    return [{f: day[to_camel_case(f)] for f in ["date", *KPI_FIELDS]} for day in served]


def _decimals(value: float) -> int:
    return max(0, -int(Decimal(repr(value)).as_tuple().exponent))


def test_kpis_as_json_are_the_kpis_the_api_serves(
    capsys: pytest.CaptureFixture[str], database_url: str, engine: Engine
) -> None:
    main(["ingest", str(SAMPLE)])
    capsys.readouterr()
    assert main(["kpis", "--start", str(START), "--end", str(END), "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)

    assert printed == _served_kpis(database_url, engine)
    # Read independently of the API: no value has more decimals than its unit's (docs/api.md).
    for day in printed:
        for field, places in KPI_DECIMALS.items():
            if day[field] is not None:
                assert _decimals(day[field]) <= places, (field, day[field])


def test_kpis_as_csv_hold_every_field_of_every_day_as_the_api_serves_it(
    capsys: pytest.CaptureFixture[str], database_url: str, engine: Engine
) -> None:
    main(["ingest", str(SAMPLE)])
    capsys.readouterr()
    assert main(["kpis", "--start", str(START), "--end", str(END), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    served = _served_kpis(database_url, engine)
    assert [row["date"] for row in rows] == [day["date"] for day in served]
    assert list(rows[0]) == ["date", *KPI_FIELDS]
    for row, day in zip(rows, served, strict=True):
        for field in KPI_DECIMALS:
            assert (float(row[field]) if row[field] else None) == day[field], field


def test_kpis_as_a_table_print_a_header_and_a_line_per_day(
    capsys: pytest.CaptureFixture[str],
) -> None:
    main(["ingest", str(SAMPLE)])
    capsys.readouterr()
    assert main(["kpis", "--start", str(START), "--end", str(END)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["date", *KPI_FIELDS]
    assert len(lines) == 1 + (END - START).days + 1


def test_kpis_refuse_a_reversed_range_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kpis", "--start", str(END), "--end", str(START)]) == 2
    assert "is after end" in capsys.readouterr().err


def test_export_schema_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-schema"]) == 0
    assert capsys.readouterr().out == (ROOT / "schema.graphql").read_text()


def test_db_upgrade_migrates_a_new_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HEALTHHUB_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    assert main(["db", "upgrade"]) == 0
    assert main(["kpis", "--start", str(START), "--end", str(END), "--format", "json"]) == 0
    assert capsys.readouterr().out.endswith("[]\n")


def test_serve_refuses_a_non_loopback_host_without_a_token(tmp_path: Path) -> None:
    # 192.0.2.1 (TEST-NET-1) is not an address of this machine: even if the check
    # were gone, nothing would listen beyond loopback.
    finished = run_healthhub(
        ["serve", "--host", "192.0.2.1", "--port", "8999"],
        tmp_path,
        HEALTHHUB_API_TOKEN="",
        HEALTHHUB_DATABASE_URL="sqlite:///x.db",
    )
    assert finished.returncode == 2
    assert "HEALTHHUB_API_TOKEN" in finished.stderr
    assert not (tmp_path / "x.db").exists(), "it refused before touching the database"


def test_the_serve_factory_freezes_start_up_objects_and_the_app_factory_does_not(
    database_url: str,
) -> None:
    # Process-wide tuning belongs to the serve entry point: an app built and run
    # elsewhere (tests, another ASGI server) leaves the collector alone.
    gc.unfreeze()
    try:
        settings = Settings(database_url=database_url, _env_file=None)
        with local_client(create_app(settings)) as client:
            assert client.get("/healthz").status_code == 200
        assert gc.get_freeze_count() == 0
        asgi_app()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(
    "command",
    [["kpis", "--start", "2026-03-01", "--end", "2026-03-07"], ["export", "out.csv"]],
    ids=["kpis", "export"],
)
def test_a_read_only_command_never_migrates_and_says_to_run_db_upgrade(
    command: list[str],
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    alembic_command.downgrade(alembic_config(database_url), "base")
    try:
        status = main(command)
        tables = _tables(database_url)
    finally:
        upgrade(database_url)

    assert status == 2
    assert "run `healthhub db upgrade` first" in capsys.readouterr().err
    assert tables <= {"alembic_version"}
    assert not (tmp_path / "out.csv").exists()


def _tables(url: str) -> set[str]:
    engine = create_engine_for(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
