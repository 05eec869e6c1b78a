"""The plan's KPIs against hand-worked values: weight rate, energy balance, goal date and
the weekly intake target (docs/kpis.md, "The plan")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.kpis import compute_kpis
from domain.model import DailyMetrics, Profile
from domain.plan import WeeklyTargets, goal_dates, weight_rates
from domain.trend import weight_trend

MONDAY = date(2026, 3, 2)
D = date(2026, 6, 1)


def _rates(trend: list[float | None]) -> list[float | None]:
    return weight_rates(trend, list(range(len(trend))))


# --- weight_rate_kg_per_week -------------------------------------------------------


def test_a_trend_falling_60_g_a_day_is_a_rate_of_minus_0_42_kg_a_week() -> None:
    trend: list[float | None] = [None, None, *(80 - 0.06 * d for d in range(30))]

    rates = _rates(trend)

    # Slots 2..8 give the trend on 1..7 days: fewer than 8, no rate.
    assert rates[:9] == [None] * 9
    assert rates[9:] == [pytest.approx(-0.42, abs=1e-12)] * 23


def test_eight_days_of_trend_with_one_step_give_seven_twelfths_of_a_kg_a_week() -> None:
    # x = 0..7, mean 3.5, sum((x - 3.5)^2) = 42; only y(7) = 1: slope 3.5 / 42 a day.
    trend: list[float | None] = [*[0.0] * 7, 1.0]

    assert _rates(trend)[7] == pytest.approx(7 * 3.5 / 42)


def test_a_full_window_weighs_its_last_day_by_six_and_a_half_over_227_and_a_half() -> None:
    # x = 0..13, mean 6.5, sum((x - 6.5)^2) = 227.5; only y(13) = 1: 7 * 6.5 / 227.5 = 0.2.
    trend: list[float | None] = [*[0.0] * 13, 1.0]
    earlier: list[float | None] = [*[5.0] * 20, *[0.0] * 13, 1.0]

    assert _rates(trend)[13] == pytest.approx(0.2)
    # Only D-13..D count: the level before the window does not.
    assert _rates(earlier)[-1] == pytest.approx(0.2)


def test_the_rate_through_the_engine_follows_weigh_ins_rising_100_g_a_day() -> None:
    # With w(d) = 80 + 0.1 d every day the trend lags by 0.9 (1 - 0.9^d) kg, so after
    # 200 days it rises 0.1 kg a day: 0.7 kg a week. Before day 7 there is no rate.
    days = [DailyMetrics(D + timedelta(days=n), weight_kg=80 + 0.1 * n) for n in range(201)]

    kpis = compute_kpis(days, Profile())

    assert [kpi.weight_rate_kg_per_week for kpi in kpis[:7]] == [None] * 7
    assert kpis[7].weight_rate_kg_per_week is not None
    assert kpis[-1].weight_rate_kg_per_week == 0.7


def test_days_without_weigh_ins_count_once_the_trend_is_defined() -> None:
    # Weigh-ins on days 0 and 10 only: the trend is defined on days 0..10 (interpolated),
    # so day 7 has eight days of trend and a rate.
    days = [
        DailyMetrics(D, weight_kg=80.0),
        DailyMetrics(D + timedelta(days=7), steps=5000),
        DailyMetrics(D + timedelta(days=10), weight_kg=79.0),
    ]

    kpis = compute_kpis(days, Profile())

    assert kpis[0].weight_rate_kg_per_week is None
    assert kpis[1].weight_rate_kg_per_week is not None
    assert kpis[1].weight_rate_kg_per_week < 0


# --- goal_eta_date -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("trend", "rate", "goal", "expected"),
    [
        # 5 kg to lose at 0.5 kg a week: 5 / (0.5 / 7) = 70 days.
        (80.0, -0.5, 75.0, D + timedelta(days=70)),
        # 5 kg to gain at 0.25 kg a week: 140 days.
        (60.0, 0.25, 65.0, D + timedelta(days=140)),
        # 1 kg at 0.3 kg a week: 23.33 days, the day it is reached is day 24.
        (71.0, -0.3, 70.0, D + timedelta(days=24)),
        # The slowest rate that counts: 10 kg at 0.05 kg a week, 1,400 days.
        (80.0, -0.05, 70.0, D + timedelta(days=1_400)),
        # 18.255 kg at 0.07 kg a week: 1,825.5 days, the goal on day 1,826 (5 years).
        (88.255, -0.07, 70.0, D + timedelta(days=1_826)),
    ],
)
def test_the_goal_date_is_the_first_day_the_trend_reaches_the_goal_at_the_rate(
    trend: float, rate: float, goal: float, expected: date
) -> None:
    assert goal_dates([D], [trend], [rate], goal) == [expected]


@pytest.mark.parametrize(
    ("trend", "rate", "goal"),
    [
        (70.05, -0.5, 70.0),  # reached: within 0.1 kg
        (69.95, 0.5, 70.0),  # reached from below
        (80.0, 0.3, 70.0),  # the rate points away
        (60.0, -0.3, 70.0),  # away, when gaining
        (80.0, -0.04, 70.0),  # too slow: under 0.05 kg a week
        (80.0, 0.0, 70.0),  # no movement
        (88.265, -0.07, 70.0),  # 1,826.5 days: beyond 5 years
        (90.0, -0.06, 60.0),  # 3,500 days
        (None, -0.5, 70.0),  # no trend yet
        (80.0, None, 70.0),  # no rate yet
    ],
)
def test_no_goal_date_when_reached_moving_away_too_slow_or_too_far(
    trend: float | None, rate: float | None, goal: float
) -> None:
    assert goal_dates([D], [trend], [rate], goal) == [None]


def test_the_worked_example_of_the_docs_reaches_the_goal_on_day_70() -> None:
    # docs/kpis.md, "Worked example": 4.2 kg at 0.06 kg a day is 70 days, although
    # (70 - 74.2) / (-0.42 / 7) is 70.00000000000006 in floating point.
    wednesday = date(2026, 3, 11)

    assert goal_dates([wednesday], [74.2], [-0.42], 70.0) == [date(2026, 5, 20)]
    # The week of Monday 2026-03-09 (slot 7), Sunday's estimate 2,430.4, trend 74.4.
    targets = _targets({6: 2430.4}, logged=[6, 7, 9], weights={6: 74.4})
    assert targets.at([7, 9]) == [1880.4, 1880.4]
    floored = _targets({6: 2430.4}, logged=[6, 7], weights={6: 74.4}, rate=-1.5)
    assert floored.at([7]) == [1200.0]


def test_no_goal_date_without_a_goal() -> None:
    assert goal_dates([D, D], [80.0, 80.0], [-0.5, -0.5], None) == [None, None]


def test_the_engine_projects_a_steady_loss_to_its_goal() -> None:
    # Weigh-ins fall 0.1 kg a day for 200 days: the trend lags 0.9 kg above them and
    # falls 0.1 kg a day too, a rate of -0.7 kg a week.
    days = [DailyMetrics(D + timedelta(days=n), weight_kg=100 - 0.1 * n) for n in range(201)]
    profile = Profile(goal_weight_kg=70.05, goal_rate_kg_per_week=-0.5)

    last = compute_kpis(days, profile)[-1]

    # w(200) = 80, trend = 80 + 0.9 (1 - 0.9^200) = 80.9: 10.85 kg to go at 0.1 kg a day
    # is 108.5 days, so the trend reaches the goal on day 109.
    assert last.weight_trend == pytest.approx(80.9)
    assert last.weight_rate_kg_per_week == -0.7
    assert last.goal_eta_date == days[-1].date + timedelta(days=109)


# --- target_kcal_in ----------------------------------------------------------------


def _targets(
    expenditure: dict[int, float | None],
    logged: list[int],
    *,
    weights: dict[int, float] | None = None,
    goal: float | None = 70.0,
    rate: float | None = -0.5,
) -> WeeklyTargets:
    """Targets over 35 slots, slot 0 a Monday; the weigh-ins default to 80 kg on every
    logged day."""
    span = 35
    by_slot: list[float | None] = [expenditure.get(i) for i in range(span)]
    weighed = weights if weights is not None else dict.fromkeys(logged, 80.0)
    weight_series: list[float | None] = [weighed.get(i) for i in range(span)]
    return WeeklyTargets(logged, by_slot, weight_series, weight_trend(weight_series), 0, goal, rate)


def test_the_target_is_last_weeks_latest_expenditure_plus_the_planned_deficit() -> None:
    # Week 2 (Monday slot 7) reads slots 0..6: the latest with an expenditure is slot 5.
    # -0.5 kg a week is -0.5 * 7,700 / 7 = -550 kcal a day: 2,500 - 550 = 1,950.
    targets = _targets({3: 2400.0, 5: 2500.0}, logged=[0, 1, 2, 3, 4, 5, 6, 7, 8])

    assert targets.at([7, 8, 13]) == [1950.0, 1950.0, 1950.0]


def test_no_expenditure_yet_means_no_target() -> None:
    targets = _targets({}, logged=list(range(14)))

    assert targets.at([0, 7, 13]) == [None, None, None]


def test_an_expenditure_older_than_the_seven_days_before_monday_sets_no_target() -> None:
    # Week 3 (Monday 14) reads slots 7..13 only; slot 6's estimate is too old.
    targets = _targets({6: 2500.0}, logged=[0, 1, 2, 3, 4, 5, 6, 15, 16])

    assert targets.at([7, 15, 16]) == [1950.0, None, None]


def test_a_week_whose_monday_lies_in_a_gap_takes_the_last_logged_day_before_it() -> None:
    # Logged 0..10, a gap over 11..15 (Monday 14 among them), logged again from 16.
    logged = [*range(11), *range(16, 21)]
    targets = _targets({i: 2000.0 + 10 * i for i in logged}, logged)

    # Week of Monday 14: slots 7..13, the latest logged is 10 (2,100): 2,100 - 550.
    assert targets.at([16, 20]) == [1550.0, 1550.0]


def test_an_estimate_of_an_unlogged_day_is_not_used() -> None:
    # The estimate exists for every calendar day, but the target reads logged days only.
    targets = _targets({5: 2500.0, 6: 2800.0}, logged=[0, 5, 7])

    assert targets.at([7]) == [1950.0]


def test_the_target_never_goes_below_1200_kcal() -> None:
    # 1,500 - 1.5 * 1,100 = -150: the floor.
    targets = _targets({6: 1500.0}, logged=[6, 7], goal=50.0, rate=-1.5)

    assert targets.at([7]) == [1200.0]


@pytest.mark.parametrize(
    ("goal", "rate", "kcal"),
    [
        (None, None, 2500.0),  # no plan: maintain
        (70.0, None, 2500.0),  # a goal without a rate: maintain
        (None, -0.5, 1950.0),  # a rate without a goal: the rate, open-ended
        (79.6, -0.5, 2500.0),  # within 0.5 kg of the goal: maintain
        (81.0, -0.5, 2500.0),  # past the goal, losing: maintain
        (79.0, 0.25, 2500.0),  # past the goal, gaining: maintain
        (85.0, 0.25, 2775.0),  # 5 kg to gain at 0.25: 2,500 + 275
        (79.4, -1.0, 1400.0),  # 0.6 kg to go: still the plan, 2,500 - 1,100
    ],
)
def test_the_plan_is_the_goal_rate_until_the_goal_is_within_half_a_kg_or_passed(
    goal: float | None, rate: float | None, kcal: float
) -> None:
    targets = _targets({6: 2500.0}, logged=[6, 7], goal=goal, rate=rate)

    assert targets.at([7]) == [pytest.approx(kcal)]


def test_the_trend_that_holds_the_plan_is_the_one_known_on_sunday() -> None:
    # Weigh-ins at 71 kg on slots 0..4 (the trend 71 on Friday slot 4), then 60 kg on
    # Monday slot 7. With Monday's weigh-in the trend of Sunday slot 6 is interpolated
    # down to about 70.3, within 0.5 kg of 70; as known on Sunday it is still 71, so
    # week 2 keeps the plan of -0.5 kg a week.
    weights = {0: 71.0, 1: 71.0, 2: 71.0, 3: 71.0, 4: 71.0, 7: 60.0}
    series: list[float | None] = [weights.get(i) for i in range(35)]
    assert abs(weight_trend(series)[6] - 70.0) < 0.5  # type: ignore[operator]
    targets = _targets({4: 2500.0}, logged=[0, 1, 2, 3, 4, 7], weights=weights)

    assert targets.at([7]) == [1950.0]


# --- through the engine: energy balance and a week's target -------------------------


def _steady(days: int, *, start: date = MONDAY) -> list[DailyMetrics]:
    """A person eating 2,500 kcal a day and weighing in at a slowly falling weight."""
    return [
        DailyMetrics(
            start + timedelta(days=n),
            kcal_in=2500.0 + (150.0 if n % 7 in (5, 6) else 0.0),
            weight_kg=round(90.0 - 0.04 * n + (0.3 if n % 3 == 0 else 0.0), 1),
        )
        for n in range(days)
    ]


def test_the_energy_balance_is_intake_less_the_expenditure_estimate_and_its_week_average() -> None:
    kpis = compute_kpis(_steady(60), Profile())

    with_estimate = [k for k in kpis if k.expenditure_kcal is not None]
    assert len(with_estimate) > 30
    intake = {day.date: day.kcal_in for day in _steady(60)}
    for kpi in kpis:
        if kpi.expenditure_kcal is None:
            assert kpi.energy_balance_kcal is None
        else:
            exact = intake[kpi.date] - kpi.expenditure_kcal  # type: ignore[operator]
            assert kpi.energy_balance_kcal == pytest.approx(exact, abs=0.05)
    last = kpis[-1]
    week = [k for k in kpis if last.date - timedelta(days=6) <= k.date <= last.date]
    exact_week = [intake[k.date] - k.expenditure_kcal for k in week]  # type: ignore[operator]
    assert last.energy_balance_7d_avg == pytest.approx(sum(exact_week) / 7, abs=0.05)


def test_the_week_target_does_not_move_with_later_weigh_ins_of_the_week() -> None:
    profile = Profile(goal_weight_kg=86.0, goal_rate_kg_per_week=-0.5)
    history = _steady(63)  # 9 weeks, Monday to Sunday
    monday_on = _steady(66)  # and Monday to Wednesday of week 10
    # A Thursday and Friday weigh-in far off the trend, and an intake binge.
    thursday = history[-1].date + timedelta(days=4)
    later = [
        *monday_on,
        DailyMetrics(thursday, kcal_in=5000.0, weight_kg=95.0),
        DailyMetrics(thursday + timedelta(days=1), kcal_in=5000.0, weight_kg=70.0),
    ]

    early = {k.date: k for k in compute_kpis(monday_on, profile)}
    full = {k.date: k for k in compute_kpis(later, profile)}

    week = [history[-1].date + timedelta(days=n) for n in range(1, 6)]
    targets = {full[day].target_kcal_in for day in week}
    assert len(targets) == 1
    [target] = targets
    assert target is not None
    # Set from Sunday's estimate: -0.5 kg a week is 550 kcal a day below it.
    sunday = full[history[-1].date]
    assert target == pytest.approx(sunday.expenditure_kcal - 550, abs=0.05)  # type: ignore[operator]
    for day in week[:3]:
        assert early[day].target_kcal_in == target
