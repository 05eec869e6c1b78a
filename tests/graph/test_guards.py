"""The HTTP guards around the API: body limit, bearer token, health check and GraphiQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine

from graph.http.app import create_app
from graph.http.settings import Settings
from tests.graph.api import PREFLIGHT, local_client, upload_request

QUERY = {"query": "{ dataRange { daysLogged } }"}


@pytest.fixture
def small_limit_client(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    limited = settings.model_copy(update={"max_upload_bytes": 1_000})
    with local_client(create_app(limited, engine=engine)) as test_client:
        yield test_client


@pytest.fixture
def token_client(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    guarded = settings.model_copy(
        update={"api_token": SecretStr("s3cret-token-0123456789abcdefghij")}
    )
    with local_client(create_app(guarded, engine=engine)) as test_client:
        yield test_client


def test_a_body_declared_larger_than_the_limit_is_refused_with_413(
    small_limit_client: TestClient,
) -> None:
    response = upload_request(small_limit_client, b"date,steps\n" + b"2026-01-01,1\n" * 20_000)

    assert response.status_code == 413
    assert small_limit_client.post("/graphql", json=QUERY).status_code == 200


def test_a_streamed_body_passing_the_limit_is_refused_with_413(
    small_limit_client: TestClient,
) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"query": "{ dataRange { daysLogged } }", "variables": {"pad": "'
        for _ in range(200):
            yield b"x" * 1_000
        yield b'"}}'

    response = small_limit_client.post(
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )

    assert response.status_code == 413


def test_a_body_within_the_limit_is_served(small_limit_client: TestClient) -> None:
    response = upload_request(small_limit_client, b"date,steps\n2026-01-01,1\n")

    assert response.status_code == 200
    assert response.json()["data"]["uploadCsv"]["status"] == "APPLIED"


@pytest.mark.parametrize(
    "authorization", [None, "Bearer wrong", "s3cret-token-0123456789abcdefghij", "Bearer "]
)
def test_without_the_right_bearer_token_a_request_is_refused_with_401(
    token_client: TestClient, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}

    response = token_client.post("/graphql", json=QUERY, headers=headers)

    assert response.status_code == 401
    assert "s3cret" not in response.text
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}


def test_with_the_bearer_token_a_request_is_served(token_client: TestClient) -> None:
    response = token_client.post(
        "/graphql",
        json=QUERY,
        headers={"Authorization": "Bearer s3cret-token-0123456789abcdefghij"},
    )

    assert response.status_code == 200
    assert response.json() == {"data": {"dataRange": {"daysLogged": 0}}}


def test_the_bearer_token_also_passes_the_multipart_preflight_check(
    token_client: TestClient,
) -> None:
    response = upload_request(
        token_client,
        b"date,steps\n2026-01-01,1\n",
        headers={"Authorization": "Bearer s3cret-token-0123456789abcdefghij"},
    )

    assert response.status_code == 200


def test_the_health_check_is_open_without_the_token(token_client: TestClient) -> None:
    response = token_client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"service": "ok", "database": "ok"}


def test_the_health_check_reports_an_unreachable_database_with_503() -> None:
    settings = Settings(
        database_url="postgresql+psycopg://nobody@127.0.0.1:9/nowhere",
        database_timeout_seconds=1,
        _env_file=None,
    )
    with local_client(create_app(settings)) as client:
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
    assert "nobody" not in response.text


def test_graphiql_is_served_to_a_browser(client: TestClient) -> None:
    response = client.get("/graphql", headers={"accept": "text/html"})

    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


def test_a_query_is_answered_with_json(client: TestClient) -> None:
    response = client.post("/graphql", json=QUERY, headers=PREFLIGHT)

    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"data": {"dataRange": {"daysLogged": 0}}}
