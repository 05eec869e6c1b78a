"""The real ``healthhub serve`` against hostile clients: WebSockets, idle and slow
connections, too many connections, SIGTERM with a body still trickling in."""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest
import websockets
from starlette.types import Message

from graph.pacing import BodyPace
from tests.support.server import ServerProcess, running_server

TOKEN = "perimeter-test-token-0123456789abcdef"
pytestmark = pytest.mark.slow


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    env = {"HEALTHHUB_API_TOKEN": TOKEN, "HEALTHHUB_MAX_CONNECTIONS": "4"}
    with running_server(database_url, tmp_path / "server.log", env=env) as started:
        yield started


async def _websocket_status(url: str, protocol: str) -> int | str:
    try:
        async with websockets.connect(url, subprotocols=[protocol]):  # type: ignore[list-item]
            return "connected"
    except websockets.InvalidStatus as refused:
        return refused.response.status_code


@pytest.mark.parametrize("protocol", ["graphql-transport-ws", "graphql-ws"])
def test_a_websocket_to_graphql_is_refused_by_the_real_server(
    server: ServerProcess, protocol: str
) -> None:
    url = f"ws://127.0.0.1:{server.port}/graphql"

    assert asyncio.run(_websocket_status(url, protocol)) == 403


def _closed_by_server(sock: socket.socket) -> bool:
    """True once the server closes the connection (it sends nothing first)."""
    sock.settimeout(30)
    try:
        return sock.recv(1024) == b""
    except ConnectionResetError:
        return True


def test_an_idle_connection_and_one_that_never_finishes_its_headers_are_closed(
    server: ServerProcess,
) -> None:
    with (
        socket.create_connection(("127.0.0.1", server.port)) as idle,
        socket.create_connection(("127.0.0.1", server.port)) as dripping,
    ):
        dripping.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")

        assert _closed_by_server(idle)
        assert _closed_by_server(dripping)


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
    database_url: str, tmp_path: Path
) -> None:
    server = ServerProcess(
        database_url, tmp_path / "server.log", env={"HEALTHHUB_API_TOKEN": TOKEN}
    )
    server.start()
    sock = socket.create_connection(("127.0.0.1", server.port))
    try:
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
    finally:
        sock.close()
        server.stop()

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
