"""The DailyMetric type: one logged day."""

from __future__ import annotations

from datetime import date, datetime
from typing import cast

import strawberry

from domain import model


@strawberry.type
class DailyMetric:
    date: date
    steps: int | None
    protein_g: float | None
    kcal_in: float | None
    kcal_junk_in: float | None
    kcal_out_training: float | None
    sleep_hours: float | None
    stress: int | None
    weight_kg: float | None
    waist_cm: float | None
    updated_at: datetime

    @classmethod
    def from_domain(cls, day: model.DailyMetrics) -> DailyMetric:
        """The domain day itself, read by the default resolvers.

        ``model.DailyMetrics`` has every field of this type under the same Python
        name, so no copy is made: lists of days are completed attribute by attribute
        (tests/graph/test_types.py checks the names and types stay in step). The one
        cast of the API, on purpose: docs/index.md explains it.
        """
        return cast(DailyMetric, day)
