"""Reading uploads: the multipart body as a stream, with the file limit of its mutation.

The GraphQL multipart request sends ``operations`` first; from it we know the
mutation before the file part arrives: from the operation's root fields, through its
fragments, never from a name the client chooses. ``uploadCsv`` files are limited to
``HEALTHHUB_MAX_UPLOAD_BYTES``; ``importFile`` files to ``HEALTHHUB_MAX_IMPORT_BYTES``
when they are ZIP or XML (by their first bytes), else to the upload limit. A part
past its limit is refused with 413 at once; nothing is spooled whole first, and
large files go to a temporary file on disk (docs/imports/index.md, "Limits").

A file read once the server abandons its requests in flight (shutdown, graph/http/
draining.py) raises ``BusyError``: a long parse stops at its next read and the request
is answered ``BUSY`` like any other abandoned one, instead of holding the process.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson
from cross_web import HTTPException
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
)
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.datastructures import Headers, UploadFile
from starlette.requests import ClientDisconnect, Request

from domain.errors import BusyError
from domain.imports.pipeline import kind_of
from graph.http.slots import NoUploadSlotError

#: The most a non-file part (``operations``, ``map``) may hold.
MAX_FIELD_BYTES = 1024 * 1024
#: Up to this much of a file stays in memory; the rest goes to a temporary file.
SPOOL_BYTES = 1024 * 1024
_MAX_PARTS = 16
#: How many first bytes of a file decide its kind (ZIP, XML or other) and so its limit.
_HEAD_BYTES = 64


ABANDONED_MESSAGE = (
    "The server is shutting down; the file was not imported and nothing was changed. Send it again."
)


class _AbandonableFile(tempfile.SpooledTemporaryFile):  # type: ignore[type-arg]
    """A spooled upload whose reads fail with ``BusyError`` once ``abandoned()``."""

    def __init__(self, abandoned: Callable[[], bool]) -> None:
        super().__init__(max_size=SPOOL_BYTES)
        self._abandoned = abandoned

    def _refuse_if_abandoned(self) -> None:
        if self._abandoned():
            raise BusyError(ABANDONED_MESSAGE)

    def read(self, *args: Any) -> Any:
        self._refuse_if_abandoned()
        return super().read(*args)

    def read1(self, *args: Any) -> Any:
        self._refuse_if_abandoned()
        return super().read1(*args)

    def readinto(self, b: Any) -> Any:
        self._refuse_if_abandoned()
        return super().readinto(b)

    def readinto1(self, b: Any) -> Any:
        self._refuse_if_abandoned()
        return super().readinto1(b)

    def readline(self, *args: Any) -> Any:
        self._refuse_if_abandoned()
        return super().readline(*args)


class PayloadTooLargeError(HTTPException):
    def __init__(self, message: str) -> None:
        super().__init__(413, message)


@dataclass
class _Part:
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    name: str = ""
    filename: str | None = None
    data: bytearray = field(default_factory=bytearray)
    file: Any = None
    size: int = 0
    limit: int = 0
    limit_name: str = ""
    head: bytearray = field(default_factory=bytearray)


@dataclass
class MultipartForm:
    fields: dict[str, str]
    files: dict[str, UploadFile]


class _Reader:
    def __init__(
        self, max_upload_bytes: int, max_import_bytes: int, abandoned: Callable[[], bool]
    ) -> None:
        self.abandoned = abandoned
        self.max_upload = max_upload_bytes
        self.max_import = max_import_bytes
        self.fields: dict[str, str] = {}
        self.files: dict[str, UploadFile] = {}
        self.part = _Part()
        self.header_field = bytearray()
        self.header_value = bytearray()
        self.parts = 0

    def callbacks(self) -> dict[str, Any]:
        return {
            "on_part_begin": self.on_part_begin,
            "on_header_field": lambda d, s, e: self.header_field.extend(d[s:e]),
            "on_header_value": lambda d, s, e: self.header_value.extend(d[s:e]),
            "on_header_end": self.on_header_end,
            "on_headers_finished": self.on_headers_finished,
            "on_part_data": self.on_part_data,
            "on_part_end": self.on_part_end,
        }

    def on_part_begin(self) -> None:
        self.parts += 1
        if self.parts > _MAX_PARTS:
            raise HTTPException(400, f"the multipart body has more than {_MAX_PARTS} parts")
        self.part = _Part()

    def on_header_end(self) -> None:
        self.part.headers.append((bytes(self.header_field).lower(), bytes(self.header_value)))
        self.header_field.clear()
        self.header_value.clear()

    def on_headers_finished(self) -> None:
        disposition = dict(self.part.headers).get(b"content-disposition", b"")
        _, options = parse_options_header(disposition)
        self.part.name = options.get(b"name", b"").decode("utf-8", "replace")
        filename = options.get(b"filename")
        if filename is not None:
            self.part.filename = filename.decode("utf-8", "replace")
            # Closed by the router once the request is answered (graph/http/router.py).
            self.part.file = _AbandonableFile(self.abandoned)

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        part = self.part
        chunk = data[start:end]
        if part.file is None:
            if len(part.data) + len(chunk) > MAX_FIELD_BYTES:
                raise PayloadTooLargeError(
                    f'the multipart field "{part.name[:40]}" is larger than '
                    f"{MAX_FIELD_BYTES:,} bytes"
                )
            part.data.extend(chunk)
            return
        if len(part.head) < _HEAD_BYTES:
            # The limit depends on the file's first bytes, which may arrive split.
            part.head.extend(chunk[: _HEAD_BYTES - len(part.head)])
            part.limit, part.limit_name = self.limit_for(bytes(part.head))
        part.size += len(chunk)
        if part.size > part.limit:
            raise PayloadTooLargeError(
                f"the file is larger than {part.limit:,} bytes, the limit of {part.limit_name}"
            )
        part.file.write(chunk)

    def on_part_end(self) -> None:
        part = self.part
        if part.file is None:
            self.fields[part.name] = part.data.decode("utf-8", "replace")
            return
        part.file.seek(0)
        self.files[part.name] = UploadFile(
            part.file, size=part.size, filename=part.filename, headers=Headers(raw=part.headers)
        )

    def limit_for(self, head: bytes) -> tuple[int, str]:
        upload = (self.max_upload, "HEALTHHUB_MAX_UPLOAD_BYTES")
        if _mutations(self.fields.get("operations", "")) - {"__typename"} != {"importFile"}:
            return upload
        if kind_of(head) in ("zip", "xml"):
            return self.max_import, "HEALTHHUB_MAX_IMPORT_BYTES (ZIP and XML imports)"
        return upload


async def read_multipart(
    request: Request,
    *,
    max_upload_bytes: int,
    max_import_bytes: int,
    abandoned: Callable[[], bool] = lambda: False,
) -> MultipartForm:
    """The fields and files of a multipart request, read as it arrives.

    Raises:
        HTTPException: 400 for a malformed body, 413 for a part over its limit.
    """
    content_type = request.headers.get("content-type", "")
    _, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if not boundary:
        raise HTTPException(400, "the multipart body has no boundary")
    reader = _Reader(max_upload_bytes, max_import_bytes, abandoned)
    parser = MultipartParser(boundary, reader.callbacks())  # type: ignore[arg-type]
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except (HTTPException, ClientDisconnect, NoUploadSlotError):
        # A client gone mid-body is not a malformed body: graph/http/perimeter.py logs it;
        # no upload slot in time is answered BUSY by graph/http/slots.py.
        _close(reader)
        raise
    except Exception as error:
        _close(reader)
        raise HTTPException(400, "Unable to parse the multipart body") from error
    return MultipartForm(reader.fields, reader.files)


def _close(reader: _Reader) -> None:
    for upload in reader.files.values():
        upload.file.close()
    if reader.part.file is not None:
        reader.part.file.close()


def _mutations(operations: str) -> set[str]:
    """The root fields the ``operations`` JSON can run: every root field of its
    operation (the one ``operationName`` names, else each), through its fragments and
    inline fragments; names a client chooses (fragments, operations, aliases) never
    count. A body that cannot be read answers ``{""}``, which takes the upload limit."""
    try:
        value = orjson.loads(operations)
    except orjson.JSONDecodeError:
        return {""}
    fields: set[str] = set()
    for operation in value if isinstance(value, list) else [value]:
        query = operation.get("query") if isinstance(operation, dict) else None
        if not isinstance(query, str):
            return {""}
        try:
            document = parse(query)
        except GraphQLError:
            return {""}
        name = operation.get("operationName")
        fragments = {
            definition.name.value: definition.selection_set
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode) and (
                not isinstance(name, str) or (definition.name and definition.name.value == name)
            ):
                fields |= _root_fields(definition.selection_set, fragments)
    return fields or {""}


def _root_fields(
    selection_set: SelectionSetNode, fragments: dict[str, SelectionSetNode]
) -> set[str]:
    """The field names of a selection set, fragments followed (each once)."""
    fields: set[str] = set()
    pending, spread = [selection_set], set()
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode):
                fields.add(selection.name.value)
            elif isinstance(selection, InlineFragmentNode):
                pending.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name not in spread:
                    spread.add(name)
                    # An unknown fragment is refused by validation: it runs nothing.
                    pending.extend([fragments[name]] if name in fragments else [])
    return fields
