"""Hand-computed KPI cases: energy, windows, food and steps (docs/kpis.md)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from domain.energy import age_on
from domain.kpis import compute_kpis
from domain.model import DailyMetrics, Kpi, Profile, Sex

MONDAY = date(2026, 3, 2)
PROFILE = Profile()  # MALE, born 1996-01-01 (30 on MONDAY), 180 cm, factor 1.2


def _day(offset: int, **values: float | int | None) -> DailyMetrics:
    return DailyMetrics(date=MONDAY + timedelta(days=offset), **values)  # type: ignore[arg-type]


def _by_date(kpis: list[Kpi]) -> dict[int, Kpi]:
    return {(kpi.date - MONDAY).days: kpi for kpi in kpis}


def test_bmr_total_out_and_balance_follow_mifflin_st_jeor_for_a_man() -> None:
    [kpi] = compute_kpis(
        [_day(0, weight_kg=80.0, kcal_in=2500.0, kcal_out_training=300.0)], PROFILE
    )

    bmr = 10 * 80 + 6.25 * 180 - 5 * 30 + 5
    assert kpi.bmr_kcal == pytest.approx(bmr)
    assert kpi.kcal_out_total == pytest.approx(bmr * 1.2 + 300)
    assert kpi.balance_kcal == pytest.approx(2500 - (bmr * 1.2 + 300))
    assert kpi.balance_7d_avg == pytest.approx(2500 - (bmr * 1.2 + 300))
    assert kpi.balance_7d_days == 1


def test_a_blank_training_cell_counts_as_zero_expenditure() -> None:
    [kpi] = compute_kpis([_day(0, weight_kg=80.0, kcal_in=2500.0)], PROFILE)

    bmr = 10 * 80 + 6.25 * 180 - 5 * 30 + 5
    assert kpi.kcal_out_total == pytest.approx(bmr * 1.2)
    assert kpi.balance_kcal == pytest.approx(2500 - bmr * 1.2)


def test_a_woman_s_bmr_subtracts_161() -> None:
    profile = Profile(sex=Sex.FEMALE, birth_date=date(1990, 6, 15), height_cm=165.0)

    [kpi] = compute_kpis([_day(0, weight_kg=60.0)], profile)

    assert kpi.bmr_kcal == pytest.approx(10 * 60 + 6.25 * 165 - 5 * 35 - 161)


def test_a_birthday_inside_the_range_changes_the_bmr_that_day() -> None:
    profile = replace(PROFILE, birth_date=date(1990, 3, 5))  # 36 on 2026-03-05

    kpis = _by_date(compute_kpis([_day(2, weight_kg=80.0), _day(3, weight_kg=80.0)], profile))

    assert kpis[2].bmr_kcal == pytest.approx(10 * 80 + 6.25 * 180 - 5 * 35 + 5)
    assert kpis[3].bmr_kcal == pytest.approx(10 * 80 + 6.25 * 180 - 5 * 36 + 5)


def test_a_29_february_birthday_counts_on_1_march_in_other_years() -> None:
    born = date(2000, 2, 29)

    assert age_on(born, date(2027, 2, 28)) == 26
    assert age_on(born, date(2027, 3, 1)) == 27
    assert age_on(born, date(2028, 2, 28)) == 27
    assert age_on(born, date(2028, 2, 29)) == 28


def test_another_profile_gives_other_values_for_the_same_days() -> None:
    days = [_day(0, weight_kg=80.0, kcal_in=2500.0, protein_g=160.0, steps=9000)]
    other = Profile(
        sex=Sex.FEMALE,
        birth_date=date(1980, 1, 1),
        height_cm=170.0,
        activity_factor=1.5,
        steps_goal=8000,
    )

    [before] = compute_kpis(days, PROFILE)
    [after] = compute_kpis(days, other)

    bmr = 10 * 80 + 6.25 * 170 - 5 * 46 - 161
    assert after.bmr_kcal == pytest.approx(bmr)
    assert after.kcal_out_total == pytest.approx(bmr * 1.5)
    assert after.balance_kcal == pytest.approx(2500 - bmr * 1.5)
    assert before.steps_goal_met is False
    assert after.steps_goal_met is True
    assert after.bmr_kcal != before.bmr_kcal


def test_a_profile_without_sex_birth_date_or_height_has_no_bmr() -> None:
    days = [_day(0, weight_kg=80.0, kcal_in=2000.0)]

    for profile in (
        replace(PROFILE, sex=None),
        replace(PROFILE, birth_date=None),
        replace(PROFILE, height_cm=None),
    ):
        [kpi] = compute_kpis(days, profile)
        assert (kpi.bmr_kcal, kpi.kcal_out_total, kpi.balance_kcal) == (None, None, None)


def test_days_before_the_birth_date_have_no_bmr() -> None:
    profile = replace(PROFILE, birth_date=MONDAY + timedelta(days=1))

    kpis = _by_date(compute_kpis([_day(0, weight_kg=80.0), _day(1, weight_kg=80.0)], profile))

    assert kpis[0].bmr_kcal is None
    assert kpis[1].bmr_kcal == pytest.approx(10 * 80 + 6.25 * 180 - 5 * 0 + 5)


def test_a_gap_in_the_window_averages_only_the_calendar_days_that_have_a_value() -> None:
    days = [_day(0, steps=1000), _day(2, steps=2000), _day(6, steps=6000), _day(10, steps=4000)]

    kpis = _by_date(compute_kpis(days, PROFILE))

    assert kpis[6].steps_7d_avg == pytest.approx((1000 + 2000 + 6000) / 3)
    # W(day 10) is days 4..10: the calendar window, not the last 7 rows.
    assert kpis[10].steps_7d_avg == pytest.approx((6000 + 4000) / 2)


def test_a_day_without_weight_keeps_the_reference_weight_and_is_left_out_of_averages() -> None:
    days = [
        _day(0, weight_kg=80.0),
        _day(1, weight_kg=None, protein_g=160.0, sleep_hours=7.5),
        _day(2, weight_kg=82.0, sleep_hours=6.0),
    ]

    kpis = _by_date(compute_kpis(days, PROFILE))

    assert kpis[1].protein_per_kg == pytest.approx(160 / 80)
    assert kpis[1].bmr_kcal == pytest.approx(10 * 80 + 6.25 * 180 - 5 * 30 + 5)
    assert kpis[1].weight_7d_avg == pytest.approx(80.0)
    assert kpis[1].weight_7d_days == 1
    assert kpis[2].weight_7d_avg == pytest.approx((80 + 82) / 2)
    assert kpis[2].weight_7d_days == 2
    assert kpis[2].sleep_7d_avg == pytest.approx((7.5 + 6.0) / 2)
    assert kpis[0].sleep_7d_avg is None


def test_the_reference_weight_lasts_30_days_and_no_longer() -> None:
    days = [_day(0, weight_kg=80.0), _day(30, kcal_in=2000.0), _day(31, kcal_in=2000.0)]

    kpis = _by_date(compute_kpis(days, PROFILE))

    bmr = 10 * 80 + 6.25 * 180 - 5 * 30 + 5
    assert kpis[30].bmr_kcal == pytest.approx(bmr)
    assert kpis[30].balance_kcal == pytest.approx(2000 - bmr * 1.2)
    assert (kpis[31].bmr_kcal, kpis[31].kcal_out_total, kpis[31].balance_kcal) == (None,) * 3
    assert kpis[31].balance_7d_avg == pytest.approx(2000 - bmr * 1.2)
    assert kpis[31].balance_7d_days == 1


def test_balance_average_skips_days_without_intake() -> None:
    days = [_day(0, weight_kg=80.0, kcal_in=2000.0), _day(1), _day(2, kcal_in=3000.0)]

    kpis = _by_date(compute_kpis(days, PROFILE))

    out = (10 * 80 + 6.25 * 180 - 5 * 30 + 5) * 1.2
    assert kpis[1].balance_kcal is None
    assert kpis[2].balance_7d_avg == pytest.approx(((2000 - out) + (3000 - out)) / 2)
    assert kpis[2].balance_7d_days == 2


def test_healthy_food_share_needs_intake_above_zero_and_a_junk_value() -> None:
    days = [
        _day(0, kcal_in=2000.0, kcal_junk_in=500.0),
        _day(1, kcal_in=0.0, kcal_junk_in=0.0),
        _day(2, kcal_in=2000.0),
        _day(3, kcal_junk_in=100.0),
    ]

    kpis = _by_date(compute_kpis(days, PROFILE))

    assert kpis[0].healthy_food_pct == pytest.approx(100 * (1 - 500 / 2000))
    assert [kpis[n].healthy_food_pct for n in (1, 2, 3)] == [None, None, None]


def test_steps_goal_rate_is_the_share_of_days_with_steps_that_met_the_goal() -> None:
    days = [_day(0, steps=12000), _day(1, steps=8000), _day(2), _day(3, steps=10000)]

    kpis = _by_date(compute_kpis(days, PROFILE))

    assert [kpis[n].steps_goal_met for n in range(4)] == [True, False, None, True]
    assert kpis[1].steps_goal_rate_7d == pytest.approx(1 / 2)
    assert kpis[2].steps_goal_rate_7d == pytest.approx(1 / 2)
    assert kpis[3].steps_goal_rate_7d == pytest.approx(2 / 3)
    assert kpis[3].steps_7d_avg == pytest.approx((12000 + 8000 + 10000) / 3)


def test_steps_goal_rate_is_null_without_steps_in_the_window() -> None:
    [kpi] = compute_kpis([_day(0, sleep_hours=8.0)], PROFILE)

    assert (kpi.steps_goal_met, kpi.steps_goal_rate_7d, kpi.steps_7d_avg) == (None, None, None)


def test_waist_change_compares_with_the_calendar_day_a_week_before() -> None:
    days = [
        _day(0, waist_cm=100.0),
        _day(1),
        _day(7, waist_cm=98.5),
        _day(8, waist_cm=98.0),
        _day(9, waist_cm=97.0),
    ]

    kpis = _by_date(compute_kpis(days, PROFILE))

    assert kpis[7].waist_change_7d == pytest.approx(98.5 - 100)
    assert kpis[8].waist_change_7d is None
    assert kpis[9].waist_change_7d is None
    assert kpis[0].waist_change_7d is None


def test_one_kpi_per_given_day_sorted_by_date() -> None:
    days = [_day(5, steps=1), _day(0, steps=2), _day(40, steps=3)]

    kpis = compute_kpis(days, PROFILE)

    assert [kpi.date for kpi in kpis] == sorted(day.date for day in days)
    assert compute_kpis([], PROFILE) == []


def test_two_days_with_the_same_date_are_refused() -> None:
    with pytest.raises(ValueError, match="2026-03-02"):
        compute_kpis([_day(0, steps=1), _day(0, steps=2)], PROFILE)
