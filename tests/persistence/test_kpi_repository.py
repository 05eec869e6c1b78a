"""SqlKpiRepository on SQLite and PostgreSQL: round trip (rounded as stored) and replace_from."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from domain.model import KPI_FIELDS, Kpi
from domain.precision import stored_kpis
from persistence.uow import SqlUnitOfWork

UowFactory = Callable[[], SqlUnitOfWork]
USER = "local"
NOW = datetime(2026, 3, 1, tzinfo=UTC)
START = date(2026, 1, 1)


def _kpi(day: date, seed: float) -> Kpi:
    return Kpi(
        date=day,
        bmr_kcal=1800 + seed / 3,
        kcal_out_total=2600.123456789 + seed,
        balance_kcal=-(seed + 1) / 7,
        balance_7d_avg=None,
        balance_7d_days=int(seed) % 8,
        protein_per_kg=1.9000000000000001,
        healthy_food_pct=100 * (1 - 1 / 3),
        steps_goal_met=bool(int(seed) % 2),
        steps_7d_avg=9876.54321,
        steps_goal_rate_7d=4 / 7,
        sleep_7d_avg=None,
        weight_7d_avg=80.1 + seed / 11,
        weight_7d_days=7,
        weight_trend=79.99999999999999,
        weight_trend_change_7d=-0.1 - seed / 1000,
        waist_change_7d=None,
        tdee_estimate=2543.2109876,
        weight_rate_kg_per_week=-0.417,
        energy_balance_kcal=-512.3 + seed,
        energy_balance_7d_avg=-480.1,
        goal_eta_date=day + timedelta(days=1_826),
        target_kcal_in=1950.5,
    )


def _replace(uow_factory: UowFactory, since: date | None, kpis: list[Kpi]) -> None:
    with uow_factory() as uow:
        uow.kpis.replace_from(USER, since, kpis, computed_at=NOW)
        uow.commit()


def _read(uow_factory: UowFactory) -> list[Kpi]:
    with uow_factory() as uow:
        return uow.kpis.between(USER, date(1900, 1, 1), date(2100, 1, 1))


def test_every_kpi_field_reads_back_exactly_as_rounded_for_storage(
    uow_factory: UowFactory,
) -> None:
    kpis = stored_kpis([_kpi(START + timedelta(days=i), i) for i in range(3)])
    sparse = Kpi(date=START + timedelta(days=3))
    _replace(uow_factory, None, [*kpis, sparse])

    stored = _read(uow_factory)

    assert stored == [*kpis, sparse]
    for original, read in zip(kpis, stored[:3], strict=True):
        for name in KPI_FIELDS:
            value = getattr(read, name)
            assert type(value) is type(getattr(original, name)), name
            if isinstance(value, float):
                assert value.hex() == getattr(original, name).hex(), name


def test_replace_from_keeps_earlier_days_and_replaces_the_rest(uow_factory: UowFactory) -> None:
    _replace(uow_factory, None, [_kpi(START + timedelta(days=i), i) for i in range(10)])
    since = START + timedelta(days=4)
    recomputed = [_kpi(since, 100)._replace(date=since)]

    _replace(uow_factory, since, recomputed)

    stored = _read(uow_factory)
    assert [k.date for k in stored] == [START + timedelta(days=i) for i in range(5)]
    assert stored[:4] == stored_kpis([_kpi(START + timedelta(days=i), i) for i in range(4)])
    assert stored[4] == stored_kpis(recomputed)[0]


def test_replace_from_none_replaces_every_row_of_only_that_user(uow_factory: UowFactory) -> None:
    _replace(uow_factory, None, [_kpi(START + timedelta(days=i), i) for i in range(5)])
    with uow_factory() as uow:
        uow.kpis.replace_from("someone-else", None, [_kpi(START, 1)], computed_at=NOW)
        uow.commit()

    _replace(uow_factory, None, [_kpi(START + timedelta(days=9), 9)])

    assert [k.date for k in _read(uow_factory)] == [START + timedelta(days=9)]
    with uow_factory() as uow:
        assert len(uow.kpis.between("someone-else", START, START)) == 1


def test_a_kpi_dated_before_since_is_refused(uow_factory: UowFactory) -> None:
    with uow_factory() as uow, pytest.raises(ValueError, match="before since"):
        uow.kpis.replace_from(USER, START, [_kpi(START - timedelta(days=1), 1)], computed_at=NOW)


def test_ten_years_of_kpis_replace_and_read_in_date_order(uow_factory: UowFactory) -> None:
    kpis = [_kpi(START - timedelta(days=i), i) for i in range(3_650)]
    _replace(uow_factory, None, kpis)
    _replace(uow_factory, None, kpis)

    with uow_factory() as uow:
        window = uow.kpis.between(USER, START - timedelta(days=9), START - timedelta(days=5))

    assert _read(uow_factory) == sorted(stored_kpis(kpis), key=lambda k: k.date)
    assert [k.date for k in window] == [START - timedelta(days=i) for i in range(9, 4, -1)]
