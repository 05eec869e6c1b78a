"""The GraphQL router: orjson in and out, strict multipart maps, uploads always closed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from fastapi import Request, WebSocket
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile
from strawberry import UNSET
from strawberry.fastapi import GraphQLRouter
from strawberry.file_uploads.utils import replace_placeholders_with_files

from graph.uploads import read_multipart

NOT_AN_OBJECT_MESSAGE = (
    'A GraphQL request is a JSON object such as {"query": "{ dataRange { daysLogged } }"}, '
    "with variables and extensions as objects too."
)
#: The code of each HTTP-level refusal (docs/api.md lists them).
_HTTP_CODES = {
    400: "BAD_REQUEST",
    405: "METHOD_NOT_ALLOWED",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
}

#: Seconds a client is asked to wait before sending a ``BUSY`` request again.
BUSY_RETRY_AFTER_SECONDS = 5


class OrjsonGraphQLRouter(GraphQLRouter[Any, None]):
    #: File limits of the multipart reader (graph/uploads.py); set by the app factory.
    max_upload_bytes: int = 10 * 1024 * 1024
    max_import_bytes: int = 10 * 1024 * 1024

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    def create_response(self, response_data: Any, sub_response: Response) -> Response:
        """Strawberry's response; a result whose error is ``BUSY`` (nothing was changed,
        send it again) is a 503 with ``Retry-After``."""
        response = super().create_response(response_data, sub_response)
        if _has_code(response_data, "BUSY"):
            response.status_code = 503
            response.headers["retry-after"] = str(BUSY_RETRY_AFTER_SECONDS)
        return response

    def decode_json(self, data: str | bytes) -> object:
        # orjson.JSONDecodeError subclasses json.JSONDecodeError, which Strawberry answers
        # with 400; it is raised for bytes that are not UTF-8 and for NaN or Infinity too.
        decoded = orjson.loads(data)
        # Every JSON document of a request (the body, operations, map, variables,
        # extensions) is an object; batching is off, so a list is refused too.
        if not isinstance(decoded, dict):
            raise HTTPException(400, NOT_AN_OBJECT_MESSAGE)
        return decoded

    async def run(
        self,
        request: Request | WebSocket,
        context: Any = UNSET,
        root_value: Any = UNSET,
    ) -> Any:
        """Strawberry's run, with HTTP-level refusals in the GraphQL JSON error shape
        and every uploaded file closed once the request is answered."""
        try:
            return await super().run(request, context=context, root_value=root_value)
        except HTTPException as error:
            status = 415 if error.reason == "Unsupported content type" else error.status_code
            code = _HTTP_CODES.get(status, "BAD_REQUEST")
            return JSONResponse(
                {"errors": [{"message": error.reason, "extensions": {"code": code}}]},
                status_code=status,
            )
        finally:
            if isinstance(request, Request):
                await request.close()
                for upload in getattr(request.state, "uploads", ()):
                    await upload.close()

    async def parse_multipart(self, request: AsyncHTTPRequestAdapter) -> dict[str, Any]:
        """The operations with their files in place, per the GraphQL multipart request
        spec, refusing (400) a map that names a missing file or a missing placeholder,
        or that puts two files in one place."""
        starlette_request = getattr(request, "_request", None)
        if not isinstance(starlette_request, Request):
            raise HTTPException(400, "Unable to parse the multipart body")
        form = await read_multipart(
            starlette_request,
            max_upload_bytes=self.max_upload_bytes,
            max_import_bytes=self.max_import_bytes,
        )
        starlette_request.state.uploads = list(form.files.values())
        operations = self.parse_json(_form_text(form.fields, "operations"))
        files_map = self.parse_json(_form_text(form.fields, "map"))
        if not isinstance(operations, dict) or not isinstance(files_map, dict):
            raise HTTPException(400, "operations and map must be JSON objects")
        placed: set[str] = set()
        for key, paths in files_map.items():
            if not isinstance(form.files.get(key), UploadFile):
                raise HTTPException(400, f"map names a file part {key!r} that was not sent")
            if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
                raise HTTPException(400, f"map entry {key!r} must be a list of paths")
            for path in paths:
                if path in placed or not _is_null_placeholder(operations, path):
                    raise HTTPException(400, f"map path {path!r} is not a free null variable")
                placed.add(path)
        return replace_placeholders_with_files(operations, files_map, form.files)


def _has_code(response_data: Any, code: str) -> bool:
    results = response_data if isinstance(response_data, list) else [response_data]
    return any(
        (error.get("extensions") or {}).get("code") == code
        for result in results
        if isinstance(result, dict)
        for error in result.get("errors") or ()
    )


def _form_text(form: Mapping[str, Any], name: str) -> str:
    value = form.get(name)
    if not isinstance(value, str):
        raise HTTPException(400, f"the multipart body needs a {name!r} field")
    return value


def _is_null_placeholder(operations: dict[str, Any], path: str) -> bool:
    target: Any = operations
    *parents, last = path.split(".")
    for key in parents:
        if isinstance(target, dict) and key in target:
            target = target[key]
        elif isinstance(target, list) and key.isdigit() and int(key) < len(target):
            target = target[int(key)]
        else:
            return False
    if isinstance(target, dict):
        return last in target and target[last] is None
    return (
        isinstance(target, list)
        and last.isdigit()
        and int(last) < len(target)
        and target[int(last)] is None
    )
