"""The Profile type: the settings the KPIs depend on."""

from __future__ import annotations

from datetime import date

import strawberry

from domain import model
from graph.types.enums import Sex


@strawberry.type
class Profile:
    sex: Sex | None
    birth_date: date | None
    height_cm: float | None
    activity_factor: float
    steps_goal: int
    protein_target_g_per_kg: float
    balance_goal_kcal: float
    sleep_target_hours: float
    is_default: bool

    @classmethod
    def from_domain(cls, profile: model.Profile) -> Profile:
        return cls(
            sex=profile.sex,
            birth_date=profile.birth_date,
            height_cm=profile.height_cm,
            activity_factor=profile.activity_factor,
            steps_goal=profile.steps_goal,
            protein_target_g_per_kg=profile.protein_target_g_per_kg,
            balance_goal_kcal=profile.balance_goal_kcal,
            sleep_target_hours=profile.sleep_target_hours,
            is_default=profile.is_default,
        )
