"""Benchmark of the pure domain: CSV parsing and the KPI engine over 10 and 100 years.

Run: ``.venv/bin/python tests/bench/bench_domain.py``. Generates realistic CSV bytes
for 3,650 and 36,500 days ending yesterday, then prints the median of several runs
of ``parse_csv`` and ``compute_kpis`` in ms per run and µs per day. Targets for
3,650 days: parsing under 50 ms, KPIs under 30 ms, both growing linearly.
Figures, not tests.
"""

from __future__ import annotations

import functools
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from domain.kpis import compute_kpis
from domain.model import DEFAULT_PROFILE
from domain.parsing import parse_csv

SIZES = (3_650, 36_500)
RUNS = {3_650: 15, 36_500: 5}
TARGETS_MS = {"parse_csv": 50.0, "compute_kpis": 30.0}

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
    today = date.today()
    print(f"{'step':<14}{'days':>8}{'rows':>8}{'ms/run':>10}{'cpu ms':>10}{'µs/day':>9}  target")
    for size in SIZES:
        data = _csv(size, today)
        parsed = parse_csv(data, today=today)
        if parsed.file_error is not None or parsed.error_count:
            raise SystemExit(f"the generated file does not parse: {parsed.errors[:3]}")
        steps: dict[str, Callable[[], object]] = {
            "parse_csv": functools.partial(parse_csv, data, today=today),
            "compute_kpis": functools.partial(compute_kpis, parsed.days, DEFAULT_PROFILE),
        }
        for name, run in steps.items():
            ms, cpu_ms = _median_ms(run, RUNS[size])
            target = TARGETS_MS[name] * size / SIZES[0]
            verdict = "ok" if ms < target else "SLOW"
            print(
                f"{name:<14}{size:>8}{len(parsed.days):>8}{ms:>10.1f}{cpu_ms:>10.1f}"
                f"{ms * 1000 / size:>9.2f}"
                f"  < {target:.0f} ms {verdict}"
            )


if __name__ == "__main__":
    main()
