"""The FastAPI application: the GraphQL router, /healthz and the request guards."""

from __future__ import annotations

import contextlib
import hmac
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any, cast

import anyio.to_thread
import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from fastapi import FastAPI, Request, WebSocket
from fastapi.responses import JSONResponse
from sqlalchemy import Engine, text
from starlette.datastructures import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry import UNSET
from strawberry.fastapi import GraphQLRouter
from strawberry.file_uploads.utils import replace_placeholders_with_files

from graph.context import Clock, UnitOfWorkFactory, context_getter_for, utc_now
from graph.schema import build_schema
from graph.settings import Settings
from persistence.database import create_engine_for
from persistence.uow import uow_factory as sql_uow_factory

#: Room above ``max_upload_bytes`` for the multipart framing and the operations JSON.
MULTIPART_ALLOWANCE_BYTES = 64 * 1024
PREFLIGHT_HEADERS = (b"authorization", b"apollo-require-preflight", b"x-requested-with")


def create_app(
    settings: Settings,
    *,
    engine: Engine | None = None,
    uow_factory: UnitOfWorkFactory | None = None,
    clock: Clock = utc_now,
) -> FastAPI:
    """The API wired to a database; migrations are not run here (``healthhub serve`` does).

    Args:
        settings: the configuration.
        engine: an engine to use instead of one built from ``settings.database_url``.
        uow_factory: a unit-of-work factory to use instead of the SQL one (a test seam).
        clock: the source of ``now`` for the services.
    """
    owned = engine is None
    engine = engine or create_engine_for(
        settings.database_url, timeout_seconds=settings.database_timeout_seconds
    )

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            engine.dispose()

    router = _OrjsonGraphQLRouter(
        build_schema(),
        graphql_ide="graphiql",
        context_getter=context_getter_for(uow_factory or _sql_units(engine), settings, clock),
        multipart_uploads_enabled=True,
    )
    app = FastAPI(
        title="Health Metrics Hub", default_response_class=JSONResponse, lifespan=lifespan
    )
    app.include_router(router, prefix="/graphql")
    app.add_api_route("/healthz", _healthz_endpoint(engine), methods=["GET"])
    # Added innermost first: the token is checked before anything else is looked at.
    app.add_middleware(_MultipartPreflightGuard)
    app.add_middleware(_IdentityEncodingOnly)
    app.add_middleware(_BodyLimit, max_bytes=settings.max_upload_bytes + MULTIPART_ALLOWANCE_BYTES)
    if settings.api_token:
        app.add_middleware(_BearerToken, token=settings.api_token)
    return app


class _OrjsonGraphQLRouter(GraphQLRouter[Any, None]):
    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    def decode_json(self, data: str | bytes) -> object:
        # orjson.JSONDecodeError subclasses json.JSONDecodeError, which Strawberry answers
        # with 400; it is raised for bytes that are not UTF-8 and for NaN or Infinity too.
        return orjson.loads(data)

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
            return JSONResponse(
                {"errors": [{"message": error.reason}]}, status_code=error.status_code
            )
        finally:
            if isinstance(request, Request):
                await request.close()

    async def parse_multipart(self, request: AsyncHTTPRequestAdapter) -> dict[str, Any]:
        """The operations with their files in place, per the GraphQL multipart request
        spec, refusing (400) a map that names a missing file or a missing placeholder,
        or that puts two files in one place."""
        try:
            form = await request.get_form_data()
        except ValueError as error:
            raise HTTPException(400, "Unable to parse the multipart body") from error
        operations = self.parse_json(_form_text(form.form, "operations"))
        files_map = self.parse_json(_form_text(form.form, "map"))
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


def _sql_units(engine: Engine) -> UnitOfWorkFactory:
    # SqlUnitOfWork is a UnitOfWork, but its repositories are typed as the concrete
    # classes and mypy holds protocol attributes invariant.
    return cast(UnitOfWorkFactory, sql_uow_factory(engine))


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


def _healthz_endpoint(engine: Engine) -> Callable[[], Any]:
    def probe() -> None:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    async def healthz() -> JSONResponse:
        try:
            await anyio.to_thread.run_sync(probe)
        except Exception:
            return JSONResponse({"service": "ok", "database": "unreachable"}, status_code=503)
        return JSONResponse({"service": "ok", "database": "ok"})

    return healthz


async def _answer(send: Send, status: int, body: dict[str, str], **headers: str) -> None:
    payload = orjson.dumps(body)
    raw_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        *((name.encode(), value.encode()) for name, value in headers.items()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": payload})


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return None


class _BearerToken:
    """Every request but ``GET /healthz`` needs ``Authorization: Bearer <token>``."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.expected = f"Bearer {token}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (scope["path"] == "/healthz" and scope["method"] == "GET"):
            await self.app(scope, receive, send)
            return
        sent = _header(scope, b"authorization") or b""
        if not hmac.compare_digest(sent, self.expected):
            await _answer(send, 401, {"error": "unauthorized"}, **{"www-authenticate": "Bearer"})
            return
        await self.app(scope, receive, send)


class _BodyTooLargeError(Exception):
    pass


class _BodyLimit:
    """Answer 413 to a body over ``max_bytes``: from Content-Length before reading, or
    as soon as the streamed chunks pass it (nothing is buffered here)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLargeError
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyTooLargeError:
            if started:
                raise
            await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        await _answer(send, 413, {"error": f"request body is larger than {self.max_bytes:,} bytes"})


class _IdentityEncodingOnly:
    """Refuse compressed request bodies (415): a small gzip body can inflate without bound."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        encoding = _header(scope, b"content-encoding") if scope["type"] == "http" else None
        if encoding is not None and encoding.strip().lower() not in (b"", b"identity"):
            await _answer(send, 415, {"error": "request bodies must not be content-encoded"})
            return
        await self.app(scope, receive, send)


class _MultipartPreflightGuard:
    """Refuse a multipart POST that a browser could send cross-site without a preflight."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] == "POST"
            and (_header(scope, b"content-type") or b"").lower().startswith(b"multipart/")
            and not any(_header(scope, name) is not None for name in PREFLIGHT_HEADERS)
        ):
            await _answer(
                send,
                400,
                {
                    "error": "multipart requests must send an Apollo-Require-Preflight "
                    "or X-Requested-With header (any value), or an Authorization header"
                },
            )
            return
        await self.app(scope, receive, send)
