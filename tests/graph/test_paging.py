"""Paging the upload history (docs/api.md, "Paging"): Relay's connection spec, newest
first, opaque cursors bound to the user and the query, priced by ``first``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from graphql import parse
from sqlalchemy import Engine

from domain import services
from domain.model import Ingestion, IngestionStatus
from domain.ports import UnitOfWork
from graph.execution.cost import query_cost
from graph.execution.served import opaque_id
from graph.schema.build import build_schema
from tests.graph.api import data, error_codes, post, upload
from tests.graph.people import people

PAGE = """query($first: Int!, $after: String) {
  ingestionHistory(first: $first, after: $after) {
    totalCount
    edges { cursor node { id filename } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}"""
SCHEMA = build_schema()._schema


def _csv(n: int) -> bytes:
    return f"date,steps\n2026-01-{n:02d},{1000 + n}\n".encode()


def _pages(ask: Callable[[str, dict[str, Any]], Any], first: int) -> list[dict[str, Any]]:
    """Every page from the newest, following endCursor while hasNextPage."""
    pages = []
    after = None
    while True:
        page = ask(PAGE, {"first": first, "after": after})["ingestionHistory"]
        pages.append(page)
        if not page["pageInfo"]["hasNextPage"]:
            return pages
        after = page["pageInfo"]["endCursor"]


def test_paging_to_the_end_lists_every_report_once_newest_first(client: TestClient) -> None:
    ids = [upload(client, _csv(n), filename=f"{n}.csv")["id"] for n in range(1, 6)]

    pages = _pages(lambda query, variables: data(client, query, variables), first=2)

    assert [[edge["node"]["id"] for edge in page["edges"]] for page in pages] == [
        ids[4:2:-1],
        ids[2:0:-1],
        ids[:1],
    ]
    assert [page["totalCount"] for page in pages] == [5, 5, 5]
    assert [page["pageInfo"]["hasPreviousPage"] for page in pages] == [False, True, True]
    for page in pages:
        info = page["pageInfo"]
        assert info["startCursor"] == page["edges"][0]["cursor"]
        assert info["endCursor"] == page["edges"][-1]["cursor"]
    simple = data(client, "{ ingestions(limit: 100) { id } }")["ingestions"]
    assert [report["id"] for report in simple] == ids[::-1]


def test_an_edge_s_cursor_pages_on_from_that_report(client: TestClient) -> None:
    ids = [upload(client, _csv(n))["id"] for n in range(1, 5)]
    first = data(client, PAGE, {"first": 3})["ingestionHistory"]

    middle = first["edges"][1]["cursor"]
    rest = data(client, PAGE, {"first": 10, "after": middle})["ingestionHistory"]

    assert [edge["node"]["id"] for edge in rest["edges"]] == [ids[1], ids[0]]
    assert rest["pageInfo"]["hasNextPage"] is False


def test_an_empty_history_is_one_empty_page(client: TestClient) -> None:
    page = data(client, PAGE, {"first": 20})["ingestionHistory"]

    assert page == {
        "totalCount": 0,
        "edges": [],
        "pageInfo": {
            "hasNextPage": False,
            "hasPreviousPage": False,
            "startCursor": None,
            "endCursor": None,
        },
    }


def test_a_report_arriving_between_pages_is_neither_repeated_nor_skipped(
    client: TestClient,
) -> None:
    older = [upload(client, _csv(n))["id"] for n in range(1, 5)]
    first = data(client, PAGE, {"first": 2})["ingestionHistory"]

    newer = upload(client, _csv(9))["id"]
    second = data(client, PAGE, {"first": 2, "after": first["pageInfo"]["endCursor"]})

    assert [edge["node"]["id"] for edge in second["ingestionHistory"]["edges"]] == older[1::-1]
    assert second["ingestionHistory"]["totalCount"] == 5
    assert newer not in {edge["node"]["id"] for edge in second["ingestionHistory"]["edges"]}


def test_reports_of_the_same_instant_are_paged_by_id_without_loss(
    uow_factory: Callable[[], UnitOfWork],
) -> None:
    """Cursors hold created_at and the id: reports stored in the same microsecond (a
    clock that did not move) still page without repeating or skipping one."""
    instant = datetime(2026, 3, 1, 12, 0, 0, 123456, tzinfo=UTC)
    keys = [f"{n:032x}" for n in (7, 3, 11, 5, 1)]
    with uow_factory() as uow:
        for key in keys:
            report = Ingestion(key, f"{key}.csv", "0" * 64, 1, IngestionStatus.APPLIED, instant)
            uow.ingestions.add("local", report)
        uow.ingestions.add(
            "local",
            Ingestion(
                "f" * 32, None, "0" * 64, 1, IngestionStatus.APPLIED, instant - timedelta(days=1)
            ),
        )
        uow.commit()

    seen: list[str] = []
    position = None
    while True:
        page = services.ingestion_page(uow_factory(), "local", 2, position)
        seen += [report.id for report in page.ingestions]
        if not page.has_next_page:
            break
        last = page.ingestions[-1]
        position = (last.created_at, last.id)

    assert seen == [*sorted(keys, reverse=True), "f" * 32]


@pytest.mark.parametrize("first", [0, -1, 101])
def test_first_outside_1_to_100_is_bad_user_input_naming_first(
    client: TestClient, first: int
) -> None:
    body = post(client, PAGE, {"first": first})

    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["field"] == "first"
    assert "1–100" in body["errors"][0]["message"]


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "",
        opaque_id("Kpi", "local", "2026-01-01"),  # an id, not a cursor
        opaque_id("kpiHistory", "local", "2026-03-01T12:00:00+00:00/abc"),  # another query's
        opaque_id("ingestionHistory", "local", "yesterday/abc"),
        opaque_id("ingestionHistory", "local", "2026-03-01T12:00:00/abc"),  # no offset
        opaque_id("ingestionHistory", "local", "2026-03-01T12:00:00+00:00/"),
    ],
)
def test_a_cursor_that_is_not_this_query_s_is_bad_user_input_naming_after(
    client: TestClient, cursor: str
) -> None:
    upload(client, _csv(1))

    body = post(client, PAGE, {"first": 5, "after": cursor})

    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["field"] == "after"
    assert body.get("data") is None


def test_another_user_s_cursor_is_refused_and_their_reports_are_not_found(
    client: TestClient, engine: Engine
) -> None:
    ann, bob = people(client, engine, "ann", "bob")
    ann.upload(_csv(1))
    bobs = [bob.upload(_csv(n))["id"] for n in (2, 3)]
    bob_cursor = bob.data(PAGE, {"first": 1})["ingestionHistory"]["pageInfo"]["endCursor"]

    refused = ann.post(PAGE, {"first": 5, "after": bob_cursor})
    reports = [ann.post("query($id: ID!) { ingestion(id: $id) { id } }", {"id": i}) for i in bobs]

    assert error_codes(refused) == ["BAD_USER_INPUT"]
    assert refused["errors"][0]["extensions"]["field"] == "after"
    assert reports == [{"data": {"ingestion": None}}] * 2
    assert ann.data(PAGE, {"first": 5})["ingestionHistory"]["totalCount"] == 1
    mine = bob.data("query($id: ID!) { ingestion(id: $id) { id } }", {"id": bobs[0]})
    assert mine == {"ingestion": {"id": bobs[0]}}


def test_a_page_is_priced_by_first() -> None:
    def cost(first: int | None) -> int:
        argument = "" if first is None else f"(first: {first})"
        selection = "{ totalCount edges { cursor node { id } } }"
        query = f"{{ ingestionHistory{argument} {selection} }}"
        return query_cost(SCHEMA, parse(query))

    # The connection (1) + totalCount (1) + edges: first × (1 + cursor + node (1 + id)).
    assert cost(3) == 1 + 1 + 3 * (1 + 1 + 2)
    assert cost(100) == 1 + 1 + 100 * 4
    assert cost(None) == cost(20)
    # Refused before any report is read: priced as one.
    assert cost(1_000_000) == cost(1)


def test_every_stored_error_of_two_full_pages_is_too_costly(client: TestClient) -> None:
    page = "ingestionHistory(first: 100) { edges { node { errors { row message } } } }"

    one = post(client, f"{{ {page} }}")
    two = post(client, f"{{ a: {page} b: {page} }}")

    assert "errors" not in one
    assert error_codes(two) == ["QUERY_TOO_COSTLY"]


def test_nodes_are_priced_by_their_ids_and_a_node_as_its_dearest_type() -> None:
    ids = '["a", "b", "c"]'
    listed = query_cost(SCHEMA, parse(f"{{ nodes(ids: {ids}) {{ id }} }}"))
    report = query_cost(
        SCHEMA,
        parse('{ node(id: "a") { id ... on Ingestion { errors { row } } ... on Kpi { date } } }'),
    )

    assert listed == 3 * (1 + 1)
    assert report == 1 + 1 + 1_000 * (1 + 1)
