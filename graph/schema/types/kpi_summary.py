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
    id_prefix,
)
from graph.schema.types.node import Node

_OVER = " over the logged days of the period that have a value; null when none has."


def _average(description: str, decimals: int) -> Any:
    return strawberry.field(description=description + _OVER, metadata={DECIMALS: decimals})


@strawberry.type(
    description="KPIs summarised over one ISO week (Monday–Sunday) or calendar month, "
    "clipped to the requested range. A period with no logged day has daysLogged 0 and "
    "null averages."
)
class KpiSummary(Node):
    id: strawberry.ID = strawberry.field(
        description="Opaque id, stable for this user, period kind and clipped first and "
        "last day: a clipped period is another object than its whole period."
    )
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

    @classmethod
    def from_domain(
        cls, summary: model.PeriodSummary, user_id: str, period: model.Period
    ) -> KpiSummary:
        """The served summary: the domain averages rounded per unit, with the id."""
        return cls.many_from_domain([summary], user_id, period)[0]

    @classmethod
    def many_from_domain(
        cls, summaries: Iterable[model.PeriodSummary], user_id: str, period: model.Period
    ) -> list[KpiSummary]:
        return _copy_all(summaries, summary_prefix(user_id, period))


def summary_prefix(user_id: str, period: model.Period) -> str:
    """What a KpiSummary id encodes before the period's first and last day."""
    return id_prefix("KpiSummary", user_id) + period.name + "/"


_copy_all = copier(KpiSummary, id_key=("period_start", "period_end"))
