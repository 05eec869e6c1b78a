"""Shared fixtures: a migrated database per backend (SQLite, PostgreSQL), emptied per test."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, delete
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from persistence.database import create_engine_for
from persistence.migrations import upgrade
from persistence.uow import SqlUnitOfWork
from persistence.uow import uow_factory as _sql_uow_factory
from tests.support import sql_scope
from tests.support.databases import postgres_required

# Over the whole suite: every statement the service issues on user data must filter by
# user_id (docs/accounts.md); a test that made one that does not fails.
sql_scope.install()

_DEFAULT_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _empty_tables(engine: Engine) -> None:
    with engine.begin() as connection:
        for table in reversed(SQLModel.metadata.sorted_tables):
            connection.execute(delete(table))


@pytest.fixture(autouse=True)
def _statements_scoped_by_user() -> Iterator[None]:
    sql_scope.RECORDER.take()
    yield
    violations = sql_scope.RECORDER.take()
    assert not violations, "statements on user data without a user_id condition:\n" + (
        "\n".join(violations)
    )


@pytest.fixture(scope="session")
def _sqlite_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    path: Path = tmp_path_factory.mktemp("sqlite") / "healthhub.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    engine = create_engine_for(url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def _postgres_database() -> Iterator[Engine]:
    admin_url = os.environ.get("HEALTHHUB_TEST_POSTGRES_URL", _DEFAULT_ADMIN_URL)
    try:
        admin = psycopg.connect(_libpq(admin_url), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        reason = f"PostgreSQL at {make_url(admin_url)!r} is unreachable: {error}"
        if postgres_required():
            pytest.fail(reason)
        pytest.skip(reason)
    name = f"healthhub_test_{secrets.token_hex(6)}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = (
        make_url(admin_url)
        .set(drivername="postgresql+psycopg", database=name)
        .render_as_string(hide_password=False)
    )
    engine: Engine | None = None
    try:
        upgrade(url)
        engine = create_engine_for(url)
        yield engine
    finally:
        if engine is not None:
            engine.dispose()
        with psycopg.connect(_libpq(admin_url), autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def database_url(request: pytest.FixtureRequest) -> str:
    """The URL of a migrated database whose tables are empty when the test starts."""
    shared: Engine = request.getfixturevalue(f"_{request.param}_database")
    _empty_tables(shared)
    return shared.url.render_as_string(hide_password=False)


@pytest.fixture
def postgres_url(_postgres_database: Engine) -> str:
    """Like ``database_url``, for a test about PostgreSQL alone (mark it ``postgres``)."""
    _empty_tables(_postgres_database)
    return _postgres_database.url.render_as_string(hide_password=False)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine of the test's own on ``database_url``, disposed after the test."""
    test_engine = create_engine_for(database_url)
    yield test_engine
    test_engine.dispose()


@pytest.fixture
def uow_factory(engine: Engine) -> Callable[[], SqlUnitOfWork]:
    return _sql_uow_factory(engine)
