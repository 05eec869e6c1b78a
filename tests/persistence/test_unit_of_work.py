"""SqlUnitOfWork: commit, rollback, and per-user write serialisation in the database."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from domain.model import DailyMetrics
from persistence.database import create_engine_for
from persistence.uow import SqlUnitOfWork

UowFactory = Callable[[], SqlUnitOfWork]
NOW = datetime(2026, 3, 1, tzinfo=UTC)
DAY = DailyMetrics(date=date(2026, 1, 1), steps=1)


def _stored_days(uow_factory: UowFactory) -> list[DailyMetrics]:
    with uow_factory() as uow:
        return uow.metrics.all_days("local")


def test_committed_work_is_visible_to_the_next_unit(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.metrics.upsert("local", [DAY], updated_at=NOW, ingestion_id=None)
        uow.commit()

    assert _stored_days(uow_factory) == [DAY]


def test_leaving_without_commit_leaves_nothing(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.lock_user("local")
        uow.metrics.upsert("local", [DAY], updated_at=NOW, ingestion_id=None)
        uow.kpis.replace_from("local", None, [], computed_at=NOW)

    assert _stored_days(uow_factory) == []


def test_an_exception_rolls_back_everything_the_unit_wrote(uow_factory: UowFactory) -> None:
    def write_then_fail() -> None:
        with uow_factory() as uow:
            uow.metrics.upsert("local", [DAY], updated_at=NOW, ingestion_id=None)
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        write_then_fail()

    assert _stored_days(uow_factory) == []


def test_rollback_discards_work_and_the_unit_stays_usable(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.metrics.upsert("local", [DAY], updated_at=NOW, ingestion_id=None)
        uow.rollback()
        uow.lock_user("local")
        uow.metrics.upsert(
            "local", [DailyMetrics(date=date(2026, 1, 2))], updated_at=NOW, ingestion_id=None
        )
        uow.commit()

    assert [d.date for d in _stored_days(uow_factory)] == [date(2026, 1, 2)]


def test_repositories_refuse_use_after_the_with_block(uow_factory: UowFactory) -> None:
    unit = uow_factory()
    with unit:
        pass

    with pytest.raises(RuntimeError, match="outside its with block"):
        unit.commit()


@pytest.mark.parametrize("read_first", [False, True], ids=["lock-first", "read-then-lock"])
def test_lock_user_makes_a_second_writer_wait_for_the_first_to_commit(
    uow_factory: UowFactory, read_first: bool
) -> None:
    first_locked = threading.Event()
    second_locked = threading.Event()
    release_first = threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with uow_factory() as uow:
                if read_first:
                    uow.profiles.get("local")
                uow.lock_user("local")
                first_locked.set()
                release_first.wait(10)
                uow.metrics.upsert("local", [DAY], updated_at=NOW, ingestion_id="first")
                uow.commit()
        except BaseException as error:
            errors.append(error)
            first_locked.set()

    def second() -> None:
        try:
            with uow_factory() as uow:
                uow.lock_user("local")
                second_locked.set()
                seen.extend(uow.metrics.all_days("local"))
                uow.commit()
        except BaseException as error:
            errors.append(error)

    seen: list[DailyMetrics] = []
    writer = threading.Thread(target=first)
    writer.start()
    assert first_locked.wait(10)
    waiter = threading.Thread(target=second)
    waiter.start()

    waited = not second_locked.wait(0.5)
    release_first.set()
    writer.join(10)
    waiter.join(10)

    assert errors == []
    assert waited, "the second writer got the lock while the first held it"
    assert seen == [DAY], "the second writer did not see the first one's committed work"


@pytest.mark.postgres
def test_lock_user_does_not_serialise_different_users_on_postgres(postgres_url: str) -> None:
    engine = create_engine_for(postgres_url)
    try:
        with SqlUnitOfWork(engine) as holder:
            holder.lock_user("alice")
            # Were bob to queue behind alice, whose lock is held throughout, the lock
            # timeout would raise here.
            with SqlUnitOfWork(engine) as other:
                other.lock_user("bob")
                other.commit()
    finally:
        engine.dispose()
