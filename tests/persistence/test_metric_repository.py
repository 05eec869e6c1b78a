"""SqlMetricRepository on SQLite and PostgreSQL: round trip, upsert, delete, range."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from domain.model import METRIC_FIELDS, DailyMetrics, DataRange
from persistence.uow import SqlUnitOfWork

UowFactory = Callable[[], SqlUnitOfWork]
USER = "local"
STAMP = datetime(2026, 3, 1, 8, 30, 15, 123456, tzinfo=UTC)


def _store(
    uow_factory: UowFactory,
    days: list[DailyMetrics],
    *,
    user: str = USER,
    at: datetime = STAMP,
    ingestion_id: str | None = "ing-1",
) -> None:
    with uow_factory() as uow:
        uow.metrics.upsert(user, days, updated_at=at, ingestion_id=ingestion_id)
        uow.commit()


def _awkward_day(day: date) -> DailyMetrics:
    return DailyMetrics(
        date=day,
        steps=12_345,
        protein_g=0.1 + 0.2,
        kcal_in=math.pi * 1000,
        kcal_junk_in=1e-300,
        kcal_out_training=5e-324,
        sleep_hours=7.000000000000001,
        stress=10,
        weight_kg=1 / 3 * 240,
        waist_cm=87.65432109876543,
    )


def test_a_stored_day_reads_back_bit_for_bit(uow_factory: UowFactory) -> None:
    day = _awkward_day(date(2026, 2, 28))
    _store(uow_factory, [day])

    with uow_factory() as uow:
        (stored,) = uow.metrics.all_days(USER)

    assert stored == day
    for name in METRIC_FIELDS:
        original, read = getattr(day, name), getattr(stored, name)
        assert type(read) is type(original), name
        if isinstance(original, float):
            assert read.hex() == original.hex(), name


def test_missing_values_stay_none(uow_factory: UowFactory) -> None:
    _store(uow_factory, [DailyMetrics(date=date(2026, 1, 5), weight_kg=80.5)])

    with uow_factory() as uow:
        (stored,) = uow.metrics.all_days(USER)

    assert stored.values() == (None, None, None, None, None, None, None, 80.5, None)


def test_updated_at_comes_back_as_the_same_aware_instant(uow_factory: UowFactory) -> None:
    written = datetime(2026, 3, 1, 10, 30, 15, 123456, tzinfo=timezone(timedelta(hours=2)))
    _store(uow_factory, [DailyMetrics(date=date(2026, 1, 5), steps=1)], at=written)

    with uow_factory() as uow:
        (stored,) = uow.metrics.all_days(USER)

    assert stored.updated_at is not None
    assert stored.updated_at.utcoffset() == timedelta(0)
    assert stored.updated_at == written


def test_a_naive_timestamp_is_refused(uow_factory: UowFactory) -> None:
    with uow_factory() as uow, pytest.raises(ValueError, match="no time zone"):
        uow.metrics.upsert(
            USER,
            [DailyMetrics(date=date(2026, 1, 5))],
            updated_at=datetime(2026, 1, 5),
            ingestion_id=None,
        )


def test_upsert_overwrites_every_column_of_a_stored_day(uow_factory: UowFactory) -> None:
    first = _awkward_day(date(2026, 2, 1))
    _store(uow_factory, [first])
    replacement = DailyMetrics(date=first.date, steps=1, stress=1)
    later = STAMP + timedelta(hours=1)

    _store(uow_factory, [replacement], at=later, ingestion_id=None)

    with uow_factory() as uow:
        (stored,) = uow.metrics.all_days(USER)
    assert stored.values() == (1, None, None, None, None, None, 1, None, None)
    assert stored.updated_at == later


def test_upsert_inserts_new_days_beside_stored_ones(uow_factory: UowFactory) -> None:
    _store(uow_factory, [DailyMetrics(date=date(2026, 1, 2), steps=2)])
    _store(
        uow_factory,
        [
            DailyMetrics(date=date(2026, 1, 1), steps=1),
            DailyMetrics(date=date(2026, 1, 2), steps=3),
        ],
    )

    with uow_factory() as uow:
        days = uow.metrics.all_days(USER)

    assert [(d.date.day, d.steps) for d in days] == [(1, 1), (2, 3)]


def test_ten_years_of_days_upsert_and_read_back_in_date_order(uow_factory: UowFactory) -> None:
    start = date(2016, 1, 1)
    days = [
        DailyMetrics(date=start + timedelta(days=i), steps=i, weight_kg=70 + i / 7)
        for i in reversed(range(3_650))
    ]
    _store(uow_factory, days)
    _store(uow_factory, days[:10])

    with uow_factory() as uow:
        stored = uow.metrics.all_days(USER)

    assert stored == sorted(days, key=lambda d: d.date)


def test_between_is_inclusive_and_per_user(uow_factory: UowFactory) -> None:
    days = [DailyMetrics(date=date(2026, 1, d), steps=d) for d in range(1, 8)]
    _store(uow_factory, days)
    _store(uow_factory, days, user="someone-else")

    with uow_factory() as uow:
        found = uow.metrics.between(USER, date(2026, 1, 3), date(2026, 1, 5))
        nobody = uow.metrics.all_days("nobody")

    assert [d.steps for d in found] == [3, 4, 5]
    assert nobody == []


def test_delete_between_counts_only_the_users_days_in_range(uow_factory: UowFactory) -> None:
    days = [DailyMetrics(date=date(2026, 1, d), steps=d) for d in range(1, 8)]
    _store(uow_factory, days)
    _store(uow_factory, days, user="someone-else")

    with uow_factory() as uow:
        deleted = uow.metrics.delete_between(USER, date(2026, 1, 2), date(2026, 1, 4))
        uow.commit()

    with uow_factory() as uow:
        assert [d.steps for d in uow.metrics.all_days(USER)] == [1, 5, 6, 7]
        assert len(uow.metrics.all_days("someone-else")) == 7
    assert deleted == 3


def test_data_range_spans_the_first_to_the_last_logged_day(uow_factory: UowFactory) -> None:
    _store(uow_factory, [DailyMetrics(date=date(2026, 1, d)) for d in (9, 3, 20)])

    with uow_factory() as uow:
        found = uow.metrics.data_range(USER)
        empty = uow.metrics.data_range("nobody")

    assert found == DataRange(
        first_date=date(2026, 1, 3), last_date=date(2026, 1, 20), days_logged=3
    )
    assert empty == DataRange(first_date=None, last_date=None, days_logged=0)


def test_two_upserts_in_one_unit_of_work_both_apply(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.metrics.upsert(
            USER,
            [DailyMetrics(date=date(2026, 1, 1), steps=1)],
            updated_at=STAMP,
            ingestion_id=None,
        )
        uow.metrics.upsert(
            USER,
            [DailyMetrics(date=date(2026, 1, 1), steps=2), DailyMetrics(date=date(2026, 1, 2))],
            updated_at=STAMP,
            ingestion_id=None,
        )
        uow.metrics.upsert(USER, [], updated_at=STAMP, ingestion_id=None)
        uow.commit()

    with uow_factory() as uow:
        assert [(d.date.day, d.steps) for d in uow.metrics.all_days(USER)] == [(1, 2), (2, None)]


def test_delete_dates_removes_only_those_days_of_the_user(uow_factory: UowFactory) -> None:
    days = [DailyMetrics(date=date(2026, 1, d), steps=d) for d in range(1, 8)]
    _store(uow_factory, days)
    _store(uow_factory, days, user="someone-else")

    with uow_factory() as uow:
        gone = [date(2026, 1, 2), date(2026, 1, 6), date(2027, 1, 1)]
        deleted = uow.metrics.delete_dates(USER, gone)
        uow.commit()

    with uow_factory() as uow:
        assert [d.steps for d in uow.metrics.all_days(USER)] == [1, 3, 4, 5, 7]
        assert len(uow.metrics.all_days("someone-else")) == 7
    assert deleted == 2


def test_delete_dates_takes_more_dates_than_one_statement_binds(uow_factory: UowFactory) -> None:
    # 70,000 dates: more than PostgreSQL binds in one statement (65,535).
    first = date(1900, 1, 1)
    days = [DailyMetrics(date=first + timedelta(days=n), steps=n) for n in range(80_000)]
    _store(uow_factory, days)

    with uow_factory() as uow:
        deleted = uow.metrics.delete_dates(USER, [d.date for n, d in enumerate(days) if n % 8])
        uow.commit()

    with uow_factory() as uow:
        assert [d.steps for d in uow.metrics.all_days(USER)] == list(range(0, 80_000, 8))
    assert deleted == 70_000
