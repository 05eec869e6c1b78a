"""The GraphQL schema: Query and Mutation with thin resolvers over domain.services."""

from __future__ import annotations

import functools
import logging
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from typing import Annotated, Any, TypeVar, cast

import anyio.to_thread
import strawberry
from graphql import GraphQLError
from graphql.execution import Executor
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxTokensLimiter,
    SchemaExtension,
    max_aliases,
    query_depth_limiter,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types.execution import ExecutionContext
from strawberry.utils.str_converters import to_camel_case

from domain import services
from domain.errors import HealthHubError, InvalidInputError
from domain.ports import UnitOfWork
from graph.context import Context
from graph.errors import ErrorCodes, costly
from graph.metrics import OperationMetrics
from graph.types.daily_metric import DailyMetric
from graph.types.data_range import DataRange
from graph.types.enums import DateOrder, InvalidRowPolicy, Period
from graph.types.ingestion import Ingestion
from graph.types.inputs import DailyMetricInput, ProfileInput
from graph.types.kpi import Kpi
from graph.types.kpi_summary import KpiSummary
from graph.types.profile import Profile
from graph.types.scalars import SCALAR_MAP, Upload

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 5_000
INTERNAL_ERROR_MESSAGE = "Internal server error; quote the errorId when reporting it."
DATABASE_UNAVAILABLE_MESSAGE = (
    "The database is unavailable or did not answer in time; nothing was changed. "
    "Try again shortly, and quote the errorId if it persists."
)

logger = logging.getLogger(__name__)

Info = strawberry.Info[Context, None]
_T = TypeVar("_T")


