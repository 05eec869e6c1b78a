"""Benchmark of what the cache-facing API adds (docs/api.md, "Node", "Paging"): an
upload that changes every day (``kpisChangedFrom`` costs nothing of its own: it is the
first date the KPI write found different, docs/kpis.md, "Stored precision"), a
``nodes`` lookup of 100 ids, and a 100-report history page.

Run: ``.venv/bin/python tests/bench/bench_changes.py`` (PostgreSQL at 127.0.0.1:5432
as in the tests; a throwaway database is made and dropped). Prints medians in ms on
SQLite and PostgreSQL for 3,650 logged days. Figures, not tests.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from domain import services
from domain.imports.pipeline import Limits
from domain.model import DateOrder, InvalidRowPolicy
from graph.execution.served import opaque_id
from graph.schema import nodes
from graph.schema.context import Context
from persistence.database import create_engine_for
from persistence.migrations import upgrade
from persistence.uow import SqlUnitOfWork
from tests.bench.bench_http import _database

DAYS = 3_650
RUNS = 7
USER = services.LOCAL_USER


def _median_ms(run: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _csv(first: date, steps: int) -> bytes:
    lines = ["date,steps,weight_kg,kcal_in"]
    for n in range(DAYS):
        lines.append(f"{first + timedelta(days=n)},{steps + n % 500},{80 - n % 30 / 10},2100")
    return ("\n".join(lines) + "\n").encode()


def _figures(url: str) -> dict[str, float]:
    upgrade(url)
    engine = create_engine_for(url)
    factory: Callable[[], SqlUnitOfWork] = lambda: SqlUnitOfWork(engine)  # noqa: E731
    first = date(2015, 1, 1)

    def upload(steps: int) -> None:
        services.upload_csv(
            factory(),
            USER,
            _csv(first, steps),
            filename="bench.csv",
            policy=InvalidRowPolicy.REJECT_FILE,
            date_order=DateOrder.AUTO,
            now=datetime.now(UTC),
        )

    upload(5_000)
    steps = iter(range(6_000, 6_000 + RUNS * 10))
    whole = _median_ms(lambda: upload(next(steps)))  # every day changed: 3,650 recomputed

    for n in range(100):
        services.upload_csv(
            factory(),
            USER,
            f"date,stress\n{first + timedelta(days=n)},{n % 9 + 1}\n".encode(),
            filename=f"{n}.csv",
            policy=InvalidRowPolicy.REJECT_FILE,
            date_order=DateOrder.AUTO,
            now=datetime.now(UTC),
        )
    context = Context(
        uow_factory=factory, limits=Limits(1, 1), clock=lambda: datetime.now(UTC), user_id=USER
    )
    dates = [(first + timedelta(days=n * 30)).isoformat() for n in range(50)]
    ids = [opaque_id("Kpi", USER, day) for day in dates]
    ids += [opaque_id("DailyMetric", USER, day) for day in dates]
    lookup = _median_ms(lambda: asyncio.run(nodes.find(context, ids)))
    page = _median_ms(lambda: services.ingestion_page(factory(), USER, 100, None))
    engine.dispose()
    return {
        "upload changing 3,650 days": whole,
        "nodes, 100 ids": lookup,
        "ingestionHistory page of 100": page,
    }


def main() -> None:
    for kind in ("sqlite", "postgresql"):
        with _database(kind) as url:
            for name, ms in _figures(url).items():
                print(f"{kind:10} {name:32} {ms:8.1f} ms")


if __name__ == "__main__":
    main()
