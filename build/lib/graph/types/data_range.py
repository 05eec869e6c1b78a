"""The DataRange type: the first and last logged dates."""

from __future__ import annotations

from datetime import date

import strawberry

from domain import model


@strawberry.type
class DataRange:
    first_date: date | None
    last_date: date | None
    days_logged: int

    @classmethod
    def from_domain(cls, data_range: model.DataRange) -> DataRange:
        return cls(
            first_date=data_range.first_date,
            last_date=data_range.last_date,
            days_logged=data_range.days_logged,
        )
