"""Ingestions record the first day whose KPIs they changed (docs/api.md, "Caching").

Revision ID: 0007_api_nodes
Revises: 0006_expenditure_drift
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_api_nodes"
down_revision: str | None = "0006_expenditure_drift"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Reports stored before this revision did not record it: null, as for "none".
    with op.batch_alter_table("ingestions") as batch:
        batch.add_column(sa.Column("kpis_changed_from", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ingestions") as batch:
        batch.drop_column("kpis_changed_from")
