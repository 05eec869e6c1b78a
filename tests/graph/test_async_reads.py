"""The reads before a request's GraphQL work run on the event loop on PostgreSQL
(persistence/async_reads.py): the same answers, no thread hop, and a restarted
database costs no request."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import anyio.to_thread
import psycopg
import pytest
from fastapi.testclient import TestClient

from domain.accounts import StoredToken, User
from graph.http.app import create_app
from graph.http.settings import Settings
from persistence import async_reads
from persistence.accounts import SqlAccountStore
from persistence.async_reads import CONNECTIONS, AsyncReads
from persistence.database import create_engine_for
from tests.graph.api import KPI_FIELDS, local_client, upload

pytestmark = pytest.mark.postgres

KPIS = f'{{ kpis(start: "2026-01-01", end: "2026-01-03") {{ {KPI_FIELDS} }} }}'
CSV = b"date,steps_n,weight_kg\n2026-01-01,8000,80.0\n2026-01-02,9000,79.8\n"
NOW = datetime(2026, 3, 20, tzinfo=UTC)
TOKEN = "hh_" + "A" * 43


@pytest.fixture
def hops(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The functions sent to a worker thread, by name."""
    names: list[str] = []
    original = anyio.to_thread.run_sync

    async def counting(function: Any, *args: Any, **kwargs: Any) -> Any:
        names.append(getattr(function, "__qualname__", repr(function)))
        return await original(function, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counting)
    return names


@pytest.fixture
def client(postgres_url: str) -> Iterator[TestClient]:
    settings = Settings(database_url=postgres_url, _env_file=None)
    with local_client(create_app(settings)) as test_client:
        yield test_client


def test_authentication_and_the_etag_read_take_no_worker_thread(
    client: TestClient, hops: list[str]
) -> None:
    upload(client, CSV)
    hops.clear()
    first = client.get("/graphql", params={"query": KPIS})
    assert first.status_code == 200
    again = client.get(
        "/graphql", params={"query": KPIS}, headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    # Only the resolver's read of the KPIs went to a thread; no accounts lookup and no
    # data-version read did.
    assert not any("any_users" in name or "read_version" in name for name in hops), hops
    assert len(hops) == 1, hops


def test_a_token_is_looked_up_on_the_event_loop_with_the_stored_answer(
    postgres_url: str, hops: list[str]
) -> None:
    engine = create_engine_for(postgres_url)
    try:
        store = SqlAccountStore(engine)
        sha256 = hashlib.sha256(TOKEN.encode()).hexdigest()
        store.create_user(
            User(name="alice", created_at=NOW),
            StoredToken(sha256=sha256, prefix=TOKEN[:8], created_at=NOW),
            adopt_local=False,
        )
        settings = Settings(database_url=postgres_url, _env_file=None)
        with TestClient(create_app(settings)) as client:
            hops.clear()
            response = client.post(
                "/graphql",
                json={"query": "{ me { name } }"},
                headers={"Authorization": f"Bearer {TOKEN}"},
            )
            assert response.json() == {"data": {"me": {"name": "alice"}}}
            assert not any("find_token" in name for name in hops), hops
            refused = client.post("/graphql", json={"query": "{ me { name } }"})
            assert refused.status_code == 401
    finally:
        engine.dispose()


def test_a_restarted_database_costs_no_request(client: TestClient, postgres_url: str) -> None:
    """Every connection of the reads is cut (as a server restart does); the next
    request still gets its answer: the read tries the pool's next connection, and
    when none is left goes through the engine, which reconnects."""
    query = {"query": "{ dataRange { daysLogged } }"}
    assert client.post("/graphql", json=query).status_code == 200
    name = postgres_url.rsplit("/", 1)[1]
    with psycopg.connect(postgres_url.replace("+psycopg", ""), autocommit=True) as admin:
        cut = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        ).fetchall()
    assert cut
    response = client.post("/graphql", json=query)
    assert response.status_code == 200, response.text
    assert response.json() == {"data": {"dataRange": {"daysLogged": 0}}}


def test_an_unreachable_database_is_a_503_with_its_code_within_the_timeout() -> None:
    """The reads never wait for a connection the pool cannot make: the engine's path
    reports the outage, within HEALTHHUB_DATABASE_TIMEOUT_SECONDS as promised."""
    dead = "postgresql+psycopg://postgres@127.0.0.1:1/nowhere"
    settings = Settings(
        database_url=dead, database_timeout_seconds=1, api_token=None, _env_file=None
    )
    with local_client(create_app(settings)) as client:
        started = time.monotonic()
        response = client.post("/graphql", json={"query": "{ dataRange { daysLogged } }"})
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.json()["errors"][0]["extensions"]["code"] == "DATABASE_UNAVAILABLE"
    assert elapsed < settings.database_timeout_seconds


def test_the_reads_answer_like_the_engine(postgres_url: str) -> None:
    asyncio.run(_reads_answer_like_the_engine(postgres_url))


async def _reads_answer_like_the_engine(postgres_url: str) -> None:
    engine = create_engine_for(postgres_url)
    reads = AsyncReads(postgres_url, timeout_seconds=5)
    await reads.open()
    try:
        store = SqlAccountStore(engine)
        assert await reads.any_users() is store.any_users() is False
        assert await reads.data_version("nobody") == 0
        sha256 = hashlib.sha256(TOKEN.encode()).hexdigest()
        assert await reads.find_token(sha256) is None
        store.create_user(
            User(name="bob", created_at=NOW),
            StoredToken(sha256=sha256, prefix=TOKEN[:8], created_at=NOW),
            adopt_local=False,
        )
        store.touch_token(sha256, NOW)
        assert await reads.any_users() is store.any_users() is True
        assert await reads.find_token(sha256) == store.find_token(sha256)
    finally:
        await reads.close()
        engine.dispose()


def test_reads_that_find_every_connection_busy_wait_for_one(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twice as many reads as connections at once: those that find every connection
    held by another read wait for one instead of leaving for the engine's path (which
    under 20 clients took a fifth to a quarter of the reads through a worker thread)."""
    monkeypatch.setattr(async_reads, "BUSY_WAIT_SECONDS", 30.0)
    asyncio.run(_busy_reads_wait(postgres_url))


async def _busy_reads_wait(postgres_url: str) -> None:
    reads = AsyncReads(postgres_url, timeout_seconds=5)
    await reads.open()
    admin = await psycopg.AsyncConnection.connect(postgres_url.replace("+psycopg", ""))
    try:
        # Each read blocks on the lock, holding its connection, until it is released.
        await admin.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE")
        pending = [asyncio.ensure_future(reads.any_users()) for _ in range(2 * CONNECTIONS)]
        await asyncio.sleep(0.3)
        assert not any(read.done() for read in pending), "the reads did not wait"
        await admin.rollback()
        assert await asyncio.gather(*pending) == [False] * (2 * CONNECTIONS)
    finally:
        await admin.close()
        await reads.close()


def test_sqlite_keeps_the_engine_path() -> None:
    assert not AsyncReads.serves("sqlite:///hub.db")
    assert AsyncReads.serves("postgresql+psycopg://postgres@127.0.0.1/test")
