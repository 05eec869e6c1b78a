"""The Kpi type: the KPIs of one logged day (docs/kpis.md)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import strawberry

from domain import model
from graph.execution.served import (
    CM,
    DECIMALS,
    HOURS,
    KCAL,
    KG,
    PERCENT,
    PROTEIN_G_PER_KG,
    RATE,
    STEPS_AVG,
    copier,
    id_prefix,
)
from graph.schema.types.node import Node

_WINDOW = "over the 7 calendar days D-6..D, among the days that have a value"


def _number(description: str, decimals: int) -> Any:
    return strawberry.field(description=description, metadata={DECIMALS: decimals})


@strawberry.type(
    description="The KPIs of one logged day D, computed from the stored days and the "
    "profile (docs/kpis.md). A KPI row exists only for a date with logged metrics. "
    "A null value means the KPI is undefined on D: the inputs it needs are missing."
)
class Kpi(Node):
    id: strawberry.ID = strawberry.field(
        description="Opaque id, stable for this user and date (for client caches)."
    )
    date: date = strawberry.field(description="The day D these KPIs are for.")
    bmr_kcal: float | None = _number(
        "Basal metabolic rate (Mifflin-St Jeor), kcal/day: 10·weight + 6.25·height − "
        "5·age + 5 (male) or − 161 (female), with the reference weight (latest weigh-in "
        "at most 30 days before D). Null without a reference weight or a profile field "
        "it needs.",
        KCAL,
    )
    kcal_out_total: float | None = _number(
        "Total expenditure, kcal: bmrKcal · activityFactor + the day's training kcal "
        "(blank counts as 0). Null when bmrKcal is null.",
        KCAL,
    )
    balance_kcal: float | None = _number(
        "Energy balance, kcal: kcal eaten − kcalOutTotal. Null when either is missing.",
        KCAL,
    )
    balance_7d_avg: float | None = _number(
        f"Average balanceKcal in kcal {_WINDOW}. Null when no day of the window has one.",
        KCAL,
    )
    balance_7d_days: int = strawberry.field(
        description="How many of the 7 days D-6..D have a balanceKcal (0–7)."
    )
    protein_per_kg: float | None = _number(
        "Protein eaten per kg of reference weight, g/kg. Null without protein or a "
        "reference weight.",
        PROTEIN_G_PER_KG,
    )
    healthy_food_pct: float | None = _number(
        "Share of kcal that were not junk, a percentage 0–100: 100 · (1 − junk kcal / "
        "kcal eaten). Null unless kcal eaten > 0 and junk kcal were logged.",
        PERCENT,
    )
    steps_goal_met: bool | None = strawberry.field(
        description="Whether the day's steps reached the profile's stepsGoal. Null without steps."
    )
    steps_7d_avg: float | None = _number(
        f"Average steps per day {_WINDOW}. Null when no day of the window has steps.",
        STEPS_AVG,
    )
    steps_goal_rate_7d: float | None = _number(
        "Share (a rate 0–1, not a percentage) of the days D-6..D with steps whose steps "
        "reached stepsGoal. Null when no day of the window has steps.",
        RATE,
    )
    sleep_7d_avg: float | None = _number(
        f"Average sleep in hours {_WINDOW}. Null when no day of the window has sleep.",
        HOURS,
    )
    weight_7d_avg: float | None = _number(
        f"Average weight in kg {_WINDOW}. Null when no day of the window has a weight.",
        KG,
    )
    weight_7d_days: int = strawberry.field(
        description="How many of the 7 days D-6..D have a weight (0–7)."
    )
    weight_trend: float | None = _number(
        "Smoothed weight trend in kg: an exponentially smoothed moving average with 10 % "
        "smoothing over calendar days, days without a weight interpolated linearly "
        "between weigh-ins. Null before the first weigh-in.",
        KG,
    )
    weight_trend_change_7d: float | None = _number(
        "Change of weightTrend over a week, kg: trend(D) − trend(D-7). Null when "
        "trend(D-7) is null.",
        KG,
    )
    waist_change_7d: float | None = _number(
        "Change of the waist over a week, cm: waist(D) − waist(D-7). Null unless both "
        "days have a waist value.",
        CM,
    )
    tdee_estimate: float | None = strawberry.field(
        description="Simple adaptive expenditure, kcal/day, over D-13..D: mean kcal eaten "
        "− (trend(D) − trend(D-14)) · 7700 / 14. Noisy; expenditureKcal replaces it. Null "
        "with fewer than 10 days of kcal eaten in that window or no trend on D-14.",
        deprecation_reason="Use expenditureKcal.",
        metadata={DECIMALS: KCAL},
    )
    expenditure_kcal: float | None = _number(
        "Estimated daily energy expenditure on D, kcal/day: a state-space model of body "
        "mass and expenditure fed by logged intake and weigh-ins on days up to D "
        "(docs/expenditure.md). Null until 14 days after the first weigh-in with 10 days "
        "of intake and 4 weigh-ins, when the 80 % interval is wider than 1,000 kcal, or "
        "when the estimate is outside 600–8,000 kcal.",
        KCAL,
    )
    expenditure_low_kcal: float | None = _number(
        "Low end of the 80 % interval around expenditureKcal, kcal/day (not cut to "
        "600–8,000). Null when expenditureKcal is.",
        KCAL,
    )
    expenditure_high_kcal: float | None = _number(
        "High end of the 80 % interval around expenditureKcal, kcal/day. Null when "
        "expenditureKcal is.",
        KCAL,
    )

    @classmethod
    def from_domain(cls, kpi: model.Kpi, user_id: str) -> Kpi:
        """The served KPI: the domain values rounded per unit, with the id."""
        return cls.many_from_domain([kpi], user_id)[0]

    @classmethod
    def many_from_domain(cls, kpis: Iterable[model.Kpi], user_id: str) -> list[Kpi]:
        return _copy_all(kpis, id_prefix("Kpi", user_id))


_copy_all = copier(Kpi, id_key="date")
