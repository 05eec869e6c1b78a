"""The Kpi type: the KPIs of one logged day."""

from __future__ import annotations

from datetime import date
from typing import cast

import strawberry

from domain import model


@strawberry.type
class Kpi:
    date: date
    bmr_kcal: float | None
    kcal_out_total: float | None
    balance_kcal: float | None
    balance_7d_avg: float | None
    balance_7d_days: int
    protein_per_kg: float | None
    healthy_food_pct: float | None
    steps_goal_met: bool | None
    steps_7d_avg: float | None
    steps_goal_rate_7d: float | None
    sleep_7d_avg: float | None
    weight_7d_avg: float | None
    weight_7d_days: int
    weight_trend: float | None
    weight_trend_change_7d: float | None
    waist_change_7d: float | None
    tdee_estimate: float | None = strawberry.field(deprecation_reason="Use expenditureKcal.")
    expenditure_kcal: float | None
    expenditure_low_kcal: float | None
    expenditure_high_kcal: float | None

    @classmethod
    def from_domain(cls, kpi: model.Kpi) -> Kpi:
        """The domain KPI itself, read by the default resolvers.

        ``model.Kpi`` has every field of this type under the same Python name, so a
        request for 3,650 days builds no objects (tests/graph/test_types.py checks
        the names and types stay in step). The one cast of the API, on purpose:
        docs/index.md explains it.
        """
        return cast(Kpi, kpi)
