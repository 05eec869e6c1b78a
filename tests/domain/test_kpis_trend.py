"""Hand-computed cases for the weight trend and the adaptive TDEE estimate (docs/kpis.md)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.kpis import compute_kpis
from domain.model import DailyMetrics, Kpi, Profile

MONDAY = date(2026, 3, 2)
PROFILE = Profile()


def _day(offset: int, **values: float | int | None) -> DailyMetrics:
    return DailyMetrics(date=MONDAY + timedelta(days=offset), **values)  # type: ignore[arg-type]


def _by_date(kpis: list[Kpi]) -> dict[int, Kpi]:
    return {(kpi.date - MONDAY).days: kpi for kpi in kpis}


def test_the_trend_starts_at_the_first_weigh_in_and_is_null_before_it() -> None:
    kpis = _by_date(compute_kpis([_day(0, steps=5000), _day(1, weight_kg=80.0)], PROFILE))

    assert kpis[0].weight_trend is None
    assert kpis[1].weight_trend == pytest.approx(80.0)


def test_the_trend_interpolates_between_two_weigh_ins_three_days_apart() -> None:
    # Day 1 is a row with a blank weight, day 2 has no row: both are interpolated.
    days = [_day(0, weight_kg=80.0), _day(1, steps=4000), _day(3, weight_kg=83.0)]

    kpis = _by_date(compute_kpis(days, PROFILE))

    t1 = 80 + 0.1 * (81 - 80)
    t2 = t1 + 0.1 * (82 - t1)
    t3 = t2 + 0.1 * (83 - t2)
    assert kpis[1].weight_trend == pytest.approx(t1)
    assert kpis[1].weight_trend == pytest.approx(80.1)
    assert kpis[3].weight_trend == pytest.approx(t3)
    assert kpis[3].weight_trend == pytest.approx(80.561)


def test_the_trend_carries_unchanged_past_the_last_weigh_in() -> None:
    days = [_day(0, weight_kg=80.0), _day(3, weight_kg=83.0), _day(7), _day(10), _day(400)]

    kpis = _by_date(compute_kpis(days, PROFILE))

    t3 = 80.561
    assert kpis[7].weight_trend == pytest.approx(t3)
    assert kpis[400].weight_trend == pytest.approx(t3)
    assert kpis[7].weight_trend_change_7d == pytest.approx(t3 - 80)
    assert kpis[10].weight_trend_change_7d == pytest.approx(0.0)


def test_the_weekly_trend_change_is_null_while_the_trend_a_week_before_is() -> None:
    days = [_day(0, steps=1), _day(3, weight_kg=80.0), _day(9, weight_kg=81.0), _day(10)]

    kpis = _by_date(compute_kpis(days, PROFILE))

    assert kpis[9].weight_trend_change_7d is None  # T(day 2) is null
    assert kpis[10].weight_trend_change_7d is not None


def test_the_first_14_days_have_no_estimate_and_the_15th_has_one() -> None:
    days = [
        _day(n, kcal_in=2000.0 + 10 * n, weight_kg={0: 80.0, 1: 79.0}.get(n)) for n in range(16)
    ]

    kpis = _by_date(compute_kpis(days, PROFILE))

    assert [kpis[n].tdee_estimate for n in range(14)] == [None] * 14
    # Day 14: V = days 1..14, mean intake 2000 + 10·7.5; T(14) = T(1) = 79.9; T(0) = 80.
    assert kpis[14].tdee_estimate == pytest.approx(2075 - (79.9 - 80) * 7700 / 14)
    assert kpis[15].tdee_estimate == pytest.approx(2085 - (79.9 - 79.9) * 7700 / 14)


def test_the_estimate_needs_ten_days_of_intake_in_the_last_fourteen() -> None:
    missing = {1, 2, 3, 4, 5}
    days = [
        _day(n, weight_kg=80.0 if n == 0 else None, kcal_in=None if n in missing else 2500.0)
        for n in range(17)
    ]

    kpis = _by_date(compute_kpis(days, PROFILE))

    assert kpis[14].tdee_estimate is None  # V = days 1..14 holds 9 days with intake
    assert kpis[15].tdee_estimate == pytest.approx(2500.0)  # days 2..15 hold 10
    assert kpis[16].tdee_estimate == pytest.approx(2500.0)


def test_the_estimate_needs_a_trend_two_weeks_before() -> None:
    days = [_day(n, kcal_in=2500.0, weight_kg=80.0 if n == 5 else None) for n in range(20)]

    kpis = _by_date(compute_kpis(days, PROFILE))

    assert kpis[18].tdee_estimate is None
    assert kpis[19].tdee_estimate == pytest.approx(2500.0)
