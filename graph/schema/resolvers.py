"""Query and Mutation: thin resolvers that call domain.services for the request's user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar, cast

import anyio.to_thread
import strawberry

from domain import accounts, services
from domain.errors import InvalidInputError
from graph.schema import nodes
from graph.schema.calls import call_service
from graph.schema.context import Context
from graph.schema.cursors import cursor_of, position_of
from graph.schema.types.connection import IngestionConnection, IngestionEdge, PageInfo
from graph.schema.types.daily_metric import DailyMetric
from graph.schema.types.data_range import DataRange
from graph.schema.types.enums import (
    DateOrder,
    ImportSource,
    InvalidRowPolicy,
    NumberFormat,
    Period,
    WeightUnit,
)
from graph.schema.types.import_arguments import (
    DryRunArgument,
    NumberFormatArgument,
    SourceArgument,
    WeightUnitArgument,
)
from graph.schema.types.ingestion import Ingestion
from graph.schema.types.inputs import DailyMetricInput, ProfileInput
from graph.schema.types.kpi import Kpi
from graph.schema.types.kpi_summary import KpiSummary
from graph.schema.types.node import Node
from graph.schema.types.profile import Profile
from graph.schema.types.scalars import Upload
from graph.schema.types.user import User
from graph.schema.upload_files import read_upload, upload_stream

Info = strawberry.Info[Context, None]
_T = TypeVar("_T")


async def _call(info: Info, service: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
    """Run a service for the request's user (graph/schema/calls.py)."""
    return await call_service(info.context, service, *args, **kwargs)


_F = TypeVar("_F", bound=Callable[..., Any])


def _field(description: str) -> Callable[[_F], _F]:
    """``strawberry.field`` with a description, typed for mypy."""
    return cast(Callable[[_F], _F], strawberry.field(description=description))


def _mutation(description: str) -> Callable[[_F], _F]:
    """``strawberry.mutation`` with a description, typed for mypy."""
    return cast(Callable[[_F], _F], strawberry.mutation(description=description))


_FILE = Annotated[Upload, strawberry.argument(description="The file, as a multipart file part.")]
_POLICY = Annotated[
    InvalidRowPolicy, strawberry.argument(description="What to do when some rows are invalid.")
]
_DATE_ORDER = Annotated[
    DateOrder, strawberry.argument(description="How to read dates whose order is ambiguous.")
]
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
        return KpiSummary.many_from_domain(summaries, info.context.user_id, period)

    @_field("The span of the logged days.")
    async def data_range(self, info: Info) -> DataRange:
        data_range = await _call(info, services.data_range)
        return DataRange.from_domain(data_range, info.context.user_id)

    @_field("The profile the KPIs are computed with.")
    async def profile(self, info: Info) -> Profile:
        return Profile.from_domain(await _call(info, services.get_profile), info.context.user_id)

    @_field(
        "The newest upload reports, newest first: the simple form of ingestionHistory, "
        "without paging."
    )
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
        user_id = info.context.user_id
        return [Ingestion.from_domain(ingestion, user_id) for ingestion in ingestions]

    @_field(
        "The upload history, newest first, a page at a time (Relay's cursor connection "
        'spec; docs/api.md, "Paging").'
    )
    async def ingestion_history(
        self,
        info: Info,
        first: Annotated[
            int,
            strawberry.argument(
                description=f"How many reports the page holds, 1–{services.MAX_PAGE_SIZE}."
            ),
        ] = 20,
        after: Annotated[
            str | None,
            strawberry.argument(
                description="Start after this cursor (the endCursor of the page before); "
                "left out or null: start with the newest report."
            ),
        ] = strawberry.UNSET,
    ) -> IngestionConnection:
        user_id = info.context.user_id
        position = position_of(user_id, after) if isinstance(after, str) else None
        page = await _call(info, services.ingestion_page, first, position)
        edges = [
            IngestionEdge(
                cursor=cursor_of(user_id, ingestion),
                node=Ingestion.from_domain(ingestion, user_id),
            )
            for ingestion in page.ingestions
        ]
        page_info = PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=position is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        )
        return IngestionConnection(edges=edges, page_info=page_info, total_count=page.total_count)

    @_field(
        "One upload report by its id; null for an id of another user's report, an "
        "unknown or a malformed one."
    )
    async def ingestion(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The report's id.")],
    ) -> Ingestion | None:
        found = (await nodes.find(info.context, [id], kind="Ingestion"))[0]
        return cast(Ingestion | None, found)

    @_field(
        "Any object by its global id (Relay's global object identification); null for "
        "an id of another user's object, an unknown or a malformed one, alike."
    )
    async def node(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The object's id.")],
    ) -> Node | None:
        return (await nodes.find(info.context, [id]))[0]

    @_field(
        "Objects by their global ids, in the order of the ids, each null as node(id) "
        "would answer it; one lookup for them all."
    )
    async def nodes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description=f"The ids, at most {services.MAX_NODE_IDS}."),
        ],
    ) -> list[Node | None]:
        if len(ids) > services.MAX_NODE_IDS:
            raise InvalidInputError(
                f"ids: {len(ids)} ids sent; at most {services.MAX_NODE_IDS} are allowed",
                field="ids",
            )
        return await nodes.find(info.context, ids)

    @_field(description="Who the request acts as: the owner of its token (docs/accounts.md).")
    async def me(self, info: Info) -> User:
        context = info.context
        async with context.database_turn:
            user = await anyio.to_thread.run_sync(
                lambda: accounts.me(context.accounts, context.user_id, now=context.clock())
            )
        return User.from_domain(user)


