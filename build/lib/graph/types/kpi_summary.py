"""The KpiSummary type: KPIs summarised over one ISO week or calendar month."""

from __future__ import annotations

from datetime import date

import strawberry

from domain import model


@strawberry.type
class KpiSummary:
    period_start: date
    period_end: date
    days_logged: int
    balance_avg: float | None
    steps_avg: float | None
    steps_goal_rate: float | None
    protein_per_kg_avg: float | None
    sleep_avg: float | None
    weight_avg: float | None
    weight_trend_end: float | None

    @classmethod
    def from_domain(cls, summary: model.PeriodSummary) -> KpiSummary:
        return cls(
            period_start=summary.period_start,
            period_end=summary.period_end,
            days_logged=summary.days_logged,
            balance_avg=summary.balance_avg,
            steps_avg=summary.steps_avg,
            steps_goal_rate=summary.steps_goal_rate,
            protein_per_kg_avg=summary.protein_per_kg_avg,
            sleep_avg=summary.sleep_avg,
            weight_avg=summary.weight_avg,
            weight_trend_end=summary.weight_trend_end,
        )
