"""Simulated people with a known true expenditure, as docs/expenditure.md describes them.

Each person has a true daily expenditure between 1,800 and 3,500 kcal that drifts
by up to ±300 kcal over a year (a linear trend plus a slow wave, each up to 150
kcal), around which active and quiet days vary by 120 kcal (one SD). Intake swings
around it: a personal surplus or deficit, weekend peaks and day-to-day noise,
within ±500 kcal.
Body mass changes by (intake − expenditure) / 7,700 kg a day; the intake of day d
shows on the scale the next morning. 8 % of days have no logged intake and 30 %
no weigh-in (a day with neither is not logged at all). A weigh-in is mass plus
water weight, an AR(1) process with day-to-day correlation 0.7 and the person's
standard deviation, plus 0.1 kg scale noise, rounded to 0.1 kg.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta

from domain.model import DailyMetrics

KCAL_PER_KG = 7700.0
WATER_CORRELATION = 0.7
SCALE_NOISE_KG = 0.1
UNLOGGED_SHARE = 0.08
UNWEIGHED_SHARE = 0.30
ACTIVITY_SD_KCAL = 120.0
START = date(2024, 1, 1)


@dataclass(frozen=True, slots=True)
class Person:
    """A simulated history: what was logged, and the truth behind it, one slot per day."""

    days: tuple[DailyMetrics, ...]
    intake: tuple[float | None, ...]
    weights: tuple[float | None, ...]
    expenditure: tuple[float, ...]

    def true_mean_expenditure(self, index: int, window: int = 14) -> float:
        """The true mean expenditure over the ``window`` days ending on slot ``index``."""
        values = self.expenditure[max(0, index - window + 1) : index + 1]
        return math.fsum(values) / len(values)


def simulate(
    seed: int,
    water_sd_kg: float,
    days: int = 365,
    *,
    unlogged: float = UNLOGGED_SHARE,
    unweighed: float = UNWEIGHED_SHARE,
) -> Person:
    """One simulated person, entirely determined by ``seed`` and the arguments."""
    rng = random.Random(f"{seed}/{water_sd_kg}/{days}/{unlogged}/{unweighed}")
    base = rng.uniform(1_950, 3_350)
    drift_per_day = rng.uniform(-150, 150) / 365
    wave, period, phase = rng.uniform(-75, 75), rng.uniform(60, 365), rng.uniform(0, 2 * math.pi)
    surplus = rng.uniform(-250, 150)
    weekend_peak = rng.uniform(150, 400)
    mass = rng.uniform(55, 120)
    innovation_sd = water_sd_kg * math.sqrt(1 - WATER_CORRELATION**2)
    water = rng.gauss(0, water_sd_kg)
    first_weekday = START.weekday()
    intake: list[float | None] = []
    weights: list[float | None] = []
    expenditure: list[float] = []
    logged: list[DailyMetrics] = []
    eaten = 0.0
    for n in range(days):
        drift = drift_per_day * n + wave * (
            math.sin(2 * math.pi * n / period + phase) - math.sin(phase)
        )
        truth = base + drift + rng.gauss(0, ACTIVITY_SD_KCAL)
        if n:
            mass += (eaten - expenditure[-1]) / KCAL_PER_KG
            water = WATER_CORRELATION * water + rng.gauss(0, innovation_sd)
        weekend = (first_weekday + n) % 7 >= 5
        swing = surplus + (weekend_peak if weekend else -weekend_peak * 2 / 5)
        eaten = truth + max(-500.0, min(500.0, swing + rng.gauss(0, 200)))
        kcal = float(round(eaten)) if rng.random() >= unlogged else None
        scale = mass + water + rng.gauss(0, SCALE_NOISE_KG)
        weight = round(scale, 1) if rng.random() >= unweighed else None
        intake.append(kcal)
        weights.append(weight)
        expenditure.append(truth)
        if kcal is not None or weight is not None:
            logged.append(
                DailyMetrics(date=START + timedelta(days=n), kcal_in=kcal, weight_kg=weight)
            )
    return Person(tuple(logged), tuple(intake), tuple(weights), tuple(expenditure))
