"""The plan a person acts on: goal, rate, weight unit and time zone on the profile
(docs/kpis.md, "The plan").

A profile saved before this revision gets the defaults: no goal, no rate, kg, UTC.

Revision ID: 0005_plan
Revises: 0004_api_caching
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_plan"
down_revision: str | None = "0004_api_caching"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PROFILE_COLUMNS = ("goal_weight_kg", "goal_rate_kg_per_week", "weight_unit", "time_zone")


def upgrade() -> None:
    with op.batch_alter_table("profiles") as batch:
        batch.add_column(sa.Column("goal_weight_kg", sa.Float(), nullable=True))
        batch.add_column(sa.Column("goal_rate_kg_per_week", sa.Float(), nullable=True))
        batch.add_column(
            sa.Column("weight_unit", sa.String(2), nullable=False, server_default="KG")
        )
        batch.add_column(
            sa.Column("time_zone", sa.String(64), nullable=False, server_default="UTC")
        )
        batch.create_check_constraint("weight_unit", "weight_unit IN ('KG', 'LB')")


def downgrade() -> None:
    with op.batch_alter_table("profiles") as batch:
        batch.drop_constraint("weight_unit", type_="check")
        for name in reversed(_PROFILE_COLUMNS):
            batch.drop_column(name)
