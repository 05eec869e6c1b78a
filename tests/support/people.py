"""Three kinds of simulated people with a known true expenditure (docs/expenditure.md).

Written from the description of the three kinds, independently of the estimator:

* ``seasonal``: expenditure drifting along a yearly wave (trends that last months);
* ``unlike``: people unlike the model (steps in expenditure, under-reported intake
  that drifts, long-lasting water, glycogen jumps, averaged weigh-ins, breaks);
* ``as_assumed``: people exactly as the model assumes.

Every person is determined by its seed and arguments. ``step`` adds a change of the
true expenditure from a given day on without changing anything the person eats or
any random draw, so a run with and without it isolates the estimate's response.
The truth of a day is ``Person.expenditure``: the daily expenditure (for the people
who under-report: the logged intake at which weight would hold that day); scores
compare with its mean over the 14 days ending on the day.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from domain.model import DailyMetrics
from tests.support.simulate import START, Person

KCAL_PER_KG = 7700.0
SCALE_NOISE_KG = 0.1


@dataclass(frozen=True, slots=True)
class Step:
    """A change of ``kcal`` in the true daily expenditure from slot ``day`` on."""

    day: int
    kcal: float


def seasonal(seed: int, water_sd_kg: float, days: int = 365, step: Step | None = None) -> Person:
    """Kind (a): 1,800–3,500 kcal along a yearly wave of up to ±300 kcal; intake within
    ±500 kcal of it with weekend peaks; 8 % of days unlogged, 30 % unweighed; water an
    AR(1) with correlation 0.7 and SD ``water_sd_kg``, 0.1 kg scale noise, 0.1 kg steps.
    """
    rng = random.Random(f"seasonal/{seed}/{water_sd_kg}/{days}")
    amplitude = rng.uniform(0, 300)
    base = rng.uniform(1_800 + amplitude, 3_500 - amplitude)
    phase = rng.uniform(0, 2 * math.pi)
    activity_sd = 100.0
    surplus = rng.uniform(-300, 150)
    weekend_peak = rng.uniform(100, 400)
    mass = rng.uniform(55, 120)
    water = _Water(rng, water_sd_kg, 0.7)
    intake: list[float | None] = []
    weights: list[float | None] = []
    truth: list[float] = []
    eaten = 0.0
    for n in range(days):
        usual = base + amplitude * math.sin(2 * math.pi * n / 365 + phase)
        burnt = usual + rng.gauss(0, activity_sd) + _stepped(step, n)
        if n:
            mass += (eaten - truth[-1]) / KCAL_PER_KG
        swing = surplus + (weekend_peak if _weekend(n) else -weekend_peak * 0.4)
        eaten = usual + max(-500.0, min(500.0, swing + rng.gauss(0, 200)))
        kcal = float(round(eaten)) if rng.random() >= 0.08 else None
        scale = mass + water.next() + rng.gauss(0, SCALE_NOISE_KG)
        intake.append(kcal)
        weights.append(round(scale, 1) if rng.random() >= 0.30 else None)
        truth.append(burnt)
    return _person(intake, weights, truth)


def unlike(seed: int, days: int = 365, step: Step | None = None) -> Person:
    """Kind (b): people unlike the model.

    Expenditure is a random walk of about one step of ±150–450 kcal a year, with 150
    kcal of daily activity noise; intake is under-reported by a share of 10–30 % that
    drifts (the truth is the logged intake at which weight holds: expenditure × (1 −
    share)); water weight has a day-to-day correlation of 0.85 and jumps after
    high-carbohydrate days; on some days the weight is the mean of a morning and an
    evening weigh-in; logging breaks off for a week or more now and then; 40–95 % of
    the days are weighed.
    """
    rng = random.Random(f"unlike/{seed}/{days}")
    level = rng.uniform(1_800, 3_500)
    share = rng.uniform(0.10, 0.30)
    water = _Water(rng, rng.uniform(0.5, 1.2), 0.85)
    weighed = rng.uniform(0.40, 0.95)
    unlogged = rng.uniform(0.03, 0.15)
    averaged = rng.uniform(0.0, 0.3)
    glycogen_kg = rng.uniform(0.2, 0.8)
    surplus = rng.uniform(-300, 150)
    weekend_peak = rng.uniform(100, 400)
    mass = rng.uniform(55, 120)
    intake: list[float | None] = []
    weights: list[float | None] = []
    truth: list[float] = []
    eaten, burnt, on_break = 0.0, 0.0, 0
    for n in range(days):
        if rng.random() < 1 / 365:
            level = min(3_800.0, max(1_500.0, level + rng.choice((-1, 1)) * rng.uniform(150, 450)))
        share = min(0.30, max(0.10, share + rng.gauss(0, 0.003)))
        if n:
            mass += (eaten - burnt) / KCAL_PER_KG
        burnt = level + rng.gauss(0, 150) + _stepped(step, n)
        high_carb = eaten > level + 300
        swing = surplus + (weekend_peak if _weekend(n) else -weekend_peak * 0.4)
        eaten = level + max(-500.0, min(500.0, swing + rng.gauss(0, 200)))
        logged = float(round(eaten * (1 - share)))
        morning = mass + water.next(glycogen_kg if high_carb else 0.0)
        evening = morning + rng.uniform(0.4, 1.2)
        scale = (morning + evening) / 2 if rng.random() < averaged else morning
        scale += rng.gauss(0, SCALE_NOISE_KG)
        weight = round(scale, 1) if rng.random() < weighed else None
        kcal = logged if rng.random() >= unlogged else None
        if on_break == 0 and rng.random() < 1.5 / 365:
            on_break = rng.randint(7, 35)
        if on_break:
            on_break -= 1
            kcal = weight = None
        intake.append(kcal)
        weights.append(weight)
        truth.append(burnt * (1 - share))
    return _person(intake, weights, truth)


def as_assumed(seed: int, days: int = 365, step: Step | None = None) -> Person:
    """Kind (c): people exactly as the model assumes.

    Expenditure is a slow random walk (3–10 kcal a day); mass changes by (intake −
    expenditure) / 7,700 kg a day; water weight is an AR(1) with correlation 0.7 and
    SD 0.5–1.2 kg; intake is logged exactly (8 % of days unlogged), 30 % of days are
    unweighed, with 0.1 kg scale noise and 0.1 kg steps.
    """
    rng = random.Random(f"as_assumed/{seed}/{days}")
    level = rng.uniform(1_800, 3_500)
    drift = rng.uniform(3, 10)
    water = _Water(rng, rng.uniform(0.5, 1.2), 0.7)
    surplus = rng.uniform(-300, 150)
    mass = rng.uniform(55, 120)
    intake: list[float | None] = []
    weights: list[float | None] = []
    truth: list[float] = []
    eaten = 0.0
    for n in range(days):
        if n:
            mass += (eaten - truth[-1]) / KCAL_PER_KG
            level += rng.gauss(0, drift)
        eaten = float(round(level + max(-500.0, min(500.0, surplus + rng.gauss(0, 250)))))
        scale = mass + water.next() + rng.gauss(0, SCALE_NOISE_KG)
        intake.append(eaten if rng.random() >= 0.08 else None)
        weights.append(round(scale, 1) if rng.random() >= 0.30 else None)
        truth.append(level + _stepped(step, n))
    return _person(intake, weights, truth)


#: The groups of the benchmark and the tests: a name and a maker of person ``seed``.
GROUPS: dict[str, Callable[[int, int, Step | None], Person]] = {
    "(a) seasonal, water 0.5 kg": lambda seed, days, step: seasonal(seed, 0.5, days, step),
    "(a) seasonal, water 0.8 kg": lambda seed, days, step: seasonal(seed, 0.8, days, step),
    "(a) seasonal, water 1.2 kg": lambda seed, days, step: seasonal(seed, 1.2, days, step),
    "(b) unlike the model": unlike,
    "(c) as the model assumes": as_assumed,
}


class _Water:
    """Water weight: an AR(1) process around zero, plus any jump put in on a day."""

    def __init__(self, rng: random.Random, sd_kg: float, correlation: float) -> None:
        self._rng = rng
        self._correlation = correlation
        self._innovation = sd_kg * math.sqrt(1 - correlation**2)
        self._level = rng.gauss(0, sd_kg)

    def next(self, jump: float = 0.0) -> float:
        self._level = self._correlation * self._level + self._rng.gauss(0, self._innovation)
        self._level += jump
        return self._level


def _weekend(n: int) -> bool:
    return (START.weekday() + n) % 7 >= 5


def _stepped(step: Step | None, n: int) -> float:
    return step.kcal if step is not None and n >= step.day else 0.0


def _person(intake: list[float | None], weights: list[float | None], truth: list[float]) -> Person:
    logged = [
        DailyMetrics(date=START + timedelta(days=n), kcal_in=kcal, weight_kg=weight)
        for n, (kcal, weight) in enumerate(zip(intake, weights, strict=True))
        if kcal is not None or weight is not None
    ]
    return Person(tuple(logged), tuple(intake), tuple(weights), tuple(truth))
