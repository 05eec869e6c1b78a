"""Explicit mapping between domain objects and table rows, in both directions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import Column, Row

from domain.model import (
    KPI_FIELDS,
    METRIC_FIELDS,
    PROFILE_FIELDS,
    DailyMetrics,
    ImportSource,
    Ingestion,
    IngestionStatus,
    Kpi,
    Profile,
    RowError,
    Sex,
    WeightUnit,
)
from persistence.tables import DAILY_METRICS, INGESTIONS, KPIS, PROFILES

#: Selected in ``DailyMetrics`` field order, so a row maps positionally.
METRIC_COLUMNS: tuple[Column[Any], ...] = tuple(
    DAILY_METRICS.c[name] for name in ("date", *METRIC_FIELDS, "updated_at")
)
#: Selected in ``Kpi`` field order, so a row maps positionally.
KPI_COLUMNS: tuple[Column[Any], ...] = tuple(KPIS.c[name] for name in ("date", *KPI_FIELDS))
PROFILE_COLUMNS: tuple[Column[Any], ...] = tuple(PROFILES.c[name] for name in PROFILE_FIELDS)
_INGESTION_FIELDS = tuple(column.name for column in INGESTIONS.c if column.name != "user_id")
# A stored report is never a dry run: a dry run stores nothing.
INGESTION_COLUMNS: tuple[Column[Any], ...] = tuple(INGESTIONS.c[n] for n in _INGESTION_FIELDS)
_kpi_values = attrgetter(*KPI_FIELDS)


def metric_rows(
    user_id: str, days: Sequence[DailyMetrics], updated_at: datetime, ingestion_id: str | None
) -> list[tuple[Any, ...]]:
    """``daily_metrics`` rows in table column order, one per day."""
    _require_time_zone(updated_at)
    return [(user_id, day.date, *day.values(), updated_at, ingestion_id) for day in days]


def kpi_rows(user_id: str, kpis: Sequence[Kpi], computed_at: datetime) -> list[tuple[Any, ...]]:
    """``kpis`` rows in table column order, one per day."""
    _require_time_zone(computed_at)
    return [(user_id, kpi.date, *_kpi_values(kpi), computed_at) for kpi in kpis]


def profile_row(user_id: str, profile: Profile, updated_at: datetime) -> tuple[Any, ...]:
    """A ``profiles`` row in table column order; ``is_default`` is not stored (a
    stored profile is by definition one the person changed)."""
    values = {name: getattr(profile, name) for name in PROFILE_FIELDS}
    values["sex"] = profile.sex.value if profile.sex is not None else None
    values["weight_unit"] = profile.weight_unit.value
    return (user_id, *values.values(), updated_at)


def profile_from_row(row: Row[Any]) -> Profile:
    values = dict(zip(PROFILE_FIELDS, row, strict=True))
    values["sex"] = Sex(values["sex"]) if values["sex"] is not None else None
    values["weight_unit"] = WeightUnit(values["weight_unit"])
    return Profile(**values, is_default=False)


def ingestion_params(user_id: str, ingestion: Ingestion) -> dict[str, Any]:
    """Insert parameters for ``ingestions``; columns, warnings and errors become JSON."""
    values = {name: getattr(ingestion, name) for name in _INGESTION_FIELDS}
    values["status"] = ingestion.status.value
    values["source"] = ingestion.source.value
    values["columns"] = list(ingestion.columns)
    values["warnings"] = list(ingestion.warnings)
    values["errors"] = [
        {"row": e.row, "column": e.column, "value": e.value, "message": e.message}
        for e in ingestion.errors
    ]
    return {"user_id": user_id, **values}


def ingestion_from_row(row: Row[Any]) -> Ingestion:
    values = dict(zip(_INGESTION_FIELDS, row, strict=True))
    values["status"] = IngestionStatus(values["status"])
    values["source"] = ImportSource(values["source"])
    values["columns"] = tuple(values["columns"])
    values["warnings"] = tuple(values["warnings"])
    values["errors"] = tuple(RowError(**error) for error in values["errors"])
    return Ingestion(**values)


def _require_time_zone(stamp: datetime) -> None:
    # Bulk writes bypass the column type's check; a naive time would be read as UTC.
    if stamp.tzinfo is None:
        raise ValueError(f"timestamp {stamp.isoformat()} has no time zone")
