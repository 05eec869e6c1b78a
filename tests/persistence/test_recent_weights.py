"""SqlMetricRepository.recent_weights on SQLite and PostgreSQL: the stored weights the
pounds check compares a file with (docs/imports/index.md, "Weight units")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from domain.model import DailyMetrics
from persistence.uow import SqlUnitOfWork

UowFactory = Callable[[], SqlUnitOfWork]
STAMP = datetime(2026, 3, 1, tzinfo=UTC)


def _store(uow_factory: UowFactory, user: str, days: list[DailyMetrics]) -> None:
    with uow_factory() as uow:
        uow.metrics.upsert(user, days, updated_at=STAMP, ingestion_id=None)
        uow.commit()


def _weights(uow_factory: UowFactory, user: str, since: date, before: date, last: int) -> object:
    with uow_factory() as uow:
        return uow.metrics.recent_weights(user, since=since, before=before, last=last)


def test_the_window_and_the_latest_weigh_ins_come_back_together_sorted(
    uow_factory: UowFactory,
) -> None:
    start = date(2026, 1, 1)
    # A weigh-in every third day for 60 days, steps only on the other days.
    days = [
        DailyMetrics(start + timedelta(days=n), weight_kg=70.0 + n / 10)
        if n % 3 == 0
        else DailyMetrics(start + timedelta(days=n), steps=5000)
        for n in range(60)
    ]
    _store(uow_factory, "local", days)
    got = _weights(uow_factory, "local", date(2026, 1, 10), date(2026, 1, 19), 2)
    # In the window: Jan 10, 13, 16 (n = 9, 12, 15); the latest two: n = 57 and 54.
    assert got == [
        (date(2026, 1, 10), 70.9),
        (date(2026, 1, 13), 71.2),
        (date(2026, 1, 16), 71.5),
        (date(2026, 2, 24), 75.4),
        (date(2026, 2, 27), 75.7),
    ]


def test_the_window_excludes_its_end_and_other_users_are_never_read(
    uow_factory: UowFactory,
) -> None:
    _store(uow_factory, "local", [DailyMetrics(date(2026, 2, 1), weight_kg=60.0)])
    _store(uow_factory, "other", [DailyMetrics(date(2026, 1, 20), weight_kg=132.0)])
    assert _weights(uow_factory, "local", date(2026, 1, 1), date(2026, 2, 1), 0) == []
    assert _weights(uow_factory, "local", date(2026, 1, 1), date(2026, 2, 2), 0) == [
        (date(2026, 2, 1), 60.0)
    ]
    assert _weights(uow_factory, "nobody", date(2026, 1, 1), date(2026, 3, 1), 10) == []


def test_a_weigh_in_both_in_the_window_and_among_the_latest_comes_back_once(
    uow_factory: UowFactory,
) -> None:
    start = date(2026, 1, 1)
    days = [DailyMetrics(start + timedelta(days=n), weight_kg=80.0 - n) for n in range(5)]
    _store(uow_factory, "local", days)
    got = _weights(uow_factory, "local", date(2026, 1, 3), date(2026, 1, 6), 3)
    assert got == [(date(2026, 1, 3), 78.0), (date(2026, 1, 4), 77.0), (date(2026, 1, 5), 76.0)]
