"""GET queries carry a weak ETag from the user's data version; a match is a 304 (docs/api.md)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from domain.ports import UnitOfWork
from graph.http.app import create_app
from graph.http.settings import Settings
from persistence.uow import SqlUnitOfWork
from tests.graph.api import PREFLIGHT, data, upload, upload_request

KPIS = {"query": "query($s: Date!) { kpis(start: $s, end: $s) { date steps7dAvg } }"}
DAY = {"variables": '{"s": "2026-01-05"}'}


class _CountingFactory:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.opened = 0

    def __call__(self) -> UnitOfWork:
        self.opened += 1
        return SqlUnitOfWork(self.engine)


@pytest.fixture
def counted(settings: Settings, engine: Engine) -> Iterator[tuple[TestClient, _CountingFactory]]:
    factory = _CountingFactory(engine)
    app = create_app(settings, engine=engine, uow_factory=factory)
    with TestClient(app, base_url="http://localhost") as client:
        yield client, factory


def test_a_get_query_carries_a_weak_tag_and_private_no_cache(client: TestClient) -> None:
    response = client.get("/graphql", params={**KPIS, **DAY})

    assert response.status_code == 200
    assert response.headers["etag"].startswith('W/"')
    assert response.headers["cache-control"] == "private, no-cache"
    assert response.headers["vary"] == "Authorization, Accept-Encoding"


def test_a_matching_if_none_match_is_answered_304_without_running_the_query(
    counted: tuple[TestClient, _CountingFactory],
) -> None:
    client, factory = counted
    tag = client.get("/graphql", params={**KPIS, **DAY}).headers["etag"]
    opened = factory.opened

    response = client.get("/graphql", params={**KPIS, **DAY}, headers={"If-None-Match": tag})

    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["etag"] == tag
    # The data version only: through a unit of work on SQLite, on the event loop on
    # PostgreSQL (persistence/async_reads.py); the query itself never runs.
    version_reads = 0 if factory.engine.dialect.name == "postgresql" else 1
    assert factory.opened == opened + version_reads


@pytest.mark.parametrize(
    "write",
    [
        lambda c: upload(c, b"date,steps_n\n2026-01-05,9000\n"),
        lambda c: upload_request(c, b"date,steps_n\n2026-01-05,lots\n"),
        lambda c: data(c, "mutation { updateProfile(input: {stepsGoal: 9000}) { id } }"),
        lambda c: data(
            c, 'mutation { deleteDailyMetrics(start: "2026-01-01", end: "2026-01-09") }'
        ),
    ],
    ids=["upload", "rejected-upload", "profile", "delete"],
)
def test_a_write_of_the_user_changes_the_tag(
    client: TestClient, write: Callable[[TestClient], object]
) -> None:
    upload(client, b"date,steps_n\n2026-01-05,8000\n")
    tag = client.get("/graphql", params={**KPIS, **DAY}).headers["etag"]

    write(client)
    response = client.get("/graphql", params={**KPIS, **DAY}, headers={"If-None-Match": tag})

    assert response.status_code == 200
    assert response.headers["etag"] != tag


def test_the_tag_depends_on_variables_and_operation_name(client: TestClient) -> None:
    first = client.get("/graphql", params={**KPIS, **DAY}).headers["etag"]
    other_day = client.get("/graphql", params={**KPIS, "variables": '{"s": "2026-01-06"}'}).headers[
        "etag"
    ]

    assert first != other_day
    assert first == client.get("/graphql", params={**KPIS, **DAY}).headers["etag"]


def test_posts_and_refusals_are_not_stored(client: TestClient) -> None:
    post = client.post("/graphql", json={"query": "{ profile { id } }"})
    mutation = client.get(
        "/graphql", params={"query": "mutation { updateProfile(input: {}) { id } }"}
    )

    assert post.headers["cache-control"] == "no-store"
    assert mutation.status_code == 405
    assert mutation.headers["cache-control"] == "no-store"


def test_a_dry_run_leaves_the_tag(client: TestClient) -> None:
    upload(client, b"date,steps_n\n2026-01-05,8000\n")
    tag = client.get("/graphql", params={**KPIS, **DAY}).headers["etag"]

    operations = {
        "query": "mutation($f: Upload!) { uploadCsv(file: $f, dryRun: true) { status dryRun } }",
        "variables": {"f": None},
    }
    dry = client.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})},
        files={"0": ("d.csv", b"date,steps_n\n2026-01-05,9000\n", "text/csv")},
        headers=PREFLIGHT,
    )
    response = client.get("/graphql", params={**KPIS, **DAY}, headers={"If-None-Match": tag})

    assert dry.json() == {"data": {"uploadCsv": {"status": "APPLIED", "dryRun": True}}}
    assert response.status_code == 304
