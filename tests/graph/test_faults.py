"""The data stays whole when the process dies, the database goes away or a write fails."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from domain.model import Kpi
from domain.parsing import parse_csv
from domain.ports import UnitOfWork
from graph.http.app import create_app
from graph.http.settings import Settings
from persistence.database import create_engine_for
from persistence.migrations import upgrade
from persistence.uow import SqlUnitOfWork
from tests.graph.api import PREFLIGHT, UPLOAD, local_client, upload
from tests.support.databases import private_cluster
from tests.support.metrics import (
    assert_kpis_match_stored_days,
    csv_of,
    realistic_days,
    stored_state,
)
from tests.support.server import ServerProcess

LEAKS = ("Traceback", "sqlalchemy", "psycopg", "SELECT ", "INSERT ")
BIG_FILE_DAYS = 36_500


def _post_upload(base_url: str, content: bytes, outcome: dict[str, Any]) -> None:
    files = {"0": ("century.csv", content, "text/csv")}
    form = {
        "operations": _operations(),
        "map": '{"0": ["variables.file"]}',
    }
    try:
        outcome["response"] = httpx.post(
            f"{base_url}/graphql", data=form, files=files, headers=PREFLIGHT, timeout=120
        )
    except httpx.HTTPError as error:
        outcome["error"] = error


def _operations() -> str:
    return json.dumps({"query": UPLOAD, "variables": {"file": None}})


def _writer_active(database_url: str) -> bool:
    """Whether a transaction holds the user's write lock right now."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        probe = sqlite3.connect(str(url.database), timeout=0, isolation_level=None)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            probe.close()
    libpq = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(libpq) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
            "WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()"
        ).fetchone()
    return bool(row and row[0])


@pytest.mark.slow
def test_a_server_killed_mid_upload_keeps_all_or_none_of_the_file(
    database_url: str, uow_factory: Callable[[], UnitOfWork], tmp_path: Path
) -> None:
    content = csv_of(realistic_days(date(1925, 6, 1), BIG_FILE_DAYS, seed=3))
    assert parse_csv(content, today=date(2026, 1, 1)).error_count == 0
    server = ServerProcess(database_url, tmp_path / "server.log")
    server.start()
    outcome: dict[str, Any] = {}
    sender = threading.Thread(target=_post_upload, args=(server.base_url, content, outcome))
    try:
        sender.start()
        deadline = time.monotonic() + 60
        while not _writer_active(database_url):
            assert sender.is_alive(), f"the upload finished before it was seen: {outcome}"
            assert time.monotonic() < deadline
            time.sleep(0.005)
        server.kill()
        sender.join(timeout=30)
        assert "response" not in outcome, "the kill came after the reply"

        restarted = ServerProcess(database_url, tmp_path / "restart.log")
        restarted.start()
        try:
            answer = httpx.post(
                f"{restarted.base_url}/graphql", json={"query": "{ dataRange { daysLogged } }"}
            )
        finally:
            restarted.stop()
    finally:
        server.stop()

    stored_days = stored_state(uow_factory)[0]
    assert len(stored_days) in (0, BIG_FILE_DAYS)
    assert answer.json() == {"data": {"dataRange": {"daysLogged": len(stored_days)}}}
    assert_kpis_match_stored_days(uow_factory)


@pytest.mark.slow
def test_an_unreachable_postgres_is_reported_and_recovered_from(tmp_path: Path) -> None:
    timeout = 2.0
    query = {"query": "{ profile { stepsGoal } }"}
    with private_cluster() as cluster:
        env = {"HEALTHHUB_DATABASE_TIMEOUT_SECONDS": str(timeout)}
        server = ServerProcess(cluster.url, tmp_path / "server.log", env=env)
        server.start()
        try:
            assert httpx.post(f"{server.base_url}/graphql", json=query).status_code == 200
            cluster.stop()

            # How quickly: tests/bench/bench_outage.py prints the figures.
            health = httpx.get(f"{server.base_url}/healthz", timeout=30)
            answer = httpx.post(f"{server.base_url}/graphql", json=query, timeout=30)

            assert health.status_code == 503
            assert "database" in health.text
            assert answer.status_code == 503
            assert answer.headers["retry-after"]
            error = answer.json()["errors"][0]
            assert error["extensions"]["code"] == "DATABASE_UNAVAILABLE"
            assert error["extensions"]["errorId"]
            assert "database is unavailable" in error["message"]
            for marker in LEAKS:
                assert marker not in answer.text

            cluster.start()
            server.wait_healthy(timeout=20)
            recovered = httpx.post(f"{server.base_url}/graphql", json=query)
            assert recovered.json() == {"data": {"profile": {"stepsGoal": 10_000}}}
        finally:
            server.stop()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'healthhub.db'}"
    upgrade(url)
    return url


