"""The Ingestion type (the report of one upload) and its RowError."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from domain import model
from graph.types.enums import ImportSource, IngestionStatus


@strawberry.type
class RowError:
    row: int | None
    column: str | None
    value: str | None
    message: str

    @classmethod
    def from_domain(cls, error: model.RowError) -> RowError:
        return cls(row=error.row, column=error.column, value=error.value, message=error.message)


@strawberry.type
class Ingestion:
    id: strawberry.ID
    filename: str | None
    sha256: str
    size_bytes: int
    status: IngestionStatus
    created_at: datetime
    rows_read: int
    rows_inserted: int
    rows_updated: int
    rows_unchanged: int
    rows_rejected: int
    first_date: date | None
    last_date: date | None
    kpi_days_recomputed: int
    columns: list[str]
    warnings: list[str]
    errors: list[RowError]
    error_count: int
    rows_deleted: int = strawberry.field(
        description="Stored days removed because every value became blank."
    )
    source: ImportSource = strawberry.field(
        description="The format the file was read as; UNKNOWN when none was recognised."
    )
    dry_run: bool = strawberry.field(
        description="True when this report previews an import that stored nothing."
    )

    @classmethod
    def from_domain(cls, ingestion: model.Ingestion) -> Ingestion:
        return cls(
            id=strawberry.ID(ingestion.id),
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
        )
