"""GraphQL enums, mirrors of the domain enums with the same names and values."""

from __future__ import annotations

import enum

import strawberry


@strawberry.enum
class Sex(enum.Enum):
    MALE = "MALE"
    FEMALE = "FEMALE"


@strawberry.enum
class InvalidRowPolicy(enum.Enum):
    REJECT_FILE = "REJECT_FILE"
    SKIP_ROW = "SKIP_ROW"


@strawberry.enum
class DateOrder(enum.Enum):
    AUTO = "AUTO"
    DMY = "DMY"
    MDY = "MDY"
    YMD = "YMD"


@strawberry.enum
class IngestionStatus(enum.Enum):
    APPLIED = "APPLIED"
    REJECTED = "REJECTED"
    UNCHANGED = "UNCHANGED"


@strawberry.enum
class Period(enum.Enum):
    WEEK = "WEEK"
    MONTH = "MONTH"
