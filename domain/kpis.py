"""The KPI engine: a day's KPIs computed from scratch from all stored days (docs/kpis.md)."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from datetime import date, timedelta

from domain.energy import TDEE_WINDOW_DAYS, bmr_kcal, tdee_estimate
from domain.expenditure import estimate_expenditure
from domain.model import KPI_FIELDS, DailyMetrics, Kpi, Profile
from domain.plan import WeeklyTargets, goal_dates, weight_rates
from domain.precision import KCAL_DECIMALS, KG_DECIMALS, rounded_values
from domain.rolling import WEEK_DAYS, window_means
from domain.trend import reference_weights, weight_trend


def compute_kpis(
    days: Sequence[DailyMetrics], profile: Profile, since: date | None = None
) -> list[Kpi]:
    """One ``Kpi`` per given day (from ``since`` on, if given), sorted by date, computed
    from scratch: the result equals the KPIs of all days without the ones before ``since``.

    Window rules, as docs/kpis.md states them: for day D, W(D) is the 7
    calendar days D-6..D (calendar days, not the last 7 rows). A missing day and a
    blank cell both mean "no value". Averages are over the days in the window that
    have a value, and are null when none has; ``balance_7d_days`` and
    ``weight_7d_days`` count the days of W(D) that have a value, and
    ``steps_goal_rate_7d`` is the share (0–1) of days in W(D) with steps whose steps
    ≥ steps_goal. waist_change_7d and weight_trend_change_7d compare D with the
    calendar day D-7. The reference weight, the weight trend, the TDEE estimate and
    the expenditure estimate follow the rules stated in ``domain.trend``,
    ``domain.energy`` and ``domain.expenditure``; the plan's KPIs (weight rate, energy
    balance, goal date, intake target) those of ``domain.plan``. Everything is computed
    at full precision; the plan's KPIs are returned rounded half-even to their served
    precision (kcal 1 decimal, kg and kg a week 3), as they are stored.
    Each window aggregates its own values, so a windowed KPI never depends on how
    far back the computation started (the weight trend and the expenditure
    estimate, by definition, do).

    Args:
        days: the person's stored days, at most one per date, in any order.
        profile: the person's profile.
        since: return the KPIs of the days on or after this date only; the days before
            it are still read.

    Raises:
        ValueError: two days have the same date.
    """
    ordered = sorted(days, key=lambda day: day.date)
    if not ordered:
        return []
    for earlier, later in itertools.pairwise(ordered):
        if earlier.date == later.date:
            raise ValueError(f"two days are dated {later.date.isoformat()}")

    # Series hold one slot per calendar day from the first day; ``at`` maps each
    # logged day to its slot. KPIs are built column by column over the logged days.
    first = ordered[0].date.toordinal()
    span = ordered[-1].date.toordinal() - first + 1
    at = [day.date.toordinal() - first for day in ordered]
    weights = _series(ordered, at, span, "weight_kg")
    waist = _series(ordered, at, span, "waist_cm")
    reference_by_slot = reference_weights(weights)
    trend = weight_trend(weights)
    goal = profile.steps_goal
    # Only the returned rows get KPIs; their 7-day windows also read the balance and
    # the steps goal of up to 6 earlier rows.
    start = _first_on_or_after(ordered, since)
    week_before = None if since is None else since - timedelta(days=WEEK_DAYS - 1)
    near = _first_on_or_after(ordered, week_before)
    recent, recent_at, skip = ordered[near:], at[near:], start - near
    rows, ends = ordered[start:], at[start:]
    reference = [reference_by_slot[index] for index in ends]

    columns: dict[str, Sequence[object]] = {}
    bmr = [
        bmr_kcal(reference_by_slot[index], profile, day.date)
        for day, index in zip(recent, recent_at, strict=True)
    ]
    out_total = [
        None if b is None else b * profile.activity_factor + (day.kcal_out_training or 0.0)
        for b, day in zip(bmr, recent, strict=True)
    ]
    balance: list[float | None] = [None] * span
    for day, index, total in zip(recent, recent_at, out_total, strict=True):
        if total is not None and day.kcal_in is not None:
            balance[index] = day.kcal_in - total
    goal_met = [None if day.steps is None else day.steps >= goal for day in recent]
    goal_series: list[float | None] = [None] * span
    for index, met in zip(recent_at, goal_met, strict=True):
        if met is not None:
            goal_series[index] = 1.0 if met else 0.0

    columns["bmr_kcal"] = bmr[skip:]
    columns["kcal_out_total"] = out_total[skip:]
    columns["balance_kcal"] = [balance[index] for index in ends]
    _put(columns, ("balance_7d_avg", "balance_7d_days"), window_means(balance, ends))
    columns["protein_per_kg"] = [
        None if rw is None or day.protein_g is None else day.protein_g / rw
        for rw, day in zip(reference, rows, strict=True)
    ]
    columns["healthy_food_pct"] = [_healthy_food_pct(day) for day in rows]
    columns["steps_goal_met"] = goal_met[skip:]
    columns["steps_7d_avg"] = window_means(_series(ordered, at, span, "steps"), ends)[0]
    columns["steps_goal_rate_7d"] = window_means(goal_series, ends)[0]
    columns["sleep_7d_avg"] = window_means(_series(ordered, at, span, "sleep_hours"), ends)[0]
    _put(columns, ("weight_7d_avg", "weight_7d_days"), window_means(weights, ends))
    columns["weight_trend"] = [trend[index] for index in ends]
    columns["weight_trend_change_7d"] = [
        _difference(trend[index], trend, index - WEEK_DAYS) for index in ends
    ]
    columns["waist_change_7d"] = [
        _difference(day.waist_cm, waist, index - WEEK_DAYS)
        for day, index in zip(rows, ends, strict=True)
    ]
    intake = _series(ordered, at, span, "kcal_in")
    intake_avg, intake_days = window_means(intake, ends, TDEE_WINDOW_DAYS)
    columns["tdee_estimate"] = [
        tdee_estimate(mean, count, trend[index], _at(trend, index - TDEE_WINDOW_DAYS))
        for mean, count, index in zip(intake_avg, intake_days, ends, strict=True)
    ]
    expenditure, _ = estimate_expenditure(intake, weights)
    columns["expenditure_kcal"] = [expenditure.kcal[index] for index in ends]
    columns["expenditure_low_kcal"] = [expenditure.low_kcal[index] for index in ends]
    columns["expenditure_high_kcal"] = [expenditure.high_kcal[index] for index in ends]
    dates = [day.date for day in rows]
    _plan_columns(
        columns, ordered, at, ends, dates, profile, intake, weights, trend, expenditure.kcal
    )
    return list(map(Kpi, dates, *(columns[name] for name in KPI_FIELDS)))


def _plan_columns(
    columns: dict[str, Sequence[object]],
    ordered: Sequence[DailyMetrics],
    at: Sequence[int],
    ends: Sequence[int],
    dates: Sequence[date],
    profile: Profile,
    intake: Sequence[float | None],
    weights: Sequence[float | None],
    trend: Sequence[float | None],
    expenditure: Sequence[float | None],
) -> None:
    """The plan's KPIs (docs/kpis.md, "The plan"), rounded as stored."""
    rates = weight_rates(trend, ends)
    balance: list[float | None] = [None] * len(intake)
    for index in at:
        kcal_in, spent = intake[index], expenditure[index]
        if kcal_in is not None and spent is not None:
            balance[index] = kcal_in - spent
    targets = WeeklyTargets(
        at,
        expenditure,
        weights,
        trend,
        ordered[0].date.weekday(),
        profile.goal_weight_kg,
        profile.goal_rate_kg_per_week,
    )
    trends = [trend[index] for index in ends]
    columns["weight_rate_kg_per_week"] = rounded_values(rates, KG_DECIMALS)
    columns["energy_balance_kcal"] = rounded_values((balance[i] for i in ends), KCAL_DECIMALS)
    columns["energy_balance_7d_avg"] = rounded_values(window_means(balance, ends)[0], KCAL_DECIMALS)
    columns["goal_eta_date"] = goal_dates(dates, trends, rates, profile.goal_weight_kg)
    columns["target_kcal_in"] = targets.at(ends)


