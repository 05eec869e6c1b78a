"""SQLModel tables: daily metrics, KPIs, profiles and ingestions, keyed by user; and the
accounts (users and their tokens), small reference tables (docs/accounts.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Dialect,
    Index,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy import DateTime as _DateTime
from sqlmodel import Field, SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

_USER_ID = String(64)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware timestamp stored in UTC; SQLite, which keeps no offset, too.

    Naive datetimes are refused: a timestamp without an offset is ambiguous.
    """

    impl = _DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"timestamp {value.isoformat()} has no time zone")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        stamp = cast(dt.datetime, value)
        if stamp.tzinfo is None:
            return stamp.replace(tzinfo=dt.UTC)
        return stamp.astimezone(dt.UTC)


class DailyMetricRow(SQLModel, table=True):
    """A day's metrics; ``ingestion_id`` names the upload that last changed it (no FK)."""

    __tablename__ = "daily_metrics"

    user_id: str = Field(primary_key=True, sa_type=_USER_ID)
    date: dt.date = Field(primary_key=True)
    steps: int | None = None
    protein_g: float | None = None
    kcal_in: float | None = None
    kcal_junk_in: float | None = None
    kcal_out_training: float | None = None
    sleep_hours: float | None = None
    stress: int | None = None
    weight_kg: float | None = None
    waist_cm: float | None = None
    updated_at: dt.datetime = Field(sa_type=UtcDateTime)
    ingestion_id: str | None = Field(default=None, sa_type=String(64))


class KpiRow(SQLModel, table=True):
    """The KPIs of one logged day, as last computed."""

    __tablename__ = "kpis"

    user_id: str = Field(primary_key=True, sa_type=_USER_ID)
    date: dt.date = Field(primary_key=True)
    bmr_kcal: float | None = None
    kcal_out_total: float | None = None
    balance_kcal: float | None = None
    balance_7d_avg: float | None = None
    balance_7d_days: int = 0
    protein_per_kg: float | None = None
    healthy_food_pct: float | None = None
    steps_goal_met: bool | None = None
    steps_7d_avg: float | None = None
    steps_goal_rate_7d: float | None = None
    sleep_7d_avg: float | None = None
    weight_7d_avg: float | None = None
    weight_7d_days: int = 0
    weight_trend: float | None = None
    weight_trend_change_7d: float | None = None
    waist_change_7d: float | None = None
    tdee_estimate: float | None = None
    expenditure_kcal: float | None = None
    expenditure_low_kcal: float | None = None
    expenditure_high_kcal: float | None = None
    weight_rate_kg_per_week: float | None = None
    energy_balance_kcal: float | None = None
    energy_balance_7d_avg: float | None = None
    goal_eta_date: dt.date | None = None
    target_kcal_in: float | None = None
    computed_at: dt.datetime = Field(sa_type=UtcDateTime)


class ProfileRow(SQLModel, table=True):
    """A profile the person saved; a user without a row has the default profile."""

    __tablename__ = "profiles"
    __table_args__ = (
        CheckConstraint("sex IN ('MALE', 'FEMALE')", name="sex"),
        CheckConstraint("weight_unit IN ('KG', 'LB')", name="weight_unit"),
    )

    user_id: str = Field(primary_key=True, sa_type=_USER_ID)
    sex: str | None = Field(default=None, sa_type=String(6))
    birth_date: dt.date | None = None
    height_cm: float | None = None
    activity_factor: float
    steps_goal: int
    protein_target_g_per_kg: float
    balance_goal_kcal: float
    sleep_target_hours: float
    goal_weight_kg: float | None = None
    goal_rate_kg_per_week: float | None = None
    # Server defaults: the rows saved before these columns existed take the defaults.
    weight_unit: str = Field(
        default="KG", sa_type=String(2), sa_column_kwargs={"server_default": "KG"}
    )
    time_zone: str = Field(
        default="UTC", sa_type=String(64), sa_column_kwargs={"server_default": "UTC"}
    )
    updated_at: dt.datetime = Field(sa_type=UtcDateTime)