@strawberry.type(description="What can be changed; each change recomputes the KPIs it affects.")
class Mutation:
    @_mutation(
        description="Upload a CSV file of daily metrics (docs/formats.md) and apply it "
        "atomically; the report is stored whatever the outcome."
    )
    async def upload_csv(
        self,
        info: Info,
        file: _FILE,
        on_invalid_row: _POLICY = InvalidRowPolicy.REJECT_FILE,
        date_order: _DATE_ORDER = DateOrder.AUTO,
        number_format: NumberFormatArgument = NumberFormat.AUTO,
        source: SourceArgument = ImportSource.AUTO,
        weight_unit: WeightUnitArgument = strawberry.UNSET,
        dry_run: DryRunArgument = False,
    ) -> Ingestion:
        options = _options(on_invalid_row, date_order, number_format, source, weight_unit, dry_run)
        data, filename = await read_upload(file)
        ingestion = await _call(
            info,
            services.upload_csv,
            data,
            filename=filename,
            policy=on_invalid_row,
            date_order=date_order,
            now=info.context.clock(),
            options=options,
        )
        if info.context.metrics is not None and not dry_run:
            info.context.metrics.observe_upload(ingestion)
        return Ingestion.from_domain(ingestion, info.context.user_id)

    @_mutation(
        description="Import a file in any supported format (CSV, an app's JSON, Apple "
        "Health's XML or its ZIP; docs/imports/index.md) through the same pipeline and "
        "report as uploadCsv."
    )
    async def import_file(
        self,
        info: Info,
        file: _FILE,
        on_invalid_row: _POLICY = InvalidRowPolicy.REJECT_FILE,
        date_order: _DATE_ORDER = DateOrder.AUTO,
        number_format: NumberFormatArgument = NumberFormat.AUTO,
        source: SourceArgument = ImportSource.AUTO,
        weight_unit: WeightUnitArgument = strawberry.UNSET,
        dry_run: DryRunArgument = False,
    ) -> Ingestion:
        options = _options(on_invalid_row, date_order, number_format, source, weight_unit, dry_run)
        stream, filename = upload_stream(file)
        try:
            ingestion = await _call(
                info,
                services.import_file,
                stream,
                filename=filename,
                options=options,
                now=info.context.clock(),
                limits=info.context.limits,
            )
        finally:
            stream.close()
        if info.context.metrics is not None and not dry_run:
            info.context.metrics.observe_upload(ingestion)
        return Ingestion.from_domain(ingestion, info.context.user_id)

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


def _options(
    policy: InvalidRowPolicy,
    date_order: DateOrder,
    number_format: NumberFormat,
    source: ImportSource,
    weight_unit: WeightUnit | None,
    dry_run: bool,
) -> services.UploadOptions:
    if source is ImportSource.UNKNOWN:
        raise InvalidInputError(
            "source: UNKNOWN is only reported, never sent; send AUTO or an app's source",
            field="source",
        )
    unit = weight_unit if isinstance(weight_unit, WeightUnit) else None
    return services.UploadOptions(policy, date_order, number_format, source, unit, dry_run)