def _first_on_or_after(ordered: Sequence[DailyMetrics], since: date | None) -> int:
    if since is None:
        return 0
    return bisect.bisect_left(ordered, since, key=lambda day: day.date)


def _series(
    ordered: Sequence[DailyMetrics], at: Sequence[int], span: int, name: str
) -> list[float | None]:
    series: list[float | None] = [None] * span
    for day, index in zip(ordered, at, strict=True):
        series[index] = getattr(day, name)
    return series


def _put(
    columns: dict[str, Sequence[object]],
    names: tuple[str, str],
    values: tuple[Sequence[object], Sequence[object]],
) -> None:
    for name, column in zip(names, values, strict=True):
        columns[name] = column


def _at(series: Sequence[float | None], index: int) -> float | None:
    return series[index] if index >= 0 else None


def _healthy_food_pct(day: DailyMetrics) -> float | None:
    if day.kcal_in is None or day.kcal_in <= 0 or day.kcal_junk_in is None:
        return None
    return 100 * (1 - day.kcal_junk_in / day.kcal_in)


def _difference(now: float | None, series: Sequence[float | None], then: int) -> float | None:
    """``now`` minus the series value at index ``then``; ``None`` if either has no value."""
    before = _at(series, then)
    return None if now is None or before is None else now - before


def first_affected_date(days: Sequence[DailyMetrics], changed: date) -> date:
    """The earliest date whose KPIs a change of the metrics on ``changed`` can alter.

    Every KPI of day D depends on D and earlier days only, except the weight trend
    on days without a weight: their w(d) is interpolated towards the next weigh-in,
    so a weight set, changed or removed on ``changed`` reaches back to the day after
    the last weigh-in before it. ``days`` are the stored days after the change (the
    days before ``changed`` are the same before and after it).
    """
    anchor = max(
        (day.date for day in days if day.date < changed and day.weight_kg is not None),
        default=None,
    )
    return changed if anchor is None else anchor + timedelta(days=1)
