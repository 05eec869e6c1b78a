"""Energy KPIs: age, basal metabolic rate (Mifflin-St Jeor) and the adaptive TDEE estimate."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from domain.model import Profile, Sex

#: Energy in one kilogram of body-weight change, in kcal (the documented constant).
KCAL_PER_KG = 7700.0

#: V(D) is the 14 calendar days D-13..D.
TDEE_WINDOW_DAYS = 14

#: A TDEE estimate needs at least this many days of V(D) with kcal_in.
TDEE_MIN_INTAKE_DAYS = 10

_SEX_OFFSET = {Sex.MALE: 5.0, Sex.FEMALE: -161.0}


def age_on(birth_date: date, day: date) -> int:
    """Whole years from ``birth_date`` to ``day``.

    A 29 February birthday counts on 1 March in years without a 29 February.
    """
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def bmr_kcal(reference_weight: float | None, profile: Profile, day: date) -> float | None:
    """bmr_kcal (Mifflin-St Jeor) on ``day``.

    10·RW(D) + 6.25·height_cm − 5·age(D) + 5 (MALE) or − 161 (FEMALE). Null if RW(D)
    or a profile field it needs is null, and on days before the birth date.
    """
    return bmr_values([reference_weight], [day], profile)[0]


def bmr_values(
    reference_weights: Sequence[float | None], days: Sequence[date], profile: Profile
) -> list[float | None]:
    """``bmr_kcal`` of each day of ``days`` with the reference weight beside it, in one
    pass (a recompute asks for thousands)."""
    sex, birth_date, height_cm = profile.sex, profile.birth_date, profile.height_cm
    if sex is None or birth_date is None or height_cm is None:
        return [None] * len(days)
    height, offset = 6.25 * height_cm, _SEX_OFFSET[sex]
    born, birthday = birth_date.year, (birth_date.month, birth_date.day)
    # 10·RW + 6.25·height − 5·age + offset, evaluated left to right as written.
    return [
        None
        if weight is None or day < birth_date
        else 10 * weight
        + height
        - 5 * (day.year - born - ((day.month, day.day) < birthday))
        + offset
        for weight, day in zip(reference_weights, days, strict=True)
    ]


def tdee_estimate(
    intake_mean: float | None,
    intake_days: int,
    trend_now: float | None,
    trend_then: float | None,
) -> float | None:
    """tdee_estimate (adaptive expenditure) on day D.

    Over V(D) = D-13..D, if at least 10 days of V(D) have kcal_in and T(D-14) is not
    null: mean(kcal_in over those days) − (T(D) − T(D-14)) · 7700 / 14. Else null.

    Args:
        intake_mean: the mean kcal_in over the days of V(D) that have one.
        intake_days: how many days of V(D) have kcal_in.
        trend_now: the weight trend T(D).
        trend_then: the weight trend T(D-14).
    """
    if intake_days < TDEE_MIN_INTAKE_DAYS or intake_mean is None:
        return None
    if trend_now is None or trend_then is None:
        return None
    return intake_mean - (trend_now - trend_then) * KCAL_PER_KG / TDEE_WINDOW_DAYS


def tdee_estimates(
    intake_means: Sequence[float | None],
    intake_days: Sequence[int],
    trend: Sequence[float | None],
    ends: Sequence[int],
) -> list[float | None]:
    """``tdee_estimate`` at each slot of ``ends``, with the intake means and counts of
    V(D) beside it; ``trend`` is T by slot (no slot before 0)."""
    least, window, per_kg = TDEE_MIN_INTAKE_DAYS, TDEE_WINDOW_DAYS, KCAL_PER_KG
    return [
        None
        if count < least
        or mean is None
        or (now := trend[end]) is None
        or end < window
        or (then := trend[end - window]) is None
        else mean - (now - then) * per_kg / window
        for mean, count, end in zip(intake_means, intake_days, ends, strict=True)
    ]
