"""The plan's KPIs against a slow oracle that follows docs/kpis.md word by word, on
generated people (random walks of weight and intake with gaps), not the engine's way.

The oracle refits each day's regression with ``statistics.linear_regression``,
recomputes the trend "as known on Sunday" from the weigh-ins up to that Sunday only,
and looks the week's expenditure up among the KPI rows by date.
"""

from __future__ import annotations

import math
import random
import statistics
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.kpis import compute_kpis
from domain.model import DailyMetrics, Kpi, Profile
from domain.trend import weight_trend

START = date(2024, 1, 1)


@st.composite
def _person(draw: st.DrawFn) -> tuple[list[DailyMetrics], Profile]:
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    days = draw(st.integers(20, 160))
    offset = draw(st.integers(0, 6))  # so the history starts on any weekday
    logged_share = draw(st.floats(0.5, 1.0))
    weighed_share = draw(st.floats(0.2, 1.0))
    drift = draw(st.floats(-0.15, 0.15))  # kg a day
    weight, result = 60 + 50 * rng.random(), []
    for n in range(days):
        weight += drift + rng.gauss(0, 0.3)
        if rng.random() > logged_share:
            continue
        weighed = rng.random() < weighed_share
        result.append(
            DailyMetrics(
                START + timedelta(days=offset + n),
                kcal_in=None if rng.random() < 0.1 else round(rng.uniform(1500, 3500)),
                weight_kg=round(weight, 1) if weighed else None,
            )
        )
    if not result:
        result.append(DailyMetrics(START, weight_kg=80.0))
    goal = draw(st.none() | st.floats(40, 140))
    rate = draw(st.none() | st.floats(-1.5, 1.0))
    return result, Profile(goal_weight_kg=goal, goal_rate_kg_per_week=rate)


def _trend_by_date(days: list[DailyMetrics], until: date) -> dict[date, float]:
    """T(d) for every calendar day up to ``until`` from the weigh-ins up to ``until``."""
    first = days[0].date
    span = (until - first).days + 1
    weights: list[float | None] = [None] * span
    for day in days:
        if day.date <= until:
            weights[(day.date - first).days] = day.weight_kg
    return {
        first + timedelta(days=i): t for i, t in enumerate(weight_trend(weights)) if t is not None
    }


def _rate(trend: dict[date, float], day: date) -> float | None:
    xs = [n for n in range(14) if day - timedelta(days=13 - n) in trend]
    if len(xs) < 8:
        return None
    ys = [trend[day - timedelta(days=13 - n)] for n in xs]
    return statistics.linear_regression(xs, ys).slope * 7


def _eta(day: date, trend: float | None, rate: float | None, goal: float | None) -> object:
    if goal is None or trend is None or rate is None:
        return None
    if abs(goal - trend) <= 0.1 or abs(rate) < 0.05 or (goal - trend) * rate < 0:
        return None
    days = (goal - trend) / (rate / 7)
    if abs(days - round(days)) < 1e-6:
        return "knife-edge"  # a whole number of days, give or take floating-point noise
    return day + timedelta(days=math.ceil(days)) if math.ceil(days) <= 1826 else None


def _target(
    days: list[DailyMetrics], kpis: dict[date, Kpi], day: date, profile: Profile
) -> float | None:
    monday = day - timedelta(days=day.weekday())
    before = [
        kpis[monday - timedelta(days=n)]
        for n in range(1, 8)
        if monday - timedelta(days=n) in kpis
        and kpis[monday - timedelta(days=n)].expenditure_kcal is not None
    ]
    if not before:
        return None
    spent = before[0].expenditure_kcal
    assert spent is not None
    goal, rate = profile.goal_weight_kg, profile.goal_rate_kg_per_week
    plan = rate or 0.0
    if goal is not None and plan:
        sunday = monday - timedelta(days=1)
        known = _trend_by_date(days, sunday).get(sunday)
        if known is not None and (
            abs(known - goal) <= 0.5 or (plan < 0 and known < goal) or (plan > 0 and known > goal)
        ):
            plan = 0.0
    return max(spent + plan * 7700 / 7, 1200.0)


def _close(stored: float | None, exact: float | None, decimals: int) -> bool:
    if stored is None or exact is None:
        return stored is exact
    return bool(abs(stored - exact) <= 0.5 * 10.0**-decimals + 1e-9)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(person=_person())
def test_the_plan_kpis_equal_the_definitions_worked_day_by_day(
    person: tuple[list[DailyMetrics], Profile],
) -> None:
    days, profile = person
    kpis = compute_kpis(days, profile)
    by_date = {kpi.date: kpi for kpi in kpis}
    intake = {day.date: day.kcal_in for day in days}
    trend = _trend_by_date(days, days[-1].date)
    balances: dict[date, float] = {}
    for kpi in kpis:
        if intake[kpi.date] is not None and kpi.expenditure_kcal is not None:
            balances[kpi.date] = intake[kpi.date] - kpi.expenditure_kcal  # type: ignore[operator]

    for kpi in kpis:
        rate = _rate(trend, kpi.date)
        assert _close(kpi.weight_rate_kg_per_week, rate, 3), kpi.date
        assert _close(kpi.energy_balance_kcal, balances.get(kpi.date), 1), kpi.date
        week = [balances[d] for n in range(7) if (d := kpi.date - timedelta(days=n)) in balances]
        mean = sum(week) / len(week) if week else None
        assert _close(kpi.energy_balance_7d_avg, mean, 1), kpi.date
        eta = _eta(kpi.date, trend.get(kpi.date), rate, profile.goal_weight_kg)
        if eta != "knife-edge":
            assert kpi.goal_eta_date == eta, kpi.date
        target = _target(days, by_date, kpi.date, profile)
        assert _close(kpi.target_kcal_in, target, 1), kpi.date
