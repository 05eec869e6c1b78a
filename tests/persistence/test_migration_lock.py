"""Concurrent ``db upgrade`` runs are serialised by a database lock and all succeed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from persistence.database import create_engine_for
from tests.support.databases import need_postgres, throwaway_database

TABLES = {"alembic_version", "daily_metrics", "kpis", "profiles", "ingestions"}
MIGRATION_LOCK = "hashtext('healthhub'), 1"


def _start_upgrades(url: str, count: int) -> list[subprocess.Popen[str]]:
    """``healthhub db upgrade`` in ``count`` processes at once (Alembic is per process)."""
    env = {**os.environ, "HEALTHHUB_DATABASE_URL": url}
    command = [sys.executable, "-m", "cli.main", "db", "upgrade"]
    return [
        subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for _ in range(count)
    ]


def _assert_all_succeed(processes: list[subprocess.Popen[str]]) -> None:
    for process in processes:
        output, _ = process.communicate(timeout=180)
        assert process.returncode == 0, output
        assert "database is at the latest revision" in output


def _assert_at_head(url: str) -> None:
    engine = create_engine_for(url)
    try:
        assert set(inspect(engine).get_table_names()) >= TABLES
        with engine.connect() as connection:
            versions = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            assert len(versions.all()) == 1
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_two_upgrades_at_once_on_postgresql_wait_for_the_lock_and_both_succeed() -> None:
    need_postgres()
    with throwaway_database() as url:
        libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(libpq, autocommit=True) as holder:
            holder.execute(f"SELECT pg_advisory_lock({MIGRATION_LOCK})")
            processes = _start_upgrades(url, 2)
            # Both upgrades must queue behind the held migration lock before it is let go.
            waiting = 0
            for _ in range(600):
                row = holder.execute(
                    "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                    " WHERE l.locktype = 'advisory' AND NOT l.granted"
                    " AND d.datname = current_database()"
                ).fetchone()
                waiting = row[0] if row else 0
                if waiting == 2 or any(p.poll() is not None for p in processes):
                    break
                time.sleep(0.1)
            holder.execute(f"SELECT pg_advisory_unlock({MIGRATION_LOCK})")
            _assert_all_succeed(processes)
            assert waiting == 2
        _assert_at_head(url)


def test_upgrades_queued_behind_a_sqlite_writer_all_succeed(tmp_path: Path) -> None:
    path = tmp_path / "healthhub.db"
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode=WAL")
        holder.execute("BEGIN IMMEDIATE")
        processes = _start_upgrades(f"sqlite:///{path}", 2)
        # Long enough for both to start and queue behind the write lock; if one comes
        # later it merely finds the lock free, so this pause cannot fail the test.
        time.sleep(4)
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    _assert_all_succeed(processes)
    _assert_at_head(f"sqlite:///{path}")
