"""Rules for changing a profile: which values are allowed for each field."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from domain.errors import InvalidInputError
from domain.model import PROFILE_FIELDS, Profile, Sex, WeightUnit

#: Inclusive bounds of the numeric profile fields.
PROFILE_RANGES: dict[str, tuple[float, float]] = {
    "height_cm": (50, 300),
    "activity_factor": (1.0, 3.0),
    "steps_goal": (1, 100_000),
    "protein_target_g_per_kg": (0, 5),
    "balance_goal_kcal": (-5_000, 5_000),
    "sleep_target_hours": (0, 24),
    "goal_weight_kg": (20, 400),
    # Negative to lose; faster than 1.5 kg a week down or 1 kg up is no plan to act on.
    "goal_rate_kg_per_week": (-1.5, 1.0),
}

#: Fields that may be cleared: the KPIs that need them are then null.
_NULLABLE = frozenset({"sex", "birth_date", "height_cm", "goal_weight_kg", "goal_rate_kg_per_week"})

#: Fields no KPI reads: changing them changes no stored data (docs/kpis.md, "Profile").
DISPLAY_FIELDS = frozenset({"weight_unit", "time_zone"})

#: A valid time zone name, shown when one is refused.
TIME_ZONE_EXAMPLE = "Europe/Berlin"


def apply_profile_changes(
    current: Profile, changes: Mapping[str, object], *, today: date
) -> Profile:
    """The profile after ``changes`` (only the fields the caller sent), no longer default.

    Raises:
        InvalidInputError: a field is unknown, cleared though it cannot be, or out of range.
    """
    for name, value in changes.items():
        _check(name, value, today)
    return dataclasses.replace(current, **changes, is_default=False)  # type: ignore[arg-type]


def changes_kpis(before: Profile, after: Profile) -> bool:
    """Whether a KPI can differ between the two profiles (a field other than the unit
    and the time zone changed)."""
    return any(
        getattr(before, name) != getattr(after, name)
        for name in PROFILE_FIELDS
        if name not in DISPLAY_FIELDS
    )


def _check(name: str, value: object, today: date) -> None:
    label = name
    if name not in PROFILE_FIELDS:
        raise InvalidInputError(f"{label} is not a profile field", field=label)
    if value is None:
        if name not in _NULLABLE:
            raise InvalidInputError(f"{label} cannot be null; send a value or leave it out", label)
        return
    if name == "sex":
        if not isinstance(value, Sex):
            raise InvalidInputError(f"{label} must be MALE or FEMALE", label)
    elif name == "weight_unit":
        if not isinstance(value, WeightUnit):
            raise InvalidInputError(f"{label} must be KG or LB", label)
    elif name == "time_zone":
        if not is_time_zone(value):
            raise InvalidInputError(
                f"{label}: {_shown(value)} is not an IANA time zone name;"
                f" use one such as {TIME_ZONE_EXAMPLE} or UTC",
                label,
            )
    elif name == "birth_date":
        if not isinstance(value, date) or not date(1900, 1, 1) <= value <= today:
            raise InvalidInputError(f"{label}: {value} is outside 1900-01-01–{today}", label)
    else:
        low, high = PROFILE_RANGES[name]
        if name == "steps_goal" and (isinstance(value, bool) or not isinstance(value, int)):
            raise InvalidInputError(f"{label}: {value} is not a whole number", label)
        if not isinstance(value, int | float) or not math.isfinite(value):
            raise InvalidInputError(f"{label}: {value} is not a finite number", label)
        if not low <= value <= high:
            raise InvalidInputError(f"{label}: {value} is outside {low:g}–{high:g}", label)


def is_time_zone(value: object) -> bool:
    """Whether ``value`` names a time zone of the IANA database (``Europe/Berlin``, ``UTC``)."""
    # "localtime" is the server's own zone, not a name: it means another place on each host.
    if not isinstance(value, str) or not value or len(value) > 64 or value == "localtime":
        return False
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        # ValueError: a path-like name ("../x", "/etc/localtime") that zoneinfo refuses.
        return False
    return True


def _shown(value: object) -> str:
    text = str(value)
    return repr(text[:64]) if isinstance(value, str) else text
