"""Command errors as one line that names what is wrong and what to do (docs/operations.md).

``CommandError`` is raised by a command for what it checks itself (files, the port);
``explain`` words the errors that come from below: a setting that does not validate,
a database that does not answer.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from persistence.settings import ENV_PREFIX


class CommandError(Exception):
    """What a command found wrong, worded for the person who ran it."""


def settings_problems(error: ValidationError) -> list[str]:
    """One line per invalid setting, naming its variable (never its value: it may be
    the token)."""
    lines = []
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem["loc"] else ""
        variable = f"{ENV_PREFIX}{field.upper()}" if field else "a setting"
        reason = str(problem["msg"]).removeprefix("Value error, ")
        lines.append(
            f"{variable} is not valid: {reason}; fix it in the environment or in .env "
            "(docs/operations.md)"
        )
    return lines


def database_problem(error: DBAPIError, database_url: str) -> str:
    """Why the database at ``database_url`` could not be used, and what to do."""
    url = make_url(database_url)
    reason = (str(error.orig).strip().splitlines() or ["no answer"])[0]
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        if not path.parent.is_dir():
            return (
                f"cannot open the SQLite database {path}: the folder {path.parent} does not "
                "exist; create it, or set HEALTHHUB_DATABASE_URL to a file in a folder that does"
            )
        return (
            f"cannot use the SQLite database {path} ({reason}); check that the file and its "
            "folder can be written, or set HEALTHHUB_DATABASE_URL"
        )
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    return (
        f"the database at {where} does not answer ({reason}); start it, or set "
        "HEALTHHUB_DATABASE_URL to one that runs (docs/operations.md)"
    )
