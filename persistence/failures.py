"""Database errors as the service reports them: which mean the database is unavailable,
and what a log may say about one (docs/security.md, "Logs").

A log names the error's class and the statement's name (its verb and first table),
never the statement's parameters or values: they carry user names, file names and
health values. The engine hides parameters from SQLAlchemy's own messages too
(``hide_parameters``, persistence/database.py).
"""

from __future__ import annotations

import re

import psycopg
from sqlalchemy.exc import OperationalError, StatementError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

#: A lost connection, a statement timeout or no connection in time: through SQLAlchemy
#: or from the driver itself (the bulk paths use psycopg's COPY directly).
UNAVAILABLE: tuple[type[Exception], ...] = (
    OperationalError,
    PoolTimeoutError,
    psycopg.OperationalError,
)
_VERB = re.compile(r"\s*(\w+)")
_TABLE = re.compile(r"\b(?:FROM|INTO|UPDATE|TABLE|COPY)\s+\"?(\w+)", re.IGNORECASE)


def statement_name(statement: str | None) -> str:
    """``SELECT daily_metrics``: a statement's verb and first table, nothing it carries."""
    if not statement:
        return "no statement"
    verb = _VERB.match(statement)
    table = _TABLE.search(statement)
    return " ".join(
        part
        for part in (verb.group(1).upper() if verb else "", table.group(1) if table else "")
        if part
    )


def described(error: BaseException) -> str:
    """The error's class (and the driver's), and the name of the statement it met."""
    driver = getattr(error, "orig", None)
    classes = type(error).__name__ + (f" ({type(driver).__name__})" if driver is not None else "")
    statement = error.statement if isinstance(error, StatementError) else None
    if isinstance(error, psycopg.Error) and error.diag is not None:
        classes += f" [{error.sqlstate or '?'}]"
    return f"{classes} in {statement_name(statement)}"
