"""Node: every id fetches its object again, and ids of other users answer null like
unknown and malformed ones, with the same work done (docs/api.md, "Node")."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from domain.imports.pipeline import Limits
from domain.ports import UnitOfWork
from graph.execution.served import opaque_id
from graph.schema import nodes
from graph.schema.context import Context
from persistence import bulk, repositories
from tests.graph.api import data, error_codes, post
from tests.graph.people import Person, people

CSV = (
    b"date,steps,weight_kg,kcal_in\n2026-01-05,8000,80.5,2000\n2026-01-06,12000,80.1,2100\n"
    b"2026-01-12,9000,79.9,1900\n"
)
#: Every kind of served object with an id, read the way a client first meets it.
SERVED = """{
  dailyMetrics(start: "2026-01-05", end: "2026-01-12") { __typename id date steps }
  kpis(start: "2026-01-05", end: "2026-01-12") { __typename id date weightTrend }
  kpiSummary(start: "2026-01-06", end: "2026-01-12") {
    __typename id periodStart periodEnd daysLogged weightAvg }
  profile { __typename id stepsGoal }
  dataRange { __typename id firstDate daysLogged }
  ingestions { __typename id filename status }
}"""
#: The same fields, asked of whatever a node turns out to be.
AS_NODE = """
  __typename id
  ... on DailyMetric { date steps }
  ... on Kpi { date weightTrend }
  ... on KpiSummary { periodStart periodEnd daysLogged weightAvg }
  ... on Profile { stepsGoal }
  ... on DataRange { firstDate daysLogged }
  ... on Ingestion { filename status }
"""
NODES = f"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ {AS_NODE} }} }}"
NODE = f"query($id: ID!) {{ node(id: $id) {{ {AS_NODE} }} }}"


def _objects(served: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        item
        for value in served.values()
        for item in (value if isinstance(value, list) else [value])
    ]


@pytest.fixture
def ann_and_bob(client: TestClient, engine: Engine) -> list[Person]:
    return people(client, engine, "ann", "bob")


def test_every_served_id_fetches_the_same_object_by_node_and_nodes(client: TestClient) -> None:
    client.post(
        "/graphql",
        data={
            "operations": '{"query": "mutation($f: Upload!) { uploadCsv(file: $f) { id } }", '
            '"variables": {"f": null}}',
            "map": '{"0": ["variables.f"]}',
        },
        files={"0": ("days.csv", CSV, "text/csv")},
        headers={"Apollo-Require-Preflight": "true"},
    )
    objects = _objects(data(client, SERVED))
    kinds = {item["__typename"] for item in objects}
    assert kinds == {"DailyMetric", "Kpi", "KpiSummary", "Profile", "DataRange", "Ingestion"}

    by_nodes = data(client, NODES, {"ids": [item["id"] for item in objects]})["nodes"]
    one_by_one = [data(client, NODE, {"id": item["id"]})["node"] for item in objects]

    assert by_nodes == objects
    assert one_by_one == objects
    assert len({item["id"] for item in objects}) == len(objects)


def test_a_clipped_period_is_another_summary_than_its_whole_week(client: TestClient) -> None:
    query = 'query($s: Date!) { kpiSummary(start: $s, end: "2026-01-11") { id periodStart } }'
    clipped = data(client, query, {"s": "2026-01-07"})["kpiSummary"][0]
    whole = data(client, query, {"s": "2026-01-05"})["kpiSummary"][0]
    again = data(client, query, {"s": "2026-01-05"})["kpiSummary"][0]
    by_month = data(
        client,
        'query { kpiSummary(start: "2026-01-05", end: "2026-01-11", period: MONTH) { id } }',
    )["kpiSummary"][0]

    assert clipped["id"] != whole["id"]
    assert whole == again
    assert by_month["id"] not in (clipped["id"], whole["id"])


def test_another_user_s_ids_answer_null_like_unknown_and_malformed_ones(
    ann_and_bob: list[Person],
) -> None:
    ann, bob = ann_and_bob
    ann.upload(CSV, "ann.csv")
    bob.upload(CSV, "bob.csv")  # the same dates: only the user tells the objects apart
    bobs = [item["id"] for item in _objects(bob.data(SERVED))]
    unknown = [
        opaque_id("DailyMetric", "ann", "2026-02-01"),
        opaque_id("Kpi", "ann", "2026-02-01"),
        opaque_id("KpiSummary", "ann", "WEEK/2026-01-05/2026-01-20"),  # not one week
        opaque_id("Ingestion", "ann", "f" * 32),
        opaque_id("Ingestion", "ann", "x/y"),
        opaque_id("Nothing", "ann", ""),
    ]
    malformed = ["", "not-an-id", "a" * 5000, base64.b64encode(b"Kpi:ann").decode(), "%%%"]

    answered = ann.post(NODES, {"ids": bobs + unknown + malformed})
    singles = [ann.post(NODE, {"id": node_id}) for node_id in bobs + unknown + malformed]
    reports = [
        ann.post("query($id: ID!) { ingestion(id: $id) { id } }", {"id": node_id})
        for node_id in bobs + unknown + malformed
    ]

    assert answered == {"data": {"nodes": [None] * len(bobs + unknown + malformed)}}
    assert all(single == {"data": {"node": None}} for single in singles)
    assert all(report == {"data": {"ingestion": None}} for report in reports)
    assert ann.data(NODES, {"ids": [item["id"] for item in _objects(ann.data(SERVED))]})[
        "nodes"
    ] == _objects(ann.data(SERVED))


def test_more_than_100_ids_are_bad_user_input_naming_ids(client: TestClient) -> None:
    body = post(client, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": ["x"] * 101})

    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["field"] == "ids"
    assert (
        data(client, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": ["x"] * 100})[
            "nodes"
        ]
        == [None] * 100
    )


class _Statements:
    """Every statement the service sends while recording: SQLAlchemy's and the binary
    reads that go to the driver directly (persistence/bulk.py)."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self.on = False

    def record(self, sql: str, parameters: Any) -> None:
        if self.on:
            self.seen.append((" ".join(sql.split()), repr(parameters)))


