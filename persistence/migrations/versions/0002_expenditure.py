"""The expenditure estimate and its 80 % interval on every KPI row (docs/expenditure.md).

The new columns are filled for the KPI rows already stored, so that they equal a
from-scratch computation straight after the upgrade.

Revision ID: 0002_expenditure
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

from domain.expenditure import estimate_expenditure

revision: str = "0002_expenditure"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ("expenditure_kcal", "expenditure_low_kcal", "expenditure_high_kcal")


def upgrade() -> None:
    with op.batch_alter_table("kpis") as batch:
        for name in _COLUMNS:
            batch.add_column(sa.Column(name, sa.Float(), nullable=True))
    connection = op.get_bind()
    users = connection.execute(sa.text("SELECT DISTINCT user_id FROM kpis")).scalars().all()
    for user_id in users:
        _fill(connection, user_id)


def downgrade() -> None:
    with op.batch_alter_table("kpis") as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)


def _fill(connection: sa.Connection, user_id: str) -> None:
    rows = connection.execute(
        sa.text(
            "SELECT date, kcal_in, weight_kg FROM daily_metrics"
            " WHERE user_id = :user_id ORDER BY date"
        ),
        {"user_id": user_id},
    ).all()
    if not rows:
        return
    first = _day(rows[0][0]).toordinal()
    at = [_day(row[0]).toordinal() - first for row in rows]
    intake: list[float | None] = [None] * (at[-1] + 1)
    weights: list[float | None] = [None] * (at[-1] + 1)
    for index, (_, kcal_in, weight_kg) in zip(at, rows, strict=True):
        intake[index], weights[index] = kcal_in, weight_kg
    estimates, _ = estimate_expenditure(intake, weights)
    connection.execute(
        sa.text(
            "UPDATE kpis SET expenditure_kcal = :kcal, expenditure_low_kcal = :low,"
            " expenditure_high_kcal = :high WHERE user_id = :user_id AND date = :date"
        ),
        [
            {
                "user_id": user_id,
                "date": row[0],
                "kcal": estimates.kcal[index],
                "low": estimates.low_kcal[index],
                "high": estimates.high_kcal[index],
            }
            for index, row in zip(at, rows, strict=True)
        ],
    )


def _day(value: object) -> date:
    # SQLite hands dates back as text through a plain ``text()`` query.
    return value if isinstance(value, date) else date.fromisoformat(str(value))
