"""The KpiSummary type: KPIs summarised over one ISO week or calendar month."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import strawberry

from domain import model
from graph.execution.served import (
    DECIMALS,
    HOURS,
    KCAL,
    KG,
    PROTEIN_G_PER_KG,
    RATE,
    STEPS_AVG,
    copier,
)

_OVER = " over the logged days of the period that have a value; null when none has."


def _average(description: str, decimals: int) -> Any:
    return strawberry.field(description=description + _OVER, metadata={DECIMALS: decimals})


@strawberry.type(
    description="KPIs summarised over one ISO week (Monday–Sunday) or calendar month, "
    "clipped to the requested range. A period with no logged day has daysLogged 0 and "
    "null averages."
)
class KpiSummary:
    period_start: date = strawberry.field(
        description="First day of the period, clipped to the range's start."
    )
    period_end: date = strawberry.field(
        description="Last day of the period, clipped to the range's end."
    )
    days_logged: int = strawberry.field(description="Logged days in the period.")
    balance_avg: float | None = _average("Average balanceKcal, kcal,", KCAL)
    steps_avg: float | None = _average("Average steps per day,", STEPS_AVG)
    steps_goal_rate: float | None = _average(
        "Share (a rate 0–1) of the days with steps whose steps reached stepsGoal,", RATE
    )
    protein_per_kg_avg: float | None = _average(
        "Average proteinPerKg, g per kg of body weight,", PROTEIN_G_PER_KG
    )
    sleep_avg: float | None = _average("Average sleep, hours,", HOURS)
    weight_avg: float | None = _average("Average weight, kg,", KG)
    weight_trend_end: float | None = strawberry.field(
        description="weightTrend (kg) on the last logged day of the period; null when "
        "no day is logged or the trend is null there.",
        metadata={DECIMALS: KG},
    )
    kcal_in_avg: float | None = _average("Average kcal eaten per day, kcal,", KCAL)
    expenditure_avg: float | None = _average("Average expenditureKcal, kcal/day,", KCAL)
    energy_balance_avg: float | None = _average(
        "Average energyBalanceKcal (intake − expenditureKcal), kcal,", KCAL
    )
    target_kcal_in: float | None = strawberry.field(
        description="targetKcalIn (kcal/day) on the last logged day of the period, the "
        "target of its last week; null when no day is logged or that day has none.",
        metadata={DECIMALS: KCAL},
    )
    weight_rate_end: float | None = strawberry.field(
        description="weightRateKgPerWeek (kg a week) on the last logged day of the "
        "period; null when no day is logged or the rate is null there.",
        metadata={DECIMALS: KG},
    )

    @classmethod
    def from_domain(cls, summary: model.PeriodSummary) -> KpiSummary:
        """The served summary: the domain averages rounded per unit."""
        return _copy_all([summary], "")[0]

    @classmethod
    def many_from_domain(cls, summaries: Iterable[model.PeriodSummary]) -> list[KpiSummary]:
        return _copy_all(summaries, "")


_copy_all = copier(KpiSummary)
