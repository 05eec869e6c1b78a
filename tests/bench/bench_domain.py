"""Benchmark of the pure domain: CSV parsing and the KPI engine over 10 and 100 years.

Run: ``.venv/bin/python tests/bench/bench_domain.py``. Generates realistic CSV bytes
for 3,650 and 36,500 days ending yesterday, then prints the median of several runs
of ``parse_csv`` and ``compute_kpis`` in ms per run and µs per day. Targets for
3,650 days: parsing under 50 ms, KPIs under 30 ms, both growing linearly. Then,
without targets, the two other steps of an upload and a correction: ``stored_kpis``
(rounding ten years of KPIs computed with a plan to stored precision) and
``from_middle`` (a one-day correction in the middle: ``compute_kpis`` from
``first_affected_date`` with the plan, then ``stored_kpis``).

Then the cost of the plan's KPIs (docs/kpis.md, "The plan"): ten years recomputed
for a person with a goal and a rate, with the plan's columns and without them (the
engine with its plan step replaced by empty columns), in alternating runs of one
process. Target: at most 10 % more with them. ``--before REV`` also times the engine
of a git revision (its ``domain/``, in a child process, alternating with this one) on
the same file: ``--before main`` before the plan's KPIs are merged.
Figures, not tests.
"""

from __future__ import annotations

import argparse
import functools
import io
import itertools
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from domain import kpis
from domain.kpis import compute_kpis, first_affected_date
from domain.model import DEFAULT_PROFILE, DailyMetrics, Kpi, Profile
from domain.parsing import parse_csv
from domain.precision import stored_kpis

ROOT = Path(__file__).resolve().parents[2]
SIZES = (3_650, 36_500)
RUNS = {3_650: 15, 36_500: 5}
TARGETS_MS = {"parse_csv": 50.0, "compute_kpis": 30.0}
#: The plan's KPIs may make a ten-year recompute this much slower, at most.
PLAN_COST_TARGET = 0.10
PLAN_RUNS = 31
PLANNER = Profile(goal_weight_kg=70.0, goal_rate_kg_per_week=-0.5, is_default=False)
_PLAN_COLUMNS = (
    "weight_rate_kg_per_week",
    "energy_balance_kcal",
    "energy_balance_7d_avg",
    "goal_eta_date",
    "target_kcal_in",
)

_HEADER = (
    "date,steps_n,proteins_g,kcal_in,kcal_junk_in,kcal_out_training,"
    "sleep_hours,stress_rel,weight_kg,waist_cm\n"
)


def _csv(days: int, today: date, seed: int = 7) -> bytes:
    """A file like a real log: a few skipped days, blank cells, weigh-ins most mornings."""
    rng = random.Random(seed)
    first = today - timedelta(days=days)
    weight, waist = 85.0, 95.0
    lines = [_HEADER]
    for n in range(days):
        if rng.random() < 0.03:
            continue
        weight = min(max(weight + rng.gauss(-0.01, 0.3), 50.0), 150.0)
        waist = min(max(waist + rng.gauss(-0.005, 0.1), 60.0), 140.0)
        kcal_in = rng.uniform(1600, 3200)
        cells = [
            (first + timedelta(days=n)).isoformat(),
            str(rng.randint(2_000, 18_000)),
            f"{rng.uniform(60, 220):.1f}",
            f"{kcal_in:.0f}",
            f"{rng.uniform(0, kcal_in / 3):.0f}",
            "" if rng.random() < 0.5 else f"{rng.uniform(100, 900):.0f}",
            f"{rng.uniform(5, 9):.2f}",
            str(rng.randint(1, 10)),
            f"{weight:.1f}" if rng.random() < 0.8 else "",
            f"{waist:.1f}" if rng.random() < 0.15 else "",
        ]
        lines.append(",".join(cells) + "\n")
    return "".join(lines).encode()


