"""Alembic environment: migrates the database the app is configured for."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import persistence.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from persistence.database import create_engine_for

target_metadata = SQLModel.metadata


def _database_url() -> str:
    url = context.config.attributes.get("database_url")
    if url:
        return str(url)
    from persistence.settings import Settings

    return Settings().database_url


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
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=sqlite,
                # The engine issues BEGIN itself on SQLite, so DDL is transactional there too.
                transactional_ddl=True,
            )
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    _run_offline()
else:
    _run_online()
