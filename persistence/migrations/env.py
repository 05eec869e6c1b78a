"""Alembic environment: migrates the database the app is configured for."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import persistence.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from persistence.database import SQLITE_BEGIN_IMMEDIATE, create_engine_for

target_metadata = SQLModel.metadata

#: How long an upgrade waits for another one (or for a table lock) before giving up,
#: and its statement timeout, as a migration may rewrite a large table. Connecting
#: keeps the short database timeout: a database that is down fails at once.
MIGRATION_WAIT_MILLISECONDS = 120_000

#: Concurrent upgrades are serialised: the second waits, then finds the database at
#: head. The two-key form keeps this lock apart from the per-user locks (one bigint key).
_POSTGRES_MIGRATION_LOCK = (
    f"SET LOCAL statement_timeout = {MIGRATION_WAIT_MILLISECONDS}",
    f"SET LOCAL lock_timeout = {MIGRATION_WAIT_MILLISECONDS}",
    "SELECT pg_advisory_xact_lock(hashtext('healthhub'), 1)",
)


def _database_url() -> str:
    url = context.config.attributes.get("database_url")
    if url:
        return str(url)
    from persistence.settings import DatabaseSettings

    return DatabaseSettings().database_url


def _run_offline() -> None:
    url = _database_url()
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=url.startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_online() -> None:
    engine = create_engine_for(_database_url())
    try:
        with engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                # The write lock from the start (BEGIN IMMEDIATE), so the revision is read
                # under it; a second upgrade waits for it, then finds the database at head.
                driver = connection.connection.driver_connection
                assert driver is not None
                driver.execute(f"PRAGMA busy_timeout = {MIGRATION_WAIT_MILLISECONDS}")
                connection.execution_options(**{SQLITE_BEGIN_IMMEDIATE: True})
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=sqlite,
                # The engine issues BEGIN itself on SQLite, so DDL is transactional there too.
                transactional_ddl=True,
            )
            with context.begin_transaction():
                if not sqlite:
                    for statement in _POSTGRES_MIGRATION_LOCK:
                        connection.exec_driver_sql(statement)
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    _run_offline()
else:
    _run_online()
