"""Checkpoints: a computation resumed from any checkpoint gives exactly the KPIs of the
whole history from 21 days after it on, and a checkpoint reads back as it was."""

from __future__ import annotations

import dataclasses
import itertools
import math
import random
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.checkpoints import (
    SETTLE_DAYS,
    WINDOW_DAYS,
    Checkpoint,
    first_checkpoint_after,
    is_checkpoint_date,
)
from domain.expenditure import FilterState
from domain.kpis import compute_kpis
from domain.model import DailyMetrics, Profile
from tests.support.metrics import realistic_days
from tests.support.people import as_assumed, seasonal, unlike

GOAL = Profile(goal_weight_kg=72.0, goal_rate_kg_per_week=-0.4)


def _resumed_days(days: list[DailyMetrics], checkpoint: Checkpoint) -> list[DailyMetrics]:
    """The stored days a computation resumed from ``checkpoint`` reads."""
    start = checkpoint.day - timedelta(days=WINDOW_DAYS)
    if checkpoint.anchor is not None:
        start = min(start, checkpoint.anchor[0])
    return [day for day in days if day.date >= start]


def _assert_every_resume_is_exact(days: list[DailyMetrics], profile: Profile) -> int:
    checkpoints: list[Checkpoint] = []
    whole = compute_kpis(days, profile, checkpoints=checkpoints)
    assert [cp.day for cp in checkpoints] == [
        d for d in _dates(days[0].date, days[-1].date) if is_checkpoint_date(d)
    ]
    for checkpoint in checkpoints:
        since = checkpoint.day + timedelta(days=SETTLE_DAYS)
        resumed: list[Checkpoint] = []
        kpis = compute_kpis(
            _resumed_days(days, checkpoint),
            profile,
            since,
            resume=checkpoint,
            checkpoints=resumed,
        )
        assert kpis == [kpi for kpi in whole if kpi.date >= since], checkpoint.day
        later = [cp for cp in checkpoints if cp.day > checkpoint.day]
        assert [cp.text() for cp in resumed] == [cp.text() for cp in later]
        assert Checkpoint.from_text(checkpoint.day, checkpoint.text()) == checkpoint
    return len(checkpoints)


def _dates(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range(1, (last - first).days + 1)]


People = Callable[[int], list[DailyMetrics]]


@pytest.mark.parametrize(
    "make",
    [
        lambda seed: list(seasonal(seed, 1.2, days=900).days),
        lambda seed: list(unlike(seed, days=900).days),  # breaks, missing weigh-ins
        lambda seed: list(as_assumed(seed, days=900).days),
        lambda seed: realistic_days(date(2019, 3, 5), 800, seed=seed),
    ],
    ids=["seasonal", "unlike", "as_assumed", "realistic"],
)
@pytest.mark.parametrize("profile", [Profile(), GOAL], ids=["no goal", "goal"])
def test_a_computation_resumed_from_any_checkpoint_is_exact_21_days_on(
    make: People, profile: Profile
) -> None:
    for seed in (1, 2):
        assert _assert_every_resume_is_exact(make(seed), profile) > 25


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32 - 1), st.integers(60, 500), st.floats(0.0, 1.0))
def test_resuming_is_exact_across_long_gaps_in_weighing_and_logging(
    seed: int, count: int, weighed: float
) -> None:
    rng = random.Random(seed)
    first, days = date(2020, 1, 1) + timedelta(days=rng.randrange(28)), []
    weight, gap = 80.0, 0
    for n in range(count):
        weight += rng.gauss(0, 0.2)
        if gap:
            gap -= 1
            continue
        if rng.random() < 0.01:
            gap = rng.randrange(20, 120)  # weeks without any day
        day = first + timedelta(days=n)
        scale = round(weight, 1) if rng.random() < weighed * (n > 30) else None
        kcal = None if rng.random() < 0.2 else float(rng.randrange(1500, 3500))
        if scale is not None or kcal is not None:
            days.append(DailyMetrics(day, kcal_in=kcal, weight_kg=scale))
    if days:
        _assert_every_resume_is_exact(days, GOAL)


def test_a_resumed_computation_refuses_days_it_cannot_compute_exactly() -> None:
    days = realistic_days(date(2021, 1, 1), 200)
    checkpoints: list[Checkpoint] = []
    compute_kpis(days, Profile(), checkpoints=checkpoints)
    early = checkpoints[2].day + timedelta(days=SETTLE_DAYS - 1)

    with pytest.raises(ValueError, match="exact from 21 days on"):
        compute_kpis(days, Profile(), early, resume=checkpoints[2])


def test_checkpoint_dates_fall_every_28_days() -> None:
    day = date(2024, 1, 1)
    following = [first_checkpoint_after(day + timedelta(days=n)) for n in range(60)]

    assert all(is_checkpoint_date(d) for d in following)
    distinct = sorted(set(following))

    assert len(distinct) == 3
    assert {(later - earlier).days for earlier, later in itertools.pairwise(distinct)} == {28}


@pytest.mark.parametrize(
    "text", ["[[1, 2], null]", "0:AAAA", "1:AAAA", "1:not base64!", "1:" + "A" * 12]
)
def test_a_checkpoint_that_is_not_one_of_this_engine_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a checkpoint"):
        Checkpoint.from_text(date(2024, 1, 1), text)


def test_every_field_of_the_filter_state_reads_back_as_it_was_written() -> None:
    numbers = itertools.count(1)

    def state(successor: FilterState | None) -> FilterState:
        values: dict[str, object] = {}
        for field in dataclasses.fields(FilterState):
            default = getattr(FilterState(), field.name)
            if field.name == "successor":
                values[field.name] = successor
            elif field.name == "forecasts":
                values[field.name] = tuple(
                    tuple(next(numbers) + 0.25 for _ in range(8)) for _ in range(3)
                )
            elif isinstance(default, bool):
                values[field.name] = True
            elif isinstance(default, int):
                values[field.name] = next(numbers)
            elif isinstance(default, tuple):
                values[field.name] = tuple(next(numbers) / 3 for _ in default)
            else:  # floats, and the optional ones (None by default)
                values[field.name] = -next(numbers) / 7
        return FilterState(**values)  # type: ignore[arg-type]

    written = Checkpoint(date(2024, 2, 3), state(state(None)), (date(2024, 1, 30), 81.2, -0.0))
    read = Checkpoint.from_text(written.day, written.text())

    assert read == written
    assert read.text() == written.text()
    for field in dataclasses.fields(FilterState):
        value, original = (
            getattr(read.expenditure, field.name),
            getattr(written.expenditure, field.name),
        )
        assert type(value) is type(original), field.name
    assert read.anchor is not None
    assert math.copysign(1.0, read.anchor[2]) == -1.0
    empty = Checkpoint(written.day, FilterState(), None)
    assert Checkpoint.from_text(empty.day, empty.text()) == empty
