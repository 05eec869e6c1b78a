"""SqlIngestionRepository on SQLite and PostgreSQL: round trip and newest-first history."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from domain.model import Ingestion, IngestionStatus, RowError
from persistence.uow import SqlUnitOfWork

UowFactory = Callable[[], SqlUnitOfWork]
T0 = datetime(2026, 3, 1, 12, 0, 0, 250000, tzinfo=UTC)


def _ingestion(number: int, **changes: Any) -> Ingestion:
    base = Ingestion(
        id=f"ingestion-{number:03d}",
        filename=None,
        sha256=f"{number:064x}",
        size_bytes=100 + number,
        status=IngestionStatus.APPLIED,
        created_at=T0 + timedelta(minutes=number),
    )
    return dataclasses.replace(base, **changes)


def _add(uow_factory: UowFactory, *ingestions: Ingestion, user: str = "local") -> None:
    with uow_factory() as uow:
        for ingestion in ingestions:
            uow.ingestions.add(user, ingestion)
        uow.commit()


def test_every_report_field_reads_back(uow_factory: UowFactory) -> None:
    report = _ingestion(
        1,
        filename="Mes données;2026.csv",
        status=IngestionStatus.REJECTED,
        rows_read=12,
        rows_inserted=3,
        rows_updated=2,
        rows_unchanged=4,
        rows_rejected=3,
        first_date=date(2026, 1, 1),
        last_date=date(2026, 1, 12),
        kpi_days_recomputed=9,
        columns=("date", "steps_n", "weight_lb"),
        warnings=("unknown column 'mood' ignored",),
        errors=(
            RowError(
                row=3, column="weight_kg", value="8x,5", message='weight_kg: "8x,5" is not a number'
            ),
            RowError(row=None, column=None, value=None, message="stress_rel: 11 is outside 1–10"),
        ),
        error_count=1_234,
    )
    _add(uow_factory, report)

    with uow_factory() as uow:
        (stored,) = uow.ingestions.latest("local", 5)

    assert stored == report
    assert stored.created_at.tzinfo is not None


def test_latest_lists_the_newest_first_up_to_the_limit(uow_factory: UowFactory) -> None:
    _add(uow_factory, *(_ingestion(n) for n in (3, 1, 4, 2, 5)))
    _add(uow_factory, _ingestion(9), user="someone-else")

    with uow_factory() as uow:
        newest = uow.ingestions.latest("local", 3)
        everything = uow.ingestions.latest("local", 100)

    assert [i.id for i in newest] == ["ingestion-005", "ingestion-004", "ingestion-003"]
    assert len(everything) == 5
