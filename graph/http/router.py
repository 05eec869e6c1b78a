"""The GraphQL router: orjson in and out, strict multipart maps, uploads always closed,
HTTP statuses per docs/api.md ("Errors")."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import anyio.to_thread
import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from fastapi import Request, WebSocket
from starlette.datastructures import UploadFile
from starlette.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry import UNSET
from strawberry.fastapi import GraphQLRouter
from strawberry.file_uploads.utils import replace_placeholders_with_files
from strawberry.http import GraphQLHTTPResponse
from strawberry.schema.base import BaseSchema
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult

from domain import services
from graph.execution.direct import ROOT_FIELD, KeptReads, StoredRows
from graph.execution.fastpath import FastExecutionContext
from graph.http import apq, caching, graphiql, responses
from graph.http.auth import USER_SCOPE_KEY
from graph.http.metrics import Metrics
from graph.http.uploads import read_multipart
from graph.schema.context import Context, utc_now
from persistence.async_reads import AsyncReads, read_or
from persistence.persisted_queries import PersistedQueryStore

NOT_AN_OBJECT_MESSAGE = (
    'A GraphQL request is a JSON object such as {"query": "{ dataRange { daysLogged } }"}, '
    "with variables and extensions as objects too."
)
UNSUPPORTED_MEDIA_TYPE_MESSAGE = (
    "Send the request as application/json, or as multipart/form-data for an upload."
)
#: Seconds a client is asked to wait before sending a ``BUSY`` request again.
BUSY_RETRY_AFTER_SECONDS = 5


class OrjsonGraphQLRouter(GraphQLRouter[Any, None]):
    #: File limits of the multipart reader (graph/http/uploads.py); set by the app factory.
    max_upload_bytes: int = 10 * 1024 * 1024
    max_import_bytes: int = 10 * 1024 * 1024
    #: Whether the server abandons its requests in flight (graph/http/draining.py): an
    #: uploaded file's reads then fail, so a long parse stops (graph/http/uploads.py).
    abandoned: Callable[[], bool] = staticmethod(lambda: False)

    def __init__(
        self,
        schema: BaseSchema,
        *,
        persisted_queries: PersistedQueryStore | None = None,
        reads: AsyncReads | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(schema, **kwargs)
        self._reads = reads
        self._build = caching.schema_build(schema.as_str())
        self._persisted_queries = persisted_queries
        # Kept kpis documents are answered without the general machinery
        # (graph/execution/direct.py) when the schema runs the fast executor; with the
        # stock one (``HEALTHHUB_FAST_EXECUTOR=0``) every request takes the general path.
        kept = getattr(schema, "kept_documents", None)
        fast = issubclass(getattr(schema, "execution_context_class", type), FastExecutionContext)
        self._direct = None
        if kept is not None and fast:
            self._direct = KeptReads(schema._schema, kept.get)  # type: ignore[attr-defined]

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
        and every uploaded file closed once the request is answered. A GET query is
        answered 304 when ``If-None-Match`` names its current tag (graph/http/caching.py).
        A kept ``kpis`` query is answered directly (graph/execution/direct.py), after the
        same 304 check, with the same headers."""
        tag = None
        if isinstance(request, Request) and caching.is_get_operation(
            request.method, request.query_params
        ):
            tag = await self._etag(request, context)
            if tag is not None and caching.matches(request.headers.get("if-none-match"), tag):
                return caching.not_modified(tag)
        response: Any = None
        if (
            self._direct is not None
            and isinstance(context, Context)
            and isinstance(request, Request)
            and (request.method == "POST" or tag is not None)
        ):
            response = await self._answer_directly(request, context, self._direct)
        if response is None:
            try:
                response = await super().run(request, context=context, root_value=root_value)
            except HTTPException as error:
                response = responses.refusal(error.status_code, error.reason)
            finally:
                if isinstance(request, Request):
                    await request.close()
                    for upload in getattr(request.state, "uploads", ()):
                        await upload.close()
        if isinstance(request, Request) and isinstance(response, Response):
            responses.finish(request, response)
            # An answer with errors (an unknown persisted query among them) is not
            # tagged: it may change without a write.
            if (
                tag is not None
                and response.status_code == 200
                and not responses.had_errors(request)
            ):
                response.headers.update(caching.cache_headers(tag))
            else:
                response.headers["Cache-Control"] = caching.NO_STORE
        return response

    async def _answer_directly(
        self, request: Request, context: Context, direct: KeptReads
    ) -> Response | None:
        """The answer of a kept ``kpis`` query, or None for the general path (which reads
        the same body again: Starlette keeps it)."""
        started = time.perf_counter()
        user_id = request.scope.get(USER_SCOPE_KEY)
        if not isinstance(user_id, str):
            return None
        body = await _request_body(request)
        if body is None:
            return None

        reads = self._reads

        async def read(user: str, start: date, end: date, fields: tuple[str, ...]) -> StoredRows:
            def through_engine() -> StoredRows:
                return StoredRows(services.list_kpis(context.uow_factory(), user, start, end))

            async def on_loop() -> StoredRows:
                assert reads is not None
                rows = await reads.kpis_between(user, start, end, fields)
                return StoredRows(rows, typed=True, narrow=True)

            return await read_or(
                on_loop if reads else None, lambda: anyio.to_thread.run_sync(through_engine)
            )

        answer = await direct.answer(body, user_id, read)
        if answer is None:
            return None
        await request.close()
        _count(context.metrics, started)
        return Response(answer, media_type="application/json")

    def kept_answers(self, metrics: Metrics | None) -> KeptAnswers | None:
        """What ``KeptQueries``, the innermost layer of the stack, needs to answer a kept
        ``kpis`` POST before routing (None: the router answers them, as on SQLite)."""
        if self._direct is None or self._reads is None:
            return None
        return KeptAnswers(self._direct, self._reads, metrics)

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter) -> Any:
        # Strawberry answers a body it has no reader for with 400; that is a 415, decided
        # here from the request's Content-Type (the readers Strawberry's parse_http_body has).
        if request.method != "GET" and not _readable(request.content_type or ""):
            raise HTTPException(415, UNSUPPORTED_MEDIA_TYPE_MESSAGE)
        return await super().parse_http_body(request)

    async def _etag(self, request: Request, context: Any) -> str | None:
        """The tag of this GET query, or None when the data version cannot be read
        (the query then reports the database state itself)."""
        if not isinstance(context, Context):
            return None

        try:
            user_id = context.user_id

            def read_version() -> int:
                with context.uow_factory() as uow:
                    return uow.data_version(user_id)

            version = await read_or(
                functools.partial(self._reads.data_version, user_id) if self._reads else None,
                lambda: anyio.to_thread.run_sync(read_version),
            )
        except Exception:  # the operation meets the same failure and reports it
            return None
        return caching.etag(user_id, version, self._build, request.query_params)

    def should_render_graphql_ide(self, request: Any) -> bool:
        """GraphiQL answers a browser's GET (Accept text/html) that carries neither a
        query nor extensions; any other GET is an operation."""
        return (
            request.method == "GET"
            and not caching.is_get_operation(request.method, request.query_params)
            and "text/html" in request.headers.get("accept", "")
        )

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        """Our GraphiQL page, whose files this server serves (graph/http/graphiql.py)."""
        return graphiql.page_response()

    async def execute_single(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        """Strawberry's, with persisted queries resolved (graph/http/apq.py) and a mutation
        over GET refused 405."""
        store = self._persisted_queries
        if store is not None:
            try:
                user_id = str(getattr(kwargs.get("context"), "user_id", None) or "")
                kwargs["request_data"] = await apq.resolve(
                    store, user_id, kwargs["request_data"], utc_now
                )
            except apq.PersistedQueryNotFoundError:
                return apq.not_found()
        try:
            return await super().execute_single(*args, **kwargs)
        except HTTPException as error:
            if isinstance(error.__cause__, InvalidOperationTypeError):
                raise HTTPException(
                    405, "A mutation cannot be sent with GET; send it with POST."
                ) from error
            raise

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        return responses.shape(request, await super().process_result(request, result), result)

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
            abandoned=self.abandoned,
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


class KeptAnswers:
    """Kept ``kpis`` POSTs answered from the ASGI scope and body, their rows read on the
    event loop (PostgreSQL); a read the pool cannot make now is left to the general path."""

    def __init__(self, direct: KeptReads, reads: AsyncReads, metrics: Metrics | None) -> None:
        self._direct = direct
        self._reads = reads
        self._metrics = metrics

    async def _read(
        self, user_id: str, start: date, end: date, fields: tuple[str, ...]
    ) -> StoredRows:
        rows = await self._reads.kpis_between(user_id, start, end, fields)
        return StoredRows(rows, typed=True, narrow=True)

    async def answer(self, scope: Scope, body: bytes) -> Response | None:
        """The response to a JSON POST of ``body`` by the user the token guard found, with
        the general path's headers, or None for the general path."""
        started = time.perf_counter()
        user_id = scope.get(USER_SCOPE_KEY)
        if not isinstance(user_id, str):
            return None
        try:
            fields = orjson.loads(body)
        except orjson.JSONDecodeError:
            return None
        if not isinstance(fields, dict):
            return None
        answer = await self._direct.answer(fields, user_id, self._read)
        if answer is None:
            return None
        _count(self._metrics, started)
        request = Request(scope)
        response = Response(answer, media_type="application/json")
        responses.finish(request, response)
        response.headers["Cache-Control"] = caching.NO_STORE
        return response


def _count(metrics: Any, started: float) -> None:
    """Count the operation as graph/http/metrics.py's ``OperationMetrics`` counts it."""
    if isinstance(metrics, Metrics):
        label = f"query:{ROOT_FIELD}"
        metrics.operations.labels(label, "ok").inc()
        metrics.latency.labels(label).observe(time.perf_counter() - started)


async def _request_body(request: Request) -> dict[str, Any] | None:
    """A GraphQL request's fields as the direct answer reads them: a JSON POST's body
    (Starlette keeps it for the general path), or a GET's query parameters with the
    variables decoded; None for anything else (the general path reads or refuses it)."""
    try:
        if request.method == "GET":
            params = request.query_params
            body: Any = dict(params)
            if len(params.getlist("variables")) > 1 or len(body) != len(params.multi_items()):
                return None
            if "variables" in body:
                body["variables"] = orjson.loads(body["variables"])
        else:
            media_type = request.headers.get("content-type", "").split(";", 1)[0]
            if media_type.strip().lower() != "application/json":
                return None
            body = orjson.loads(await request.body())
    except orjson.JSONDecodeError:
        return None
    return body if isinstance(body, dict) else None


def _readable(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return "application/json" in media_type or media_type == "multipart/form-data"


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


class KeptQueries:
    """The innermost layer (graph/http/stack.py): a kept ``kpis`` query sent by JSON POST
    to ``/graphql`` is answered here, after every layer of the perimeter and before
    routing (graph/execution/direct.py); any other request, or one it leaves to the
    general path, goes on with its body replayed as it was received."""

    def __init__(self, app: ASGIApp, *, answers: KeptAnswers | None) -> None:
        self.app = app
        self.answers = answers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        answers = self.answers
        if (
            answers is None
            or scope["type"] != "http"
            or scope["method"] != "POST"
            or scope["path"] != "/graphql"
            or scope.get("root_path")
            or not _json_content(scope)
        ):
            await self.app(scope, receive, send)
            return
        received: list[Message] = []
        chunks: list[bytes] = []
        while True:
            message = await receive()
            received.append(message)
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                response = await answers.answer(scope, b"".join(chunks))
                if response is not None:
                    await response(scope, receive, send)
                    return
                break

        async def replay() -> Message:
            return received.pop(0) if received else await receive()

        await self.app(scope, replay, send)


def _json_content(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"content-type":
            media_type: bytes = value.split(b";", 1)[0].strip().lower()
            return media_type == b"application/json"
    return False
