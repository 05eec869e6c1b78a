"""Every GraphQL error carries a code from docs/api.md, with the HTTP status it names."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.graph.api import error_codes, post


def _single_error(body: dict[str, Any]) -> dict[str, Any]:
    error: dict[str, Any]
    (error,) = body["errors"]
    assert "None" not in error["message"], error
    return error


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("{ kpis(", "GRAPHQL_PARSE_FAILED"),
        ("{ nope }", "GRAPHQL_VALIDATION_FAILED"),
        ('{ kpis(start: "2026-01-01") { date } }', "GRAPHQL_VALIDATION_FAILED"),
        ("{ " + " ".join(f"a{i}: profile {{ id }}" for i in range(16)) + " }", "QUERY_TOO_COSTLY"),
        ("{ profile { id } }", None),
        ("query { " + "__typename " * 5_001 + "}", "QUERY_TOO_COSTLY"),
    ],
)
def test_parse_validation_and_limit_errors_have_their_code(
    client: TestClient, query: str, code: str | None
) -> None:
    body = post(client, query)

    assert error_codes(body) == ([code] if code else [])


@pytest.mark.parametrize(
    ("query", "argument"),
    [
        ('{ kpis(start: "2026-02-30", end: "2026-03-01") { date } }', "start"),
        ('{ kpis(start: 20260101, end: "2026-03-01") { date } }', "start"),
        ("{ ingestions(limit: 99999999999) { id } }", "limit"),
        (
            '{ kpiSummary(start: "2026-01-01", end: "2026-01-31", period: DAY) { daysLogged } }',
            "period",
        ),
        (
            'mutation { upsertDailyMetric(input: {date: "2026-01-01", steps: "many"}) { id } }',
            "input",
        ),
    ],
)
def test_a_literal_that_fails_coercion_is_bad_user_input_naming_the_argument(
    client: TestClient, query: str, argument: str
) -> None:
    error = _single_error(post(client, query))

    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["extensions"]["argument"] == argument
    assert f"Argument '{argument}" in error["message"]


@pytest.mark.parametrize("value", ["2026-13-01", None, 5, [1]])
def test_a_variable_that_fails_coercion_is_bad_user_input_naming_it_and_its_argument(
    client: TestClient, value: object
) -> None:
    query = 'query($s: Date!) { kpis(start: $s, end: "2026-03-01") { date } }'

    error = _single_error(post(client, query, {"s": value}))

    assert error["extensions"] == {"code": "BAD_USER_INPUT", "variable": "s", "argument": "start"}


def test_a_mutation_over_get_is_refused_405_method_not_allowed(client: TestClient) -> None:
    response = client.get(
        "/graphql",
        params={"query": 'mutation { deleteDailyMetrics(start: "2026-01-01", end: "2026-01-01") }'},
    )

    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert error_codes(response.json()) == ["METHOD_NOT_ALLOWED"]


def test_a_graphql_response_client_gets_400_without_data_for_a_request_error(
    client: TestClient,
) -> None:
    accept = {"Accept": "application/graphql-response+json"}
    response = client.post("/graphql", json={"query": "{ nope }"}, headers=accept)
    ok = client.post("/graphql", json={"query": "{ profile { id } }"}, headers=accept)

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    assert "data" not in response.json()
    assert error_codes(response.json()) == ["GRAPHQL_VALIDATION_FAILED"]
    assert ok.status_code == 200
    assert ok.headers["content-type"].startswith("application/graphql-response+json")


def test_a_json_client_gets_200_for_a_request_error(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": "{ nope }"})

    assert response.status_code == 200
    assert response.json()["data"] is None


def test_a_body_that_is_not_an_operation_is_bad_request(client: TestClient) -> None:
    response = client.post("/graphql", json=[{"query": "{ profile { id } }"}])

    assert response.status_code == 400
    assert error_codes(response.json()) == ["BAD_REQUEST"]


def test_introspection_can_be_turned_off(database_url: str) -> None:
    from graph.http.app import create_app
    from graph.http.settings import Settings

    settings = Settings(database_url=database_url, introspection=False, _env_file=None)
    with TestClient(create_app(settings), base_url="http://localhost") as client:
        body = post(client, "{ __schema { queryType { name } } }")
        allowed = post(client, "{ profile { id } }")

    assert set(error_codes(body)) == {"GRAPHQL_VALIDATION_FAILED"}
    assert "errors" not in allowed
