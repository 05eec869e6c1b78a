"""Accounts: users and their tokens; the ingestions key starts with user_id.

Every key of user data starts with ``user_id`` so the tables can be distributed by
it (docs/accounts.md); ``ingestions`` was keyed by its id alone.

Revision ID: 0003_accounts
Revises: 0002_imports
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_accounts"
down_revision: str | None = "0002_imports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
    )
    op.create_table(
        "tokens",
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("token_sha256", name="pk_tokens"),
    )
    op.create_index("ix_tokens_user_id", "tokens", ["user_id"])
    with op.batch_alter_table("ingestions") as batch:
        batch.drop_constraint("pk_ingestions", type_="primary")
        batch.create_primary_key("pk_ingestions", ["user_id", "id"])


def downgrade() -> None:
    with op.batch_alter_table("ingestions") as batch:
        batch.drop_constraint("pk_ingestions", type_="primary")
        batch.create_primary_key("pk_ingestions", ["id"])
    op.drop_index("ix_tokens_user_id", table_name="tokens")
    op.drop_table("tokens")
    op.drop_table("users")
