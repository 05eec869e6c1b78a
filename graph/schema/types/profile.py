"""The Profile type: the settings the KPIs depend on (docs/kpis.md)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

import strawberry

from domain import model
from graph.execution.served import opaque_id
from graph.schema.types.enums import Sex
from graph.schema.types.node import Node


@strawberry.type(
    description="The person's settings that the KPIs depend on. A new user has the "
    "default profile (isDefault true) until the first updateProfile."
)
class Profile(Node):
    id: strawberry.ID = strawberry.field(
        description="Opaque id, stable for this user (for client caches)."
    )
    sex: Sex | None = strawberry.field(
        description="Sex for the BMR formula; null leaves BMR and what depends on it null."
    )
    birth_date: date | None = strawberry.field(
        description="Birth date, for the age in the BMR formula; null leaves BMR null."
    )
    height_cm: float | None = strawberry.field(
        description="Height, cm, for the BMR formula; null leaves BMR null."
    )
    activity_factor: float = strawberry.field(
        description="Multiplier of BMR in kcalOutTotal (default 1.2)."
    )
    steps_goal: int = strawberry.field(description="Daily steps goal (default 10,000).")
    protein_target_g_per_kg: float = strawberry.field(
        description="Protein target, g per kg of body weight per day (default 1.9)."
    )
    balance_goal_kcal: float = strawberry.field(
        description="Target daily energy balance, kcal; negative to lose weight (default −300)."
    )
    sleep_target_hours: float = strawberry.field(
        description="Target sleep per night, hours (default 7)."
    )
    is_default: bool = strawberry.field(
        description="True until the profile is changed for the first time."
    )

    @classmethod
    def from_domain(cls, profile: model.Profile, user_id: str) -> Profile:
        return cls(id=opaque_id("Profile", user_id), **asdict(profile))
