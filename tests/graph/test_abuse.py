"""Issue 21's attacks on the real ``healthhub serve`` (docs/security.md): what one
request can make the server do, answered as the contract says.

Where the protocol does not matter (costs, upload limits) one server runs httptools
on uvloop, ``serve``'s default; tests/graph/test_serving.py holds the attacks that run
on both protocols.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.support.server import ServerProcess, running_server

TOKEN = "abuse-test-token-0123456789abcdefghijkl"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
#: Small file limits, so a file between them shows which one was applied.
MAX_UPLOAD_BYTES = 4_096
MAX_IMPORT_BYTES = 1_000_000
ERRORS = "errors { row column value message }"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    workdir = tmp_path_factory.mktemp("abuse")
    env = {
        "HEALTHHUB_API_TOKEN": TOKEN,
        "HEALTHHUB_MAX_UPLOAD_BYTES": str(MAX_UPLOAD_BYTES),
        "HEALTHHUB_MAX_IMPORT_BYTES": str(MAX_IMPORT_BYTES),
    }
    with running_server(f"sqlite:///{workdir}/abuse.db", workdir / "server.log", env=env) as s:
        yield s


def _post(server: ServerProcess, query: str, variables: dict[str, Any] | None = None) -> Any:
    response = httpx.post(
        f"{server.base_url}/graphql",
        json={"query": query, "variables": variables or {}},
        headers=AUTH,
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return response.json()


def _codes(body: dict[str, Any]) -> list[str | None]:
    return [error.get("extensions", {}).get("code") for error in body.get("errors", [])]


def test_a_variable_default_is_priced_at_its_value_not_at_one(server: ServerProcess) -> None:
    # 100 reports of 1,000 errors of 4 fields: 500,100, over the limit.
    query = f"query($l: Int! = 100) {{ ingestions(limit: $l) {{ {ERRORS} }} }}"

    assert _codes(_post(server, query)) == ["QUERY_TOO_COSTLY"]
    assert _codes(_post(server, query, {"l": 1})) == []  # the value sent, when sent


def test_lists_hidden_under_22_nested_inline_fragments_are_counted(
    server: ServerProcess,
) -> None:
    nested = "... on Query { " * 22 + f"ingestions(limit: 100) {{ {ERRORS} }}" + " }" * 22

    body = _post(server, f"{{ {nested} }}")

    assert _codes(body) == ["QUERY_TOO_COSTLY"]
    assert body["errors"][0]["extensions"]["cost"] == 100 * (1 + 1_000 * 5)


def test_lists_in_fragments_spread_through_fragments_are_counted(server: ServerProcess) -> None:
    chain = "".join(f"fragment F{i} on Query {{ ...F{i + 1} }} " for i in range(30))
    query = f"{{ ...F0 }} {chain} fragment F30 on Query {{ ingestions(limit: 100) {{ {ERRORS} }} }}"

    assert _codes(_post(server, query)) == ["QUERY_TOO_COSTLY"]
