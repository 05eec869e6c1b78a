"""The plan a person acts on: goal, rate, weight unit and time zone on the profile, and
the plan's KPIs on every KPI row (docs/kpis.md, "The plan").

A profile saved before this revision gets the defaults: no goal, no rate, kg, UTC.
The new KPI columns are filled for the KPI rows already stored, from each user's days
and profile, so that they equal a from-scratch computation straight after the upgrade
(docs/kpis.md, "Upgrading").

Revision ID: 0005_plan
Revises: 0004_api_caching
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

from domain.kpis import compute_kpis
from domain.model import METRIC_FIELDS, DailyMetrics, Profile, Sex

revision: str = "0005_plan"
down_revision: str | None = "0004_api_caching"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PROFILE_COLUMNS = ("goal_weight_kg", "goal_rate_kg_per_week", "weight_unit", "time_zone")
_KPI_COLUMNS: tuple[tuple[str, sa.types.TypeEngine[Any]], ...] = (
    ("weight_rate_kg_per_week", sa.Float()),
    ("energy_balance_kcal", sa.Float()),
    ("energy_balance_7d_avg", sa.Float()),
    ("goal_eta_date", sa.Date()),
    ("target_kcal_in", sa.Float()),
)
#: The profile columns the KPIs read, as they are at this revision.
_KPI_PROFILE = (
    "sex",
    "birth_date",
    "height_cm",
    "activity_factor",
    "steps_goal",
    "protein_target_g_per_kg",
    "balance_goal_kcal",
    "sleep_target_hours",
    "goal_weight_kg",
    "goal_rate_kg_per_week",
)


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
    with op.batch_alter_table("kpis") as batch:
        for name, column_type in _KPI_COLUMNS:
            batch.add_column(sa.Column(name, column_type, nullable=True))
    connection = op.get_bind()
    users = connection.execute(sa.text("SELECT DISTINCT user_id FROM kpis")).scalars().all()
    for user_id in users:
        _fill(connection, user_id)


def downgrade() -> None:
    with op.batch_alter_table("kpis") as batch:
        for name, _ in reversed(_KPI_COLUMNS):
            batch.drop_column(name)
    with op.batch_alter_table("profiles") as batch:
        batch.drop_constraint("weight_unit", type_="check")
        for name in reversed(_PROFILE_COLUMNS):
            batch.drop_column(name)


def _fill(connection: sa.Connection, user_id: str) -> None:
    """The plan's KPIs of every stored KPI row of the user, computed from scratch."""
    key = {"user_id": user_id}
    rows = connection.execute(
        sa.text(
            f"SELECT date, {', '.join(METRIC_FIELDS)} FROM daily_metrics"
            " WHERE user_id = :user_id ORDER BY date"
        ),
        key,
    ).all()
    stored = connection.execute(
        sa.text(f"SELECT {', '.join(_KPI_PROFILE)} FROM profiles WHERE user_id = :user_id"),
        key,
    ).first()
    profile = Profile() if stored is None else _profile(stored)
    days = [DailyMetrics(_day(row[0]), *row[1:]) for row in rows]
    kpis = compute_kpis(days, profile)
    names = [name for name, _ in _KPI_COLUMNS]
    assignments = ", ".join(f"{name} = :{name}" for name in names)
    connection.execute(
        sa.text(f"UPDATE kpis SET {assignments} WHERE user_id = :user_id AND date = :date"),
        [
            {"user_id": user_id, "date": kpi.date, **{name: getattr(kpi, name) for name in names}}
            for kpi in kpis
        ],
    )


def _profile(row: sa.Row[Any]) -> Profile:
    values = dict(zip(_KPI_PROFILE, row, strict=True))
    values["sex"] = None if values["sex"] is None else Sex(values["sex"])
    if values["birth_date"] is not None:
        values["birth_date"] = _day(values["birth_date"])
    return Profile(**values, is_default=False)


def _day(value: object) -> date:
    # SQLite hands dates back as text through a plain ``text()`` query.
    return value if isinstance(value, date) else date.fromisoformat(str(value))
