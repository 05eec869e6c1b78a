"""The KPI engine: a day's KPIs computed from scratch from all stored days (docs/kpis.md)."""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from domain.checkpoints import CHECKPOINT_EVERY_DAYS, SETTLE_DAYS, Checkpoint
from domain.energy import TDEE_WINDOW_DAYS, bmr_values, tdee_estimates
from domain.expenditure import Estimates, estimate_expenditure
from domain.model import KPI_FIELDS, METRIC_FIELDS, DailyMetrics, Kpi, Profile
from domain.plan import WeeklyTargets, goal_dates, weight_rates
from domain.precision import KCAL_DECIMALS, KG_DECIMALS, rounded_values
from domain.rolling import WEEK_DAYS, window_means
from domain.trend import reference_weights, weight_trend


def compute_kpis(
    days: Sequence[DailyMetrics],
    profile: Profile,
    since: date | None = None,
    *,
    resume: Checkpoint | None = None,
    checkpoints: list[Checkpoint] | None = None,
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
        days: the person's stored days, at most one per date, in any order; with
            ``resume``, every stored day from min(its anchor, its date − 14 days) on.
        profile: the person's profile.
        since: return the KPIs of the days on or after this date only; the days before
            it are still read.
        resume: start from this checkpoint (domain.checkpoints) instead of the first
            day: ``since`` must then be at least 21 days after it.
        checkpoints: if given, the checkpoints of the computation are appended to it:
            one for each checkpoint date after the first day (or after ``resume``) up
            to the last.

    Raises:
        ValueError: two days have the same date, or ``since`` is too early for ``resume``.
    """
    if resume is not None and (since is None or since < resume.day + _SETTLED):
        raise ValueError(f"KPIs resumed from {resume.day} are exact from {SETTLE_DAYS} days on")
    ordered = sorted(days, key=_date_of)
    if not ordered:
        return []
    every_date = list(map(_date_of, ordered))
    ordinals = list(map(date.toordinal, every_date))
    if len(set(ordinals)) < len(ordinals):
        for earlier, later in itertools.pairwise(every_date):
            if earlier == later:
                raise ValueError(f"two days are dated {later.isoformat()}")

    # Series hold one slot per calendar day from the first day; ``at`` maps each
    # logged day to its slot. KPIs are built column by column over the logged days,
    # from the days' metrics read column by column (one C call per day).
    # Resumed, the series start no later than the checkpoint, which may fall in a gap.
    first = ordinals[0] if resume is None else min(ordinals[0], resume.day.toordinal())
    span = ordinals[-1] - first + 1
    at = [ordinal - first for ordinal in ordinals]
    metric = dict(zip(METRIC_FIELDS, zip(*map(_metrics_of, ordered), strict=True), strict=True))
    weights = _series(metric["weight_kg"], at, span)
    waist = _series(metric["waist_cm"], at, span)
    reference_by_slot = reference_weights(weights)
    anchor = None if resume is None else resume.anchor
    trend = weight_trend(
        weights, None if anchor is None else (anchor[0].toordinal() - first, anchor[2])
    )
    goal = profile.steps_goal
    # Only the returned rows get KPIs; their 7-day windows also read the balance and
    # the steps goal of up to 6 earlier rows.
    start = _first_on_or_after(every_date, since)
    week_before = None if since is None else since - timedelta(days=WEEK_DAYS - 1)
    near = _first_on_or_after(every_date, week_before)
    recent_at, skip = at[near:], start - near
    dates, ends = every_date[start:], at[start:]
    reference = [reference_by_slot[index] for index in ends]

    columns: dict[str, Sequence[object]] = {}
    bmr = bmr_values([reference_by_slot[index] for index in recent_at], every_date[near:], profile)
    factor = profile.activity_factor
    out_total = [
        None if b is None else b * factor + (training or 0.0)
        for b, training in zip(bmr, metric["kcal_out_training"][near:], strict=True)
    ]
    balance: list[float | None] = [None] * span
    for index, total, kcal_in in zip(recent_at, out_total, metric["kcal_in"][near:], strict=True):
        if total is not None and kcal_in is not None:
            balance[index] = kcal_in - total
    goal_met = [None if steps is None else steps >= goal for steps in metric["steps"][near:]]
    goal_series: list[float | None] = [None] * span
    for index, met in zip(recent_at, goal_met, strict=True):
        if met is not None:
            goal_series[index] = 1.0 if met else 0.0

    columns["bmr_kcal"] = bmr[skip:]
    columns["kcal_out_total"] = out_total[skip:]
    columns["balance_kcal"] = [balance[index] for index in ends]
    _put(columns, ("balance_7d_avg", "balance_7d_days"), window_means(balance, ends))
    columns["protein_per_kg"] = [
        None if rw is None or protein is None else protein / rw
        for rw, protein in zip(reference, metric["protein_g"][start:], strict=True)
    ]
    columns["healthy_food_pct"] = [
        None if kcal is None or kcal <= 0 or junk is None else 100 * (1 - junk / kcal)
        for kcal, junk in zip(
            metric["kcal_in"][start:], metric["kcal_junk_in"][start:], strict=True
        )
    ]
    columns["steps_goal_met"] = goal_met[skip:]
    steps = _series(metric["steps"], at, span)
    columns["steps_7d_avg"] = window_means(steps, ends)[0]
    columns["steps_goal_rate_7d"] = window_means(goal_series, ends)[0]
    sleep = _series(metric["sleep_hours"], at, span)
    columns["sleep_7d_avg"] = window_means(sleep, ends)[0]
    _put(columns, ("weight_7d_avg", "weight_7d_days"), window_means(weights, ends))
    columns["weight_trend"] = [trend[index] for index in ends]
    columns["weight_trend_change_7d"] = _changes(trend, ends)
    columns["waist_change_7d"] = _changes(waist, ends)
    intake = _series(metric["kcal_in"], at, span)
    intake_avg, intake_days = window_means(intake, ends, TDEE_WINDOW_DAYS)
    columns["tdee_estimate"] = tdee_estimates(intake_avg, intake_days, trend, ends)
    expenditure = _expenditure(intake, weights, trend, first, resume, checkpoints)
    columns["expenditure_kcal"] = [expenditure.kcal[index] for index in ends]
    columns["expenditure_low_kcal"] = [expenditure.low_kcal[index] for index in ends]
    columns["expenditure_high_kcal"] = [expenditure.high_kcal[index] for index in ends]
    _plan_columns(
        columns,
        date.fromordinal(first),
        at,
        ends,
        dates,
        profile,
        intake,
        weights,
        trend,
        expenditure.kcal,
    )
    new, rows = tuple.__new__, zip(dates, *(columns[name] for name in KPI_FIELDS), strict=False)
    return [new(Kpi, row) for row in rows]  # Kpi(*row), without its Python __new__


_SETTLED = timedelta(days=SETTLE_DAYS)


def _expenditure(
    intake: Sequence[float | None],
    weights: Sequence[float | None],
    trend: Sequence[float | None],
    first: int,
    resume: Checkpoint | None,
    checkpoints: list[Checkpoint] | None,
) -> Estimates:
    """The expenditure estimate of every slot (null before ``resume``), run in pieces that
    end before each checkpoint date when ``checkpoints`` are collected."""
    begin = 0 if resume is None else resume.day.toordinal() - first
    state = None if resume is None else resume.expenditure
    span = len(intake)
    if checkpoints is None:
        ends = [span]
    else:
        step = CHECKPOINT_EVERY_DAYS
        after = first + begin + 1  # the first ordinal a checkpoint may fall on
        ends = [*range(after + -after % step - first, span, step), span]
    weighed = [] if checkpoints is None else [i for i, w in enumerate(weights) if w is not None]
    kcal: list[float | None] = [None] * begin
    low: list[float | None] = [None] * begin
    high: list[float | None] = [None] * begin
    position = begin
    for end in ends:
        estimates, state = estimate_expenditure(intake[position:end], weights[position:end], state)
        kcal += estimates.kcal
        low += estimates.low_kcal
        high += estimates.high_kcal
        if checkpoints is not None and end < span:
            anchor = None
            if (last := bisect.bisect_left(weighed, end) - 1) >= 0:
                slot = weighed[last]
                weight, value = weights[slot], trend[slot]
                assert weight is not None
                assert value is not None
                anchor = (date.fromordinal(first + slot), weight, value)
            checkpoints.append(Checkpoint(date.fromordinal(first + end), state, anchor))
        position = end
    return Estimates(kcal, low, high)


#: A day's date, and its metric values in ``METRIC_FIELDS`` order, each in one C call.
_date_of = operator.attrgetter("date")
_metrics_of = operator.attrgetter(*METRIC_FIELDS)


def _plan_columns(
    columns: dict[str, Sequence[object]],
    first_date: date,
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
    # The balance is read on the returned days and in their 7-day windows only.
    read_from = bisect.bisect_left(at, ends[0] - (WEEK_DAYS - 1)) if ends else len(at)
    for index in at[read_from:]:
        kcal_in, spent = intake[index], expenditure[index]
        if kcal_in is not None and spent is not None:
            balance[index] = kcal_in - spent
    targets = WeeklyTargets(
        at,
        expenditure,
        weights,
        trend,
        first_date.weekday(),
        profile.goal_weight_kg,
        profile.goal_rate_kg_per_week,
    )
    trends = [trend[index] for index in ends]
    columns["weight_rate_kg_per_week"] = rounded_values(rates, KG_DECIMALS)
    columns["energy_balance_kcal"] = rounded_values([balance[i] for i in ends], KCAL_DECIMALS)
    columns["energy_balance_7d_avg"] = rounded_values(window_means(balance, ends)[0], KCAL_DECIMALS)
    columns["goal_eta_date"] = goal_dates(dates, trends, rates, profile.goal_weight_kg)
    columns["target_kcal_in"] = targets.at(ends)


def _first_on_or_after(dates: Sequence[date], since: date | None) -> int:
    return 0 if since is None else bisect.bisect_left(dates, since)


def _series(values: Sequence[object], at: Sequence[int], span: int) -> list[Any]:
    """``values`` of the logged days placed at their slots ``at`` of ``span`` days."""
    if len(values) == span:  # no day missing: the slots are 0..span-1
        return list(values)
    series: list[object] = [None] * span
    for index, value in zip(at, values, strict=True):
        series[index] = value
    return series


def _put(
    columns: dict[str, Sequence[object]],
    names: tuple[str, str],
    values: tuple[Sequence[object], Sequence[object]],
) -> None:
    for name, column in zip(names, values, strict=True):
        columns[name] = column


def _changes(series: Sequence[float | None], ends: Sequence[int]) -> list[float | None]:
    """The value at each slot of ``ends`` minus the value 7 slots before; ``None`` if
    either has no value (or the slot before is before the first day)."""
    return [
        None
        if (now := series[end]) is None
        or end < WEEK_DAYS
        or (then := series[end - WEEK_DAYS]) is None
        else now - then
        for end in ends
    ]


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
