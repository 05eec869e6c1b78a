"""The outer guards in process: WebSocket refusal, Host names, page headers, refusal
bodies, JSON that is not an object, FastAPI's own pages, disconnects and /healthz."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import anyio
import pytest
from fastapi import FastAPI, WebSocket
from fastapi.testclient import TestClient
from pydantic import SecretStr, ValidationError
from sqlalchemy import Engine
from starlette.types import Message
from starlette.websockets import WebSocketDisconnect

from graph.http.app import create_app
from graph.http.perimeter import HttpOnly
from graph.http.settings import Settings
from tests.graph.api import PREFLIGHT, local_client

TOKEN = "0123456789abcdef0123456789abcdef-token"
QUERY = {"query": "{ dataRange { daysLogged } }"}


def _shaped(body: dict[str, Any], code: str) -> None:
    assert body.keys() == {"errors"}
    [error] = body["errors"]
    assert error["extensions"]["code"] == code
    assert isinstance(error["message"], str)
    assert error["message"]


def test_a_websocket_handshake_is_refused_even_where_a_route_would_accept_it() -> None:
    inner = FastAPI()

    @inner.websocket("/graphql")
    async def accept(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.send_text("served")

    with TestClient(HttpOnly(inner)) as client:
        with (
            pytest.raises(WebSocketDisconnect),
            client.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"]) as ws,
        ):
            ws.receive_text()
        assert client.get("/graphql").status_code == 404  # HTTP still goes through


def test_the_api_refuses_websockets_for_both_graphql_protocols(client: TestClient) -> None:
    for protocol in ("graphql-transport-ws", "graphql-ws"):
        with (
            pytest.raises(WebSocketDisconnect),
            client.websocket_connect("/graphql", subprotocols=[protocol]) as ws,
        ):
            ws.receive_text()


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "192.168.1.5"])
def test_without_a_token_only_loopback_host_names_are_answered(
    settings: Settings, engine: Engine, host: str
) -> None:
    with TestClient(create_app(settings, engine=engine)) as api:
        refused = api.post("/graphql", json=QUERY, headers={"host": host})

    assert refused.status_code == 400
    _shaped(refused.json(), "BAD_REQUEST")
    assert "HEALTHHUB_API_TOKEN" in refused.json()["errors"][0]["message"]


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000"])
def test_loopback_host_names_are_answered_without_a_token(client: TestClient, host: str) -> None:
    response = client.post("/graphql", json=QUERY, headers={"host": host})

    assert response.json() == {"data": {"dataRange": {"daysLogged": 0}}}


def test_with_a_token_other_host_names_are_answered(settings: Settings, engine: Engine) -> None:
    guarded = settings.model_copy(update={"api_token": SecretStr(TOKEN)})
    with TestClient(create_app(guarded, engine=engine)) as api:
        response = api.post(
            "/graphql",
            json=QUERY,
            headers={"host": "hub.example.org", "authorization": f"Bearer {TOKEN}"},
        )

    assert response.json() == {"data": {"dataRange": {"daysLogged": 0}}}


def test_the_graphiql_page_carries_the_security_headers(client: TestClient) -> None:
    response = client.get("/graphql", headers={"accept": "text/html"})

    assert response.status_code == 200
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "http" not in policy  # GraphiQL's files are served here (tests/graph/test_graphiql.py)


def test_an_html_page_outside_graphql_gets_the_strict_policy(
    settings: Settings, engine: Engine
) -> None:
    app = create_app(settings, engine=engine)

    @app.get("/page")
    async def page() -> object:
        from fastapi.responses import HTMLResponse

        return HTMLResponse("<p>hi</p>")

    with local_client(app) as api:
        response = api.get("/page")

    assert response.headers["content-security-policy"].startswith("default-src 'self';")
    assert "unpkg" not in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("path", ["/docs", "/redoc", "/openapi.json", "/docs/oauth2-redirect"])
def test_fastapi_documentation_pages_are_off(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("body", [b"[1, 2]", b"[]", b'"query"', b"3", b"null", b"true"])
def test_a_json_body_that_is_not_an_object_is_a_400_saying_what_to_send(
    client: TestClient, body: bytes
) -> None:
    response = client.post("/graphql", content=body, headers={"content-type": "application/json"})

    assert response.status_code == 400
    _shaped(response.json(), "BAD_REQUEST")
    assert "JSON object" in response.json()["errors"][0]["message"]


def test_guard_refusals_are_graphql_errors_with_codes(settings: Settings, engine: Engine) -> None:
    limited = settings.model_copy(update={"max_upload_bytes": 1_000})
    with local_client(create_app(limited, engine=engine)) as api:
        too_large = api.post(
            "/graphql", content=b"x" * 200_000, headers={"content-type": "application/json"}
        )
        compressed = api.post(
            "/graphql",
            content=b"{}",
            headers={"content-type": "application/json", "content-encoding": "gzip"},
        )
        no_preflight = api.post(
            "/graphql", files={"0": ("a.csv", b"date\n")}, data={"operations": "{}"}
        )

    assert (too_large.status_code, compressed.status_code, no_preflight.status_code) == (
        413,
        415,
        400,
    )
    _shaped(too_large.json(), "PAYLOAD_TOO_LARGE")
    _shaped(compressed.json(), "UNSUPPORTED_MEDIA_TYPE")
    _shaped(no_preflight.json(), "BAD_REQUEST")
    assert "Apollo-Require-Preflight" in no_preflight.json()["errors"][0]["message"]


def test_a_short_token_is_refused_with_a_message_saying_how_long_it_must_be() -> None:
    with pytest.raises(ValidationError, match="at least 32 characters"):
        Settings(api_token="a", _env_file=None)

    assert Settings(api_token="a" * 32, _env_file=None).api_token is not None


async def _disconnecting_upload(app: FastAPI) -> list[Message]:
    """Run one multipart request whose client goes away after the first chunk."""
    chunks: Iterator[Message] = iter(
        [
            {"type": "http.request", "body": b"--b\r\nContent-Disposition: ", "more_body": True},
            {"type": "http.disconnect"},
        ]
    )
    sent: list[Message] = []

    async def receive() -> Message:
        return next(chunks, {"type": "http.disconnect"})

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"localhost"),
            (b"content-type", b"multipart/form-data; boundary=b"),
            *((k.lower().encode(), v.encode()) for k, v in PREFLIGHT.items()),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("localhost", 80),
    }
    await app(scope, receive, send)
    return sent


def test_a_client_that_disconnects_mid_body_is_one_log_line_without_a_traceback(
    settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(settings, engine=engine)

    with caplog.at_level(logging.INFO):
        anyio.run(_disconnecting_upload, app)

    lines = [record for record in caplog.records if "disconnected" in record.getMessage()]
    assert len(lines) == 1
    assert lines[0].exc_info is None
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_healthz_reports_the_database_full_when_its_disk_has_no_room(
    settings: Settings, engine: Engine
) -> None:
    app = create_app(settings, engine=engine, free_bytes=lambda _path: 4096)
    with local_client(app) as api:
        response = api.get("/healthz")

    if engine.dialect.name == "sqlite":
        assert response.status_code == 503
        assert response.json() == {"service": "ok", "database": "full"}
    else:  # the PostgreSQL server watches its own disk
        assert response.json() == {"service": "ok", "database": "ok"}


def test_serve_refuses_to_start_with_a_short_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli.main import main

    monkeypatch.setenv("HEALTHHUB_API_TOKEN", "short")

    assert main(["serve"]) == 2
    assert "HEALTHHUB_API_TOKEN must be at least 32 characters" in capsys.readouterr().err
