"""Floods without a token on the real server, on both HTTP protocols ``serve`` uses:
huge or numerous headers, pipelined requests, one address opening every connection
(docs/security.md, graph/server/limits.py).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import suppress
from ipaddress import ip_network

import pytest

from graph.http.clients import client_address
from graph.server.limits import MAX_HEADER_BYTES, MAX_HEADER_LINES
from tests.graph.test_abuse import _rss_growth
from tests.support.server import ServerProcess, running_server

TOKEN = "connection-abuse-token-0123456789abcdef"
PER_CLIENT = 8
HTTP_ARGS = {"httptools": [], "h11": ["--http", "h11"]}
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=list(HTTP_ARGS))
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    workdir = tmp_path_factory.mktemp(f"connections-{request.param}")
    env = {
        "HEALTHHUB_API_TOKEN": TOKEN,
        "HEALTHHUB_MAX_CONNECTIONS_PER_CLIENT": str(PER_CLIENT),
    }
    url = f"sqlite:///{workdir}/abuse.db"
    with running_server(url, workdir / "server.log", env=env, args=HTTP_ARGS[request.param]) as s:
        yield s


def _exchange(port: int, request: bytes, source: str = "127.0.0.1") -> bytes:
    """Send ``request`` from ``source`` and read the answer until the server closes."""
    with socket.create_connection(("127.0.0.1", port), source_address=(source, 0)) as sock:
        sock.settimeout(10)
        with suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(request)  # the server may answer and close before reading it all
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass
    return b"".join(chunks)


def _code(answer: bytes) -> tuple[int, str]:
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, json.loads(body)["errors"][0]["extensions"]["code"]


@pytest.mark.parametrize(
    "headers",
    [
        b"X-Big: " + b"a" * (MAX_HEADER_BYTES + 1) + b"\r\n",
        b"".join(b"X-H%d: v\r\n" % i for i in range(MAX_HEADER_LINES + 1)),
        b"X-Big: " + b"a" * (8 * 1024 * 1024) + b"\r\n",
    ],
    ids=["one-header-over-64-KiB", "101-lines", "8-MiB"],
)
def test_headers_over_their_bound_get_431_with_the_graphql_body(
    server: ServerProcess, headers: bytes
) -> None:
    request = b"POST /graphql HTTP/1.1\r\nHost: localhost\r\n" + headers + b"\r\n"

    with _rss_growth(server) as growth:
        answer = _exchange(server.port, request)

    assert _code(answer) == (431, "HEADERS_TOO_LARGE")
    assert growth[0] < 30, growth


def test_headers_just_under_their_bound_are_served(server: ServerProcess) -> None:
    lines = b"".join(b"X-H%d: v\r\n" % i for i in range(MAX_HEADER_LINES - 2))
    request = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + lines + b"\r\n"

    assert _exchange(server.port, request).startswith(b"HTTP/1.1 200")


def test_pipelined_requests_are_read_one_at_a_time(server: ServerProcess) -> None:
    one = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
    burst = one * 20_000  # 840 KB a send
    answered = [0]
    with (
        _rss_growth(server) as growth,
        socket.create_connection(("127.0.0.1", server.port)) as sock,
    ):
        sock.settimeout(2)

        def drain() -> None:
            try:
                while chunk := sock.recv(1 << 20):
                    answered[0] += chunk.count(b"HTTP/1.1 200")
            except OSError:
                pass

        reader = threading.Thread(target=drain)
        reader.start()
        deadline = time.monotonic() + 8
        sent = 0
        while time.monotonic() < deadline and sent < 60 * len(burst):
            try:
                sock.sendall(burst)
                sent += len(burst)
            except TimeoutError:
                continue  # the server reads at its own pace
        sock.shutdown(socket.SHUT_WR)
        reader.join(timeout=15)

    assert answered[0] > 0
    assert growth[0] < 60, (growth, sent, answered)


def test_one_address_cannot_take_every_connection(server: ServerProcess) -> None:
    # An address of its own: the other tests' connections to this server do not count.
    held = [
        socket.create_connection(("127.0.0.1", server.port), source_address=("127.0.0.3", 0))
        for _ in range(PER_CLIENT)
    ]
    try:
        for sock in held:  # answered, so accepted and counted by the server
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            sock.settimeout(20)
            assert sock.recv(65536).startswith(b"HTTP/1.1 200")
        refused = _exchange(
            server.port,
            b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            source="127.0.0.3",
        )
        other = _exchange(
            server.port,
            b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            source="127.0.0.4",
        )
    finally:
        for sock in held:
            sock.close()

    assert _code(refused) == (503, "SERVICE_UNAVAILABLE")
    assert b"HEALTHHUB_MAX_CONNECTIONS_PER_CLIENT" in refused
    assert other.startswith(b"HTTP/1.1 200")
    time.sleep(0.5)
    assert _exchange(
        server.port,
        b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        source="127.0.0.3",
    ).startswith(b"HTTP/1.1 200")


def test_x_forwarded_for_names_the_client_only_from_a_trusted_proxy() -> None:
    proxies = (ip_network("10.0.0.0/8"),)
    forwarded = [(b"x-forwarded-for", b"6.6.6.6, 203.0.113.9, 10.1.1.1")]

    assert client_address("10.0.0.2", forwarded, proxies) == "203.0.113.9"
    assert client_address("198.51.100.4", forwarded, proxies) == "198.51.100.4"
    assert client_address("10.0.0.2", forwarded, ()) == "10.0.0.2"
    assert client_address("10.0.0.2", [], proxies) == "10.0.0.2"
