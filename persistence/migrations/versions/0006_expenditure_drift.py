"""The expenditure estimates of the KPI rows already stored, recomputed by the estimator
with a learnt drift and a band checked against its own forecasts (docs/expenditure.md).

No column changes (the filter's state is not stored); the stored estimates are
refilled so that they equal a from-scratch computation straight after the upgrade,
and the data version of every user whose KPI rows were refilled is bumped, so a
cached answer (ETag) made with the old estimates is not served as current.
Downgrading keeps the new estimates (the old ones cannot be told apart from data).

Revision ID: 0006_expenditure_drift
Revises: 0004_api_caching
Create Date: 2026-12-07
"""

from __future__ import annotations

import importlib
import secrets
from collections.abc import Callable, Sequence
from typing import cast

import sqlalchemy as sa
from alembic import op

revision: str = "0006_expenditure_drift"
down_revision: str | None = "0004_api_caching"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BUMP = sa.text(
    "INSERT INTO user_data_versions (user_id, version) VALUES (:user_id, :start) "
    "ON CONFLICT (user_id) DO UPDATE SET version = user_data_versions.version + 1"
)


def upgrade() -> None:
    # The refill of 0002, which computes every user's estimates with today's estimator.
    expenditure = importlib.import_module("persistence.migrations.versions.0002_expenditure")
    fill = cast(Callable[[sa.Connection, str], None], expenditure._fill)
    connection = op.get_bind()
    users = connection.execute(sa.text("SELECT DISTINCT user_id FROM kpis")).scalars().all()
    for user_id in users:
        fill(connection, user_id)
        # A new row starts at a random version, as the repository's do.
        connection.execute(_BUMP, {"user_id": user_id, "start": secrets.randbits(48) + 1})


def downgrade() -> None:
    pass