class IngestionRow(SQLModel, table=True):
    """One upload attempt and its report; the lists are JSON."""

    __tablename__ = "ingestions"
    __table_args__ = (
        CheckConstraint("status IN ('APPLIED', 'REJECTED', 'UNCHANGED')", name="status"),
        Index(None, "user_id", "created_at"),
    )

    # The key starts with user_id like every key of user data (docs/accounts.md); the id
    # alone is unique too (a random UUID), but is never looked up without its user.
    user_id: str = Field(primary_key=True, sa_type=_USER_ID)
    id: str = Field(primary_key=True, sa_type=String(64))
    filename: str | None = Field(default=None, sa_type=Text)
    sha256: str = Field(sa_type=String(64))
    size_bytes: int
    status: str = Field(sa_type=String(16))
    created_at: dt.datetime = Field(sa_type=UtcDateTime)
    rows_read: int
    rows_inserted: int
    rows_updated: int
    rows_unchanged: int
    rows_rejected: int
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    kpi_days_recomputed: int
    columns: list[str] = Field(sa_type=JSON)
    warnings: list[str] = Field(sa_type=JSON)
    errors: list[dict[str, Any]] = Field(sa_type=JSON)
    error_count: int
    rows_deleted: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    #: The detected format (docs/imports/index.md); UNKNOWN when none was.
    source: str = Field(
        default="UNKNOWN", sa_type=String(16), sa_column_kwargs={"server_default": "UNKNOWN"}
    )
    #: The first date whose KPI row the upload created, changed or deleted (docs/api.md).
    kpis_changed_from: dt.date | None = None


class UserDataVersionRow(SQLModel, table=True):
    """How often the user's data changed: every committed write bumps it (ETags, docs/api.md)."""

    __tablename__ = "user_data_versions"

    user_id: str = Field(primary_key=True, sa_type=_USER_ID)
    version: int = Field(sa_type=BigInteger)
    #: The version the stored checkpoints were written for: they are used only while it
    #: is ``version`` (a write that does not keep them up to date leaves them unused).
    checkpoints_version: int | None = Field(default=None, sa_type=BigInteger)


class KpiCheckpointRow(SQLModel, table=True):
    """The KPI engine's state before a date, every 28th day (domain.checkpoints), so a
    change recomputes from shortly before it and stops where its effect has faded."""

    __tablename__ = "kpi_checkpoints"

    user_id: str = Field(primary_key=True, sa_type=_USER_ID)
    date: dt.date = Field(primary_key=True)
    state: str = Field(sa_type=Text)


class PersistedQueryRow(SQLModel, table=True):
    """A query registered by automatic persisted queries, by its user and SHA-256 (hex);
    shared by every process, a bounded number per user, a user's oldest evicted first."""

    __tablename__ = "persisted_queries"
    __table_args__ = (Index(None, "user_id", "created_at"),)

    user_id: str = Field(primary_key=True, sa_type=_USER_ID)
    sha256: str = Field(primary_key=True, sa_type=String(64))
    query: str = Field(sa_type=Text)
    created_at: dt.datetime = Field(sa_type=UtcDateTime)


class UserRow(SQLModel, table=True):
    """A person with an account; ``id`` is the ``user_id`` of their data (their name)."""

    __tablename__ = "users"

    id: str = Field(primary_key=True, sa_type=_USER_ID)
    created_at: dt.datetime = Field(sa_type=UtcDateTime)


class TokenRow(SQLModel, table=True):
    """An access token of a user, stored only as the SHA-256 of the token (hex)."""

    __tablename__ = "tokens"
    __table_args__ = (Index(None, "user_id"),)

    token_sha256: str = Field(primary_key=True, sa_type=String(64))
    user_id: str = Field(sa_type=_USER_ID)
    #: The first characters of the token, to tell a user's tokens apart when revoking.
    prefix: str = Field(sa_type=String(16))
    created_at: dt.datetime = Field(sa_type=UtcDateTime)
    last_used_at: dt.datetime | None = Field(default=None, sa_type=UtcDateTime)


DAILY_METRICS: Table = SQLModel.metadata.tables["daily_metrics"]
KPIS: Table = SQLModel.metadata.tables["kpis"]
PROFILES: Table = SQLModel.metadata.tables["profiles"]
INGESTIONS: Table = SQLModel.metadata.tables["ingestions"]
USER_DATA_VERSIONS: Table = SQLModel.metadata.tables["user_data_versions"]
KPI_CHECKPOINTS: Table = SQLModel.metadata.tables["kpi_checkpoints"]
PERSISTED_QUERIES: Table = SQLModel.metadata.tables["persisted_queries"]
USERS: Table = SQLModel.metadata.tables["users"]
TOKENS: Table = SQLModel.metadata.tables["tokens"]
#: Small tables of the accounts, replicated whole to every node when distributed.
REFERENCE_TABLES: frozenset[str] = frozenset({"users", "tokens"})


def user_data_tables() -> list[Table]:
    """The tables of user data: every table with a ``user_id`` column but the reference
    tables. Every key starts with ``user_id`` and every statement on them filters by it,
    so they can be distributed by ``user_id`` (docs/accounts.md)."""
    return [
        table
        for table in SQLModel.metadata.sorted_tables
        if "user_id" in table.c and table.name not in REFERENCE_TABLES
    ]
