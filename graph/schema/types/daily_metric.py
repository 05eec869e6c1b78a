"""The DailyMetric type: one logged day, served exactly as stored (docs/formats.md)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

import strawberry

from domain import model
from graph.execution.served import copier, id_prefix
from graph.schema.context import Context
from graph.schema.loaders import day_kpis
from graph.schema.types.kpi import Kpi
from graph.schema.types.node import Node

_BLANK = " Null when the day has no value for it."


@strawberry.type(
    description="The values logged for one calendar day, exactly as stored. A null "
    "field means no value was logged for it."
)
class DailyMetric(Node):
    id: strawberry.ID = strawberry.field(
        description="Opaque id, stable for this user and date (for client caches)."
    )
    date: date = strawberry.field(description="The calendar day.")
    steps: int | None = strawberry.field(description="Steps walked that day." + _BLANK)
    protein_g: float | None = strawberry.field(description="Protein eaten, grams." + _BLANK)
    kcal_in: float | None = strawberry.field(description="Energy eaten, kcal." + _BLANK)
    kcal_junk_in: float | None = strawberry.field(
        description="The part of kcalIn that was junk food, kcal." + _BLANK
    )
    kcal_out_training: float | None = strawberry.field(
        description="Energy spent in training, kcal (on top of the basal need)." + _BLANK
    )
    sleep_hours: float | None = strawberry.field(description="Sleep, hours." + _BLANK)
    stress: int | None = strawberry.field(description="Self-rated stress, 1 (calm) to 10." + _BLANK)
    weight_kg: float | None = strawberry.field(description="Body weight, kg." + _BLANK)
    waist_cm: float | None = strawberry.field(description="Waist circumference, cm." + _BLANK)
    updated_at: datetime = strawberry.field(
        description="When this day was last changed (upload or edit)."
    )

    @strawberry.field(  # type: ignore[untyped-decorator]
        description="The KPIs of this day as stored now, so a client that edits a day "
        "gets its new KPIs (and its cache updates them by id) in the same response; "
        "the days after it may change too: refetch kpis from this date on. Null only "
        "when the day has no KPI row."
    )
    async def kpi(self, info: strawberry.Info[Context, None]) -> Kpi | None:
        kpi = await day_kpis(info.context).load(self.date)
        return None if kpi is None else Kpi.from_domain(kpi, info.context.user_id)

    @classmethod
    def from_domain(cls, day: model.DailyMetrics, user_id: str) -> DailyMetric:
        """The served day: the stored values with the id."""
        return cls.many_from_domain([day], user_id)[0]

    @classmethod
    def many_from_domain(
        cls, days: Iterable[model.DailyMetrics], user_id: str
    ) -> list[DailyMetric]:
        return _copy_all(days, id_prefix("DailyMetric", user_id))


_copy_all = copier(DailyMetric, id_key="date")
