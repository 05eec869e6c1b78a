"""The expenditure estimate on the three kinds of simulated people (docs/expenditure.md).

The people come from tests/support/people.py, with seeds other than the benchmark's,
so these tests score the estimate on people it was not tuned on.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from domain.expenditure import FilterState, estimate_expenditure
from tests.support.people import GROUPS, Step, as_assumed, seasonal, unlike
from tests.support.simulate import Person

WARM_UP_DAYS = 28
SEEDS = range(1, 31)
DAYS = 365


def _coverage(people: list[Person]) -> float:
    """The share of logged days after the first 28 whose 80 % interval holds the truth."""
    covered = served = 0
    for person in people:
        estimates, _ = estimate_expenditure(person.intake, person.weights)
        for index in range(WARM_UP_DAYS, len(person.intake)):
            low, high = estimates.low_kcal[index], estimates.high_kcal[index]
            if low is None or high is None:
                continue
            if person.intake[index] is None and person.weights[index] is None:
                continue
            served += 1
            covered += low <= person.true_mean_expenditure(index) <= high
    return covered / served


def _people(make: Callable[[int], Person]) -> list[Person]:
    return [make(seed) for seed in SEEDS]


@pytest.mark.parametrize("water_sd", [0.5, 0.8, 1.2])
def test_on_seasonal_people_the_interval_holds_the_truth_on_72_to_88_percent_of_days(
    water_sd: float,
) -> None:
    coverage = _coverage(_people(lambda seed: seasonal(seed, water_sd, DAYS)))

    assert 0.72 <= coverage <= 0.88


def test_on_people_unlike_the_model_the_interval_holds_the_truth_on_72_to_88_percent() -> None:
    assert 0.72 <= _coverage(_people(lambda seed: unlike(seed, DAYS))) <= 0.88


def test_on_people_as_the_model_assumes_the_interval_holds_the_truth_on_72_to_90_percent() -> None:
    assert 0.72 <= _coverage(_people(lambda seed: as_assumed(seed, DAYS))) <= 0.90


def test_without_the_forecast_check_seasonal_people_would_be_under_covered() -> None:
    people = _people(lambda seed: seasonal(seed, 0.8, DAYS))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("domain.expenditure.MAX_WIDENING", 1.0)
        unchecked = _coverage(people)

    assert unchecked < 0.72 <= _coverage(people)


def test_a_fixed_drift_would_be_too_wide_for_people_as_the_model_assumes() -> None:
    assumed = _people(lambda seed: as_assumed(seed, DAYS))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("domain.expenditure.EXPENDITURE_DRIFT_BOUNDS_KCAL", (10.0, 10.0))
        fixed = _coverage(assumed)

    assert fixed > 0.90 >= _coverage(assumed)


def _share_moved(make: Callable[[int, Step | None], Person], after_days: int) -> float:
    """How far the average estimate has followed a −400 kcal step after ``after_days``."""
    step = Step(day=150, kcal=-400.0)
    moved = true = 0.0
    for seed in SEEDS:
        person, stepped = make(seed, None), make(seed, step)
        base, _ = estimate_expenditure(person.intake, person.weights)
        after, _ = estimate_expenditure(stepped.intake, stepped.weights)
        day = step.day + after_days
        now, then = after.kcal[day], base.kcal[day]
        if now is not None and then is not None:
            moved += now - then
            true += stepped.expenditure[day] - person.expenditure[day]
    return moved / true


@pytest.mark.parametrize(
    "make",
    [
        lambda seed, step: seasonal(seed, 1.2, DAYS, step),
        lambda seed, step: as_assumed(seed, DAYS, step),
    ],
    ids=["seasonal 1.2 kg", "as assumed"],
)
def test_the_step_check_follows_a_step_of_400_kcal_80_percent_within_80_days(
    make: Callable[[int, Step | None], Person],
) -> None:
    assert _share_moved(make, 80) >= 0.8
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("domain.expenditure.STEP_PRIOR", 1e-9)
        assert _share_moved(make, 80) < 0.8


def test_the_learnt_drift_is_larger_for_seasonal_people_than_for_people_as_assumed() -> None:
    def drift(person: Person) -> float:
        return estimate_expenditure(person.intake, person.weights)[1].log_drift_variance

    seasonal_drift = sorted(drift(seasonal(seed, 0.8, DAYS)) for seed in SEEDS)
    assumed_drift = sorted(drift(as_assumed(seed, DAYS)) for seed in SEEDS)

    assert seasonal_drift[len(SEEDS) // 2] > assumed_drift[len(SEEDS) // 2]


@pytest.mark.parametrize("name", list(GROUPS))
def test_the_same_seed_makes_the_same_person_and_a_step_changes_only_the_truth(name: str) -> None:
    make = GROUPS[name]
    person, again = make(5, 200, None), make(5, 200, None)
    stepped = make(5, 200, Step(day=100, kcal=-400.0))

    assert person == again
    assert stepped.intake == person.intake
    assert stepped.expenditure[:100] == person.expenditure[:100]
    assert all(
        s < p for s, p in zip(stepped.expenditure[100:], person.expenditure[100:], strict=True)
    )


def _resumed_equals_from_scratch(person: Person, cut: int) -> FilterState:
    whole, whole_end = estimate_expenditure(person.intake, person.weights)

    head, state = estimate_expenditure(person.intake[:cut], person.weights[:cut])
    tail, tail_end = estimate_expenditure(person.intake[cut:], person.weights[cut:], state)

    assert head.kcal + tail.kcal == whole.kcal
    assert head.low_kcal + tail.low_kcal == whole.low_kcal
    assert head.high_kcal + tail.high_kcal == whole.high_kcal
    assert tail_end == whole_end
    return whole_end


@pytest.mark.parametrize("cut", [1, 13, 29, 30, 64, 120, 199])
def test_resuming_with_forecasts_in_flight_matches_a_run_from_scratch(cut: int) -> None:
    assert _resumed_equals_from_scratch(unlike(3, 200), cut).forecasts


@pytest.mark.parametrize("cut", [1, 200, 276, 300, 365, 366, 367, 500, 641, 700, 919])
def test_resuming_across_a_restart_matches_a_run_from_scratch(cut: int) -> None:
    end = _resumed_equals_from_scratch(seasonal(4, 0.8, 920), cut)

    assert end.days_since_first_weigh_in < 365  # the filter serving at the end is a successor


def _reach(person: Person, day: int) -> int:
    """The last slot, counted from ``day``, whose estimate moves when the weigh-in of
    ``day`` is 0.5 kg heavier."""
    weights = list(person.weights)
    before = weights[day]
    assert before is not None
    weights[day] = before + 0.5
    one, _ = estimate_expenditure(person.intake, person.weights)
    other, _ = estimate_expenditure(person.intake, weights)
    return max(
        (
            index - day
            for index in range(day, len(weights))
            if (one.kcal[index], one.low_kcal[index], one.high_kcal[index])
            != (other.kcal[index], other.low_kcal[index], other.high_kcal[index])
        ),
        default=0,
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_corrected_weigh_in_changes_no_estimate_a_year_or_more_later(seed: int) -> None:
    person = as_assumed(seed, 1_500)
    day = next(index for index in range(600, 1_500) if person.weights[index] is not None)

    assert 0 < _reach(person, day) < 365
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("domain.expenditure.RESTART_DAYS", 10**9)
        assert _reach(person, day) >= 365