async def _call(info: Info, service: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
    """Run a service for the request's user in a worker thread, with a fresh unit of work."""
    context = info.context

    def run() -> _T:
        uow: UnitOfWork = context.uow_factory()
        return service(uow, context.user_id, *args, **kwargs)

    return await anyio.to_thread.run_sync(run)


_F = TypeVar("_F", bound=Callable[..., Any])


def _field(description: str) -> Callable[[_F], _F]:
    """``strawberry.field`` with a description, typed for mypy."""
    return cast(Callable[[_F], _F], strawberry.field(description=description))


def _mutation(description: str) -> Callable[[_F], _F]:
    """``strawberry.mutation`` with a description, typed for mypy."""
    return cast(Callable[[_F], _F], strawberry.mutation(description=description))


_START = Annotated[date, strawberry.argument(description="First day of the range (inclusive).")]
_END = Annotated[
    date,
    strawberry.argument(
        description="Last day of the range (inclusive), not before start; the range "
        f"covers at most {services.MAX_RANGE_DAYS:,} days."
    ),
]


@strawberry.type(description="What can be read.")
class Query:
    @_field("The logged days in the range, by date ascending.")
    async def daily_metrics(self, info: Info, start: _START, end: _END) -> list[DailyMetric]:
        user_id = info.context.user_id
        days = await _call(info, services.list_days, start, end)
        return DailyMetric.many_from_domain(days, user_id)

    @_field(
        description="The KPIs of the logged days in the range, by date ascending (docs/kpis.md)."
    )
    async def kpis(self, info: Info, start: _START, end: _END) -> list[Kpi]:
        user_id = info.context.user_id
        kpis = await _call(info, services.list_kpis, start, end)
        return Kpi.many_from_domain(kpis, user_id)

    @_field(
        description="One summary per ISO week or calendar month that intersects the "
        "range, clipped to it, by date ascending."
    )
    async def kpi_summary(
        self,
        info: Info,
        start: _START,
        end: _END,
        period: Annotated[
            Period, strawberry.argument(description="Weeks (the default) or months.")
        ] = Period.WEEK,
    ) -> list[KpiSummary]:
        summaries = await _call(info, services.summarise, start, end, period)
        return KpiSummary.many_from_domain(summaries)

    @_field("The span of the logged days.")
    async def data_range(self, info: Info) -> DataRange:
        return DataRange.from_domain(await _call(info, services.data_range))

    @_field("The profile the KPIs are computed with.")
    async def profile(self, info: Info) -> Profile:
        return Profile.from_domain(await _call(info, services.get_profile), info.context.user_id)

    @_field("The newest upload reports, newest first.")
    async def ingestions(
        self,
        info: Info,
        limit: Annotated[
            int,
            strawberry.argument(
                description=f"How many to list, 1–{services.MAX_INGESTIONS_LIMIT}."
            ),
        ] = 20,
    ) -> list[Ingestion]:
        ingestions = await _call(info, services.list_ingestions, limit)
        return [Ingestion.from_domain(ingestion) for ingestion in ingestions]


@strawberry.type(description="What can be changed; each change recomputes the KPIs it affects.")
class Mutation:
    @_mutation(
        description="Upload a CSV file of daily metrics (docs/formats.md) and apply it "
        "atomically; the report is stored whatever the outcome."
    )
    async def upload_csv(
        self,
        info: Info,
        file: Annotated[
            Upload, strawberry.argument(description="The CSV file, as a multipart file part.")
        ],
        on_invalid_row: Annotated[
            InvalidRowPolicy,
            strawberry.argument(description="What to do when some rows are invalid."),
        ] = InvalidRowPolicy.REJECT_FILE,
        date_order: Annotated[
            DateOrder,
            strawberry.argument(description="How to read dates whose order is ambiguous."),
        ] = DateOrder.AUTO,
    ) -> Ingestion:
        data, filename = await _read_upload(file)
        ingestion = await _call(
            info,
            services.upload_csv,
            data,
            filename=filename,
            policy=on_invalid_row,
            date_order=date_order,
            now=info.context.clock(),
        )
        if info.context.metrics is not None:
            info.context.metrics.observe_upload(ingestion)
        return Ingestion.from_domain(ingestion)

    @_mutation(
        description="Set the sent values of one day, validated like CSV cells, and "
        "return the day as stored."
    )
    async def upsert_daily_metric(
        self,
        info: Info,
        input: Annotated[
            DailyMetricInput, strawberry.argument(description="The day and its values.")
        ],
    ) -> DailyMetric:
        day = await _call(
            info, services.upsert_day, input.changes(), day=input.date, now=info.context.clock()
        )
        return DailyMetric.from_domain(day, info.context.user_id)

    @_mutation(
        description="Delete the logged days in the range (any length); returns how "
        "many days were deleted."
    )
    async def delete_daily_metrics(
        self,
        info: Info,
        start: _START,
        end: Annotated[
            date,
            strawberry.argument(description="Last day of the range (inclusive), not before start."),
        ],
    ) -> int:
        deleted = await _call(info, services.delete_days, start, end, now=info.context.clock())
        if info.context.metrics is not None:
            info.context.metrics.observe_delete(deleted)
        return deleted

    @_mutation(
        description="Change the sent profile fields and recompute every KPI; returns "
        "the new profile."
    )
    async def update_profile(
        self,
        info: Info,
        input: Annotated[ProfileInput, strawberry.argument(description="The fields to change.")],
    ) -> Profile:
        profile = await _call(
            info, services.update_profile, input.changes(), now=info.context.clock()
        )
        return Profile.from_domain(profile, info.context.user_id)


async def _read_upload(file: object) -> tuple[bytes, str | None]:
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
    return data, _clean_filename(getattr(file, "filename", None))


def _clean_filename(name: object) -> str | None:
    """The client's filename as metadata only: control and format characters dropped
    (PostgreSQL text cannot hold NUL), at most 255 characters, None when empty."""
    if not isinstance(name, str):
        return None
    kept = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf"))
    return kept[:255] or None


class ErrorShaping(SchemaExtension):
    """Give domain errors their stable code and mask every unexpected exception.

    An ``InvalidInputError`` becomes an error with ``extensions.code = "BAD_USER_INPUT"``
    and the field at fault. A database that cannot be reached (or times out) becomes
    ``DATABASE_UNAVAILABLE`` with a message saying so. Any other exception raised while
    resolving becomes a generic message with an ``errorId``; the same id is logged with
    the traceback. Neither carries the exception's text, which may hold SQL.
    """

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [_shaped(error) for error in errors]


def _shaped(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return error
    if isinstance(original, HealthHubError):
        extensions: dict[str, Any] = {"code": original.code}
        field = getattr(original, "field", None)
        if field:
            extensions["field"] = to_camel_case(field)
        return _copy(error, str(original), extensions)
    if error.path is None and isinstance(original, ValueError | TypeError):
        return error  # an argument the client sent was refused while being coerced
    error_id = uuid.uuid4().hex
    if isinstance(original, OperationalError | PoolTimeoutError):
        logger.warning(
            "Database unavailable %s at %s: %s", error_id, error.path or "operation", original
        )
        return _copy(
            error,
            DATABASE_UNAVAILABLE_MESSAGE,
            {"code": "DATABASE_UNAVAILABLE", "errorId": error_id},
        )
    logger.error(
        "Unexpected error %s at %s", error_id, error.path or "operation", exc_info=original
    )
    return _copy(
        error, INTERNAL_ERROR_MESSAGE, {"code": "INTERNAL_SERVER_ERROR", "errorId": error_id}
    )


def _copy(error: GraphQLError, message: str, extensions: dict[str, Any]) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions=extensions,
    )


#: The depth and alias limits, built once: Strawberry's limiter extensions would make
#: new rule classes for every request.
_LIMIT_RULES = (
    costly(query_depth_limiter.create_validator(MAX_DEPTH, None)),
    costly(max_aliases.create_validator(MAX_ALIASES)),
)


class _Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log nothing here: ErrorShaping logs each unexpected error once, with its id."""


def build_schema(
    *,
    execution_context_class: type[Executor[Any]] | None = None,
    introspection: bool = True,
) -> strawberry.Schema:
    """The API's schema, with the query limits, error codes and metrics of docs/api.md.

    Args:
        execution_context_class: a graphql-core execution context to run operations
            with (a faster executor); Strawberry's own when None.
        introspection: whether introspection queries are answered.
    """
    extra: list[Any] = [] if introspection else [DisableIntrospection]
    return _Schema(
        query=Query,
        mutation=Mutation,
        execution_context_class=execution_context_class,
        config=StrawberryConfig(scalar_map=SCALAR_MAP),
        extensions=[
            functools.partial(AddValidationRules, list(_LIMIT_RULES)),
            functools.partial(MaxTokensLimiter, max_token_count=MAX_TOKENS),
            *extra,
            ErrorCodes,
            ErrorShaping,
            OperationMetrics,
        ],
    )
