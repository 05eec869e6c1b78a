"""Alembic: the migrations build exactly the schema the tables describe, both ways."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine, inspect, text

from persistence.migrations import alembic_config, upgrade


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
