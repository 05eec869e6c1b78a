"""Properties of the KPI engine over generated data: purity, order and what windows forget."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.kpis import compute_kpis
from domain.model import KPI_FIELDS, DailyMetrics, Profile

START = date(2025, 11, 3)
PROFILE = Profile()

#: Only the weight trend and what is built on it remember further back than this.
FORGETS_AFTER_DAYS = 45
#: Long generated histories are slow to build; a loaded CI machine must not make them flaky.
_LONG_HISTORIES = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
_REMEMBERING = {
    "weight_trend",
    "weight_trend_change_7d",
    "tdee_estimate",
    "expenditure_kcal",
    "expenditure_low_kcal",
    "expenditure_high_kcal",
    # The plan's KPIs read the trend or the expenditure estimate.
    "weight_rate_kg_per_week",
    "energy_balance_kcal",
    "energy_balance_7d_avg",
    "goal_eta_date",
    "target_kcal_in",
}
_FORGETTING = [name for name in KPI_FIELDS if name not in _REMEMBERING]


def _maybe(strategy: st.SearchStrategy[float]) -> st.SearchStrategy[float | None]:
    return st.none() | strategy


_VALUES = st.fixed_dictionaries(
    {
        "steps": _maybe(st.integers(0, 30_000)),
        "protein_g": _maybe(st.floats(0, 300)),
        "kcal_in": _maybe(st.floats(0, 5000)),
        "kcal_junk_in": _maybe(st.floats(0, 1000)),
        "kcal_out_training": _maybe(st.floats(0, 2000)),
        "sleep_hours": _maybe(st.floats(0, 24)),
        # Weigh-ins are rare so that month-long gaps, and the 30-day cut-off, are common.
        "weight_kg": st.integers(0, 14).flatmap(
            lambda n: st.floats(60, 100) if n == 0 else st.none()
        ),
        "waist_cm": _maybe(st.floats(60, 120)),
    }
)


@st.composite
def _days(draw: st.DrawFn, min_days: int = 0) -> list[DailyMetrics]:
    slots = [draw(_VALUES), *draw(st.lists(st.none() | _VALUES, min_size=min_days, max_size=120))]
    return [
        DailyMetrics(
            date=START + timedelta(days=n),
            updated_at=datetime(2026, 1, 1),
            **values,  # type: ignore[arg-type]
        )
        for n, values in enumerate(slots)
        if values is not None
    ]


def _snapshot(days: list[DailyMetrics]) -> list[tuple[object, ...]]:
    return [dataclasses.astuple(day) for day in days]


@_LONG_HISTORIES
@given(days=_days())
def test_computing_kpis_never_mutates_its_input(days: list[DailyMetrics]) -> None:
    before = _snapshot(days)

    compute_kpis(days, PROFILE)

    assert _snapshot(days) == before


@_LONG_HISTORIES
@given(days=_days(), seed=st.integers(0, 2**32 - 1))
def test_the_order_of_the_input_does_not_matter(days: list[DailyMetrics], seed: int) -> None:
    shuffled = list(days)
    random.Random(seed).shuffle(shuffled)

    assert compute_kpis(shuffled, PROFILE) == compute_kpis(days, PROFILE)


@_LONG_HISTORIES
@given(days=_days(), data=st.data())
def test_the_kpis_since_a_date_are_those_of_all_days_from_that_date_on(
    days: list[DailyMetrics], data: st.DataObject
) -> None:
    span = (days[-1].date - days[0].date).days
    since = days[0].date + timedelta(days=data.draw(st.integers(-3, span + 3)))

    assert compute_kpis(days, PROFILE, since) == [
        kpi for kpi in compute_kpis(days, PROFILE) if kpi.date >= since
    ]


@_LONG_HISTORIES
@given(days=_days(min_days=60), data=st.data())
def test_windowed_kpis_forget_days_more_than_45_days_back(
    days: list[DailyMetrics], data: st.DataObject
) -> None:
    """RW looks back 30 days and a 7-day window of balances 36: 45 days is past both."""
    k = data.draw(st.integers(0, len(days) // 2))
    tail = days[k:]
    cut = tail[0].date + timedelta(days=FORGETS_AFTER_DAYS)

    full = {kpi.date: kpi for kpi in compute_kpis(days, PROFILE)}
    for kpi in compute_kpis(tail, PROFILE):
        if kpi.date >= cut:
            for name in _FORGETTING:
                assert getattr(kpi, name) == getattr(full[kpi.date], name), name


@_LONG_HISTORIES
@given(days=_days(), data=st.data())
def test_the_trend_fades_an_earlier_history_by_ninety_percent_a_day(
    days: list[DailyMetrics], data: st.DataObject
) -> None:
    """From the tail's first weigh-in f to its last weigh-in both trends see the same
    w(d), so their gap shrinks by 0.9 a day; past the last weigh-in both carry."""
    k = data.draw(st.integers(0, len(days) - 1))
    tail = days[k:]
    weighed = [day.date for day in tail if day.weight_kg is not None]
    full = {kpi.date: kpi.weight_trend for kpi in compute_kpis(days, PROFILE)}
    partial = {kpi.date: kpi.weight_trend for kpi in compute_kpis(tail, PROFILE)}
    if not weighed:
        assert all(trend is None for trend in partial.values())
        return
    first, last = weighed[0], weighed[-1]
    trend_full, trend_tail = full[first], partial[first]
    assert trend_full is not None
    assert trend_tail is not None
    gap = trend_full - trend_tail
    for day in tail:
        trend_full, trend_tail = full[day.date], partial[day.date]
        if day.date < first:
            assert trend_tail is None
            continue
        assert trend_full is not None
        assert trend_tail is not None
        fade = 0.9 ** (min(day.date, last) - first).days
        assert abs((trend_full - trend_tail) - fade * gap) <= 1e-9
