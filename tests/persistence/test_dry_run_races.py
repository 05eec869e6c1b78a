"""A dry run stays correct while other writes commit around it, on SQLite and PostgreSQL.

A dry run reads and computes like an upload but writes nothing and takes no write
lock (docs/security.md): it never meets SQLite's SQLITE_BUSY for a transaction that
read before another connection committed, and never blocks a writer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Engine

from domain.model import DailyMetrics, DateOrder, Ingestion, IngestionStatus, InvalidRowPolicy
from domain.services import UploadOptions, upload_csv
from persistence.uow import SqlUnitOfWork

NOW = datetime(2026, 6, 1, tzinfo=UTC)
FILE = b"date,steps_n\n2026-05-01,1000\n2026-05-02,2000\n"


def _upload(uow: SqlUnitOfWork, user_id: str, data: bytes, *, dry_run: bool = False) -> Ingestion:
    return upload_csv(
        uow,
        user_id,
        data,
        filename="steps.csv",
        policy=InvalidRowPolicy.REJECT_FILE,
        date_order=DateOrder.YMD,
        now=NOW,
        options=UploadOptions(dry_run=dry_run),
    )


def _write_for_another_user(uow_factory: Callable[[], SqlUnitOfWork]) -> None:
    _upload(uow_factory(), "other", b"date,steps_n\n2026-05-01,5\n")


def test_a_dry_run_survives_a_write_committed_while_it_runs(
    engine: Engine, uow_factory: Callable[[], SqlUnitOfWork]
) -> None:
    writers: list[threading.Thread] = []

    class RacedUnitOfWork(SqlUnitOfWork):
        def __enter__(self) -> SqlUnitOfWork:
            entered = super().__enter__()
            read = self.metrics.all_days

            def all_days_then_let_another_write(user_id: str) -> list[DailyMetrics]:
                days = read(user_id)
                writer = threading.Thread(target=_write_for_another_user, args=(uow_factory,))
                writer.start()
                writers.append(writer)
                writer.join(timeout=0.5)  # it commits now, unless this transaction holds the lock
                return days

            self.metrics.all_days = all_days_then_let_another_write  # type: ignore[method-assign]
            return entered

    report = _upload(RacedUnitOfWork(engine), "local", FILE, dry_run=True)
    for writer in writers:
        writer.join(timeout=30)

    assert report.dry_run
    assert report.status is IngestionStatus.APPLIED
    assert report.rows_inserted == 2
    assert all(not writer.is_alive() for writer in writers)
    with uow_factory() as uow:
        assert uow.metrics.all_days("local") == []
        assert [day.steps for day in uow.metrics.all_days("other")] == [5]
        assert uow.ingestions.latest("local", 10) == []
