"""Hostile requests get a clear answer and leave the service healthy and the data unchanged."""

from __future__ import annotations

import contextlib
import gzip
import json
import tracemalloc
import uuid
from collections.abc import Callable, Iterator, MutableMapping
from datetime import date
from pathlib import Path
from typing import Any

import anyio
import httpx2
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from domain.ports import UnitOfWork
from graph.http.app import create_app
from graph.http.settings import Settings
from tests.graph.api import PREFLIGHT, UPLOAD, local_client, upload, upload_request
from tests.support.metrics import StoredState, csv_of, realistic_days, stored_state

LIMIT = 256 * 1024
CHUNK = 64 * 1024
LEAKS = ("Traceback", "sqlalchemy", "psycopg", "SELECT ", "INSERT ", 'File "')
BOUNDARY = "h6-hostile-boundary"


@pytest.fixture
def limited_app(database_url: str, engine: Engine) -> FastAPI:
    """The app with small upload and import limits, to be fed bodies over them."""
    settings = Settings(
        database_url=database_url,
        max_upload_bytes=LIMIT,
        max_import_bytes=LIMIT,
        _env_file=None,
    )
    return create_app(settings, engine=engine)


@pytest.fixture
def api(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    """The app with the default limits over a database holding 60 days."""
    app = create_app(settings, engine=engine)
    with local_client(app, raise_server_exceptions=False) as client:
        report = upload(client, csv_of(realistic_days(date(2025, 1, 1), 60)))
        assert report["status"] == "APPLIED"
        yield client


@pytest.fixture
def before(api: TestClient, uow_factory: Callable[[], UnitOfWork]) -> StoredState:
    return stored_state(uow_factory)


def _assert_healthy_and_unchanged(
    api: TestClient, uow_factory: Callable[[], UnitOfWork], before: StoredState
) -> None:
    assert api.get("/healthz").status_code == 200
    profile = api.post("/graphql", json={"query": "{ profile { stepsGoal } }"})
    assert profile.status_code == 200
    assert "errors" not in profile.json()
    assert stored_state(uow_factory) == before


def _assert_no_leak(text: str) -> None:
    for marker in LEAKS:
        assert marker not in text


def _multipart(parts: list[tuple[str, str | None, bytes]]) -> tuple[bytes, dict[str, str]]:
    """A multipart/form-data body built by hand, so that it may break the rules."""
    body = b""
    for name, filename, content in parts:
        disposition = f'form-data; name="{name}"'
        if filename is not None:
            disposition += f'; filename="{filename}"'
        body += f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n".encode()
        if filename is not None:
            body += b"Content-Type: text/csv\r\n"
        body += b"\r\n" + content + b"\r\n"
    body += f"--{BOUNDARY}--\r\n".encode()
    headers = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", **PREFLIGHT}
    return body, headers


def _operations() -> bytes:
    return json.dumps({"query": UPLOAD, "variables": {"file": None}}).encode()


def _uploaded(api: TestClient, content: bytes, **kwargs: Any) -> dict[str, Any]:
    response = upload_request(api, content, **kwargs)
    _assert_no_leak(response.text)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    report: dict[str, Any] = body["data"]["uploadCsv"]
    return report


def _stream_to_app(
    app: FastAPI, headers: list[tuple[bytes, bytes]], chunks: Iterator[bytes]
) -> tuple[int | None, int, int]:
    """Feed a request body to the ASGI app chunk by chunk, as a slow client would.

    Returns the response status, how many body bytes the app pulled and the peak
    memory traced while it ran.
    """
    status: int | None = None
    pulled = 0

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: MutableMapping[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

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
        "headers": [(b"host", b"localhost"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    tracemalloc.start()
    try:
        # The app's error middleware has already answered 500 when this re-raises.
        async def call_app() -> None:
            await app(scope, receive, send)

        with contextlib.suppress(Exception):
            anyio.run(call_app)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return status, pulled, peak


def _endless_upload() -> Iterator[bytes]:
    """A well-formed multipart upload whose file part never ends (20 times the limit)."""
    prefix, _ = _multipart([("operations", None, _operations())])
    prefix = prefix.removesuffix(f"--{BOUNDARY}--\r\n".encode())
    prefix += f"--{BOUNDARY}\r\n".encode()
    prefix += b'Content-Disposition: form-data; name="map"\r\n\r\n{"0": ["variables.file"]}\r\n'
    prefix += f"--{BOUNDARY}\r\n".encode()
    prefix += b'Content-Disposition: form-data; name="0"; filename="big.csv"\r\n\r\n'
    yield prefix + b"date,steps_n\n"
    row_block = b"2025-01-01,1000\n" * (CHUNK // 16)
    for _ in range(20 * LIMIT // CHUNK):
        yield row_block


def _multipart_headers() -> list[tuple[bytes, bytes]]:
    return [
        (b"content-type", f"multipart/form-data; boundary={BOUNDARY}".encode()),
        (b"apollo-require-preflight", b"1"),
    ]


def test_a_streamed_body_over_the_limit_is_refused_without_reading_it_whole(
    limited_app: FastAPI,
    api: TestClient,
    uow_factory: Callable[[], UnitOfWork],
    before: StoredState,
) -> None:
    status, pulled, peak = _stream_to_app(limited_app, _multipart_headers(), _endless_upload())

    assert status == 413
    assert pulled <= 2 * LIMIT
    assert peak <= 8 * LIMIT, f"peak {peak:,} bytes for a limit of {LIMIT:,}"
    _assert_healthy_and_unchanged(api, uow_factory, before)


def test_a_declared_length_over_the_limit_is_refused_before_any_byte_is_read(
    limited_app: FastAPI,
    api: TestClient,
    uow_factory: Callable[[], UnitOfWork],
    before: StoredState,
) -> None:
    headers = [*_multipart_headers(), (b"content-length", str(20 * LIMIT).encode())]

    status, pulled, _ = _stream_to_app(limited_app, headers, _endless_upload())

    assert (status, pulled) == (413, 0)
    _assert_healthy_and_unchanged(api, uow_factory, before)


def test_a_gzip_bomb_is_not_inflated_past_the_limit(
    limited_app: FastAPI,
    api: TestClient,
    uow_factory: Callable[[], UnitOfWork],
    before: StoredState,
) -> None:
    padding = b" " * (40 * LIMIT)
    bomb = gzip.compress(b'{"query": "{ profile { stepsGoal } }"' + padding + b"}")
    headers = [(b"content-type", b"application/json"), (b"content-encoding", b"gzip")]

    status, _, peak = _stream_to_app(limited_app, headers, iter([bomb]))

    assert status == 415
    assert peak <= 8 * LIMIT
    _assert_healthy_and_unchanged(api, uow_factory, before)


def test_a_json_body_that_is_not_utf8_gets_a_client_error(
    api: TestClient, uow_factory: Callable[[], UnitOfWork], before: StoredState
) -> None:
    response = api.post(
        "/graphql",
        content=b'{"query": "{ profile { stepsGoal } }", "x": "\xff\xfe"}',
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 400, response.text
    _assert_no_leak(response.text)
    _assert_healthy_and_unchanged(api, uow_factory, before)


def test_a_gzip_encoded_request_is_refused_with_415(
    api: TestClient, uow_factory: Callable[[], UnitOfWork], before: StoredState
) -> None:
    delete = 'mutation { deleteDailyMetrics(start: "1900-01-01", end: "2100-01-01") }'
    mutation = json.dumps({"query": delete})

    response = api.post(
        "/graphql",
        content=gzip.compress(mutation.encode()),
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )

    assert response.status_code == 415, response.text
    _assert_no_leak(response.text)
    _assert_healthy_and_unchanged(api, uow_factory, before)


def test_a_file_of_100001_rows_is_rejected_by_the_row_limit(
    api: TestClient, uow_factory: Callable[[], UnitOfWork], before: StoredState
) -> None:
    content = b"date,steps_n\n" + b"2024-06-01,5000\n" * 100_001

    report = _uploaded(api, content)

    assert report["status"] == "REJECTED"
    assert "100,000" in report["errors"][0]["message"] or "100000" in report["errors"][0]["message"]
    _assert_healthy_and_unchanged(api, uow_factory, before)


def test_a_one_mebibyte_cell_is_a_row_error_quoted_briefly(
    api: TestClient, uow_factory: Callable[[], UnitOfWork], before: StoredState
) -> None:
    content = b"date,steps_n\n2024-06-01," + b"9" * (1024 * 1024) + b"\n"

    report = _uploaded(api, content)

    assert report["status"] == "REJECTED"
    assert report["errorCount"] >= 1
    assert all(len(error["value"] or "") <= 100 for error in report["errors"])
    _assert_healthy_and_unchanged(api, uow_factory, before)


def test_a_header_of_10000_columns_is_answered_with_a_bounded_report(
    api: TestClient, uow_factory: Callable[[], UnitOfWork], before: StoredState
) -> None:
    header = ",".join(["date", *(f"col{i}" for i in range(9_999))])
    row = ",".join(["2025-01-05", *("1" for _ in range(9_999))])
    content = f"{header}\n{row}\n".encode()

    response = upload_request(api, content)

    assert response.status_code == 200
    assert len(response.content) < 1024 * 1024
    report = response.json()["data"]["uploadCsv"]
    # Only the date column is known: no metric column, so the file is refused, and the
    # message lists 20 names then "and N more".
    assert report["status"] == "REJECTED"
    assert report["columns"] == []
    assert "and 9980 more" in report["errors"][0]["message"]
    _assert_healthy_and_unchanged(api, uow_factory, before)


@pytest.mark.parametrize(
    "content",
    [b"date,steps_n", b"x" * (LIMIT - 1), b"date,steps_n,2024-06-01,5000" * 1000],
    ids=["header-only", "one-long-word", "one-long-line"],
)
def test_a_file_that_is_one_line_without_a_newline_changes_nothing(
    content: bytes,
    api: TestClient,
    uow_factory: Callable[[], UnitOfWork],
    before: StoredState,
) -> None:
    report = _uploaded(api, content)

    assert report["status"] in ("REJECTED", "UNCHANGED")
    assert report["rowsInserted"] == report["rowsUpdated"] == 0
    _assert_healthy_and_unchanged(api, uow_factory, before)


def test_nan_inf_and_overflowing_numbers_are_row_errors(
    api: TestClient, uow_factory: Callable[[], UnitOfWork], before: StoredState
) -> None:
    cells = ["nan", "NaN", "inf", "-inf", "Infinity", "1e999", "1" + "0" * 400]
    content = "date,weight_kg\n" + "".join(f"2025-01-{i + 1:02},{c}\n" for i, c in enumerate(cells))

    report = _uploaded(api, content.encode(), variables={"policy": "SKIP_ROW"})

    assert report["rowsRejected"] == report["errorCount"] == len(cells)
    assert {error["column"] for error in report["errors"]} == {"weight_kg"}
    assert all("weight_kg" in error["message"] for error in report["errors"])
    _assert_healthy_and_unchanged(api, uow_factory, before)


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_a_non_finite_float_variable_is_refused(
    literal: str,
    api: TestClient,
    uow_factory: Callable[[], UnitOfWork],
    before: StoredState,
) -> None:
    query = 'mutation($w: Float) { upsertDailyMetric(input: {date: "2025-01-05", weightKg: $w}) '
    query += "{ date } }"
    body = f'{{"query": {json.dumps(query)}, "variables": {{"w": {literal}}}}}'

    response = api.post("/graphql", content=body, headers={"Content-Type": "application/json"})

    _assert_no_leak(response.text)
    assert response.status_code in (200, 400)
    assert response.json().get("errors")
    _assert_healthy_and_unchanged(api, uow_factory, before)


def test_a_client_filename_is_kept_as_metadata_and_never_used_as_a_path(
    api: TestClient, uow_factory: Callable[[], UnitOfWork], tmp_path: Path
) -> None:
    marker = uuid.uuid4().hex
    name = f"../../../tmp/x-{marker}.csv"

    report = _uploaded(api, b"date,steps_n\n2025-01-05,4321\n", filename=name)

    assert report["status"] == "APPLIED"
    assert marker in (report["filename"] or "")
    for folder in (Path("/tmp"), Path.cwd(), tmp_path):
        assert not any(marker in path.name for path in folder.iterdir())


def test_a_filename_with_a_nul_byte_is_answered_with_a_report(
    api: TestClient, uow_factory: Callable[[], UnitOfWork], before: StoredState
) -> None:
    body, headers = _multipart(
        [
            ("operations", None, _operations()),
            ("map", None, b'{"0": ["variables.file"]}'),
            ("0", "evil\x00name.csv", b"date,steps_n\n2025-01-05,4321\n"),
        ]
    )

    response = api.post("/graphql", content=body, headers=headers)

    _assert_no_leak(response.text)
    assert response.status_code == 200, response.text
    payload = response.json()
    assert "errors" not in payload, payload
    assert "\x00" not in (payload["data"]["uploadCsv"]["filename"] or "")
    listed = api.post("/graphql", json={"query": "{ ingestions(limit: 1) { filename } }"})
    assert "errors" not in listed.json()


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ("{ " + " ".join(f"a{i}: profile {{ stepsGoal }}" for i in range(100)) + " }", None),
        ("{ dataRange { daysLogged " + "{ x " * 50 + "}" * 50 + " } }", None),
        ("query A { profile { stepsGoal } }", "B"),
    ],
    ids=["100-aliases", "fields-50-deep", "unknown-operation"],
)
def test_oversized_or_unknown_operations_get_a_clear_error(
    query: str,
    variables: str | None,
    api: TestClient,
    uow_factory: Callable[[], UnitOfWork],
    before: StoredState,
) -> None:
    payload: dict[str, Any] = {"query": query}
    if variables is not None:
        payload["operationName"] = variables

    response = api.post("/graphql", json=payload)

    _assert_no_leak(response.text)
    _assert_refused(response)
    _assert_healthy_and_unchanged(api, uow_factory, before)


def _assert_refused(response: httpx2.Response) -> None:
    """A 400 with a message, or a 200 whose GraphQL errors replace all data."""
    assert response.status_code in (200, 400), response.text
    if response.headers.get("content-type", "").startswith("application/json"):
        body = response.json()
        assert body.get("errors"), body
        assert not body.get("data")
    else:
        assert response.status_code == 400
        assert response.text.strip()


def test_inline_fragments_nested_50_deep_add_no_depth_and_are_answered(
    api: TestClient, uow_factory: Callable[[], UnitOfWork], before: StoredState
) -> None:
    query = "{ " + "... on Query { " * 50 + "profile { stepsGoal }" + " }" * 50 + " }"

    response = api.post("/graphql", json={"query": query})

    _assert_no_leak(response.text)
    assert response.status_code == 200
    assert response.json() == {"data": {"profile": {"stepsGoal": 10_000}}}
    _assert_healthy_and_unchanged(api, uow_factory, before)


def test_a_batched_array_of_operations_is_refused_and_none_of_them_runs(
    api: TestClient, uow_factory: Callable[[], UnitOfWork], before: StoredState
) -> None:
    delete = 'mutation { deleteDailyMetrics(start: "1900-01-01", end: "2100-01-01") }'
    batch = [{"query": delete}, {"query": "{ profile { stepsGoal } }"}]

    response = api.post("/graphql", json=batch)

    _assert_no_leak(response.text)
    assert response.status_code == 400, response.text
    _assert_healthy_and_unchanged(api, uow_factory, before)


_DAY = b"date,steps_n\n2025-01-05,4321\n"


@pytest.mark.parametrize(
    "parts",
    [
        [("operations", None, _operations()), ("0", "a.csv", _DAY)],
        [
            ("operations", None, _operations()),
            ("map", None, b'{"0": ["variables.file"]}'),
        ],
        [
            ("operations", None, _operations()),
            ("map", None, b'{"0": ["variables.file"], "1": ["variables.file"]}'),
            ("0", "a.csv", _DAY),
            ("1", "b.csv", _DAY),
        ],
        [
            ("operations", None, b"{not json"),
            ("map", None, b'{"0": ["variables.file"]}'),
            ("0", "a.csv", _DAY),
        ],
        [
            ("operations", None, _operations()),
            ("map", None, b'{"0": ["variables.nowhere.deep"]}'),
            ("0", "a.csv", _DAY),
        ],
    ],
    ids=["no-map", "map-to-missing-file", "two-files-one-variable", "bad-json", "bad-path"],
)
def test_malformed_multipart_is_refused_and_changes_nothing(
    parts: list[tuple[str, str | None, bytes]],
    api: TestClient,
    uow_factory: Callable[[], UnitOfWork],
    before: StoredState,
) -> None:
    body, headers = _multipart(parts)

    response = api.post("/graphql", content=body, headers=headers)

    _assert_no_leak(response.text)
    _assert_refused(response)
    _assert_healthy_and_unchanged(api, uow_factory, before)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", ""])
def test_a_body_of_another_content_type_is_refused_with_415_saying_what_to_send(
    api: TestClient, content_type: str
) -> None:
    response = api.post(
        "/graphql",
        content=b'{"query": "{ dataRange { daysLogged } }"}',
        headers={"content-type": content_type, "x-requested-with": "test"},
    )

    assert response.status_code == 415, response.text
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "UNSUPPORTED_MEDIA_TYPE"
    assert "application/json" in error["message"]
