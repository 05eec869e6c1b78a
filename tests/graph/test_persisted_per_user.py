"""Persisted queries are per user: another user's stored query neither answers nor
reveals that it exists (docs/security.md)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine

from graph.http.app import create_app
from graph.http.settings import Settings
from tests.graph.test_accounts import _cli_database, add_user, bearer  # noqa: F401 (a fixture)

QUERY = "query Goal { profile { stepsGoal } }"
EXTENSIONS = {
    "persistedQuery": {"version": 1, "sha256Hash": hashlib.sha256(QUERY.encode()).hexdigest()}
}
UNKNOWN = {"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}}


@pytest.fixture
def api(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    guarded = settings.model_copy(
        update={"api_token": SecretStr("operator-0123456789abcdef-token")}
    )
    with TestClient(create_app(guarded, engine=engine)) as client:
        yield client


def test_another_users_stored_query_answers_as_an_unknown_hash(
    api: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    alice, bob = add_user(capsys, "alice"), add_user(capsys, "bob")

    registered = api.post(
        "/graphql", json={"query": QUERY, "extensions": EXTENSIONS}, headers=bearer(alice)
    )
    hers = api.post("/graphql", json={"extensions": EXTENSIONS}, headers=bearer(alice))
    his = api.post("/graphql", json={"extensions": EXTENSIONS}, headers=bearer(bob))
    never = api.post("/graphql", json={"extensions": UNKNOWN}, headers=bearer(bob))

    assert registered.json() == hers.json() == {"data": {"profile": {"stepsGoal": 10_000}}}
    assert his.status_code == never.status_code
    assert his.json() == never.json()
    assert his.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
