"""Per-user data versions (ETags) and the persisted-query store (docs/api.md, "Caching").

Revision ID: 0004_api_caching
Revises: 0003_accounts
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_api_caching"
down_revision: str | None = "0003_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "user_data_versions",
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name="pk_user_data_versions"),
    )
    op.create_table(
        "persisted_queries",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_persisted_queries"),
    )
    op.create_index("ix_persisted_queries_created_at", "persisted_queries", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_persisted_queries_created_at", table_name="persisted_queries")
    op.drop_table("persisted_queries")
    op.drop_table("user_data_versions")
