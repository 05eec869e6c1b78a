"""Energy KPIs: age, basal metabolic rate (Mifflin-St Jeor) and the adaptive TDEE estimate."""

from __future__ import annotations

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
    sex, birth_date, height_cm = profile.sex, profile.birth_date, profile.height_cm
    if reference_weight is None or sex is None or birth_date is None or height_cm is None:
        return None
    if day < birth_date:
        return None
    age = age_on(birth_date, day)
    return 10 * reference_weight + 6.25 * height_cm - 5 * age + _SEX_OFFSET[sex]


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
