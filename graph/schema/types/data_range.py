"""The DataRange type: the first and last logged dates."""

from __future__ import annotations

from datetime import date

import strawberry

from domain import model
from graph.execution.served import opaque_id
from graph.schema.types.node import Node


@strawberry.type(description="The span of the logged days.")
class DataRange(Node):
    id: strawberry.ID = strawberry.field(
        description="Opaque id, stable for this user (for client caches)."
    )
    first_date: date | None = strawberry.field(
        description="The earliest logged day; null when nothing is logged."
    )
    last_date: date | None = strawberry.field(
        description="The latest logged day; null when nothing is logged."
    )
    days_logged: int = strawberry.field(description="How many days are logged.")

    @classmethod
    def from_domain(cls, data_range: model.DataRange, user_id: str) -> DataRange:
        return cls(
            id=opaque_id("DataRange", user_id),
            first_date=data_range.first_date,
            last_date=data_range.last_date,
            days_logged=data_range.days_logged,
        )
