"""Period summaries: KPIs summarised per ISO week or calendar month (docs/kpis.md)."""

from __future__ import annotations

import bisect
import calendar
import math
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta

from domain.errors import InvalidInputError
from domain.model import DailyMetrics, Kpi, Period, PeriodSummary


def summarise(
    days: Sequence[DailyMetrics],
    kpis: Sequence[Kpi],
    start: date,
    end: date,
    period: Period,
) -> list[PeriodSummary]:
    """One summary per ISO week (Monday–Sunday) or calendar month intersecting [start, end].

    Each period is clipped to [start, end]. ``days_logged`` counts the days of the
    period with a metrics row. Averages are over logged days with a value
    (``balance_avg`` and ``protein_per_kg_avg`` from the KPIs, ``steps_avg``,
    ``sleep_avg`` and ``weight_avg`` from the days); ``steps_goal_rate`` is the share
    (0–1) of logged days with steps whose steps met the goal (``steps_goal_met``);
    ``weight_trend_end`` is the weight trend on the last logged day of the period.
    ``kcal_in_avg`` averages the days' intake, ``expenditure_avg`` and
    ``energy_balance_avg`` the KPIs' expenditure estimate and energy balance;
    ``target_kcal_in`` and ``weight_rate_end`` are the KPIs of the last logged day.
    A period with no logged day has ``days_logged`` 0 and null averages. Days and
    KPIs outside [start, end] are ignored; a logged day without a KPI row counts as
    logged with no KPI values.

    Raises:
        InvalidInputError: ``start`` is after ``end``.
    """
    if start > end:
        raise InvalidInputError(
            f"start {start.isoformat()} is after end {end.isoformat()}", field="start"
        )
    logged = sorted((day for day in days if start <= day.date <= end), key=_by_date)
    dates = [day.date for day in logged]
    kpi_by_date = {kpi.date: kpi for kpi in kpis if start <= kpi.date <= end}
    result = []
    for period_start, period_end in _periods(start, end, period):
        low = bisect.bisect_left(dates, period_start)
        high = bisect.bisect_right(dates, period_end)
        result.append(_summary(period_start, period_end, logged[low:high], kpi_by_date))
    return result


def _periods(start: date, end: date, period: Period) -> Iterator[tuple[date, date]]:
    """The clipped bounds of each period that intersects [start, end], in order."""
    current = start
    while True:
        if period is Period.WEEK:
            days_left = 6 - current.weekday()
        else:
            days_left = calendar.monthrange(current.year, current.month)[1] - current.day
        if (end - current).days <= days_left:
            yield current, end
            return
        last = current + timedelta(days=days_left)
        yield current, last
        current = last + timedelta(days=1)


def _summary(
    period_start: date,
    period_end: date,
    logged: Sequence[DailyMetrics],
    kpi_by_date: dict[date, Kpi],
) -> PeriodSummary:
    kpis = [kpi_by_date[day.date] for day in logged if day.date in kpi_by_date]
    goal_met = [kpi.steps_goal_met for kpi in kpis if kpi.steps_goal_met is not None]
    last_kpi = kpi_by_date.get(logged[-1].date) if logged else None
    return PeriodSummary(
        period_start=period_start,
        period_end=period_end,
        days_logged=len(logged),
        balance_avg=_mean(kpi.balance_kcal for kpi in kpis),
        steps_avg=_mean(day.steps for day in logged),
        steps_goal_rate=sum(goal_met) / len(goal_met) if goal_met else None,
        protein_per_kg_avg=_mean(kpi.protein_per_kg for kpi in kpis),
        sleep_avg=_mean(day.sleep_hours for day in logged),
        weight_avg=_mean(day.weight_kg for day in logged),
        weight_trend_end=None if last_kpi is None else last_kpi.weight_trend,
        kcal_in_avg=_mean(day.kcal_in for day in logged),
        expenditure_avg=_mean(kpi.expenditure_kcal for kpi in kpis),
        energy_balance_avg=_mean(kpi.energy_balance_kcal for kpi in kpis),
        target_kcal_in=None if last_kpi is None else last_kpi.target_kcal_in,
        weight_rate_end=None if last_kpi is None else last_kpi.weight_rate_kg_per_week,
    )


def _mean(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return math.fsum(present) / len(present) if present else None


def _by_date(day: DailyMetrics) -> date:
    return day.date
