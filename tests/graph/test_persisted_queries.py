"""Automatic persisted queries (Apollo's protocol) over POST and GET (docs/api.md)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from graph.http.app import create_app
from graph.http.settings import Settings
from persistence.database import create_engine_for
from persistence.persisted_queries import PersistedQueryStore
from tests.graph.api import error_codes

QUERY = "query Goal { profile { stepsGoal } }"
HASH = hashlib.sha256(QUERY.encode()).hexdigest()
EXTENSIONS = {"persistedQuery": {"version": 1, "sha256Hash": HASH}}


def test_an_unknown_hash_asks_for_the_query_then_the_hash_alone_runs_it(
    client: TestClient,
) -> None:
    unknown = client.post("/graphql", json={"extensions": EXTENSIONS})
    registered = client.post("/graphql", json={"query": QUERY, "extensions": EXTENSIONS})
    by_hash = client.post("/graphql", json={"extensions": EXTENSIONS})

    assert unknown.status_code == 200
    assert error_codes(unknown.json()) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert unknown.json()["errors"][0]["message"] == "PersistedQueryNotFound"
    assert registered.json() == {"data": {"profile": {"stepsGoal": 10000}}}
    assert by_hash.json() == registered.json()


def test_a_hash_works_over_get_and_its_answer_is_tagged(client: TestClient) -> None:
    params = {"extensions": json.dumps(EXTENSIONS)}
    unknown = client.get("/graphql", params=params)
    client.get("/graphql", params={**params, "query": QUERY})

    by_hash = client.get("/graphql", params=params)

    assert error_codes(unknown.json()) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert "etag" not in unknown.headers
    assert by_hash.json() == {"data": {"profile": {"stepsGoal": 10000}}}
    assert by_hash.headers["etag"].startswith('W/"')


def test_a_query_that_does_not_match_its_hash_is_refused(client: TestClient) -> None:
    response = client.post(
        "/graphql", json={"query": "{ profile { id } }", "extensions": EXTENSIONS}
    )

    assert response.status_code == 400
    assert error_codes(response.json()) == ["BAD_REQUEST"]


def test_a_stored_query_passes_the_limits_on_every_use(client: TestClient) -> None:
    costly = "{ " + " ".join(f"a{i}: profile {{ id }}" for i in range(16)) + " }"
    extensions = {
        "persistedQuery": {"version": 1, "sha256Hash": hashlib.sha256(costly.encode()).hexdigest()}
    }

    first = client.post("/graphql", json={"query": costly, "extensions": extensions})
    again = client.post("/graphql", json={"extensions": extensions})

    assert error_codes(first.json()) == ["QUERY_TOO_COSTLY"]
    assert error_codes(again.json()) == ["QUERY_TOO_COSTLY"]


def test_the_store_is_shared_by_processes_and_bounded_per_user(engine: Engine) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    writer = PersistedQueryStore(engine, max_per_user=3)
    writer.add("bob", _hash(_query(9)), _query(9), now=start)
    for i in range(5):
        writer.add("alice", _hash(_query(i)), _query(i), now=start + timedelta(i + 1))
    reader = PersistedQueryStore(engine)  # another process: its own memory

    found = [reader.get("alice", _hash(_query(i))) for i in range(5)]

    assert found[:2] == [None, None]
    assert found[2:] == [_query(i) for i in range(2, 5)]
    assert reader.get("bob", _hash(_query(9))) == _query(9)  # alice evicts her own only
    assert reader.get("bob", _hash(_query(4))) is None  # nor sees hers


def test_a_query_over_16_kib_is_run_but_not_stored(client: TestClient) -> None:
    long = "# " + "x" * (16 * 1024) + "\n" + QUERY
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": _hash(long)}}

    sent = client.post("/graphql", json={"query": long, "extensions": extensions})
    by_hash = client.post("/graphql", json={"extensions": extensions})

    assert sent.json() == {"data": {"profile": {"stepsGoal": 10_000}}}
    assert error_codes(by_hash.json()) == ["PERSISTED_QUERY_NOT_FOUND"]


def _query(i: int) -> str:
    return f"{{ q{i}: profile {{ id }} }}"


def _hash(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()


def test_an_unreachable_store_asks_for_the_query_which_then_runs(
    settings: Settings, engine: Engine, tmp_path: Path
) -> None:
    missing = create_engine_for(f"sqlite:///{tmp_path}/no/such/dir/store.db")
    app = create_app(settings, engine=engine, persisted_queries=PersistedQueryStore(missing))
    with TestClient(app, base_url="http://localhost") as client:
        unknown = client.post("/graphql", json={"extensions": EXTENSIONS})
        sent = client.post("/graphql", json={"query": QUERY, "extensions": EXTENSIONS})
    missing.dispose()

    assert error_codes(unknown.json()) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert sent.json() == {"data": {"profile": {"stepsGoal": 10000}}}
