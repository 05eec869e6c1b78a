"""Input types of the mutations; a field left out is UNSET, an explicit null is None."""

from __future__ import annotations

from datetime import date
from typing import cast

import strawberry

from domain import model
from graph.types.enums import Sex


def _sent(obj: object, names: tuple[str, ...]) -> dict[str, object]:
    return {name: value for name in names if (value := getattr(obj, name)) is not strawberry.UNSET}


@strawberry.input
class DailyMetricInput:
    date: date
    steps: int | None = strawberry.UNSET
    protein_g: float | None = strawberry.UNSET
    kcal_in: float | None = strawberry.UNSET
    kcal_junk_in: float | None = strawberry.UNSET
    kcal_out_training: float | None = strawberry.UNSET
    sleep_hours: float | None = strawberry.UNSET
    stress: int | None = strawberry.UNSET
    weight_kg: float | None = strawberry.UNSET
    waist_cm: float | None = strawberry.UNSET

    def changes(self) -> dict[str, model.MetricValue]:
        """The metric fields the client sent, by domain name (``None`` clears)."""
        return cast(dict[str, model.MetricValue], _sent(self, model.METRIC_FIELDS))


@strawberry.input
class ProfileInput:
    sex: Sex | None = strawberry.UNSET
    birth_date: date | None = strawberry.UNSET
    height_cm: float | None = strawberry.UNSET
    activity_factor: float | None = strawberry.UNSET
    steps_goal: int | None = strawberry.UNSET
    protein_target_g_per_kg: float | None = strawberry.UNSET
    balance_goal_kcal: float | None = strawberry.UNSET
    sleep_target_hours: float | None = strawberry.UNSET

    def changes(self) -> dict[str, object]:
        """The profile fields the client sent, by domain name, with domain enums."""
        return _sent(self, model.PROFILE_FIELDS)
