"""A dry run stays correct while other writes commit around it, on SQLite and PostgreSQL.

A dry run reads and computes like an upload but writes nothing and takes no write
lock (docs/security.md): it never meets SQLite's SQLITE_BUSY for a transaction that
read before another connection committed, and never blocks a writer. It reads one
snapshot: a write committed between its reads is not seen by the later ones.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine

from domain.model import (
    DailyMetrics,
    DateOrder,
    Ingestion,
    IngestionStatus,
    InvalidRowPolicy,
    Kpi,
)
from domain.services import UploadOptions, upload_csv, upsert_day
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


def test_a_dry_run_reads_one_snapshot_while_the_same_users_write_commits_between_its_reads(
    engine: Engine, uow_factory: Callable[[], SqlUnitOfWork]
) -> None:
    first = date(2026, 4, 1)
    stored = "date,steps_n,weight_kg\n" + "".join(
        f"{first + timedelta(days=i)},{5_000 + 100 * i},{80 + i / 10}\n" for i in range(30)
    )
    _upload(uow_factory(), "local", stored.encode())
    changed_day = first + timedelta(days=20)
    dry_file = f"date,steps_n\n{changed_day},12345\n".encode()
    before = _upload(uow_factory(), "local", dry_file, dry_run=True)
    writers: list[threading.Thread] = []

    def same_change_committed() -> None:
        upsert_day(uow_factory(), "local", {"steps": 12345}, day=changed_day, now=NOW)

    class RacedUnitOfWork(SqlUnitOfWork):
        def __enter__(self) -> SqlUnitOfWork:
            entered = super().__enter__()
            read = self.kpis.between

            def commit_the_same_change_then_read(user_id: str, start: date, end: date) -> list[Kpi]:
                # The days were read; before the stored KPIs are, the same change commits.
                writer = threading.Thread(target=same_change_committed)
                writer.start()
                writers.append(writer)
                writer.join(timeout=30)
                return read(user_id, start, end)

            self.kpis.between = commit_the_same_change_then_read  # type: ignore[method-assign]
            return entered

    raced = _upload(RacedUnitOfWork(engine), "local", dry_file, dry_run=True)

    assert len(writers) == 1
    assert not writers[0].is_alive()
    with uow_factory() as uow:
        assert [d.steps for d in uow.metrics.all_days("local") if d.date == changed_day] == [12345]
    # As before the write: the day changes and its KPIs with it. Reading the KPIs after
    # the write (READ COMMITTED) would report that no KPI changes for a changed day.
    assert before.rows_updated == 1
    assert before.kpis_changed_from == changed_day
    assert (raced.rows_updated, raced.kpis_changed_from) == (1, changed_day)
    after = _upload(uow_factory(), "local", dry_file, dry_run=True)
    assert (after.status, after.kpis_changed_from) == (IngestionStatus.UNCHANGED, None)
