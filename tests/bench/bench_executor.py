"""In-process benchmark of the ``kpis`` query with Strawberry's executor and the fast one.

Run: ``.venv/bin/python tests/bench/bench_executor.py [--profile]``.
Times ``kpis`` over 3,650 and 365 days (median and minimum of 20 runs, executed async as the
FastAPI router does) twice: with the KPIs served from memory, which isolates
execution, and read from a SQLite database. Checks both executors return the same
bytes. ``--profile`` prints where the fast executor's time goes. Figures, not tests.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, cast

import orjson
import strawberry

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from domain import model, services
from domain.imports.pipeline import Limits
from domain.kpis import compute_kpis
from domain.ports import UnitOfWork
from graph.execution.fastpath import FastExecutionContext
from graph.http.settings import Settings
from graph.schema.build import build_schema
from graph.schema.context import Context
from persistence.database import create_engine_for
from persistence.migrations import upgrade
from persistence.uow import uow_factory

DAYS = 3_650
END = date(2026, 3, 18)
NOW = datetime(2026, 3, 20, tzinfo=UTC)
RUNS = 20
#: One loop for every run, as under uvicorn. ``asyncio.run`` would not do: on Python
#: 3.11 its SIGINT bookkeeping formats the repr of the finished task, result included.
_LOOP = asyncio.new_event_loop()
KPI_QUERY = """query($start: Date!, $end: Date!) { kpis(start: $start, end: $end) {
  date bmrKcal kcalOutTotal balanceKcal balance7dAvg balance7dDays proteinPerKg
  healthyFoodPct stepsGoalMet steps7dAvg stepsGoalRate7d sleep7dAvg weight7dAvg
  weight7dDays weightTrend weightTrendChange7d waistChange7d tdeeEstimate } }"""


def _days(seed: int = 7) -> list[model.DailyMetrics]:
    rng = random.Random(seed)
    weight = 92.0
    days = []
    for offset in range(DAYS):
        weight += rng.gauss(-0.005, 0.25) * 0.2
        kcal = float(round(rng.gauss(2300, 300)))
        days.append(
            model.DailyMetrics(
                date=END - timedelta(days=DAYS - 1 - offset),
                steps=rng.randint(3000, 16000),
                protein_g=float(rng.randint(60, 200)),
                kcal_in=kcal,
                kcal_junk_in=float(rng.randint(0, 600)),
                kcal_out_training=rng.choice([None, float(rng.randint(100, 800))]),
                sleep_hours=round(rng.uniform(5, 9), 1),
                stress=rng.randint(1, 10),
                weight_kg=round(weight + rng.gauss(0, 0.4), 1) if rng.random() < 0.8 else None,
                waist_cm=round(95 + rng.gauss(0, 1), 1),
            )
        )
    return days


def _csv(days: list[model.DailyMetrics]) -> bytes:
    lines = [",".join(["date", *model.METRIC_FIELDS])]
    for day in days:
        cells = ["" if value is None else str(value) for value in day.values()]
        lines.append(",".join([day.date.isoformat(), *cells]))
    return "\n".join(lines).encode()


class _MemoryKpis:
    def __init__(self, kpis: list[model.Kpi]) -> None:
        self._kpis = kpis

    def between(self, user_id: str, start: date, end: date) -> list[model.Kpi]:
        return [kpi for kpi in self._kpis if start <= kpi.date <= end]


class _MemoryUnitOfWork:
    """Just enough of a unit of work for ``services.list_kpis``."""

    def __init__(self, kpis: _MemoryKpis) -> None:
        self.kpis = kpis

    def __enter__(self) -> _MemoryUnitOfWork:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None


def _execute(schema: strawberry.Schema, context: Context, days: int) -> Any:
    variables = {"start": (END - timedelta(days=days - 1)).isoformat(), "end": END.isoformat()}
    result = _LOOP.run_until_complete(
        schema.execute(KPI_QUERY, variable_values=variables, context_value=context)
    )
    if result.errors:
        raise SystemExit(f"the query failed: {result.errors}")
    return result.data


def _timings_ms(*runs: Callable[[], Any]) -> list[list[float]]:
    """``RUNS`` timings of each run, interleaved so that a busy machine slows all alike."""
    timings: list[list[float]] = [[] for _ in runs]
    gc.collect()
    for _ in range(RUNS):
        for run, times in zip(runs, timings, strict=True):
            started = time.perf_counter()
            run()
            times.append((time.perf_counter() - started) * 1000)
    return timings


def _compare(label: str, context: Context) -> None:
    stock, fast = build_schema(), build_schema(execution_context_class=FastExecutionContext)
    for days in (DAYS, 365):
        stock_data = _execute(stock, context, days)
        fast_data = _execute(fast, context, days)
        if orjson.dumps(stock_data) != orjson.dumps(fast_data):
            raise SystemExit(f"{label}: the executors disagree over {days} days")
        stock_ms, fast_ms, dump_ms = _timings_ms(
            lambda: _execute(stock, context, days),  # noqa: B023
            lambda: _execute(fast, context, days),  # noqa: B023
            lambda: orjson.dumps(fast_data),  # noqa: B023
        )
        stock_median, fast_median = statistics.median(stock_ms), statistics.median(fast_ms)
        print(
            f"{label:<6} {len(fast_data['kpis']):>5} rows"
            f"  stock {stock_median:6.1f} ms (min {min(stock_ms):6.1f})"
            f"  fast {fast_median:5.1f} ms (min {min(fast_ms):5.1f})"
            f"  x{stock_median / fast_median:4.1f}"
            f"  orjson of the data {statistics.median(dump_ms):3.1f} ms"
        )


def _profile(context: Context) -> None:
    fast = build_schema(execution_context_class=FastExecutionContext)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        _execute(fast, context, DAYS)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", action="store_true", help="profile the fast executor")
    arguments = parser.parse_args()
    days = _days()
    kpis = compute_kpis(days, model.DEFAULT_PROFILE)
    memory = cast(UnitOfWork, _MemoryUnitOfWork(_MemoryKpis(kpis)))
    settings = Settings(_env_file=None)
    memory_context = Context(
        uow_factory=lambda: memory,
        limits=Limits(settings.max_upload_bytes, settings.max_import_bytes),
        clock=lambda: NOW,
        user_id=services.LOCAL_USER,
    )
    _compare("memory", memory_context)
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite:///{directory}/bench.db"
        upgrade(url)
        engine = create_engine_for(url)
        make_uow = cast(Callable[[], UnitOfWork], uow_factory(engine))
        services.upload_csv(
            make_uow(),
            services.LOCAL_USER,
            _csv(days),
            filename="bench.csv",
            policy=model.InvalidRowPolicy.REJECT_FILE,
            date_order=model.DateOrder.AUTO,
            now=NOW,
        )
        context = Context(
            uow_factory=make_uow,
            limits=Limits(settings.max_upload_bytes, settings.max_import_bytes),
            clock=lambda: NOW,
            user_id=services.LOCAL_USER,
        )
        _compare("sqlite", context)
        engine.dispose()
    if arguments.profile:
        _profile(memory_context)


if __name__ == "__main__":
    main()
