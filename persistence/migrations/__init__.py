"""Alembic, driven from code: the migrations ship inside this package and are found
through ``importlib.resources``, so an installed (non-editable) package can migrate."""

from __future__ import annotations

from importlib.resources import as_file, files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine


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


def is_current(engine: Engine) -> bool:
    """Whether the database of ``engine`` is at the newest revision (read-only check)."""
    heads = ScriptDirectory.from_config(alembic_config(engine.url.render_as_string())).get_heads()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    return set(current) == set(heads)


def _script_location() -> str:
    # A package installed from a wheel or a source tree is a directory on disk; as_file
    # gives that directory itself (it would extract only from a zip import).
    with as_file(files(__name__)) as path:
        return str(path)