def _median_ms(run: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds; CPU time is steadier on a shared machine."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        run()
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="REV", help="also time the engine at this revision")
    before = parser.parse_args().before
    today = date.today()
    print(f"{'step':<14}{'days':>8}{'rows':>8}{'ms/run':>10}{'cpu ms':>10}{'µs/day':>9}  target")
    for size in SIZES:
        data = _csv(size, today)
        parsed = parse_csv(data, today=today)
        if parsed.file_error is not None or parsed.error_count:
            raise SystemExit(f"the generated file does not parse: {parsed.errors[:3]}")
        computed = compute_kpis(parsed.days, PLANNER)
        middle = first_affected_date(parsed.days, parsed.days[len(parsed.days) // 2].date)
        steps: dict[str, Callable[[], object]] = {
            "parse_csv": functools.partial(parse_csv, data, today=today),
            "compute_kpis": functools.partial(compute_kpis, parsed.days, DEFAULT_PROFILE),
            "stored_kpis": functools.partial(stored_kpis, computed),
            "from_middle": functools.partial(_from_middle, parsed.days, middle),
        }
        for name, run in steps.items():
            ms, cpu_ms = _median_ms(run, RUNS[size])
            per_day = f"{ms * 1000 / size:>9.2f}"
            if name not in TARGETS_MS:
                print(
                    f"{name:<14}{size:>8}{len(parsed.days):>8}{ms:>10.1f}{cpu_ms:>10.1f}{per_day}"
                )
                continue
            target = TARGETS_MS[name] * size / SIZES[0]
            verdict = "ok" if ms < target else "SLOW"
            print(
                f"{name:<14}{size:>8}{len(parsed.days):>8}{ms:>10.1f}{cpu_ms:>10.1f}{per_day}"
                f"  < {target:.0f} ms {verdict}"
            )
        if size == SIZES[0]:
            plan_cost(data, parsed.days, today, before)


def _from_middle(days: Sequence[DailyMetrics], since: date) -> list[Kpi]:
    """What a one-day correction in the middle computes: the KPIs from the first date
    it can alter, with the plan, rounded as stored (then compared with the stored rows)."""
    return stored_kpis(compute_kpis(days, PLANNER, since))


def _without_plan(*args: object) -> None:
    columns = args[0]
    assert isinstance(columns, dict)
    for name in _PLAN_COLUMNS:
        columns[name] = itertools.repeat(None)


#: Run in a child process on a revision's domain/: the median CPU ms of its engine.
_CHILD = """
import statistics, sys, time
from datetime import date
from domain.kpis import compute_kpis
from domain.model import Profile
from domain.parsing import parse_csv
days = parse_csv(open('bench.csv', 'rb').read(), today=date.fromisoformat(sys.argv[1])).days
cpu = []
for _ in range(int(sys.argv[2])):
    started = time.process_time()
    compute_kpis(days, Profile())
    cpu.append((time.process_time() - started) * 1000)
print(statistics.median(cpu))
"""


def plan_cost(data: bytes, days: Sequence[DailyMetrics], today: date, before: str | None) -> None:
    """Ten years with and without the plan's columns (and at ``before``), alternating
    in rounds, CPU ms medians."""
    with_plan = functools.partial(compute_kpis, days, PLANNER)
    real = kpis._plan_columns
    timings: dict[str, list[float]] = {"with": [], "without": [], "before": []}
    with tempfile.TemporaryDirectory() as tree:
        if before is not None:
            _extract(before, Path(tree))
            Path(tree, "bench.csv").write_bytes(data)
        for _ in range(3):
            for run in range(PLAN_RUNS * 2):
                planned = run % 2 == 0
                kpis._plan_columns = real if planned else _without_plan  # type: ignore[assignment]
                try:
                    timings["with" if planned else "without"].append(_median_ms(with_plan, 1)[1])
                finally:
                    kpis._plan_columns = real
            if before is not None:
                child = [sys.executable, "-c", _CHILD, today.isoformat(), str(PLAN_RUNS)]
                out = subprocess.run(child, cwd=tree, capture_output=True, text=True, check=True)
                timings["before"].append(float(out.stdout))
    without, after = statistics.median(timings["without"]), statistics.median(timings["with"])
    figures = [("without the plan's columns", without)]
    if before is not None:
        figures.insert(0, (f"at {before}", statistics.median(timings["before"])))
    print(f"ten years, {len(days)} rows, a goal and a rate (cpu ms, medians):")
    for label, ms in figures:
        extra = after / ms - 1
        verdict = "ok" if extra <= PLAN_COST_TARGET else "SLOW"
        print(
            f"  with the plan's KPIs {after:6.1f} vs {label} {ms:6.1f}:"
            f" {extra:+.1%}  (target <= +{PLAN_COST_TARGET:.0%}) {verdict}"
        )


def _extract(revision: str, into: Path) -> None:
    archive = subprocess.run(
        ["git", "archive", revision, "domain"], cwd=ROOT, capture_output=True, check=True
    )
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")


if __name__ == "__main__":
    main()
