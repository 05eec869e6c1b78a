"""An uploaded file part as a resolver gets it: its bytes or stream, and a cleaned filename.

graph/http/uploads.py reads the multipart body and hands each file part to Strawberry
as a Starlette ``UploadFile`` (spooled to disk past 1 MiB).
"""

from __future__ import annotations

import io
import unicodedata
from typing import BinaryIO

from domain.errors import InvalidInputError


async def read_upload(file: object) -> tuple[bytes, str | None]:
    """The bytes and client filename of an upload (a Starlette ``UploadFile``)."""
    if isinstance(file, bytes):
        return file, None
    read = getattr(file, "read", None)
    if read is None:
        raise InvalidInputError("file: expected an uploaded file part", field="file")
    try:
        data = await read()
    finally:
        close = getattr(file, "close", None)
        if close is not None:
            await close()
    return data, clean_filename(getattr(file, "filename", None))


def upload_stream(file: object) -> tuple[BinaryIO, str | None]:
    """The seekable stream and client filename of an upload (a Starlette ``UploadFile``,
    whose file ``read_multipart`` spooled to disk past 1 MiB)."""
    if isinstance(file, bytes):
        return io.BytesIO(file), None
    stream = getattr(file, "file", None)
    if stream is None:
        raise InvalidInputError("file: expected an uploaded file part", field="file")
    return stream, clean_filename(getattr(file, "filename", None))


def clean_filename(name: object) -> str | None:
    """The client's filename as metadata only: control and format characters dropped
    (PostgreSQL text cannot hold NUL), at most 255 characters, None when empty."""
    if not isinstance(name, str):
        return None
    kept = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf"))
    return kept[:255] or None
