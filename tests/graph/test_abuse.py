"""Issue 21's attacks on the real ``healthhub serve`` (docs/security.md): what one
request can make the server do, answered as the contract says.

Where the protocol does not matter (costs, upload limits) one server runs httptools
on uvloop, ``serve``'s default; tests/graph/test_serving.py holds the attacks that run
on both protocols.
"""

from __future__ import annotations

import io
import json
import zipfile
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


def _zip_of(size: int) -> bytes:
    """A ZIP whose bytes are about ``size`` (stored, so nothing shrinks)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("export.csv", b"date,steps_n\n" + b"x" * size)
    return buffer.getvalue()


def _upload(server: ServerProcess, query: str, content: bytes) -> httpx.Response:
    operations = {"query": query, "variables": {"file": None}}
    return httpx.post(
        f"{server.base_url}/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": ("export.zip", content, "application/zip")},
        headers=AUTH,
        timeout=30,
    )


@pytest.mark.parametrize(
    "query",
    [
        # A fragment named as the import mutation around uploadCsv.
        "mutation($file: Upload!) { ...importFile } "
        "fragment importFile on Mutation { uploadCsv(file: $file) { status } }",
        # The import mutation next to uploadCsv hidden in an inline fragment.
        "mutation($file: Upload!) { importFile(file: $file) { status } "
        "... on Mutation { uploadCsv(file: $file) { status } } }",
        # An operation named importFile, an alias importFile.
        "mutation importFile($file: Upload!) { importFile: uploadCsv(file: $file) { status } }",
    ],
    ids=["fragment-name", "inline-fragment", "operation-and-alias"],
)
def test_upload_csv_gets_the_upload_limit_whatever_names_the_client_chooses(
    server: ServerProcess, query: str
) -> None:
    response = _upload(server, query, _zip_of(3 * MAX_UPLOAD_BYTES))

    assert response.status_code == 413, response.text
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "PAYLOAD_TOO_LARGE"
    assert "HEALTHHUB_MAX_UPLOAD_BYTES" in error["message"]


def test_import_file_alone_gets_the_import_limit_for_a_zip(server: ServerProcess) -> None:
    query = "mutation($file: Upload!) { ... on Mutation { importFile(file: $file) { status } } }"

    response = _upload(server, query, _zip_of(3 * MAX_UPLOAD_BYTES))

    assert response.status_code == 200, response.text
    assert response.json()["data"]["importFile"]["status"] == "REJECTED"  # not an app's export
