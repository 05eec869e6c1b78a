"""Two users with their own tokens on one test app, for the isolation checks of ids."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from domain import accounts
from persistence.accounts import SqlAccountStore
from tests.graph.api import PREFLIGHT, upload_request


@dataclass(frozen=True)
class Person:
    """A user and the headers that act as them."""

    name: str
    client: TestClient
    headers: dict[str, str]

    def post(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=self.headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def data(self, query: str, variables: dict[str, Any] | None = None) -> Any:
        body = self.post(query, variables)
        assert "errors" not in body, body
        return body["data"]

    def upload(self, content: bytes, filename: str = "metrics.csv") -> dict[str, Any]:
        response = upload_request(
            self.client, content, filename=filename, headers={**PREFLIGHT, **self.headers}
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        report: dict[str, Any] = body["data"]["uploadCsv"]
        return report


def people(client: TestClient, engine: Engine, *names: str) -> list[Person]:
    """New users ``names`` on the app behind ``client``, each with a fresh token."""
    store = SqlAccountStore(engine)
    made = []
    for name in names:
        token = accounts.add_user(store, name, now=datetime.now(UTC), adopt_local=False)
        made.append(Person(name, client, {"Authorization": f"Bearer {token.token}"}))
    return made
