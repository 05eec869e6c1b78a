"""The real ``healthhub serve`` behind a trusted reverse proxy (docs/security.md): the
per-client cap and the failed-token limit count each client named by
``X-Forwarded-For``, and ignore the header from a peer that is not a listed proxy.

The test plays the proxy from 127.0.0.1 (listed in ``HEALTHHUB_TRUSTED_PROXIES``) and
an untrusted peer from 127.0.0.3. The cap runs in the protocols (graph/server/
limits.py), so both are served.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.server import ServerProcess, running_server

pytestmark = pytest.mark.slow
TOKEN = "proxy-test-token-0123456789abcdefghijkl"
QUERY = {"query": "{ dataRange { daysLogged } }"}
HTTP_ARGS = {"httptools": [], "h11": ["--http", "h11"]}


@pytest.fixture(params=["httptools", "h11"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    env = {
        "HEALTHHUB_API_TOKEN": TOKEN,
        "HEALTHHUB_TRUSTED_PROXIES": "127.0.0.1",
        "HEALTHHUB_MAX_CONNECTIONS_PER_CLIENT": "2",
    }
    with running_server(
        f"sqlite:///{tmp_path}/proxy.db",
        tmp_path / "server.log",
        env=env,
        args=HTTP_ARGS[str(request.param)],
    ) as started:
        yield started


def post(
    server: ServerProcess, forwarded_for: str, token: str = TOKEN, source: str = "127.0.0.1"
) -> httpx.Response:
    transport = httpx.HTTPTransport(local_address=source)
    with httpx.Client(transport=transport, timeout=30) as client:
        return client.post(
            f"{server.base_url}/graphql",
            json=QUERY,
            headers={"Authorization": f"Bearer {token}", "X-Forwarded-For": forwarded_for},
        )


def held_request(port: int, forwarded_for: str, stop: threading.Event, token: str = TOKEN) -> None:
    """A request in flight through the proxy's connection: its body trickles until
    ``stop`` (16 KiB every half second keeps it above the body's pace)."""
    body_length = 4_000_000
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(
            (
                "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                f"Authorization: Bearer {token}\r\nX-Forwarded-For: {forwarded_for}\r\n"
                f"Content-Length: {body_length}\r\n\r\n"
            ).encode()
            + b'{"query": "{ dataRange { daysLogged } }", "variables": {"pad": "'
        )
        while not stop.wait(0.5):
            try:
                sock.sendall(b"x" * 16_384)
            except OSError:
                return


def code(response: httpx.Response) -> str | None:
    return str(json.loads(response.content)["errors"][0]["extensions"]["code"])


def test_the_per_client_cap_counts_each_forwarded_client(server: ServerProcess) -> None:
    stop = threading.Event()
    holders = [
        threading.Thread(target=held_request, args=(server.port, "203.0.113.7", stop))
        for _ in range(2)
    ]
    for holder in holders:
        holder.start()
    try:
        _wait_for_in_flight(server, "203.0.113.7")
        third = post(server, "203.0.113.7")
        other = post(server, "203.0.113.8")
        # The header written by the client itself comes before what the proxy appended.
        spoofed = post(server, "203.0.113.8, 203.0.113.7")
    finally:
        stop.set()
        for holder in holders:
            holder.join(timeout=10)

    assert (third.status_code, code(third)) == (503, "SERVICE_UNAVAILABLE")
    assert other.status_code == 200
    assert spoofed.status_code == 503


def _wait_for_in_flight(server: ServerProcess, forwarded_for: str) -> None:
    """Until the held requests fill the client's cap (a third one is refused)."""
    for _ in range(100):
        if post(server, forwarded_for).status_code == 503:
            return
        threading.Event().wait(0.1)
    raise AssertionError("the held requests never filled the cap")


def test_the_failed_token_limit_counts_each_forwarded_client(server: ServerProcess) -> None:
    wrong = "wrong-0000-0123456789abcdefghijklmnop"
    guessing = [post(server, "198.51.100.1", token=wrong).status_code for _ in range(25)]
    another = post(server, "198.51.100.2", token=wrong)
    # From a peer that is not a listed proxy the header names nobody: its own address counts.
    untrusted = [
        post(server, f"198.51.100.{3 + i}", token=wrong, source="127.0.0.3").status_code
        for i in range(21)
    ]

    assert guessing == [401] * 20 + [429] * 5
    assert another.status_code == 401
    assert untrusted == [401] * 20 + [429]


def test_without_trusted_proxies_x_forwarded_for_names_nobody(tmp_path: Path) -> None:
    env = {"HEALTHHUB_API_TOKEN": TOKEN}
    wrong = "wrong-0000-0123456789abcdefghijklmnop"
    with running_server(f"sqlite:///{tmp_path}/p.db", tmp_path / "server.log", env=env) as s:
        # A new made-up address in each request, from 127.0.0.1: still one client.
        statuses = [post(s, f"198.51.100.{i}", token=wrong).status_code for i in range(21)]

    assert statuses == [401] * 20 + [429]
