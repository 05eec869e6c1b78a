"""Alembic: the migrations build exactly the schema the tables describe, both ways."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from domain.kpis import compute_kpis
from domain.model import DailyMetrics, Profile, Sex, WeightUnit
from persistence.migrations import alembic_config, upgrade
from persistence.uow import SqlUnitOfWork


def test_upgrade_head_leaves_no_drift_from_the_tables(engine: Engine, database_url: str) -> None:
    config = alembic_config(database_url)
    command.downgrade(config, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}

    upgrade(database_url)
    command.check(config)

    assert {"daily_metrics", "kpis", "profiles", "ingestions"} <= set(
        inspect(engine).get_table_names()
    )


def test_the_accounts_migration_keys_ingestions_by_user_and_keeps_their_rows(
    engine: Engine, database_url: str
) -> None:
    config = alembic_config(database_url)
    command.downgrade(config, "0002_imports")
    row = {
        "id": "i1",
        "user_id": "local",
        "sha256": "0" * 64,
        "size_bytes": 1,
        "status": "APPLIED",
        "created_at": "2026-03-01 00:00:00+00:00",
        "columns": "[]",
        "warnings": "[]",
        "errors": "[]",
        **dict.fromkeys(
            ["rows_read", "rows_inserted", "rows_updated", "rows_unchanged", "rows_rejected",
             "kpi_days_recomputed", "error_count"],
            0,
        ),
    }  # fmt: skip
    names = ", ".join(row)
    with engine.begin() as connection:
        connection.execute(
            text(f"INSERT INTO ingestions ({names}) VALUES ({', '.join(':' + n for n in row)})"),
            row,
        )

    command.upgrade(config, "0003_accounts")

    assert inspect(engine).get_pk_constraint("ingestions")["constrained_columns"] == [
        "user_id",
        "id",
    ]
    with engine.connect() as connection:
        kept = connection.execute(text("SELECT user_id, id FROM ingestions")).all()
    assert [tuple(r) for r in kept] == [("local", "i1")]
    assert {"users", "tokens"} <= set(inspect(engine).get_table_names())
    upgrade(database_url)


def test_the_plan_migration_gives_a_saved_profile_the_defaults_and_keeps_the_rest(
    engine: Engine, database_url: str
) -> None:
    config = alembic_config(database_url)
    command.downgrade(config, "0004_api_caching")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO profiles (user_id, sex, birth_date, height_cm, activity_factor,"
                " steps_goal, protein_target_g_per_kg, balance_goal_kcal, sleep_target_hours,"
                " updated_at) VALUES ('ana', 'FEMALE', '1988-04-02', 165.5, 1.4, 9000, 1.6,"
                " -250, 7.5, '2026-03-01 00:00:00+00:00')"
            )
        )

    upgrade(database_url)

    with SqlUnitOfWork(engine) as uow:
        profile = uow.profiles.get("ana")
    assert profile == Profile(
        sex=Sex.FEMALE,
        birth_date=date(1988, 4, 2),
        height_cm=165.5,
        activity_factor=1.4,
        steps_goal=9000,
        protein_target_g_per_kg=1.6,
        balance_goal_kcal=-250.0,
        sleep_target_hours=7.5,
        goal_weight_kg=None,
        goal_rate_kg_per_week=None,
        weight_unit=WeightUnit.KG,
        time_zone="UTC",
        is_default=False,
    )
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text("UPDATE profiles SET weight_unit = 'ST'"))


def test_the_plan_migration_fills_the_plan_kpis_of_the_rows_already_stored(
    engine: Engine, database_url: str
) -> None:
    config = alembic_config(database_url)
    command.downgrade(config, "0004_api_caching")
    # Ten weeks of a person losing weight: enough for expenditure estimates and targets.
    days = [
        DailyMetrics(
            date(2026, 1, 5) + timedelta(days=n),
            kcal_in=2200.0 + 40 * (n % 5),
            weight_kg=round(92.0 - 0.07 * n + 0.2 * (n % 3), 1),
        )
        for n in range(70)
    ]
    with engine.begin() as connection:
        for day in days:
            connection.execute(
                text(
                    "INSERT INTO daily_metrics (user_id, date, kcal_in, weight_kg, updated_at)"
                    " VALUES ('ana', :date, :kcal_in, :weight_kg, '2026-03-01 00:00:00+00:00')"
                ),
                {"date": day.date.isoformat(), "kcal_in": day.kcal_in, "weight_kg": day.weight_kg},
            )
            connection.execute(
                text(
                    "INSERT INTO kpis (user_id, date, balance_7d_days, weight_7d_days,"
                    " computed_at) VALUES ('ana', :date, 0, 0, '2026-03-01 00:00:00+00:00')"
                ),
                {"date": day.date.isoformat()},
            )

    upgrade(database_url)

    with SqlUnitOfWork(engine) as uow:
        stored = uow.kpis.between("ana", date(2026, 1, 1), date(2026, 12, 31))
    expected = compute_kpis(days, Profile())
    plan = ["weight_rate_kg_per_week", "energy_balance_kcal", "energy_balance_7d_avg"]
    plan += ["goal_eta_date", "target_kcal_in"]
    assert [[getattr(k, name) for name in plan] for k in stored] == [
        [getattr(k, name) for name in plan] for k in expected
    ]
    assert sum(k.target_kcal_in is not None for k in stored) >= 21
