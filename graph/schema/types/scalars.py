"""The Date, DateTime and Upload scalars of the API (docs/api.md)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types.scalar import ScalarDefinition

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _serialize_date(value: date) -> str:
    return value.isoformat()


def _parse_date(value: object) -> date:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValueError("a Date is a string YYYY-MM-DD")
    return date.fromisoformat(value)


def _serialize_datetime(value: datetime) -> str:
    # Storage may hand back naive UTC datetimes (SQLite keeps no offset).
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat()


def _parse_datetime(value: object) -> datetime:
    if not isinstance(value, str):
        raise ValueError("a DateTime is an ISO 8601 string with a UTC offset")
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("a DateTime must carry a UTC offset")
    return parsed


DateScalar: ScalarDefinition = strawberry.scalar(
    name="Date",
    description="A calendar date, YYYY-MM-DD (ISO 8601, no time or offset). "
    "Codegen scalar map: string.",
    specified_by_url="https://scalars.graphql.org/andimarek/local-date.html",
    serialize=_serialize_date,
    parse_value=_parse_date,
)

DateTimeScalar: ScalarDefinition = strawberry.scalar(
    name="DateTime",
    description="An instant, ISO 8601 / RFC 3339 with a UTC offset, e.g. "
    "2026-01-31T08:15:00+00:00. Codegen scalar map: string.",
    specified_by_url="https://scalars.graphql.org/andimarek/date-time.html",
    serialize=_serialize_datetime,
    parse_value=_parse_datetime,
)

UploadScalar: ScalarDefinition = strawberry.scalar(
    name="Upload",
    description="A file part of a multipart request (GraphQL multipart request "
    "specification); send null in its variable. Codegen scalar map: File.",
    specified_by_url="https://github.com/jaydenseric/graphql-multipart-request-spec",
    serialize=lambda value: value,
    parse_value=lambda value: value,
)

#: Python type -> scalar, for ``StrawberryConfig(scalar_map=...)``.
SCALAR_MAP: dict[object, ScalarDefinition] = {
    date: DateScalar,
    datetime: DateTimeScalar,
    Upload: UploadScalar,
}

__all__ = ["SCALAR_MAP", "DateScalar", "DateTimeScalar", "Upload"]
