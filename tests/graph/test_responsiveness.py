"""Blocking storage work runs off the event loop: other requests are answered meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import Engine

from domain.ports import UnitOfWork
from graph.http.app import create_app
from graph.http.settings import Settings
from tests.graph.api import local_client, upload_request


def test_a_request_stuck_in_storage_does_not_stall_the_others(
    settings: Settings, engine: Engine, uow_factory: Callable[[], UnitOfWork]
) -> None:
    entered, release = threading.Event(), threading.Event()

    def slow_storage() -> UnitOfWork:
        if not entered.is_set():
            entered.set()
            assert release.wait(timeout=10)
        return uow_factory()

    with local_client(create_app(settings, engine=engine, uow_factory=slow_storage)) as client:
        results: dict[str, int] = {}
        upload = threading.Thread(
            target=lambda: results.update(
                status=upload_request(client, b"date,steps\n2026-01-01,1\n").status_code
            )
        )
        upload.start()
        assert entered.wait(timeout=10)

        health = client.get("/healthz")
        query = client.post("/graphql", json={"query": "{ dataRange { daysLogged } }"})

        assert upload.is_alive()
        release.set()
        upload.join(timeout=10)
    assert health.status_code == 200
    assert query.json() == {"data": {"dataRange": {"daysLogged": 0}}}
    assert results == {"status": 200}
