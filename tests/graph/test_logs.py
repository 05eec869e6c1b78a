"""Every request has an id, echoed and in each log line; JSON logs on demand (docs/api.md)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from tests.support.server import running_server


def test_a_request_id_is_echoed_when_sent_and_made_when_not(client: TestClient) -> None:
    sent = client.post(
        "/graphql", json={"query": "{ profile { id } }"}, headers={"X-Request-ID": "abc-123"}
    )
    made = client.post("/graphql", json={"query": "{ profile { id } }"})
    hostile = client.post(
        "/graphql", json={"query": "{ profile { id } }"}, headers={"X-Request-ID": "a\tb" * 100}
    )

    assert sent.headers["x-request-id"] == "abc-123"
    assert len(made.headers["x-request-id"]) == 32
    assert hostile.headers["x-request-id"] != "a\tb" * 100


def test_json_logs_carry_the_request_id_on_every_line(database_url: str, tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    env = {"HEALTHHUB_LOG_FORMAT": "json"}
    with running_server(database_url, log, env=env) as server:
        httpx.post(
            f"{server.base_url}/graphql",
            json={"query": "{ nope }"},
            headers={"X-Request-ID": "trace-42"},
        )

    entries = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    mine = [entry for entry in entries if entry["request_id"] == "trace-42"]
    assert {"time", "level", "logger", "message", "request_id"} <= set(entries[0])
    assert any(entry["message"].startswith("POST /graphql 200") for entry in mine)
