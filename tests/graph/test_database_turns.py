"""One request holds at most one pooled connection; writes that cannot get the lock in
time, and uploads that cannot get a slot, are told BUSY (docs/security.md)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import anyio
import httpx
import pytest
from sqlalchemy import Engine, event

from domain import services
from domain.errors import BusyError
from domain.ports import UnitOfWork
from graph.http.app import create_app
from graph.http.settings import Settings
from persistence.database import create_engine_for
from persistence.uow import SqlUnitOfWork, uow_factory
from tests.graph.api import error_codes, local_client, upload_request

ALIASES = "profile { stepsGoal } " + " ".join(f"p{i}: profile {{ stepsGoal }}" for i in range(15))


@pytest.fixture
def small_pool(database_url: str) -> Iterator[Engine]:
    """Two connections, no overflow, one second's wait: 16 connections at once starve it."""
    engine = create_engine_for(database_url, timeout_seconds=1, pool_size=2, max_overflow=0)
    yield engine
    engine.dispose()


def _slow(make: Callable[[], UnitOfWork]) -> Callable[[], UnitOfWork]:
    """Units of work that hold their connection a little while, as a busy database would."""

    class Slow(SqlUnitOfWork):
        def __enter__(self) -> SqlUnitOfWork:
            entered = super().__enter__()
            time.sleep(0.15)
            return entered

    base = make()
    assert isinstance(base, SqlUnitOfWork)
    return lambda: Slow(base._engine)


def test_sixteen_aliased_fields_hold_one_connection_and_leave_the_pool_to_others(
    settings: Settings, small_pool: Engine
) -> None:
    checked_out = peak = 0

    @event.listens_for(small_pool, "checkout")
    def _out(*_args: object) -> None:
        nonlocal checked_out, peak
        checked_out += 1
        peak = max(peak, checked_out)

    @event.listens_for(small_pool, "checkin")
    def _in(*_args: object) -> None:
        nonlocal checked_out
        checked_out -= 1

    app = create_app(settings, engine=small_pool, uow_factory=_slow(uow_factory(small_pool)))

    async def both() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as api:
            heavy = api.post("/graphql", json={"query": f"{{ {ALIASES} }}"})
            async with anyio.create_task_group() as group:
                results: dict[str, httpx.Response] = {}

                async def run(name: str, request: object) -> None:
                    results[name] = await request  # type: ignore[misc]

                group.start_soon(run, "heavy", heavy)
                await anyio.sleep(0.05)
                group.start_soon(
                    run, "other", api.post("/graphql", json={"query": "{ profile { stepsGoal } }"})
                )
            return results["heavy"], results["other"]

    heavy, other = anyio.run(both)

    assert other.json() == {"data": {"profile": {"stepsGoal": 10000}}}
    assert "errors" not in heavy.json(), heavy.json()
    assert len(heavy.json()["data"]) == 16
    assert peak <= 2  # one for each request, never one per field


def test_a_write_that_waits_for_the_lock_past_the_limit_is_busy_with_503(
    settings: Settings, engine: Engine
) -> None:
    impatient = settings.model_copy(update={"lock_wait_seconds": 0.5})
    with SqlUnitOfWork(engine) as holder, local_client(create_app(impatient, engine=engine)) as api:
        holder.lock_user(services.LOCAL_USER)
        response = api.post(
            "/graphql",
            json={
                "query": 'mutation { upsertDailyMetric(input: {date: "2026-01-01", steps: 5}) '
                "{ steps } }"
            },
        )
        holder.rollback()

    assert response.status_code == 503
    assert response.headers["retry-after"].isdigit()
    assert error_codes(response.json()) == ["BUSY"]
    assert "nothing was changed" in response.json()["errors"][0]["message"]
    assert services.data_range(SqlUnitOfWork(engine), services.LOCAL_USER).days_logged == 0


def test_a_unit_of_work_abandoned_by_shutdown_rolls_back_and_is_busy(engine: Engine) -> None:
    leaving = threading.Event()
    leaving.set()

    with pytest.raises(BusyError, match="shutting down"):
        services.upsert_day(
            uow_factory(engine, abandoned=leaving.is_set)(),
            services.LOCAL_USER,
            {"steps": 5},
            day=date(2026, 1, 1),
            now=datetime.now(UTC),
        )

    assert services.data_range(uow_factory(engine)(), services.LOCAL_USER).days_logged == 0


def test_an_upload_that_cannot_get_a_slot_in_time_is_busy_with_503(
    settings: Settings, engine: Engine
) -> None:
    one_slot = settings.model_copy(update={"max_parallel_uploads": 1, "lock_wait_seconds": 0.5})
    entered, release = threading.Event(), threading.Event()
    plain = uow_factory(engine)

    def held_storage() -> UnitOfWork:
        if not entered.is_set():
            entered.set()
            assert release.wait(timeout=10)
        return plain()

    app = create_app(one_slot, engine=engine, uow_factory=held_storage)
    with local_client(app) as api:
        first: dict[str, Any] = {}
        holder = threading.Thread(
            target=lambda: first.update(response=upload_request(api, b"date,steps\n2026-01-01,1\n"))
        )
        holder.start()
        assert entered.wait(timeout=10)
        second = upload_request(api, b"date,steps\n2026-01-02,2\n")
        release.set()
        holder.join(timeout=10)

    assert second.status_code == 503
    assert error_codes(second.json()) == ["BUSY"]
    assert second.headers["retry-after"].isdigit()
    assert first["response"].json()["data"]["uploadCsv"]["status"] == "APPLIED"
