"""The KPI rows already stored, recomputed with the estimator that checks its forecasts
for steps in expenditure (docs/expenditure.md).

No column changes (the filter's state is not stored). Every KPI of every stored row is
computed from scratch from the user's days and profile, rounded as stored (§5.2), and
the rows whose stored values change are rewritten: the expenditure estimate and its
interval, and what is computed from them (the energy balance, its 7-day average and
the weekly intake target). The data version of every user whose rows changed is
bumped, so a cached answer (ETag) made with the old estimates is not served as
current. Downgrading keeps the new values (the old ones cannot be told apart from data).

Revision ID: 0010_expenditure_steps
Revises: 0009_kpis_rounded
Create Date: 2026-12-07
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

from domain.kpis import compute_kpis
from domain.model import KPI_FIELDS, METRIC_FIELDS, DailyMetrics, Profile, Sex
from domain.precision import stored_kpis

revision: str = "0010_expenditure_steps"
down_revision: str | None = "0009_kpis_rounded"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The profile columns the KPIs read.
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

_BUMP = sa.text(
    "INSERT INTO user_data_versions (user_id, version) VALUES (:user_id, :start) "
    "ON CONFLICT (user_id) DO UPDATE SET version = user_data_versions.version + 1"
)


def upgrade() -> None:
    connection = op.get_bind()
    users = connection.execute(sa.text("SELECT DISTINCT user_id FROM kpis")).scalars().all()
    for user_id in users:
        if _refill(connection, user_id):
            # A new row starts at a random version, as the repository's do.
            connection.execute(_BUMP, {"user_id": user_id, "start": secrets.randbits(48) + 1})


def downgrade() -> None:
    pass


def _refill(connection: sa.Connection, user_id: str) -> bool:
    """Rewrite the user's KPI rows whose stored values differ from a from-scratch
    computation; whether any did."""
    key = {"user_id": user_id}
    rows = connection.execute(
        sa.text(
            f"SELECT date, {', '.join(METRIC_FIELDS)} FROM daily_metrics"
            " WHERE user_id = :user_id ORDER BY date"
        ),
        key,
    ).all()
    profile_row = connection.execute(
        sa.text(f"SELECT {', '.join(_KPI_PROFILE)} FROM profiles WHERE user_id = :user_id"),
        key,
    ).first()
    profile = Profile() if profile_row is None else _profile(profile_row)
    days = [DailyMetrics(_day(row[0]), *row[1:]) for row in rows]
    fresh = {kpi.date: kpi for kpi in stored_kpis(compute_kpis(days, profile))}
    stored = connection.execute(
        sa.text(
            f"SELECT date, {', '.join(KPI_FIELDS)} FROM kpis WHERE user_id = :user_id ORDER BY date"
        ),
        key,
    ).all()
    changed = []
    for day, *values in stored:
        kpi = fresh.get(_day(day))
        if kpi is None:
            continue
        new = [getattr(kpi, name) for name in KPI_FIELDS]
        if any(_differs(old, value) for old, value in zip(values, new, strict=True)):
            changed.append(
                {"user_id": user_id, "date": day, **dict(zip(KPI_FIELDS, new, strict=True))}
            )
    if changed:
        assignments = ", ".join(f"{name} = :{name}" for name in KPI_FIELDS)
        connection.execute(
            sa.text(f"UPDATE kpis SET {assignments} WHERE user_id = :user_id AND date = :date"),
            changed,
        )
    return bool(changed)


def _differs(old: object, new: object) -> bool:
    if isinstance(new, date):
        return _day(old) != new if old is not None else True
    if isinstance(new, bool) or isinstance(old, bool):
        return (None if old is None else bool(old)) != new
    return old != new


def _profile(row: sa.Row[Any]) -> Profile:
    values = dict(zip(_KPI_PROFILE, row, strict=True))
    values["sex"] = None if values["sex"] is None else Sex(values["sex"])
    if values["birth_date"] is not None:
        values["birth_date"] = _day(values["birth_date"])
    return Profile(**values, is_default=False)


def _day(value: object) -> date:
    # SQLite hands dates back as text through a plain ``text()`` query.
    return value if isinstance(value, date) else date.fromisoformat(str(value))
