"""The FastAPI application: routes, dashboard and the middleware stack of graph/http/stack.py."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine

from domain.accounts import AccountStore
from domain.imports.pipeline import Limits
from graph.execution.executors import fast_execution_context
from graph.http import dashboard, graphiql, responses
from graph.http.auth import USER_SCOPE_KEY
from graph.http.draining import ABANDON, Abandon
from graph.http.health import DiskFree, disk_free, healthz_endpoint
from graph.http.metrics import Metrics, OperationMetrics
from graph.http.router import OrjsonGraphQLRouter
from graph.http.settings import Settings
from graph.http.stack import middleware_stack
from graph.schema.build import build_schema
from graph.schema.context import Clock, Context, UnitOfWorkFactory, utc_now
from persistence.accounts import SqlAccountStore
from persistence.async_reads import AsyncReads
from persistence.database import create_engine_for
from persistence.persisted_queries import PersistedQueryStore
from persistence.uow import uow_factory as sql_uow_factory


def create_app(
    settings: Settings,
    *,
    engine: Engine | None = None,
    uow_factory: UnitOfWorkFactory | None = None,
    clock: Clock = utc_now,
    persisted_queries: PersistedQueryStore | None = None,
    abandon: Abandon = ABANDON,
    free_bytes: DiskFree = disk_free,
) -> FastAPI:
    """The API wired to a database; migrations are not run here (``healthhub serve`` does).

    Args:
        settings: the configuration.
        engine: an engine to use instead of one built from ``settings.database_url``.
        uow_factory: a unit-of-work factory to use instead of the SQL one (a test seam).
        clock: the source of ``now`` for the services.
        persisted_queries: the store of automatic persisted queries (default: a table
            on ``engine``).
        abandon: raised when requests in flight must roll back (graph/http/draining.py).
        free_bytes: how /healthz measures the free space of a SQLite database's disk.
    """
    owned = engine is None
    engine = engine or create_engine_for(
        settings.database_url, timeout_seconds=settings.database_timeout_seconds
    )

    reads = (
        AsyncReads(settings.database_url, timeout_seconds=settings.database_timeout_seconds)
        if AsyncReads.serves(settings.database_url)
        else None
    )

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if reads is not None:
            await reads.open()
        try:
            yield
        finally:
            metrics.close()
            if reads is not None:
                await reads.close()
            if owned:
                engine.dispose()

    store = SqlAccountStore(engine)
    metrics = Metrics(engine)
    uow_factory = uow_factory or sql_uow_factory(
        engine,
        lock_wait_seconds=settings.lock_wait_seconds,
        abandoned=abandon.is_set,
        on_lock_wait=metrics.observe_lock_wait,
    )
    router = OrjsonGraphQLRouter(
        build_schema(
            execution_context_class=fast_execution_context() if settings.fast_executor else None,
            introspection=settings.introspection,
            extensions=(OperationMetrics,),
        ),
        graphql_ide="graphiql",
        context_getter=context_getter_for(
            uow_factory, settings, clock, accounts=store, metrics=metrics
        ),
        multipart_uploads_enabled=True,
        subscription_protocols=(),
        persisted_queries=persisted_queries or PersistedQueryStore(engine),
        reads=reads,
    )
    router.max_upload_bytes = settings.max_upload_bytes
    router.max_import_bytes = settings.max_import_bytes
    router.abandoned = abandon.is_set
    app = FastAPI(
        title="Health Metrics Hub",
        default_response_class=JSONResponse,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        middleware=middleware_stack(
            settings,
            store=store,
            clock=clock,
            reads=reads,
            abandon=abandon,
            on_token_refused=metrics.observe_token_refusal,
            kept_answers=router.kept_answers(metrics),
        ),
    )
    app.include_router(router, prefix="/graphql")
    app.add_api_route(
        "/graphql",
        responses.wrong_method,
        methods=["PUT", "PATCH", "DELETE"],
        include_in_schema=False,
    )
    app.add_api_route("/healthz", healthz_endpoint(engine, free_bytes=free_bytes), methods=["GET"])
    app.add_api_route("/metrics", metrics.response, methods=["GET"], include_in_schema=False)
    dashboard.mount(app)
    graphiql.mount(app)
    return app


def context_getter_for(
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock = utc_now,
    *,
    accounts: AccountStore,
    metrics: Metrics | None = None,
) -> Callable[[Request], Awaitable[Context]]:
    """A FastAPI dependency building a fresh ``Context`` per request."""
    limits = Limits(settings.max_upload_bytes, settings.max_import_bytes)

    async def context_getter(request: Request) -> Context:
        return Context(
            uow_factory=uow_factory,
            limits=limits,
            clock=clock,
            accounts=accounts,
            user_id=request.scope.get(USER_SCOPE_KEY),
            metrics=metrics,
        )

    return context_getter
