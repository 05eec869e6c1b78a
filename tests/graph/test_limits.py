"""Query limits: depth 10, 15 aliases, 5,000 tokens."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.graph.api import post


def _aliases(count: int) -> str:
    return "{ " + " ".join(f"a{n}: dataRange {{ daysLogged }}" for n in range(count)) + " }"


def test_fifteen_aliases_are_allowed(client: TestClient) -> None:
    body = post(client, _aliases(15))

    assert "errors" not in body
    assert len(body["data"]) == 15


def test_sixteen_aliases_are_refused(client: TestClient) -> None:
    body = post(client, _aliases(16))

    assert body.get("data") is None
    assert "aliases" in body["errors"][0]["message"]


def _nested(depth: int) -> str:
    # Depth counts from the root fields (``{ profile { sex } }`` is 1). Nothing in the
    # schema nests that deep, so the selections are made up: the depth rule reports them
    # whether or not the fields exist.
    return "{ profile " + "{ sex " * depth + "}" * (depth + 1)


def test_a_query_deeper_than_ten_is_refused(client: TestClient) -> None:
    too_deep = post(client, _nested(11))
    deep_enough = post(client, _nested(10))

    assert too_deep.get("data") is None
    assert any("depth of 10" in error["message"] for error in too_deep["errors"])
    assert not any("depth" in error["message"] for error in deep_enough["errors"])


def test_a_query_of_more_than_5000_tokens_is_refused(client: TestClient) -> None:
    body = post(client, "{ dataRange { " + "daysLogged " * 5_000 + "} }")

    assert body.get("data") is None
    assert "token" in body["errors"][0]["message"].lower()


def test_a_query_well_under_the_token_limit_is_served(client: TestClient) -> None:
    body = post(client, "{ dataRange { " + "daysLogged " * 300 + "} }")

    assert body == {"data": {"dataRange": {"daysLogged": 0}}}
