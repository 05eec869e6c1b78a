"""The KPI rows already stored, rounded half-even to the precision the API serves them
with (docs/kpis.md, "Stored precision").

KPIs were stored at full precision; they are now stored rounded, and a recompute
writes only the rows whose stored values change. Rounding the stored rows makes them
equal what a recompute stores straight after the upgrade (the served values do not
change: the API rounds the same way), so the first correction after it writes only
what it changes. The data version of every user whose rows were rounded is bumped: a
period summary averages stored values. Downgrading keeps the rounded values.

Revision ID: 0009_kpis_rounded
Revises: 0008_persisted_per_user
Create Date: 2026-12-07
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from domain.precision import KPI_DECIMALS, round_half_even

revision: str = "0009_kpis_rounded"
down_revision: str | None = "0008_persisted_per_user"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BUMP = sa.text(
    "INSERT INTO user_data_versions (user_id, version) VALUES (:user_id, :start) "
    "ON CONFLICT (user_id) DO UPDATE SET version = user_data_versions.version + 1"
)


def upgrade() -> None:
    names = sorted(KPI_DECIMALS)
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(f"SELECT user_id, date, {', '.join(names)} FROM kpis ORDER BY user_id, date")
    ).all()
    changed: list[dict[str, object]] = []
    for user_id, day, *values in rows:
        rounded = [
            round_half_even(value, KPI_DECIMALS[name])
            for name, value in zip(names, values, strict=True)
        ]
        if rounded != values:
            changed.append(
                {"user_id": user_id, "date": day, **dict(zip(names, rounded, strict=True))}
            )
    if not changed:
        return
    assignments = ", ".join(f"{name} = :{name}" for name in names)
    connection.execute(
        sa.text(f"UPDATE kpis SET {assignments} WHERE user_id = :user_id AND date = :date"),
        changed,
    )
    for user_id in sorted({str(row["user_id"]) for row in changed}):
        # A new row starts at a random version, as the repository's do.
        connection.execute(_BUMP, {"user_id": user_id, "start": secrets.randbits(48) + 1})


def downgrade() -> None:
    pass
