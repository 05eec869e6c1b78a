"""Query and Mutation: thin resolvers that call domain.services for the request's user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import anyio.to_thread
import strawberry

from domain import accounts, services
from domain.errors import InvalidInputError
from domain.imports.pipeline import Limits
from domain.ports import UnitOfWork
from graph.context import Context
from graph.types.daily_metric import DailyMetric
from graph.types.data_range import DataRange
from graph.types.enums import (
    DateOrder,
    ImportSource,
    InvalidRowPolicy,
    NumberFormat,
    Period,
    WeightUnit,
)
from graph.types.import_arguments import (
    DryRunArgument,
    NumberFormatArgument,
    SourceArgument,
    WeightUnitArgument,
)
from graph.types.ingestion import Ingestion
from graph.types.inputs import DailyMetricInput, ProfileInput
from graph.types.kpi import Kpi
from graph.types.kpi_summary import KpiSummary
from graph.types.profile import Profile
from graph.types.scalars import Upload
from graph.types.user import User
from graph.uploads import read_upload, upload_stream

Info = strawberry.Info[Context, None]
_T = TypeVar("_T")


async def _call(info: Info, service: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
    """Run a service for the request's user in a worker thread, with a fresh unit of work,
    after the request's other resolvers are done with the database."""
    context = info.context
    user_id = context.user_id

    def run() -> _T:
        uow: UnitOfWork = context.uow_factory()
        return service(uow, user_id, *args, **kwargs)

    async with context.database_turn:
        return await anyio.to_thread.run_sync(run)


@strawberry.type
class Query:
    @strawberry.field
    async def daily_metrics(self, info: Info, start: date, end: date) -> list[DailyMetric]:
        days = await _call(info, services.list_days, start, end)
        return [DailyMetric.from_domain(day) for day in days]

    @strawberry.field
    async def kpis(self, info: Info, start: date, end: date) -> list[Kpi]:
        kpis = await _call(info, services.list_kpis, start, end)
        return [Kpi.from_domain(kpi) for kpi in kpis]

    @strawberry.field
    async def kpi_summary(
        self, info: Info, start: date, end: date, period: Period = Period.WEEK
    ) -> list[KpiSummary]:
        summaries = await _call(info, services.summarise, start, end, period)
        return [KpiSummary.from_domain(summary) for summary in summaries]

    @strawberry.field
    async def data_range(self, info: Info) -> DataRange:
        return DataRange.from_domain(await _call(info, services.data_range))

    @strawberry.field
    async def profile(self, info: Info) -> Profile:
        return Profile.from_domain(await _call(info, services.get_profile))

    @strawberry.field
    async def ingestions(self, info: Info, limit: int = 20) -> list[Ingestion]:
        ingestions = await _call(info, services.list_ingestions, limit)
        return [Ingestion.from_domain(ingestion) for ingestion in ingestions]

    @strawberry.field
    async def me(self, info: Info) -> User:
        context = info.context
        async with context.database_turn:
            user = await anyio.to_thread.run_sync(
                lambda: accounts.me(context.accounts, context.user_id, now=context.clock())
            )
        return User.from_domain(user)


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def upload_csv(
        self,
        info: Info,
        file: Upload,
        on_invalid_row: InvalidRowPolicy = InvalidRowPolicy.REJECT_FILE,
        date_order: DateOrder = DateOrder.AUTO,
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
        return Ingestion.from_domain(ingestion)

    @strawberry.mutation
    async def import_file(
        self,
        info: Info,
        file: Upload,
        on_invalid_row: InvalidRowPolicy = InvalidRowPolicy.REJECT_FILE,
        date_order: DateOrder = DateOrder.AUTO,
        number_format: NumberFormatArgument = NumberFormat.AUTO,
        source: SourceArgument = ImportSource.AUTO,
        weight_unit: WeightUnitArgument = strawberry.UNSET,
        dry_run: DryRunArgument = False,
    ) -> Ingestion:
        options = _options(on_invalid_row, date_order, number_format, source, weight_unit, dry_run)
        stream, filename = upload_stream(file)
        settings = info.context.settings
        try:
            ingestion = await _call(
                info,
                services.import_file,
                stream,
                filename=filename,
                options=options,
                now=info.context.clock(),
                limits=Limits(settings.max_upload_bytes, settings.max_import_bytes),
            )
        finally:
            stream.close()
        return Ingestion.from_domain(ingestion)

    @strawberry.mutation
    async def upsert_daily_metric(self, info: Info, input: DailyMetricInput) -> DailyMetric:
        day = await _call(
            info, services.upsert_day, input.changes(), day=input.date, now=info.context.clock()
        )
        return DailyMetric.from_domain(day)

    @strawberry.mutation
    async def delete_daily_metrics(self, info: Info, start: date, end: date) -> int:
        return await _call(info, services.delete_days, start, end, now=info.context.clock())

    @strawberry.mutation
    async def update_profile(self, info: Info, input: ProfileInput) -> Profile:
        profile = await _call(
            info, services.update_profile, input.changes(), now=info.context.clock()
        )
        return Profile.from_domain(profile)


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
