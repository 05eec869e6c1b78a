"""The real ``healthhub serve`` against hostile clients: WebSockets, idle and slow
connections, too many connections, SIGTERM with a body still trickling in.

Each runs on both HTTP protocols ``serve`` can use (graph/server/serving.py): httptools on
uvloop, the default where installed, and h11 on asyncio (``--http h11``). What is
tested happens before any database work, so one database (SQLite) serves them.
"""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import anyio
import pytest
import websockets
from sqlalchemy import Engine
from starlette.types import Message
from websockets.asyncio.client import connect

from graph.http.pacing import BodyPace
from graph.server.h11_protocol import PerimeterH11Protocol
from graph.server.httptools_protocol import PerimeterHttpToolsProtocol
from graph.server.limits import HEADER_TIMEOUT_SECONDS, IDLE_KEEP_ALIVE_SECONDS
from graph.server.serving import http_implementation
from tests.support.server import ServerProcess, running_server

TOKEN = "perimeter-test-token-0123456789abcdef"
pytestmark = pytest.mark.slow
#: The ``serve`` arguments for each protocol, and what its start-up line names.
HTTP_ARGS = {"httptools": [], "h11": ["--http", "h11"]}
STARTUP_LINE = {
    "httptools": "uvicorn's httptools protocol on the uvloop event loop",
    "h11": "uvicorn's h11 protocol on the asyncio event loop",
}


def test_serve_uses_httptools_on_uvloop_where_installed_and_h11_when_asked() -> None:
    assert http_implementation() == (PerimeterHttpToolsProtocol, "uvloop")
    assert http_implementation("h11") == (PerimeterH11Protocol, "asyncio")


def test_serve_falls_back_to_h11_on_asyncio_where_neither_installs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A None entry in sys.modules is how Python spells "this module is not there".
    monkeypatch.setitem(sys.modules, "httptools", None)
    monkeypatch.setitem(sys.modules, "uvloop", None)

    assert http_implementation() == (PerimeterH11Protocol, "asyncio")


