"""Alembic: the migrations build exactly the schema the tables describe, both ways."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine, inspect

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
