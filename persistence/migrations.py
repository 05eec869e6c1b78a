"""Alembic, driven from code: the configuration and ``upgrade`` to the newest schema."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config

from alembic import command

_PROJECT_ROOT = Path(__file__).resolve().parent.parent


def alembic_config(url: str) -> Config:
    """The project's Alembic configuration (``[tool.alembic]`` of pyproject.toml)
    aimed at ``url``, whatever the current directory is."""
    config = Config(toml_file=_PROJECT_ROOT / "pyproject.toml")
    # The ini layer is configparser: a literal "%" must be doubled.
    config.set_main_option("script_location", str(_PROJECT_ROOT / "alembic").replace("%", "%%"))
    # Kept out of the ini layer, so passwords with "%" need no escaping; env.py reads it.
    config.attributes["database_url"] = url
    return config


def upgrade(url: str) -> None:
    """Migrate the database at ``url`` to the newest revision (``alembic upgrade head``)."""
    command.upgrade(alembic_config(url), "head")