@pytest.fixture(params=list(HTTP_ARGS))
def http(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def sqlite_url(_sqlite_database: Engine) -> str:
    return _sqlite_database.url.render_as_string(hide_password=False)


@contextmanager
def _serving(http: str, url: str, log: Path, env: dict[str, str]) -> Iterator[ServerProcess]:
    """``healthhub serve`` on the protocol ``http``, checked by its start-up line."""
    with running_server(url, log, env=env, args=HTTP_ARGS[http]) as server:
        assert STARTUP_LINE[http] in server.log_text()
        yield server


@pytest.fixture
def server(http: str, sqlite_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    env = {"HEALTHHUB_API_TOKEN": TOKEN, "HEALTHHUB_MAX_CONNECTIONS": "4"}
    with _serving(http, sqlite_url, tmp_path / "server.log", env) as started:
        yield started


async def _websocket_statuses(url: str) -> dict[tuple[str, bool], int | str]:
    statuses: dict[tuple[str, bool], int | str] = {}
    for protocol in ("graphql-transport-ws", "graphql-ws"):
        for with_token in (False, True):
            headers = {"Authorization": f"Bearer {TOKEN}"} if with_token else {}
            try:
                async with connect(
                    url,
                    subprotocols=[protocol],  # type: ignore[list-item]
                    additional_headers=headers,
                ):
                    statuses[protocol, with_token] = "connected"
            except websockets.InvalidStatus as refused:
                statuses[protocol, with_token] = refused.response.status_code
    return statuses


def test_a_websocket_to_graphql_is_refused_by_the_real_server_with_or_without_a_token(
    server: ServerProcess,
) -> None:
    url = f"ws://127.0.0.1:{server.port}/graphql"

    statuses = asyncio.run(_websocket_statuses(url))

    assert statuses == {
        (protocol, with_token): 403
        for protocol in ("graphql-transport-ws", "graphql-ws")
        for with_token in (False, True)
    }


def _closed_by_server(sock: socket.socket, *, within: float) -> bool:
    """True if the server closes the connection within ``within`` seconds from now,
    sending nothing first."""
    sock.settimeout(within)
    try:
        return sock.recv(1024) == b""
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def test_an_idle_connection_and_one_that_never_finishes_its_headers_are_closed(
    server: ServerProcess,
) -> None:
    with (
        socket.create_connection(("127.0.0.1", server.port)) as idle,
        socket.create_connection(("127.0.0.1", server.port)) as dripping,
    ):
        dripping.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")

        # Before the header limit would close it too: the idle limit closed it.
        assert IDLE_KEEP_ALIVE_SECONDS + 3 < HEADER_TIMEOUT_SECONDS
        assert _closed_by_server(idle, within=IDLE_KEEP_ALIVE_SECONDS + 3)
        assert _closed_by_server(dripping, within=30)


def _raw_request(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        sock.settimeout(10)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_connections_beyond_the_limit_get_service_unavailable(server: ServerProcess) -> None:
    held = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(4)]
    try:
        refused = _raw_request(server.port)
    finally:
        for sock in held:
            sock.close()

    head, _, body = refused.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 503")
    assert json.loads(body)["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    time.sleep(0.5)
    assert _raw_request(server.port).startswith(b"HTTP/1.1 200")


def test_sigterm_with_a_trickling_body_answers_busy_and_exits(
    http: str, sqlite_url: str, tmp_path: Path
) -> None:
    env = {"HEALTHHUB_API_TOKEN": TOKEN}
    with (
        _serving(http, sqlite_url, tmp_path / "server.log", env) as server,
        socket.create_connection(("127.0.0.1", server.port)) as sock,
    ):
        sock.sendall(
            b"POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + f"Authorization: Bearer {TOKEN}\r\nContent-Length: 1000000\r\n\r\n".encode()
            + b'{"query": "{ dataRange { daysLogged } }", "variables": {"pad": "'
        )
        answer: list[bytes] = []
        reader = threading.Thread(target=lambda: answer.append(_read_all(sock)), daemon=True)
        reader.start()
        time.sleep(0.5)
        server.terminate()
        while reader.is_alive() and server.running():
            try:
                sock.sendall(b"x" * 16)
            except OSError:
                break
            time.sleep(0.5)
        reader.join(timeout=40)
        exit_code = server.wait(timeout=40)

    head, _, body = answer[0].partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 503")
    assert json.loads(body)["errors"][0]["extensions"]["code"] == "BUSY"
    # uvicorn shuts down, then re-raises the signal it handled.
    assert exit_code in (0, -signal.SIGTERM)
    assert "Traceback" not in server.log_text()


def _read_all(sock: socket.socket) -> bytes:
    sock.settimeout(60)
    chunks = []
    try:
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    except OSError:
        pass
    return b"".join(chunks)


async def _trickle(guard: BodyPace) -> list[Message]:
    sent: list[Message] = []

    async def app(scope: object, receive: object, send: object) -> None:
        while (await receive())["more_body"]:  # type: ignore[operator]
            pass

    async def receive() -> Message:
        await anyio.sleep(0.05)
        return {"type": "http.request", "body": b"x" * 10, "more_body": True}

    async def send(message: Message) -> None:
        sent.append(message)

    guard.app = app
    await guard({"type": "http", "headers": []}, receive, send)
    return sent


def test_a_body_slower_than_the_floor_over_the_window_is_refused_with_408() -> None:
    guard = BodyPace(lambda *_: None, min_rate=1_000, window=0.5)  # type: ignore[arg-type]

    sent = anyio.run(_trickle, guard)

    assert sent[0]["status"] == 408
    body = json.loads(sent[1]["body"])
    assert body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    assert "KiB/s" in body["errors"][0]["message"]
