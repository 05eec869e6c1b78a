"""Upload turns and shutdown on the real ``healthhub serve`` (docs/security.md): one
upload per user at a time while another user's takes a free slot, and a SIGTERM that
finds a request still parsing its file answers it ``BUSY``.
"""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.server import HEALTHHUB, ServerProcess, running_server

pytestmark = pytest.mark.slow
HTTP_ARGS = {"httptools": [], "h11": ["--http", "h11"]}
DRY_RUN = "mutation($f: Upload!) { importFile(file: $f, dryRun: true) { status rowsRead } }"
UPLOAD = "mutation($f: Upload!) { uploadCsv(file: $f) { status } }"
SLEEP_RECORD = (
    '<Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" '
    'value="HKCategoryValueSleepAnalysisAsleepCore" '
    'startDate="2024-03-0{d} 23:{m:02d}:00 +0100" endDate="2024-03-0{e} 06:{m:02d}:00 +0100"/>\n'
)


@pytest.fixture(scope="module")
def long_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An Apple Health export.xml of 1,000,000 sleep records (195 MB): seconds of parsing."""
    path = tmp_path_factory.mktemp("export") / "export.xml"
    with path.open("w") as out:
        out.write('<?xml version="1.0"?>\n<HealthData locale="en_US">\n')
        for block in range(100):
            out.write(
                "".join(
                    SLEEP_RECORD.format(d=1 + i % 5, e=2 + i % 5, m=i % 60)
                    for i in range(block * 10_000, (block + 1) * 10_000)
                )
            )
        out.write("</HealthData>\n")
    return path


def add_user(server: ServerProcess, name: str) -> str:
    """A new user of the server's database, through the CLI; its token."""
    env = {**os.environ, "HEALTHHUB_DATABASE_URL": server.database_url, "HEALTHHUB_API_TOKEN": ""}
    done = subprocess.run(
        [str(HEALTHHUB), "users", "add", name], env=env, capture_output=True, check=True
    )
    return done.stdout.decode().strip()


def send_upload(
    port: int, token: str, query: str, content: bytes | Path, filename: str
) -> socket.socket:
    """Send a whole multipart upload on a new connection; read its answer with ``answer``."""
    boundary = "turnsboundary"
    operations = json.dumps({"query": query, "variables": {"f": None}})
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{operations}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n'
        '{"0": ["variables.f"]}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="0"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    size = content.stat().st_size if isinstance(content, Path) else len(content)
    request = (
        "POST /graphql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        f"Authorization: Bearer {token}\r\nApollo-Require-Preflight: true\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {len(head) + size + len(tail)}\r\n\r\n"
    ).encode()
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(request + head)
    if isinstance(content, Path):
        with content.open("rb") as file:
            sock.sendfile(file)
    else:
        sock.sendall(content)
    sock.sendall(tail)
    return sock


def answer(sock: socket.socket, timeout: float = 120) -> tuple[int, Any]:
    """The status and JSON body of the answer on ``sock`` (closed after it)."""
    sock.settimeout(timeout)
    chunks = []
    with sock:
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


def answered(sock: socket.socket) -> bool:
    """Whether anything of an answer has arrived on ``sock`` yet."""
    return bool(select.select([sock], [], [], 0)[0])


def code(body: Any) -> str | None:
    errors = body.get("errors") or [{}]
    return str(errors[0].get("extensions", {}).get("code"))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'turns.db'}"


def test_a_users_second_upload_waits_for_their_first_while_another_user_takes_a_slot(
    sqlite_url: str, tmp_path: Path, long_export: Path
) -> None:
    env = {"HEALTHHUB_MAX_PARALLEL_UPLOADS": "2", "HEALTHHUB_LOCK_WAIT_SECONDS": "2"}
    with running_server(sqlite_url, tmp_path / "server.log", env=env) as server:
        alice, bob = add_user(server, "alice"), add_user(server, "bob")
        small = b"date,steps_n\n2024-05-01,4321\n"
        # A dry run takes its user's turn like any upload: seconds of parsing.
        first = send_upload(server.port, alice, DRY_RUN, long_export, "export.xml")
        time.sleep(1)
        second = send_upload(server.port, alice, UPLOAD, small, "day.csv")
        others = send_upload(server.port, bob, UPLOAD, small, "day.csv")

        others_status, others_body = answer(others)
        second_status, second_body = answer(second)
        first_still_running = not answered(first)
        first_status, first_body = answer(first)

    # Bob's upload took the free slot at once and was applied while Alice's dry run ran.
    assert (others_status, others_body) == (200, {"data": {"uploadCsv": {"status": "APPLIED"}}})
    # Alice's second waited for her first, 2 s (HEALTHHUB_LOCK_WAIT_SECONDS), then BUSY.
    assert second_status == 503
    assert code(second_body) == "BUSY"
    assert "one at a time" in second_body["errors"][0]["message"]
    assert first_still_running
    assert first_status == 200
    assert first_body["data"]["importFile"] == {"status": "APPLIED", "rowsRead": 1_000_000}


def test_a_users_second_upload_runs_once_their_first_is_done(
    sqlite_url: str, tmp_path: Path, long_export: Path
) -> None:
    env = {"HEALTHHUB_MAX_PARALLEL_UPLOADS": "2"}
    with running_server(sqlite_url, tmp_path / "server.log", env=env) as server:
        alice = add_user(server, "alice")
        first = send_upload(server.port, alice, DRY_RUN, long_export, "export.xml")
        time.sleep(1)
        second = send_upload(
            server.port, alice, UPLOAD, b"date,steps_n\n2024-05-01,4321\n", "day.csv"
        )
        order: list[str] = []
        answers: dict[str, tuple[int, Any]] = {}

        def wait(name: str, sock: socket.socket) -> None:
            answers[name] = answer(sock)
            order.append(name)

        threads = [
            threading.Thread(target=wait, args=(name, sock))
            for name, sock in (("first", first), ("second", second))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=180)

    assert order == ["first", "second"]
    assert answers["second"] == (200, {"data": {"uploadCsv": {"status": "APPLIED"}}})


@pytest.fixture(params=["httptools", "h11"])
def http(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def draining_server(http: str, sqlite_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    env = {"HEALTHHUB_SHUTDOWN_GRACE_SECONDS": "1"}
    with running_server(
        sqlite_url, tmp_path / "server.log", env=env, args=HTTP_ARGS[http]
    ) as server:
        yield server


def test_sigterm_answers_a_request_still_parsing_its_file_busy(
    draining_server: ServerProcess, long_export: Path
) -> None:
    server = draining_server
    token = add_user(server, "alice")
    parsing = send_upload(server.port, token, DRY_RUN, long_export, "export.xml")
    time.sleep(1)  # the body has arrived; the parse takes seconds more
    server.terminate()

    status, body = answer(parsing)
    exit_code = server.wait(timeout=40)

    # Past the 1 s grace period the parse stops at its next read: BUSY, not a 500 when
    # uvicorn gives up 3 s later.
    assert status == 503
    assert code(body) == "BUSY"
    assert "shutting down" in body["errors"][0]["message"]
    assert exit_code in (0, -15)
    assert "Traceback" not in server.log_text()
