"""Accuracy benchmark of the expenditure estimate against simulated people.

Run: ``.venv/bin/python tests/bench/bench_expenditure.py [--people N] [--days N]
[--first-seed N]``. For each water-weight standard deviation (0.5, 0.8, 1.2 kg) it
simulates people (tests/support/simulate.py), computes their KPIs with the real KPI
engine and prints, over logged days after the first 28, the median and 90th
percentile |error| against the true 14-day mean expenditure, the share of days
whose 80 % interval holds the truth, and the share of days with an estimate, for
``expenditure_kcal`` and for the deprecated ``tdee_estimate``. Figures, not tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from domain.kpis import compute_kpis
from domain.model import DEFAULT_PROFILE
from tests.support.simulate import START, simulate

WATER_SDS = (0.5, 0.8, 1.2)
#: Days after the first this many are scored (docs/expenditure.md).
WARM_UP_DAYS = 28


@dataclass(frozen=True, slots=True)
class Score:
    median: float
    p90: float
    coverage: float | None
    available: float


def score(errors: list[float], covered: list[bool], scored_days: int) -> Score:
    """Median and p90 |error|, interval coverage and the share of days with an estimate."""
    if not errors:
        return Score(float("nan"), float("nan"), None, 0.0)
    ranked = sorted(errors)
    return Score(
        statistics.median(ranked),
        ranked[min(len(ranked) - 1, int(0.9 * len(ranked)))],
        sum(covered) / len(covered) if covered else None,
        len(errors) / scored_days,
    )


def evaluate(seeds: Iterable[int], water_sd: float, days: int) -> tuple[Score, Score]:
    """Scores of ``expenditure_kcal`` and ``tdee_estimate`` over the people of ``seeds``."""
    new_errors: list[float] = []
    covered: list[bool] = []
    old_errors: list[float] = []
    scored = 0
    for seed in seeds:
        person = simulate(seed, water_sd, days)
        for kpi in compute_kpis(person.days, DEFAULT_PROFILE):
            index = (kpi.date - START).days
            if index < WARM_UP_DAYS:
                continue
            scored += 1
            truth = person.true_mean_expenditure(index)
            if kpi.expenditure_kcal is not None:
                assert kpi.expenditure_low_kcal is not None
                assert kpi.expenditure_high_kcal is not None
                new_errors.append(abs(kpi.expenditure_kcal - truth))
                covered.append(kpi.expenditure_low_kcal <= truth <= kpi.expenditure_high_kcal)
            if kpi.tdee_estimate is not None:
                old_errors.append(abs(kpi.tdee_estimate - truth))
    return score(new_errors, covered, scored), score(old_errors, [], scored)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--first-seed", type=int, default=10_000)
    args = parser.parse_args()
    seeds = range(args.first_seed, args.first_seed + args.people)
    print(f"{args.people} people × {args.days} days per water SD; days after the first 28")
    print(
        f"{'water SD':>8}  {'estimate':<17}{'median':>8}{'p90':>8}{'coverage':>10}{'available':>11}"
    )
    started = time.perf_counter()
    for water_sd in WATER_SDS:
        new, old = evaluate(seeds, water_sd, args.days)
        for name, result in (("expenditureKcal", new), ("tdeeEstimate", old)):
            coverage = "—" if result.coverage is None else f"{result.coverage:.1%}"
            print(
                f"{water_sd:>6.1f}kg  {name:<17}{result.median:>8.0f}{result.p90:>8.0f}"
                f"{coverage:>10}{result.available:>11.1%}"
            )
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
