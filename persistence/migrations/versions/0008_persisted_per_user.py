"""Persisted queries per user (docs/security.md): the store is keyed by user and hash.

The stored queries are a cache that clients refill on their next use, so they are
dropped rather than guessed an owner.

Revision ID: 0008_persisted_per_user
Revises: 0007_api_nodes
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_persisted_per_user"
down_revision: str | None = "0007_api_nodes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_persisted_queries_created_at", table_name="persisted_queries")
    op.drop_table("persisted_queries")
    op.create_table(
        "persisted_queries",
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "sha256", name="pk_persisted_queries"),
    )
    op.create_index(
        "ix_persisted_queries_user_id_created_at", "persisted_queries", ["user_id", "created_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_persisted_queries_user_id_created_at", table_name="persisted_queries")
    op.drop_table("persisted_queries")
    op.create_table(
        "persisted_queries",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_persisted_queries"),
    )
    op.create_index("ix_persisted_queries_created_at", "persisted_queries", ["created_at"])
