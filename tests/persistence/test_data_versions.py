"""Every committed write of a user bumps that user's data version, in its transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from domain import services
from domain.model import DateOrder, InvalidRowPolicy, Sex
from persistence.uow import SqlUnitOfWork

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
UowFactory = Callable[[], SqlUnitOfWork]


def _version(uow_factory: UowFactory, user_id: str = "ann") -> int:
    with uow_factory() as uow:
        return uow.data_version(user_id)


def _upload(uow_factory: UowFactory, data: bytes, user_id: str = "ann") -> str:
    report = services.upload_csv(
        uow_factory(),
        user_id,
        data,
        filename="f.csv",
        policy=InvalidRowPolicy.REJECT_FILE,
        date_order=DateOrder.AUTO,
        now=NOW,
    )
    return report.status.value


def test_every_kind_of_committed_write_bumps_the_version(uow_factory: UowFactory) -> None:
    seen = [_version(uow_factory)]

    assert _upload(uow_factory, b"date,steps_n\n2026-01-01,5000\n") == "APPLIED"
    seen.append(_version(uow_factory))
    assert _upload(uow_factory, b"date,steps_n\n2026-01-01,5000\n") == "UNCHANGED"
    seen.append(_version(uow_factory))
    assert _upload(uow_factory, b"date,steps_n\n2026-01-01,lots\n") == "REJECTED"
    seen.append(_version(uow_factory))
    services.upsert_day(uow_factory(), "ann", {"steps": 6000}, day=date(2026, 1, 1), now=NOW)
    seen.append(_version(uow_factory))
    services.delete_days(uow_factory(), "ann", date(2026, 1, 1), date(2026, 1, 1), now=NOW)
    seen.append(_version(uow_factory))
    services.update_profile(uow_factory(), "ann", {"sex": Sex.FEMALE}, now=NOW)
    seen.append(_version(uow_factory))

    assert seen == sorted(set(seen)), seen
    assert seen[0] == 0


def test_reads_and_other_users_writes_leave_the_version(uow_factory: UowFactory) -> None:
    _upload(uow_factory, b"date,steps_n\n2026-01-01,5000\n")
    before = _version(uow_factory)

    services.list_kpis(uow_factory(), "ann", date(2026, 1, 1), date(2026, 1, 31))
    services.get_profile(uow_factory(), "ann")
    _upload(uow_factory, b"date,steps_n\n2026-01-01,7000\n", user_id="bob")

    assert _version(uow_factory) == before
    assert _version(uow_factory, "bob") > 0


def test_a_write_rolled_back_leaves_the_version(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.lock_user("ann")
        uow.profiles.save("ann", services.get_profile(uow_factory(), "ann"), updated_at=NOW)
        uow.rollback()

    with uow_factory() as uow:
        uow.profiles.save("ann", services.get_profile(uow_factory(), "ann"), updated_at=NOW)
    # left without commit

    assert _version(uow_factory) == 0


@pytest.mark.postgres
def test_the_bump_commits_with_the_write_on_postgres(postgres_url: str) -> None:
    from persistence.database import create_engine_for
    from persistence.uow import uow_factory

    engine = create_engine_for(postgres_url)
    try:
        factory = uow_factory(engine)
        assert _upload(factory, b"date,steps_n\n2026-01-01,5000\n") == "APPLIED"
        first = _version(factory)
        assert _upload(factory, b"date,steps_n\n2026-01-01,6000\n") == "APPLIED"
        assert _version(factory) == first + 1
    finally:
        engine.dispose()


def test_a_user_whose_versions_restart_does_not_repeat_them(uow_factory: UowFactory) -> None:
    _upload(uow_factory, b"date,steps_n\n2026-01-01,5000\n")
    first = _version(uow_factory)
    with uow_factory() as uow:
        uow.connection.exec_driver_sql("DELETE FROM user_data_versions")
        uow.commit()

    _upload(uow_factory, b"date,steps_n\n2026-01-01,6000\n")

    assert _version(uow_factory) not in (0, first)
