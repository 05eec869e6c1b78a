"""Input types of the mutations; a field left out is UNSET, an explicit null is None."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

import strawberry

from domain import model
from domain.profiles import PROFILE_RANGES
from domain.validation import BOUNDS, format_number
from graph.schema.types.enums import Sex, WeightUnit

_KEEP = " Left out: the stored value is kept; null: it is cleared."


def _sent(obj: object, names: tuple[str, ...]) -> dict[str, object]:
    return {name: value for name in names if (value := getattr(obj, name)) is not strawberry.UNSET}


def _within(bounds: tuple[float, float]) -> str:
    return f"{format_number(bounds[0])}–{format_number(bounds[1])}"


def _metric(name: str, what: str) -> Any:
    return strawberry.field(
        default=strawberry.UNSET,
        description=f"{what}, {_within(BOUNDS[name])}.{_KEEP}",
    )


def _setting(name: str, what: str, *, nullable: bool = False) -> Any:
    clear = " Null clears it (the KPIs that need it are then null)." if nullable else ""
    return strawberry.field(
        default=strawberry.UNSET,
        description=f"{what}, {_within(PROFILE_RANGES[name])}. Left out: unchanged.{clear}",
    )


@strawberry.input(
    description="The values of one day to set; the same rules as CSV cells (docs/formats.md)."
)
class DailyMetricInput:
    date: date = strawberry.field(
        description="The calendar day, from 1900-01-01 to tomorrow (UTC)."
    )
    steps: int | None = _metric("steps", "Steps walked")
    protein_g: float | None = _metric("protein_g", "Protein eaten, grams")
    kcal_in: float | None = _metric("kcal_in", "Energy eaten, kcal")
    kcal_junk_in: float | None = _metric(
        "kcal_junk_in", "The junk-food part of kcalIn, kcal, at most kcalIn"
    )
    kcal_out_training: float | None = _metric("kcal_out_training", "Training energy, kcal")
    sleep_hours: float | None = _metric("sleep_hours", "Sleep, hours")
    stress: int | None = _metric("stress", "Self-rated stress")
    weight_kg: float | None = _metric("weight_kg", "Body weight, kg")
    waist_cm: float | None = _metric("waist_cm", "Waist circumference, cm")

    def changes(self) -> dict[str, model.MetricValue]:
        """The metric fields the client sent, by domain name (``None`` clears)."""
        return cast(dict[str, model.MetricValue], _sent(self, model.METRIC_FIELDS))


@strawberry.input(description="The profile fields to change; fields left out keep their value.")
class ProfileInput:
    sex: Sex | None = strawberry.field(
        default=strawberry.UNSET,
        description="Sex for the BMR formula. Left out: unchanged. Null clears it.",
    )
    birth_date: date | None = strawberry.field(
        default=strawberry.UNSET,
        description="Birth date, 1900-01-01 to today. Left out: unchanged. Null clears it.",
    )
    height_cm: float | None = _setting("height_cm", "Height, cm", nullable=True)
    activity_factor: float | None = _setting("activity_factor", "Multiplier of BMR")
    steps_goal: int | None = _setting("steps_goal", "Daily steps goal")
    protein_target_g_per_kg: float | None = _setting(
        "protein_target_g_per_kg", "Protein target, g per kg of body weight"
    )
    balance_goal_kcal: float | None = _setting(
        "balance_goal_kcal", "Target daily energy balance, kcal"
    )
    sleep_target_hours: float | None = _setting("sleep_target_hours", "Target sleep, hours")
    goal_weight_kg: float | None = strawberry.field(
        default=strawberry.UNSET,
        description=f"Goal weight, kg, {_within(PROFILE_RANGES['goal_weight_kg'])} (a client "
        "showing pounds converts). Left out: unchanged. Null clears it: no goal, so no "
        "goalEtaDate, and the intake target keeps the rate open-ended.",
    )
    goal_rate_kg_per_week: float | None = strawberry.field(
        default=strawberry.UNSET,
        description="Planned rate of weight change, kg a week, "
        f"{_within(PROFILE_RANGES['goal_rate_kg_per_week'])}, negative to lose. It sets "
        "targetKcalIn (rate · 7,700 / 7 kcal a day from the expenditure). Left out: "
        "unchanged. Null clears it: the target is then the expenditure (maintain).",
    )
    weight_unit: WeightUnit | None = strawberry.field(
        default=strawberry.UNSET,
        description="How weights are shown, and the unit of an imported weight whose file "
        "states none. Changes no stored data. Left out: unchanged. Null is refused.",
    )
    time_zone: str | None = strawberry.field(
        default=strawberry.UNSET,
        description="An IANA time zone name such as Europe/Berlin or UTC: the day a "
        "UTC-stamped imported record belongs to. Changes no stored data. Left out: "
        "unchanged. Null or an unknown name is refused.",
    )

    def changes(self) -> dict[str, object]:
        """The profile fields the client sent, by domain name, with domain enums."""
        return _sent(self, model.PROFILE_FIELDS)
