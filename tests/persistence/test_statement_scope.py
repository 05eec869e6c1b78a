"""The suite-wide check that every statement on user data filters by user_id catches one
that does not (tests/support/sql_scope.py, installed in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, delete, func, insert, literal, select, update
from sqlalchemy.dialects.postgresql.base import PGDialect
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

from domain import services
from domain.model import DataRange
from persistence.bulk import fetch_tuples
from persistence.repositories import SqlMetricRepository
from persistence.tables import DAILY_METRICS, INGESTIONS, KPIS, PROFILES, user_data_tables
from persistence.uow import SqlUnitOfWork
from tests.support.sql_scope import RECORDER, violation

NOW = datetime(2026, 3, 1, tzinfo=UTC)
DIALECTS = [("sqlite", SQLiteDialect_pysqlite()), ("postgresql", PGDialect())]  # type: ignore[no-untyped-call]


def _sql(statement: object, dialect: object) -> str:
    compiled = statement.compile(  # type: ignore[attr-defined]
        dialect=dialect, compile_kwargs={"render_postcompile": True}
    )
    return str(compiled)


@pytest.mark.parametrize(("name", "dialect"), DIALECTS)
def test_scoped_statements_pass_and_unscoped_ones_are_named(name: str, dialect: object) -> None:
    scoped = [
        select(DAILY_METRICS.c.date).where(DAILY_METRICS.c.user_id == "a"),
        select(func.count()).where(KPIS.c.user_id.in_(["a"]), KPIS.c.date > date(2026, 1, 1)),
        delete(KPIS).where(KPIS.c.date >= date(2026, 1, 1), KPIS.c.user_id == "a"),
        update(PROFILES).where(PROFILES.c.user_id == "a").values(steps_goal=1),
        insert(DAILY_METRICS).from_select(
            ["user_id", "date"],
            select(literal("b"), DAILY_METRICS.c.date).where(DAILY_METRICS.c.user_id == "a"),
        ),
    ]
    unscoped = [
        select(DAILY_METRICS.c.date).where(DAILY_METRICS.c.date > date(2026, 1, 1)),
        select(func.max(INGESTIONS.c.created_at)),
        select(DAILY_METRICS.c.date).where(
            (DAILY_METRICS.c.user_id == "a") | (DAILY_METRICS.c.steps > 1)
        ),
        delete(KPIS).where(KPIS.c.date >= date(2026, 1, 1)),
        update(PROFILES).values(steps_goal=1),
        insert(DAILY_METRICS).from_select(
            ["user_id", "date"], select(literal("b"), DAILY_METRICS.c.date)
        ),
    ]

    assert [violation(_sql(s, dialect), name) for s in scoped] == [None] * len(scoped)
    assert all(violation(_sql(s, dialect), name) for s in unscoped)


def test_every_key_of_user_data_starts_with_user_id() -> None:
    tables = user_data_tables()

    assert {t.name for t in tables} >= {"daily_metrics", "kpis", "profiles", "ingestions"}
    for table in tables:
        assert next(iter(table.primary_key.columns)).name == "user_id", table.name


def test_the_hook_catches_an_unscoped_query_issued_through_the_service(
    uow_factory: Callable[[], SqlUnitOfWork], monkeypatch: pytest.MonkeyPatch
) -> None:
    services.data_range(uow_factory(), "alice")
    assert RECORDER.take() == [], "the real repository is scoped"

    def everyone_s_range(self: SqlMetricRepository, user_id: str) -> DataRange:
        # The deliberate bug: the user_id condition is missing.
        statement = select(
            func.min(DAILY_METRICS.c.date), func.max(DAILY_METRICS.c.date), func.count()
        )
        first, last, count = self._connection.execute(statement).one()
        return DataRange(first, last, count)

    monkeypatch.setattr(SqlMetricRepository, "data_range", everyone_s_range)
    services.data_range(uow_factory(), "alice")

    caught = RECORDER.take()
    assert len(caught) == 1
    assert "SELECT from daily_metrics without a user_id condition" in caught[0]


def test_the_hook_sees_the_driver_level_bulk_reads_too(engine: Engine) -> None:
    with SqlUnitOfWork(engine) as uow:
        fetch_tuples(uow.connection, select(KPIS.c.date).where(KPIS.c.user_id == "alice"))
        assert RECORDER.take() == []
        fetch_tuples(uow.connection, select(KPIS.c.date))

    caught = RECORDER.take()
    assert len(caught) == 1
    assert "SELECT from kpis" in caught[0]
