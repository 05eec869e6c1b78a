"""The API of a running ``healthhub serve``, spoken over HTTP the way the dashboard does."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.support.server import ServerProcess


def gql(
    server: ServerProcess,
    query: str,
    variables: dict[str, Any] | None = None,
    *,
    token: str | None = None,
) -> Any:
    """The ``data`` of an operation that must succeed."""
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    response = httpx.post(
        f"{server.base_url}/graphql",
        json={"query": query, "variables": variables or {}},
        headers=headers,
        timeout=60,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def upload(
    server: ServerProcess,
    content: bytes,
    filename: str,
    policy: str = "REJECT_FILE",
    *,
    dry_run: bool = False,
) -> Any:
    """Uploads a file as the dashboard does (``importFile``) and returns the report."""
    query = (
        "mutation($file: Upload!, $policy: InvalidRowPolicy!, $dryRun: Boolean!) {"
        " importFile(file: $file, onInvalidRow: $policy, dryRun: $dryRun) {"
        " status dryRun errorCount errors { row column value message } } }"
    )
    variables = {"file": None, "policy": policy, "dryRun": dry_run}
    response = httpx.post(
        f"{server.base_url}/graphql",
        data={
            "operations": json.dumps({"query": query, "variables": variables}),
            "map": json.dumps({"0": ["variables.file"]}),
        },
        files={"0": (filename, content, "text/csv")},
        headers={"Apollo-Require-Preflight": "true"},
        timeout=120,
    )
    assert response.status_code == 200, response.text
    return response.json()["data"]["importFile"]