def test_the_sqlite_engine_uses_wal_foreign_keys_and_a_busy_timeout(sqlite_url: str) -> None:
    settings = Settings(database_url=sqlite_url, database_timeout_seconds=3, _env_file=None)
    engine = create_engine_for(
        settings.database_url, timeout_seconds=settings.database_timeout_seconds
    )
    try:
        with engine.connect() as connection:
            pragmas = {
                name: connection.execute(text(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout")
            }
    finally:
        engine.dispose()

    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 3000}


def test_a_reader_does_not_block_an_upload_on_sqlite(sqlite_url: str) -> None:
    settings = Settings(database_url=sqlite_url, database_timeout_seconds=1, _env_file=None)
    reader = sqlite3.connect(make_url(sqlite_url).database or "", isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM daily_metrics").fetchone()
        app = create_app(settings)
        with local_client(app) as client:
            report = upload(client, csv_of(realistic_days(date(2025, 1, 1), 30)))
        reader.execute("COMMIT")
    finally:
        reader.close()

    assert report["status"] == "APPLIED"
    assert report["rowsInserted"] == 30


class _FailingKpis:
    """KPI repository that fails before writing, or after its write took effect."""

    def __init__(self, real: Any, *, after_write: bool) -> None:
        self._real = real
        self._after_write = after_write

    def replace_from(self, user_id: str, since: date | None, kpis: Any, **kwargs: Any) -> None:
        if self._after_write:
            self._real.replace_from(user_id, since, kpis, **kwargs)
        raise RuntimeError("injected failure in SELECT * FROM kpis")

    def between(self, user_id: str, start: date, end: date) -> list[Kpi]:
        result: list[Kpi] = self._real.between(user_id, start, end)
        return result


class _FaultyUnitOfWork(SqlUnitOfWork):
    def __init__(self, engine: Engine, *, after_write: bool) -> None:
        super().__init__(engine)
        self._after_write = after_write

    def __enter__(self) -> _FaultyUnitOfWork:
        super().__enter__()
        self.kpis = _FailingKpis(self.kpis, after_write=self._after_write)  # type: ignore[assignment]
        return self


@pytest.fixture
def seeded(settings: Settings, engine: Engine) -> None:
    with local_client(create_app(settings, engine=engine)) as client:
        upload(client, csv_of(realistic_days(date(2025, 1, 1), 40)))
    return


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("after_write", [False, True], ids=["before-kpi-write", "in-kpi-write"])
def test_a_failure_in_the_kpi_write_leaves_the_database_as_it_was(
    after_write: bool,
    settings: Settings,
    engine: Engine,
    uow_factory: Callable[[], UnitOfWork],
    caplog: pytest.LogCaptureFixture,
) -> None:
    before = stored_state(uow_factory)
    with uow_factory() as uow:
        history = uow.ingestions.latest("local", 100)
    app = create_app(
        settings,
        engine=engine,
        uow_factory=lambda: _FaultyUnitOfWork(engine, after_write=after_write),
    )
    change = csv_of(realistic_days(date(2025, 1, 20), 40, seed=9))

    with caplog.at_level(logging.ERROR), local_client(app) as client:
        response = client.post(
            "/graphql",
            data={
                "operations": _operations(),
                "map": '{"0": ["variables.file"]}',
            },
            files={"0": ("change.csv", change, "text/csv")},
            headers=PREFLIGHT,
        )

    body = response.json()
    (error,) = body["errors"]
    assert body["data"] is None
    assert "injected" not in response.text
    for marker in LEAKS:
        assert marker not in response.text
    assert error["extensions"]["errorId"] in caplog.text
    assert stored_state(uow_factory) == before
    with uow_factory() as uow:
        assert uow.ingestions.latest("local", 100) == history