@pytest.fixture
def statements(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[_Statements]:
    recorder = _Statements()

    def before(_conn: Any, _cursor: Any, sql: str, parameters: Any, *_args: Any) -> None:
        recorder.record(sql, parameters)

    fetch = bulk.fetch_tuples

    def recording_fetch(connection: Any, statement: Any, params: Any = None) -> Any:
        if connection.dialect.name == "postgresql":  # SQLite's go through the engine
            recorder.record(str(statement), params)
        return fetch(connection, statement, params)

    monkeypatch.setattr(repositories, "fetch_tuples", recording_fetch)
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield recorder
    finally:
        event.remove(engine, "before_cursor_execute", before)


@pytest.mark.parametrize(
    ("kind", "bob_key", "ann_unknown_key"),
    [
        ("DailyMetric", "2026-01-05", "2026-03-01"),
        ("Kpi", "2026-01-06", "2026-03-01"),
        ("KpiSummary", "WEEK/2026-01-05/2026-01-11", "WEEK/2026-03-02/2026-03-08"),
        ("Ingestion", "BOB", "f" * 32),
        ("Profile", "", ""),
        ("DataRange", "", ""),
    ],
)
def test_a_foreign_id_is_looked_up_with_the_same_statements_as_an_unknown_one(
    ann_and_bob: list[Person],
    statements: _Statements,
    uow_factory: Callable[[], UnitOfWork],
    kind: str,
    bob_key: str,
    ann_unknown_key: str,
) -> None:
    """The timing gives no hint: both lookups run the same statements with the same
    parameters, on the asking user's rows, whatever the other user has stored."""
    ann, bob = ann_and_bob
    ann.upload(CSV, "ann.csv")
    report = bob.upload(CSV, "bob.csv")
    if bob_key == "BOB":  # the stored key of bob's report
        bob_key = base64.urlsafe_b64decode(report["id"]).decode().rsplit(":", 1)[1]
    context = Context(
        uow_factory=uow_factory,
        limits=Limits(1, 1),  # no upload here
        clock=lambda: datetime.now(UTC),
        user_id="ann",
    )

    def look_up(node_id: str) -> tuple[list[Any], list[tuple[str, str]]]:
        statements.seen.clear()
        statements.on = True
        found = asyncio.run(nodes.find(context, [node_id]))
        statements.on = False
        return found, list(statements.seen)

    foreign, foreign_statements = look_up(opaque_id(kind, "bob", bob_key))
    unknown, unknown_statements = look_up(opaque_id(kind, "ann", ann_unknown_key))
    malformed, malformed_statements = look_up("not-an-id")

    assert foreign == [None]
    assert malformed == [None]
    assert malformed_statements == []
    if kind in ("Profile", "DataRange", "KpiSummary"):  # the user's own always exists
        assert unknown != [None]
    else:
        assert unknown == [None]
    lookups = [(sql, values) for sql, values in foreign_statements if "SELECT" in sql.upper()]
    assert len(lookups) == (2 if kind == "KpiSummary" else 1), foreign_statements
    assert [sql for sql, _ in foreign_statements] == [sql for sql, _ in unknown_statements]
    assert all("'ann'" in values and "'bob'" not in values for _, values in lookups), lookups
