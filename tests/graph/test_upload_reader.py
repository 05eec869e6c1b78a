"""The streaming multipart reader: limits by mutation, decided on a file's first bytes."""

from __future__ import annotations

import json
from collections.abc import Iterator

import anyio
import pytest
from cross_web import HTTPException
from starlette.requests import Request
from starlette.types import Message

from graph.http.uploads import MultipartForm, read_multipart

BOUNDARY = "reader-boundary"


def _body(mutation: str, content: bytes) -> bytes:
    operations = json.dumps({"query": f"mutation($f: Upload!) {{ {mutation}(file: $f) {{ id }} }}"})
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n'
        f"{operations}\r\n",
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="map"\r\n\r\n'
        '{"0": ["variables.f"]}\r\n',
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="0"; filename="f"\r\n\r\n',
    ]
    return "".join(parts).encode() + content + f"\r\n--{BOUNDARY}--\r\n".encode()


def _read(body: bytes, chunk: int, *, upload: int, imports: int) -> MultipartForm:
    chunks: Iterator[bytes] = (body[i : i + chunk] for i in range(0, len(body), chunk))

    async def receive() -> Message:
        piece = next(chunks, b"")
        return {"type": "http.request", "body": piece, "more_body": bool(piece)}

    scope = {
        "type": "http",
        "method": "POST",
        "headers": [(b"content-type", f"multipart/form-data; boundary={BOUNDARY}".encode())],
    }

    async def run() -> MultipartForm:
        return await read_multipart(
            Request(scope, receive), max_upload_bytes=upload, max_import_bytes=imports
        )

    return anyio.run(run)


def test_a_zip_split_in_its_first_bytes_still_gets_the_import_limit() -> None:
    content = b"PK\x03\x04" + b"z" * 5_000
    form = _read(_body("importFile", content), chunk=1, upload=1_000, imports=10_000)
    upload = form.files["0"]
    assert upload.file.read() == content
    upload.file.close()


def test_a_csv_sent_to_import_file_keeps_the_upload_limit() -> None:
    content = b"date,steps_n\n" + b"2026-03-01,1000\n" * 100
    with pytest.raises(HTTPException) as refused:
        _read(_body("importFile", content), chunk=7, upload=1_000, imports=10_000)
    assert refused.value.status_code == 413
    assert "1,000 bytes" in refused.value.reason


def test_upload_csv_keeps_the_upload_limit_for_a_zip() -> None:
    content = b"PK\x03\x04" + b"z" * 5_000
    with pytest.raises(HTTPException) as refused:
        _read(_body("uploadCsv", content), chunk=64, upload=1_000, imports=10_000)
    assert refused.value.status_code == 413
