"""Ingestions record the detected format and the days removed for having no value.

Revision ID: 0002_imports
Revises: 0002_expenditure
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_imports"
down_revision: str | None = "0002_expenditure"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("ingestions") as batch:
        batch.add_column(
            sa.Column("rows_deleted", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("source", sa.String(16), nullable=False, server_default="UNKNOWN")
        )


def downgrade() -> None:
    with op.batch_alter_table("ingestions") as batch:
        batch.drop_column("source")
        batch.drop_column("rows_deleted")
