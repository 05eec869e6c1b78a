"""What the service says about a database error (persistence/failures.py): a statement
timeout from the driver itself is an outage, and a log names the error's class and the
statement, never the values it carried (docs/security.md, "Logs")."""

from __future__ import annotations

import logging

import psycopg
import pytest
from graphql import GraphQLError
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from graph.schema.errors import _shaped
from persistence.database import create_engine_for
from persistence.failures import described

SECRET = "alice-81.35-kg"


def test_a_failed_statement_is_logged_by_class_and_name_without_its_parameters(
    database_url: str,
) -> None:
    engine = create_engine_for(database_url)
    try:
        with pytest.raises(DBAPIError) as failed, engine.connect() as connection:
            connection.execute(
                text("SELECT weight FROM no_such_table WHERE name = :n"), {"n": SECRET}
            )
    finally:
        engine.dispose()

    assert SECRET not in str(failed.value)  # hidden from SQLAlchemy's own message too
    assert described(failed.value).endswith("in SELECT no_such_table")
    assert SECRET not in described(failed.value)


@pytest.mark.postgres
def test_a_statement_timeout_in_a_raw_driver_call_is_database_unavailable(
    postgres_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    engine = create_engine_for(postgres_url)
    try:
        with engine.connect() as connection:
            driver = connection.connection.driver_connection
            assert isinstance(driver, psycopg.Connection)
            with driver.cursor() as cursor:
                cursor.execute("SET statement_timeout = 50")
                with pytest.raises(psycopg.errors.QueryCanceled) as timed_out:
                    cursor.execute("SELECT pg_sleep(2), %s::text", (SECRET,))
    finally:
        engine.dispose()
    error = GraphQLError("failed", original_error=timed_out.value)

    with caplog.at_level(logging.WARNING):
        shaped = _shaped(error)

    assert shaped.extensions is not None
    assert shaped.extensions["code"] == "DATABASE_UNAVAILABLE"
    assert "QueryCanceled [57014] in no statement" in caplog.text
    assert SECRET not in caplog.text
