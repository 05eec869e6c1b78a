"""``healthhub export`` gives a file that ``healthhub ingest`` turns back into the same data."""

from __future__ import annotations

import struct
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from cli.main import main
from domain import services
from domain.model import DailyMetrics
from domain.ports import UnitOfWork
from tests.support.metrics import (
    ALL_DATES,
    assert_kpis_match_stored_days,
    csv_of,
    realistic_days,
    stored_state,
)


@pytest.fixture(autouse=True)
def _cli_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEALTHHUB_DATABASE_URL", database_url)


def _bits(days: list[DailyMetrics]) -> list[tuple[object, ...]]:
    return [
        (
            day.date,
            *(struct.pack("<d", v) if isinstance(v, float) else v for v in day.values()),
        )
        for day in days
    ]


def _stored_days(uow_factory: Callable[[], UnitOfWork]) -> list[DailyMetrics]:
    with uow_factory() as uow:
        return uow.metrics.all_days(services.LOCAL_USER)


def test_an_exported_year_ingested_into_an_emptied_database_is_identical(
    tmp_path: Path, uow_factory: Callable[[], UnitOfWork]
) -> None:
    # Values that only survive a lossless writer: thirds, tiny and long fractions.
    awkward = DailyMetrics(
        date=date(2026, 1, 1),
        steps=1,
        protein_g=0.1,
        kcal_in=10_000 / 3,
        kcal_junk_in=1e-06,
        kcal_out_training=0.001,
        sleep_hours=7.123456789012345,
        stress=5,
        weight_kg=80.00000000000001,
    )
    source = tmp_path / "year.csv"
    source.write_bytes(csv_of([*realistic_days(date(2025, 1, 1), 365, seed=7), awkward]))
    assert main(["ingest", str(source)]) == 0
    days_before, kpis_before, _ = stored_state(uow_factory)
    exported = tmp_path / "export.csv"

    assert main(["export", str(exported)]) == 0
    now = datetime.now(UTC)
    deleted = services.delete_days(uow_factory(), services.LOCAL_USER, *ALL_DATES, now=now)
    assert deleted == len(days_before) == 366
    assert _stored_days(uow_factory) == []
    assert main(["ingest", str(exported)]) == 0

    days_after, kpis_after, _ = stored_state(uow_factory)
    assert _bits([d for d, _ in days_after]) == _bits([d for d, _ in days_before])
    assert kpis_after == kpis_before
    assert_kpis_match_stored_days(uow_factory)


def test_an_export_limited_by_start_and_end_holds_only_those_days(
    tmp_path: Path, uow_factory: Callable[[], UnitOfWork]
) -> None:
    source = tmp_path / "days.csv"
    source.write_bytes(csv_of(realistic_days(date(2025, 1, 1), 60)))
    assert main(["ingest", str(source)]) == 0
    exported = tmp_path / "january.csv"

    assert main(["export", "--start", "2025-01-10", "--end", "2025-01-20", str(exported)]) == 0

    lines = exported.read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == [f"2025-01-{day}" for day in range(10, 21)]
