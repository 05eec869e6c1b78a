"""Realistic generated metrics for tests that need many days, and the stored state to compare."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from datetime import date, datetime, timedelta

from domain.exporting import to_csv
from domain.kpis import compute_kpis
from domain.model import DEFAULT_PROFILE, DailyMetrics, Kpi, Profile
from domain.ports import UnitOfWork
from domain.precision import stored_kpis
from domain.services import LOCAL_USER

#: A range that covers every date a stored day can have.
ALL_DATES = (date(1900, 1, 1), date(2100, 12, 31))

StoredState = tuple[list[tuple[DailyMetrics, datetime | None]], list[Kpi], Profile | None]


def realistic_days(first: date, count: int, *, seed: int = 1) -> list[DailyMetrics]:
    """``count`` consecutive days from ``first`` with plausible values and some gaps."""
    rng = random.Random(seed)
    days = []
    for offset in range(count):
        # Seasonal swings around a steady weight keep a century of days in range.
        weight = 85.0 + 6 * math.sin(offset / 58) + rng.uniform(-0.6, 0.6)
        kcal_in = round(rng.uniform(1600, 3200), 1)
        days.append(
            DailyMetrics(
                date=first + timedelta(days=offset),
                steps=rng.randint(2_000, 18_000),
                protein_g=round(rng.uniform(80, 200), 1),
                kcal_in=kcal_in,
                kcal_junk_in=round(rng.uniform(0, kcal_in / 3), 1),
                kcal_out_training=rng.choice([None, round(rng.uniform(0, 900), 1)]),
                sleep_hours=round(rng.uniform(4.5, 9.5), 2),
                stress=rng.randint(1, 10),
                weight_kg=round(weight, 2) if rng.random() < 0.8 else None,
                waist_cm=round(80 + weight / 10, 1) if rng.random() < 0.3 else None,
            )
        )
    return days


def csv_of(days: list[DailyMetrics]) -> bytes:
    """The days as an uploadable CSV file (the export format)."""
    return to_csv(days)


def stored_state(uow_factory: Callable[[], UnitOfWork]) -> StoredState:
    """Every stored day (with its ``updated_at``), every KPI row and the stored profile."""
    with uow_factory() as uow:
        days = [(day, day.updated_at) for day in uow.metrics.all_days(LOCAL_USER)]
        kpis = uow.kpis.between(LOCAL_USER, *ALL_DATES)
        profile = uow.profiles.get(LOCAL_USER)
    return days, kpis, profile


def assert_kpis_match_stored_days(uow_factory: Callable[[], UnitOfWork]) -> None:
    """Stored KPIs equal ``compute_kpis`` over the stored days and profile, rounded as
    stored (``domain.precision.stored_kpis``), exactly."""
    with uow_factory() as uow:
        days = uow.metrics.all_days(LOCAL_USER)
        kpis = uow.kpis.between(LOCAL_USER, *ALL_DATES)
        profile = uow.profiles.get(LOCAL_USER) or DEFAULT_PROFILE
    assert kpis == stored_kpis(compute_kpis(days, profile))
