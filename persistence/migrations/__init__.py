"""Alembic, driven from code: the migrations ship inside this package and are found
through ``importlib.resources``, so an installed (non-editable) package can migrate."""

from __future__ import annotations

from importlib.resources import as_file, files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory


class SchemaBehindError(Exception):
    """The database is not at the newest revision this version of the code needs."""


def alembic_config(url: str) -> Config:
    """The project's Alembic configuration aimed at ``url``, whatever the current
    directory is and wherever the package is installed."""
    config = Config()
    # The ini layer is configparser: a literal "%" must be doubled.
    config.set_main_option("script_location", _script_location().replace("%", "%%"))
    # Kept out of the ini layer, so passwords with "%" need no escaping; env.py reads it.
    config.attributes["database_url"] = url
    return config


def upgrade(url: str) -> None:
    """Migrate the database at ``url`` to the newest revision (``alembic upgrade head``)."""
    command.upgrade(alembic_config(url), "head")


def check_current(url: str) -> None:
    """Make sure the database at ``url`` is at the newest revision, without migrating.

    Raises:
        SchemaBehindError: it is not (or has no schema yet); the message says what to run.
    """
    from persistence.database import create_engine_for

    heads = set(ScriptDirectory.from_config(alembic_config(url)).get_heads())
    engine = create_engine_for(url)
    try:
        with engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
    finally:
        engine.dispose()
    if current != heads:
        at = ", ".join(sorted(current)) or "no schema"
        raise SchemaBehindError(
            f"the database is at {at}, this version needs {', '.join(sorted(heads))}; "
            "run `healthhub db upgrade` first"
        )


def _script_location() -> str:
    # A package installed from a wheel or a source tree is a directory on disk; as_file
    # gives that directory itself (it would extract only from a zip import).
    with as_file(files(__name__)) as path:
        return str(path)
