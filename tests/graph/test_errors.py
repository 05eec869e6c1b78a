"""Unexpected exceptions reach the client as a generic message and an id that is logged."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from domain.ports import UnitOfWork
from graph.http.app import create_app
from graph.http.settings import Settings
from graph.schema.errors import INTERNAL_ERROR_MESSAGE
from tests.graph.api import local_client, post

SECRET = "SELECT password FROM secrets -- at /srv/app/internal.py:42"


def _broken_storage() -> UnitOfWork:
    raise RuntimeError(SECRET)


@pytest.fixture
def broken_client(settings: Settings, engine: Engine) -> TestClient:
    return local_client(create_app(settings, engine=engine, uow_factory=_broken_storage))


def test_an_unexpected_error_is_masked_and_its_id_is_logged_with_the_traceback(
    broken_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        body = post(broken_client, "{ profile { isDefault } }", status=500)

    (error,) = body["errors"]
    assert error["message"] == INTERNAL_ERROR_MESSAGE
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert error["path"] == ["profile"]
    assert "SELECT" not in str(body)
    assert "Traceback" not in str(body)
    error_id = error["extensions"]["errorId"]
    (record,) = [record for record in caplog.records if error_id in record.getMessage()]
    assert record.exc_info is not None
    assert SECRET in str(record.exc_info[1])


def test_each_unexpected_error_gets_its_own_id(broken_client: TestClient) -> None:
    first = post(broken_client, "{ profile { isDefault } }", status=500)["errors"][0]
    second = post(broken_client, "{ profile { isDefault } }", status=500)["errors"][0]

    assert first["extensions"]["errorId"] != second["extensions"]["errorId"]


def test_a_bad_argument_is_not_masked(client: TestClient) -> None:
    body = post(client, '{ kpis(start: "2026-02-02", end: "2026-02-01") { date } }')

    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "errorId" not in error["extensions"]
    assert "2026-02-02" in error["message"]
