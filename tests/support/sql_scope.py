"""Every statement the service issues on user data filters by ``user_id`` (docs/accounts.md).

``install`` hooks every SQLAlchemy engine (``before_cursor_execute``) and every psycopg
connection they open (the bulk paths use the driver directly: COPY and binary reads),
parses each statement that names a user-data table, and records a violation when it
is not scoped to one user:

- SELECT, UPDATE, DELETE: each user-data table read or written has a ``user_id = …``
  or ``user_id IN (…)`` condition among the top-level AND terms of its WHERE (or of
  its JOIN's ON);
- INSERT and COPY into a user-data table: ``user_id`` is one of the written columns
  (each row carries its user); an INSERT … SELECT is checked as a SELECT too.

Exempt: the statements of migrations, DDL, the SQLite write-lock statement, and SQL
that test code issues itself (no frame of ``domain``, ``persistence`` or ``graph``
on the stack): fixtures that empty tables, assertions that count rows.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import sqlglot
from sqlalchemy import Engine, event
from sqlalchemy.pool import Pool
from sqlglot import exp

from persistence import async_reads
from persistence.tables import user_data_tables

_ROOT = Path(__file__).resolve().parents[2]
_SERVICE_DIRS = tuple(str(_ROOT / name) + "/" for name in ("domain", "persistence", "graph"))
_MIGRATIONS_DIR = str(_ROOT / "persistence" / "migrations") + "/"
_DDL = re.compile(r"^\s*(CREATE|ALTER|DROP|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b", re.I)
#: uow.lock_user on SQLite: a write that changes nothing, to take the write lock.
_SQLITE_LOCK = "DELETE FROM profiles WHERE 0"
_COPY = re.compile(r'^\s*COPY\s+"?(\w+)"?\s*\(([^)]*)\)', re.I)


class UnscopedStatementError(AssertionError):
    """A statement on user data without a user_id condition."""


@dataclass
class Recorder:
    """Violations seen since the last ``take``; shared by every thread."""

    violations: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    enabled: bool = True
    #: Raise at the statement instead of recording it (in a server under test).
    raise_on_violation: bool = False

    def take(self) -> list[str]:
        with self.lock:
            taken, self.violations = self.violations, []
        return taken

    def check(self, statement: str, dialect: str) -> None:
        if not self.enabled or not _issued_by_the_service():
            return
        problem = violation(statement, dialect)
        if problem is not None and self.raise_on_violation:
            raise UnscopedStatementError(f"{problem}: {statement.strip()[:300]}")
        if problem is not None:
            with self.lock:
                self.violations.append(f"{problem}: {statement.strip()[:300]}")


RECORDER = Recorder()
#: PYTHONPATH entry that makes a server subprocess fail every unscoped statement (set
#: HEALTHHUB_TEST_SQL_SCOPE=raise too); see sql_scope_site/sitecustomize.py.
SERVER_SITE = Path(__file__).resolve().parent / "sql_scope_site"


def user_tables() -> frozenset[str]:
    return frozenset(table.name for table in user_data_tables())


@functools.lru_cache(maxsize=4096)
def violation(statement: str, dialect: str) -> str | None:
    """Why ``statement`` is not scoped to one user, or None when it is (or is exempt)."""
    tables = user_tables()
    lowered = statement.lower()
    if not any(name in lowered for name in tables):
        return None
    if _DDL.match(statement) or statement.strip() == _SQLITE_LOCK:
        return None
    copy = _COPY.match(statement)
    if copy is not None:
        columns = {c.strip().strip('"') for c in copy.group(2).split(",")}
        if copy.group(1) in tables and "user_id" not in columns:
            return f"COPY into {copy.group(1)} without user_id"
        return None
    try:
        parsed = sqlglot.parse(statement, read="postgres" if dialect == "postgresql" else dialect)
    except sqlglot.errors.ParseError as error:
        return f"unparsable statement on user data ({error.__class__.__name__})"
    for tree in parsed:
        if tree is None:
            continue
        for node in tree.walk():
            problem = _node_problem(node, tables) if isinstance(node, exp.Expression) else None
            if problem is not None:
                return problem
    return None


def _node_problem(node: exp.Expression, tables: frozenset[str]) -> str | None:
    if isinstance(node, exp.Insert):
        target = node.this
        table = target.this if isinstance(target, exp.Schema) else target
        if isinstance(table, exp.Table) and table.name in tables:
            columns = (
                {c.name for c in target.expressions} if isinstance(target, exp.Schema) else set()
            )
            if "user_id" not in columns:
                return f"INSERT into {table.name} without a user_id column"
        return None
    if isinstance(node, exp.Update | exp.Delete):
        table = node.this
        scoped = _scoped(node.args.get("where"), table)
        if isinstance(table, exp.Table) and table.name in tables and not scoped:
            return f"{node.key.upper()} on {table.name} without a user_id condition"
        return None
    if isinstance(node, exp.Select):
        for table in _read_tables(node):
            if table.name not in tables:
                continue
            conditions = [node.args.get("where")]
            conditions += [join.args.get("on") for join in node.args.get("joins") or []]
            if not any(_scoped(condition, table) for condition in conditions):
                return f"SELECT from {table.name} without a user_id condition"
    return None


def _read_tables(select: exp.Select) -> Iterator[exp.Table]:
    """The tables this SELECT itself reads (its FROM and JOINs, not subqueries')."""
    sources = []
    from_ = select.args.get("from") or select.args.get("from_")
    if from_ is not None:
        sources.append(from_.this)
    sources += [join.this for join in select.args.get("joins") or []]
    for source in sources:
        if isinstance(source, exp.Table):
            yield source


def _scoped(condition: exp.Expression | None, table: exp.Table) -> bool:
    """Whether a top-level AND term of ``condition`` pins ``table``'s user_id."""
    if condition is None:
        return False
    if isinstance(condition, exp.Where):
        condition = condition.this
    names = {table.name, table.alias_or_name}
    for term in condition.flatten() if isinstance(condition, exp.And) else [condition]:
        if isinstance(term, exp.Paren):
            if _scoped(term.this, table):
                return True
            continue
        if isinstance(term, exp.EQ | exp.In):
            for side in (term.this, term.args.get("expression")):
                if (
                    isinstance(side, exp.Column)
                    and side.name == "user_id"
                    and (not side.table or side.table in names)
                ):
                    return True
    return False


def _issued_by_the_service() -> bool:
    frame = sys._getframe(2)
    service = False
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(_MIGRATIONS_DIR):
            return False
        if filename.startswith(_SERVICE_DIRS):
            service = True
        frame = frame.f_back  # type: ignore[assignment]
    return service


class _CheckedCursor(psycopg.Cursor[Any]):
    def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
        if isinstance(query, str | bytes):
            text = query.decode() if isinstance(query, bytes) else query
            RECORDER.check(text, "postgresql")
        return super().execute(query, params, **kwargs)

    def copy(self, statement: Any, params: Any = None, **kwargs: Any) -> Any:
        if isinstance(statement, str):
            RECORDER.check(statement, "postgresql")
        return super().copy(statement, params, **kwargs)


class _CheckedAsyncCursor(psycopg.AsyncCursor[Any]):
    """The same check for the event-loop reads (persistence/async_reads.py)."""

    async def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
        if isinstance(query, str | bytes):
            text = query.decode() if isinstance(query, bytes) else query
            RECORDER.check(text, "postgresql")
        return await super().execute(query, params, **kwargs)


def _before_cursor_execute(
    connection: Any, cursor: Any, statement: str, *args: Any, **kwargs: Any
) -> None:
    if not isinstance(cursor, _CheckedCursor):  # checked there already
        RECORDER.check(statement, connection.dialect.name)


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    if isinstance(dbapi_connection, psycopg.Connection):
        dbapi_connection.cursor_factory = _CheckedCursor


def install() -> None:
    """Check the statements of every engine made from now on in this process."""
    if not event.contains(Engine, "before_cursor_execute", _before_cursor_execute):
        event.listen(Engine, "before_cursor_execute", _before_cursor_execute)
        event.listen(Pool, "connect", _on_connect)
    async_reads.CURSOR_FACTORY = _CheckedAsyncCursor


@contextmanager
def unchecked() -> Iterator[None]:
    """Suspend the check (for a test that issues an unscoped statement on purpose)."""
    RECORDER.enabled = False
    try:
        yield
    finally:
        RECORDER.enabled = True
