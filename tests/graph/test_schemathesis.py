"""Schemathesis-generated operations never get a 500, an unmasked error or a leaked internal.

Every query and mutation of ``schema.graphql`` (the contract, kept equal to the code by
test_schema_file.py) is generated in positive and negative mode and sent to the real app
over ASGI. Operations come from the file rather than from introspection so that pytest can
collect one test per operation and database; ``schemathesis.pytest.from_fixture`` would
introspect at run time, but it fails on pytest 9.2 (it writes ``Node._nodeid``).

Schemathesis sends GraphQL as JSON only, so ``uploadCsv`` gets a string where the file
belongs: only its refusal path is exercised here; real multipart uploads are covered by
test_uploads.py and test_hostile_input.py.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from graphql import StringValueNode
from hypothesis import HealthCheck
from hypothesis import strategies as st
from schemathesis.graphql import nodes
from sqlalchemy import Engine

from graph.http.app import create_app
from graph.http.settings import Settings
from graph.schema.errors import INTERNAL_ERROR_MESSAGE
from tests.graph.api import data

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"
# A schema read from a file names no endpoint; the ASGI transport needs an absolute URL.
ENDPOINT = "http://localhost/graphql"
SEEDED_DAYS = [date(2026, 2, day) for day in range(1, 11)]
LEAKED_TEXT = ("Traceback", "SELECT ", "INSERT ", 'File "')
LEAKED_MODULES = re.compile(r"sqlalchemy|psycopg|sqlite3", re.IGNORECASE)
UPSERT = "mutation($input: DailyMetricInput!) { upsertDailyMetric(input: $input) { date } }"


def _date_node(day: date) -> StringValueNode:
    node: StringValueNode = nodes.String(day.isoformat())
    return node


# Dates near the seeded days come first, so queries return rows and shrinking stays there.
schemathesis.graphql.scalar(
    "Date",
    st.one_of(st.dates(min_value=date(2026, 1, 29), max_value=date(2026, 2, 12)), st.dates()).map(
        _date_node
    ),
)
schemathesis.graphql.scalar("Upload", st.text(max_size=20).map(nodes.String))
schema = schemathesis.graphql.from_path(SCHEMA_FILE)


@pytest.fixture
def app(client: TestClient, settings: Settings, engine: Engine) -> FastAPI:
    """A fresh app on a database that holds ten fully logged days."""
    for number, day in enumerate(SEEDED_DAYS):
        fields = {
            "date": day.isoformat(),
            "steps": 8000 + 500 * number,
            "kcalIn": 2200.0,
            "kcalJunkIn": 300.0,
            "proteinG": 140.0,
            "sleepHours": 7.0,
            "stress": 4,
            "weightKg": 82.0 - number / 10,
            "waistCm": 90.0,
        }
        data(client, UPSERT, {"input": fields})
    return create_app(settings, engine=engine)


@schema.parametrize()
@hypothesis.settings(
    max_examples=25,
    deadline=None,
    # The seeded app is shared by the examples of one operation on purpose.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_a_generated_operation_gets_no_500_no_unexpected_error_and_no_internals(
    case: schemathesis.Case[Any], app: FastAPI
) -> None:
    response = case.call(base_url=ENDPOINT, app=app)

    assert response.status_code < 500, response.text
    for text in LEAKED_TEXT:
        assert text not in response.text, response.text
    assert not LEAKED_MODULES.search(response.text), response.text
    body: dict[str, Any] = response.json()
    assert body.keys() & {"data", "errors"}, response.text
    for error in body.get("errors", []):
        _assert_refused(error)


def _assert_refused(error: dict[str, Any]) -> None:
    """An error is a refusal before execution (no path: parsing, validation, coercion)
    or a ``BAD_USER_INPUT``: no generated input reaches an unexpected exception, masked
    (``INTERNAL_ERROR_MESSAGE``) or not. Masking itself is tested in test_errors.py."""
    extensions = error.get("extensions") or {}
    assert "path" not in error or extensions.get("code") == "BAD_USER_INPUT", error
    assert error["message"] != INTERNAL_ERROR_MESSAGE, error
