"""Checkpoints of the KPI engine, so a correction recomputes only as far as it reaches
(docs/kpis.md, "Checkpoints").

A new table holds the engine's state every 28th day, and each user's data version
records the version the checkpoints were written for. None are written here: the
first change of a user's data after this revision recomputes every KPI as before and
writes them.

Revision ID: 0011_kpi_checkpoints
Revises: 0010_expenditure_steps
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_kpi_checkpoints"
down_revision: str | None = "0010_expenditure_steps"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "kpi_checkpoints",
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "date", name="pk_kpi_checkpoints"),
    )
    with op.batch_alter_table("user_data_versions") as batch:
        batch.add_column(sa.Column("checkpoints_version", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("user_data_versions") as batch:
        batch.drop_column("checkpoints_version")
    op.drop_table("kpi_checkpoints")
