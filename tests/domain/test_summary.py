"""Period summaries per ISO week or calendar month, clipped to the asked range (docs/kpis.md)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.errors import InvalidInputError
from domain.kpis import compute_kpis
from domain.model import DailyMetrics, Kpi, Period, Profile
from domain.summary import summarise

MONDAY = date(2026, 3, 2)


def _day(offset: int, **values: float | int | None) -> DailyMetrics:
    return DailyMetrics(date=MONDAY + timedelta(days=offset), **values)  # type: ignore[arg-type]


def _kpi(offset: int, **values: float | bool | None) -> Kpi:
    return Kpi(date=MONDAY + timedelta(days=offset), **values)  # type: ignore[arg-type]


def _bounds(rows: list[tuple[date, date]]) -> list[tuple[str, str]]:
    return [(start.isoformat(), end.isoformat()) for start, end in rows]


def test_weeks_run_monday_to_sunday_and_are_clipped_to_the_range() -> None:
    rows = summarise([], [], date(2026, 3, 4), date(2026, 3, 17), Period.WEEK)

    assert _bounds([(row.period_start, row.period_end) for row in rows]) == [
        ("2026-03-04", "2026-03-08"),
        ("2026-03-09", "2026-03-15"),
        ("2026-03-16", "2026-03-17"),
    ]


def test_months_are_calendar_months_clipped_to_the_range() -> None:
    rows = summarise([], [], date(2027, 12, 15), date(2028, 3, 1), Period.MONTH)

    assert _bounds([(row.period_start, row.period_end) for row in rows]) == [
        ("2027-12-15", "2027-12-31"),
        ("2028-01-01", "2028-01-31"),
        ("2028-02-01", "2028-02-29"),
        ("2028-03-01", "2028-03-01"),
    ]


def test_a_one_day_range_is_one_period() -> None:
    [row] = summarise([], [], MONDAY, MONDAY, Period.MONTH)

    assert (row.period_start, row.period_end) == (MONDAY, MONDAY)


def test_a_period_without_logged_days_has_zero_days_and_no_averages() -> None:
    [row] = summarise([], [], MONDAY, MONDAY + timedelta(days=6), Period.WEEK)

    assert row.days_logged == 0
    assert (row.balance_avg, row.steps_avg, row.steps_goal_rate, row.protein_per_kg_avg) == (
        None,
        None,
        None,
        None,
    )
    assert (row.sleep_avg, row.weight_avg, row.weight_trend_end) == (None, None, None)
    assert (row.kcal_in_avg, row.expenditure_avg, row.energy_balance_avg) == (None, None, None)
    assert (row.target_kcal_in, row.weight_rate_end) == (None, None)


def test_the_plan_fields_average_the_logged_days_and_take_the_last_ones_target_and_rate() -> None:
    days = [_day(0, kcal_in=2000.0), _day(1, kcal_in=2600.5), _day(3), _day(5, kcal_in=1800.0)]
    kpis = [
        _kpi(0, expenditure_kcal=2400.0, energy_balance_kcal=-400.0, target_kcal_in=1850.0),
        _kpi(1, expenditure_kcal=2450.0, energy_balance_kcal=150.5, target_kcal_in=1850.0),
        _kpi(3, expenditure_kcal=2480.0, weight_rate_kg_per_week=-0.3, target_kcal_in=1850.0),
        _kpi(5, energy_balance_kcal=-700.0, weight_rate_kg_per_week=-0.35, target_kcal_in=1850.0),
        # A KPI row without a logged day (not stored in practice) is not the last day.
        _kpi(6, weight_rate_kg_per_week=9.0, target_kcal_in=9.0),
    ]

    [row] = summarise(days, kpis, MONDAY, MONDAY + timedelta(days=6), Period.WEEK)

    assert row.kcal_in_avg == pytest.approx((2000 + 2600.5 + 1800) / 3)
    assert row.expenditure_avg == pytest.approx((2400 + 2450 + 2480) / 3)
    assert row.energy_balance_avg == pytest.approx((-400 + 150.5 - 700) / 3)
    assert (row.target_kcal_in, row.weight_rate_end) == (1850.0, -0.35)


def test_the_target_and_rate_at_the_end_are_null_when_the_last_logged_day_has_none() -> None:
    days = [_day(0, kcal_in=2000.0), _day(2)]
    kpis = [_kpi(0, target_kcal_in=1900.0, weight_rate_kg_per_week=-0.5), _kpi(2)]

    [row] = summarise(days, kpis, MONDAY, MONDAY + timedelta(days=6), Period.WEEK)

    assert (row.target_kcal_in, row.weight_rate_end) == (None, None)


def test_averages_are_over_logged_days_with_a_value() -> None:
    days = [
        _day(0, steps=12000, sleep_hours=7.0, weight_kg=80.0),
        _day(2, steps=6000, weight_kg=81.0),
        _day(4, sleep_hours=8.5),
    ]
    kpis = [
        _kpi(0, balance_kcal=-400.0, protein_per_kg=2.0, steps_goal_met=True, weight_trend=80.0),
        _kpi(2, balance_kcal=100.0, steps_goal_met=False, weight_trend=80.1),
        _kpi(4, protein_per_kg=1.5, weight_trend=80.2),
    ]

    [row] = summarise(days, kpis, MONDAY, MONDAY + timedelta(days=6), Period.WEEK)

    assert row.days_logged == 3
    assert row.balance_avg == pytest.approx((-400 + 100) / 2)
    assert row.steps_avg == pytest.approx((12000 + 6000) / 2)
    assert row.steps_goal_rate == pytest.approx(1 / 2)
    assert row.protein_per_kg_avg == pytest.approx((2.0 + 1.5) / 2)
    assert row.sleep_avg == pytest.approx((7.0 + 8.5) / 2)
    assert row.weight_avg == pytest.approx((80 + 81) / 2)
    assert row.weight_trend_end == pytest.approx(80.2)


def test_the_trend_at_the_end_is_the_one_of_the_last_logged_day() -> None:
    days = [_day(0, weight_kg=80.0), _day(3)]
    kpis = [_kpi(0, weight_trend=80.0), _kpi(3, weight_trend=None), _kpi(5, weight_trend=70.0)]

    [row] = summarise(days, kpis, MONDAY, MONDAY + timedelta(days=6), Period.WEEK)

    assert row.weight_trend_end is None
    assert row.days_logged == 2


def test_days_and_kpis_outside_the_range_are_ignored() -> None:
    days = [_day(-1, steps=1000), _day(1, steps=3000), _day(9, steps=5000)]
    kpis = [_kpi(-1, balance_kcal=5.0), _kpi(1, balance_kcal=7.0), _kpi(9, balance_kcal=9.0)]

    [row] = summarise(days, kpis, MONDAY, MONDAY + timedelta(days=6), Period.WEEK)

    assert row.days_logged == 1
    assert row.steps_avg == pytest.approx(3000)
    assert row.balance_avg == pytest.approx(7.0)


def test_summaries_split_the_kpis_of_the_engine_by_week() -> None:
    days = [_day(n, steps=1000 * n, weight_kg=80.0 + n / 10) for n in range(10)]
    kpis = compute_kpis(days, Profile())

    rows = summarise(days, kpis, MONDAY, MONDAY + timedelta(days=13), Period.WEEK)

    assert [row.days_logged for row in rows] == [7, 3]
    assert rows[1].steps_avg == pytest.approx((7000 + 8000 + 9000) / 3)
    assert rows[1].weight_trend_end == kpis[9].weight_trend
    assert rows[0].weight_avg == pytest.approx(80.3)


def test_start_after_end_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="after"):
        summarise([], [], MONDAY, MONDAY - timedelta(days=1), Period.WEEK)
