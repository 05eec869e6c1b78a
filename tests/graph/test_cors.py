"""Browsers on the allowed origins may call the API; preflights need no token (docs/api.md)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from graph.http.app import create_app
from graph.http.settings import Settings

ALLOWED = "https://dash.example.org"
TOKEN = "cors-test-token-0123456789abcdefghij"
PREFLIGHT = {
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type, apollo-require-preflight",
}


@pytest.fixture
def cors_client(database_url: str, engine: Engine) -> Iterator[TestClient]:
    settings = Settings(
        database_url=database_url, cors_origins=ALLOWED, api_token=TOKEN, _env_file=None
    )
    with TestClient(create_app(settings, engine=engine)) as client:
        yield client


def test_a_preflight_from_an_allowed_origin_is_answered_without_a_token(
    cors_client: TestClient,
) -> None:
    response = cors_client.options("/graphql", headers={"Origin": ALLOWED, **PREFLIGHT})

    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == ALLOWED
    allowed = {h.strip() for h in response.headers["access-control-allow-headers"].split(",")}
    assert allowed >= {
        "authorization",
        "content-type",
        "apollo-require-preflight",
        "x-requested-with",
    }
    assert "POST" in response.headers["access-control-allow-methods"]


def test_a_preflight_from_another_origin_gets_no_permission(cors_client: TestClient) -> None:
    response = cors_client.options(
        "/graphql", headers={"Origin": "https://evil.example", **PREFLIGHT}
    )

    assert "access-control-allow-origin" not in response.headers


def test_a_request_from_an_allowed_origin_may_read_the_answer_and_its_headers(
    cors_client: TestClient,
) -> None:
    response = cors_client.post(
        "/graphql",
        json={"query": "{ profile { id } }"},
        headers={"Origin": ALLOWED, "Authorization": f"Bearer {TOKEN}"},
    )
    refused = cors_client.post(
        "/graphql", json={"query": "{ profile { id } }"}, headers={"Origin": ALLOWED}
    )

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED
    assert "etag" in response.headers["access-control-expose-headers"]
    assert refused.status_code == 401  # the token is still needed, and the browser sees why
    assert refused.headers["access-control-allow-origin"] == ALLOWED


def test_without_configured_origins_no_origin_is_allowed(client: TestClient) -> None:
    response = client.options("/graphql", headers={"Origin": ALLOWED, **PREFLIGHT})
    plain = client.post(
        "/graphql", json={"query": "{ profile { id } }"}, headers={"Origin": ALLOWED}
    )

    assert "access-control-allow-origin" not in response.headers
    assert "access-control-allow-origin" not in plain.headers


@pytest.mark.parametrize("value", ["https://a.example/path", "ftp://a.example", "a.example"])
def test_an_origin_that_is_not_one_fails_at_start_up(value: str) -> None:
    with pytest.raises(ValueError, match="HEALTHHUB_CORS_ORIGINS"):
        Settings(cors_origins=value, _env_file=None)


def test_a_refused_preflight_says_why_in_the_graphql_error_shape(
    cors_client: TestClient,
) -> None:
    response = cors_client.options(
        "/graphql", headers={"Origin": "https://evil.example", **PREFLIGHT}
    )

    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert "HEALTHHUB_CORS_ORIGINS" in error["message"]


def test_a_preflight_asking_for_another_header_gets_no_permission(
    cors_client: TestClient,
) -> None:
    response = cors_client.options(
        "/graphql",
        headers={
            "Origin": ALLOWED,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-unknown",
        },
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_any_origin_is_allowed_with_a_star(database_url: str, engine: Engine) -> None:
    settings = Settings(database_url=database_url, cors_origins="*", _env_file=None)
    with TestClient(create_app(settings, engine=engine)) as client:
        preflight = client.options(
            "/graphql", headers={"Origin": "https://any.example", **PREFLIGHT}
        )

    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] in ("*", "https://any.example")
