"""The Ingestion type (the report of one upload) and its RowError."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from domain import model
from graph.execution.served import opaque_id
from graph.schema.types.enums import ImportSource, IngestionStatus
from graph.schema.types.node import Node


@strawberry.type(description="One problem in an uploaded file or a manual entry.")
class RowError:
    row: int | None = strawberry.field(
        description="Row number in the file, counting the header as row 1; null for a "
        "problem with the whole file."
    )
    column: str | None = strawberry.field(
        description="Canonical column name of the cell at fault; null when the problem "
        "is not in one cell."
    )
    value: str | None = strawberry.field(
        description="The raw cell text, cut to 100 characters; null when there is none."
    )
    message: str = strawberry.field(description="What is wrong and what is allowed.")

    @classmethod
    def from_domain(cls, error: model.RowError) -> RowError:
        return cls(row=error.row, column=error.column, value=error.value, message=error.message)


@strawberry.type(description="The report of one upload attempt, which is also its history record.")
class Ingestion(Node):
    id: strawberry.ID = strawberry.field(
        description="Globally unique opaque id of this upload attempt; ingestion(id) and "
        "node(id) fetch the report again."
    )
    filename: str | None = strawberry.field(
        description="The client's file name; null when none was sent."
    )
    sha256: str = strawberry.field(description="SHA-256 of the uploaded bytes, hex.")
    size_bytes: int = strawberry.field(description="Size of the upload, bytes.")
    status: IngestionStatus = strawberry.field(
        description="The outcome: APPLIED, REJECTED (nothing stored) or UNCHANGED."
    )
    created_at: datetime = strawberry.field(description="When the upload was received.")
    rows_read: int = strawberry.field(description="Data rows read (blank rows not counted).")
    rows_inserted: int = strawberry.field(description="Days that were new.")
    rows_updated: int = strawberry.field(description="Stored days whose values changed.")
    rows_unchanged: int = strawberry.field(description="Days in the file equal to what was stored.")
    rows_rejected: int = strawberry.field(description="Data rows with at least one error.")
    first_date: date | None = strawberry.field(
        description="The first date in the file; null when the file has no valid day."
    )
    last_date: date | None = strawberry.field(
        description="The last date in the file; null when the file has no valid day."
    )
    kpi_days_recomputed: int = strawberry.field(
        description="KPI days written again because of this upload."
    )
    columns: list[str] = strawberry.field(
        description="The canonical column names recognised, in header order."
    )
    warnings: list[str] = strawberry.field(
        description="Warnings, such as unknown columns or duplicate dates."
    )
    errors: list[RowError] = strawberry.field(
        description="The first 1,000 problems, in file order (errorCount has the total)."
    )
    error_count: int = strawberry.field(description="How many problems were found in all.")
    rows_deleted: int = strawberry.field(
        description="Stored days removed because every value became blank."
    )
    source: ImportSource = strawberry.field(
        description="The format the file was read as; UNKNOWN when none was recognised."
    )
    dry_run: bool = strawberry.field(
        description="True when this report previews an import that stored nothing."
    )
    kpis_changed_from: date | None = strawberry.field(
        description="The first day whose stored KPIs this upload created, changed or "
        "deleted: a client refetches kpis (and kpiSummary) from this day on. Null when "
        "it changed no KPI (and for reports stored before the hub recorded it); a dry "
        "run reports what the import would change."
    )

    @classmethod
    def from_domain(cls, ingestion: model.Ingestion, user_id: str) -> Ingestion:
        return cls(
            id=ingestion_id(user_id, ingestion.id),
            filename=ingestion.filename,
            sha256=ingestion.sha256,
            size_bytes=ingestion.size_bytes,
            status=ingestion.status,
            created_at=ingestion.created_at,
            rows_read=ingestion.rows_read,
            rows_inserted=ingestion.rows_inserted,
            rows_updated=ingestion.rows_updated,
            rows_unchanged=ingestion.rows_unchanged,
            rows_rejected=ingestion.rows_rejected,
            first_date=ingestion.first_date,
            last_date=ingestion.last_date,
            kpi_days_recomputed=ingestion.kpi_days_recomputed,
            columns=list(ingestion.columns),
            warnings=list(ingestion.warnings),
            errors=[RowError.from_domain(error) for error in ingestion.errors],
            error_count=ingestion.error_count,
            rows_deleted=ingestion.rows_deleted,
            source=ingestion.source,
            dry_run=ingestion.dry_run,
            kpis_changed_from=ingestion.kpis_changed_from,
        )


def ingestion_id(user_id: str, key: str) -> strawberry.ID:
    """The served id of the user's report ``key`` (its stored random id)."""
    return opaque_id("Ingestion", user_id, key)
