"""create_engine_for: SQLite pragmas and PostgreSQL timeouts that keep calls from hanging."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from persistence.database import create_engine_for


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(tmp_path: object) -> None:
    engine = create_engine_for(f"sqlite:///{tmp_path}/pragmas.db", timeout_seconds=2.5)
    try:
        with engine.connect() as connection:
            pragmas = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout")
            }
    finally:
        engine.dispose()

    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 2500}


@pytest.mark.postgres
def test_postgres_sessions_carry_statement_and_lock_timeouts(postgres_url: str) -> None:
    short = create_engine_for(postgres_url, timeout_seconds=0.25)
    try:
        with short.connect() as connection:
            settings = [
                connection.exec_driver_sql(f"SHOW {name}").scalar()
                for name in ("statement_timeout", "lock_timeout", "TimeZone")
            ]
            with pytest.raises(Exception, match="statement timeout"):
                connection.execute(text("SELECT pg_sleep(2)"))
    finally:
        short.dispose()

    assert settings == ["250ms", "250ms", "UTC"]


def test_a_bare_postgresql_url_is_served_by_psycopg_3() -> None:
    engine = create_engine_for("postgresql://user@127.0.0.1:1/none")

    assert engine.dialect.driver == "psycopg"


def test_other_databases_are_refused_with_the_supported_ones_named() -> None:
    with pytest.raises(ValueError, match="sqlite or postgresql"):
        create_engine_for("mysql://user@localhost/db")
