"""Fixtures for the API tests: the real app over HTTP on the ``database_url`` database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from graph.http.app import create_app
from graph.http.settings import Settings
from tests.graph.api import local_client


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, _env_file=None)


@pytest.fixture
def client(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    with local_client(create_app(settings, engine=engine)) as test_client:
        yield test_client
