"""Initial schema: daily metrics, KPIs, profiles and ingestions, keyed by user.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _user_id() -> sa.Column[str]:
    return sa.Column("user_id", sa.String(64), nullable=False)


def _timestamp(name: str) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def _floats(*names: str) -> list[sa.Column[float]]:
    return [sa.Column(name, sa.Float(), nullable=True) for name in names]


def upgrade() -> None:
    op.create_table(
        "daily_metrics",
        _user_id(),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("steps", sa.Integer(), nullable=True),
        *_floats("protein_g", "kcal_in", "kcal_junk_in", "kcal_out_training", "sleep_hours"),
        sa.Column("stress", sa.Integer(), nullable=True),
        *_floats("weight_kg", "waist_cm"),
        _timestamp("updated_at"),
        sa.Column("ingestion_id", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("user_id", "date", name="pk_daily_metrics"),
    )
    op.create_table(
        "kpis",
        _user_id(),
        sa.Column("date", sa.Date(), nullable=False),
        *_floats("bmr_kcal", "kcal_out_total", "balance_kcal", "balance_7d_avg"),
        sa.Column("balance_7d_days", sa.Integer(), nullable=False),
        *_floats("protein_per_kg", "healthy_food_pct"),
        sa.Column("steps_goal_met", sa.Boolean(), nullable=True),
        *_floats("steps_7d_avg", "steps_goal_rate_7d", "sleep_7d_avg", "weight_7d_avg"),
        sa.Column("weight_7d_days", sa.Integer(), nullable=False),
        *_floats("weight_trend", "weight_trend_change_7d", "waist_change_7d", "tdee_estimate"),
        _timestamp("computed_at"),
        sa.PrimaryKeyConstraint("user_id", "date", name="pk_kpis"),
    )
    op.create_table(
        "profiles",
        _user_id(),
        sa.Column("sex", sa.String(6), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("height_cm", sa.Float(), nullable=True),
        sa.Column("activity_factor", sa.Float(), nullable=False),
        sa.Column("steps_goal", sa.Integer(), nullable=False),
        sa.Column("protein_target_g_per_kg", sa.Float(), nullable=False),
        sa.Column("balance_goal_kcal", sa.Float(), nullable=False),
        sa.Column("sleep_target_hours", sa.Float(), nullable=False),
        _timestamp("updated_at"),
        sa.CheckConstraint("sex IN ('MALE', 'FEMALE')", name="ck_profiles_sex"),
        sa.PrimaryKeyConstraint("user_id", name="pk_profiles"),
    )
    op.create_table(
        "ingestions",
        sa.Column("id", sa.String(64), nullable=False),
        _user_id(),
        sa.Column("filename", sa.Text(), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        _timestamp("created_at"),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("rows_inserted", sa.Integer(), nullable=False),
        sa.Column("rows_updated", sa.Integer(), nullable=False),
        sa.Column("rows_unchanged", sa.Integer(), nullable=False),
        sa.Column("rows_rejected", sa.Integer(), nullable=False),
        sa.Column("first_date", sa.Date(), nullable=True),
        sa.Column("last_date", sa.Date(), nullable=True),
        sa.Column("kpi_days_recomputed", sa.Integer(), nullable=False),
        sa.Column("columns", sa.JSON(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("errors", sa.JSON(), nullable=False),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('APPLIED', 'REJECTED', 'UNCHANGED')", name="ck_ingestions_status"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_ingestions"),
    )
    op.create_index("ix_ingestions_user_id_created_at", "ingestions", ["user_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_ingestions_user_id_created_at", table_name="ingestions")
    op.drop_table("ingestions")
    op.drop_table("profiles")
    op.drop_table("kpis")
    op.drop_table("daily_metrics")
