"""Kept ``kpis`` queries answered directly (graph/execution/direct.py) are answered byte
for byte as the general path answers them, over HTTP, on both databases."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import anyio
import orjson
import pytest
from fastapi.testclient import TestClient
from graphql import parse
from sqlalchemy import Engine, update

from domain import accounts, model, services
from domain.ports import UnitOfWork
from graph.execution.direct import KeptReads, StoredRows, plan_for
from graph.execution.executors import fast_execution_context
from graph.execution.served import opaque_id
from graph.http.app import create_app
from graph.http.settings import Settings
from graph.schema.build import build_schema
from persistence.accounts import SqlAccountStore
from persistence.tables import KPIS
from tests.graph.api import KPI_FIELDS, local_client
from tests.graph.histories import history_csv
from tests.graph.people import people

_NOW = datetime(2026, 2, 1, tzinfo=UTC)


_ALL = f"query($start: Date!, $end: Date!) {{ kpis(start: $start, end: $end) {{ {KPI_FIELDS} }} }}"
_YEAR = {"start": "2025-01-01", "end": "2026-01-31"}

#: (query, variables, operation name): queries the lane answers and ones it leaves to
#: the general path; every one must get the same answer either way.
CASES: list[tuple[str, dict[str, Any] | None, str | None]] = [
    (_ALL, _YEAR, None),
    (_ALL, {"start": "2025-03-01", "end": "2025-03-30"}, None),
    (_ALL, {"start": "2025-03-01", "end": "2025-03-01"}, None),
    (_ALL, {"start": "2030-01-01", "end": "2030-02-01"}, None),  # no rows
    # every field, ids, __typename, aliases, literal dates, a named operation
    (
        'query Named { k: kpis(start: "2025-06-01", end: "2025-07-15") { __typename id date'
        " goalEtaDate stepsGoalMet w: weightTrend balance7dDays targetKcalIn weight7dDays"
        " expenditureLowKcal tdeeEstimate } }",
        None,
        "Named",
    ),
    ('{ kpis(start: "2025-06-01", end: "2025-06-09") { id } }', None, None),
    ('query($e: Date!) { kpis(start: "2025-02-01", end: $e) { date } }', {"e": "2025-05-05"}, None),
    (
        'query($e: Date!) { kpis(start: "2025-02-01", end: $e) { a: bmrKcal b: bmrKcal'
        " __typename c: date } }",
        {"e": "2025-08-05"},
        None,
    ),
    # left to the general path: errors and shapes the lane does not serve
    (_ALL, {"start": "2025-03-02", "end": "2025-03-01"}, None),  # start after end
    (_ALL, {"start": "2010-01-01", "end": "2025-03-01"}, None),  # longer than allowed
    (_ALL, {"start": "2025-02-30", "end": "2025-03-01"}, None),  # no such day
    (_ALL, {"start": "2025-3-1", "end": "2025-03-01"}, None),  # not YYYY-MM-DD
    (_ALL, {"start": 20250301, "end": "2025-03-01"}, None),
    (_ALL, {"start": None, "end": "2025-03-01"}, None),
    (_ALL, {"end": "2025-03-01"}, None),
    (_ALL, {**_YEAR, "extra": 1}, None),
    (_ALL, _YEAR, "Other"),
    ('{ kpis(start: "2025-06-01", end: "2025-06-09") { date date d: date } }', None, None),
    (
        '{ kpis(start: "2025-06-01", end: "2025-06-09") { ...F } } fragment F on Kpi { id }',
        None,
        None,
    ),
    ('{ kpis(start: "2025-06-01", end: "2025-06-09") { date @include(if: true) } }', None, None),
    (
        '{ a: kpis(start: "2025-06-01", end: "2025-06-02") { date } dataRange { daysLogged } }',
        None,
        None,
    ),
    ('query($s: Date = "2025-06-01") { kpis(start: $s, end: "2025-06-03") { date } }', None, None),
    ('{ dailyMetrics(start: "2025-06-01", end: "2025-06-09") { date weightKg } }', None, None),
]


def _upload(uow_factory: Callable[[], UnitOfWork]) -> None:
    plan = {"goal_weight_kg": 76.0, "goal_rate_kg_per_week": -0.5}
    services.update_profile(uow_factory(), services.LOCAL_USER, plan, now=_NOW)
    services.upload_csv(
        uow_factory(),
        services.LOCAL_USER,
        history_csv(26, date(2025, 1, 1), date(2026, 1, 31)),
        filename="history.csv",
        policy=model.InvalidRowPolicy.SKIP_ROW,
        date_order=model.DateOrder.AUTO,
        now=_NOW,
    )


@pytest.fixture
def both(
    database_url: str, engine: Engine, uow_factory: Callable[[], UnitOfWork]
) -> Iterator[tuple[TestClient, TestClient]]:
    """A client of the app as served (direct reads on) and one of the general path only
    (the stock executor, ``HEALTHHUB_FAST_EXECUTOR=0``), on one database."""
    _upload(uow_factory)
    direct = Settings(database_url=database_url, _env_file=None)
    general = Settings(database_url=database_url, fast_executor=False, _env_file=None)
    with (
        local_client(create_app(direct, engine=engine)) as fast,
        local_client(create_app(general, engine=engine)) as stock,
    ):
        yield fast, stock


def _answer(client: TestClient, body: dict[str, Any], headers: dict[str, str], method: str) -> Any:
    if method == "GET":
        params = {k: v if isinstance(v, str) else orjson.dumps(v).decode() for k, v in body.items()}
        response = client.get("/graphql", params=params, headers=headers)
    else:
        response = client.post("/graphql", content=orjson.dumps(body), headers=headers)
    kept = {
        name: value
        for name, value in response.headers.items()
        if name not in {"x-request-id", "date", "content-length"}
    }
    content = response.content
    if b'"errorId"' in content:  # random per error
        content = orjson.dumps(_without_error_ids(response.json()))
    return response.status_code, kept, content


def _without_error_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_error_ids(v) for k, v in value.items() if k != "errorId"}
    if isinstance(value, list):
        return [_without_error_ids(v) for v in value]
    return value


@pytest.mark.parametrize("method", ["POST", "GET"])
@pytest.mark.parametrize(
    "accept",
    [
        {"Content-Type": "application/json"},
        {"Content-Type": "application/json", "Accept": "application/graphql-response+json"},
        {"Content-Type": "application/json; charset=utf-8", "Accept-Encoding": "gzip"},
    ],
)
def test_every_case_is_answered_as_the_general_path_answers_it(
    both: tuple[TestClient, TestClient], accept: dict[str, str], method: str
) -> None:
    fast, stock = both
    for query, variables, operation in CASES:
        body: dict[str, Any] = {"query": query}
        if variables is not None:
            body["variables"] = variables
        if operation is not None:
            body["operationName"] = operation
        expected = _answer(stock, body, accept, method)
        # The first request keeps the document; the next ones are answered directly.
        for _ in range(3):
            assert _answer(fast, body, accept, method) == expected, (query, variables, operation)


def test_the_dashboards_query_is_answered_without_the_general_path(
    database_url: str, engine: Engine, uow_factory: Callable[[], UnitOfWork]
) -> None:
    """The lane answers kept kpis queries (bytes, not None) with the rows the service
    reads, and leaves every other case to the general path (None)."""
    _upload(uow_factory)
    schema = build_schema(execution_context_class=fast_execution_context())
    kept = KeptReads(schema._schema, lambda text: parse(text))

    async def read(user: str, start: date, end: date, _fields: tuple[str, ...]) -> StoredRows:
        return StoredRows(services.list_kpis(uow_factory(), user, start, end))

    async def answer(body: dict[str, Any]) -> bytes | None:
        return await kept.answer(body, services.LOCAL_USER, read)

    served = {0, 1, 2, 3, 4, 5, 6, 7}
    for number, (query, variables, operation) in enumerate(CASES):
        body: dict[str, Any] = {"query": query, "variables": variables}
        if operation is not None:
            body["operationName"] = operation
        result = anyio.run(answer, body)
        assert (result is not None) == (number in served), (query, variables)
    year = anyio.run(answer, {"query": _ALL, "variables": _YEAR})
    assert year is not None
    rows = orjson.loads(year)["data"]["kpis"]
    assert len(rows) > 100
    assert any(row["balanceKcal"] is None for row in rows)
    assert any(row["stepsGoalMet"] is True for row in rows)


def test_a_document_not_kept_is_not_planned() -> None:
    schema = build_schema(execution_context_class=fast_execution_context())
    kept = KeptReads(schema._schema, lambda _text: None)
    assert kept.plan(_ALL) is None


def test_a_plan_counts_the_cost_as_the_cost_limit_does() -> None:
    from graph.execution.cost import query_cost

    schema = build_schema()
    for query, variables, _operation in CASES[:8]:
        plan = plan_for(schema._schema, parse(query))
        assert plan is not None
        bounds = plan.arguments(None if _operation is None else _operation, variables)
        assert bounds is not None
        days = (bounds[1] - bounds[0]).days + 1
        cost = query_cost(schema._schema, parse(query), _operation, variables)
        assert days * plan.item_cost == cost


def test_a_kept_query_still_needs_its_token_and_reads_only_its_users_days(
    database_url: str, engine: Engine
) -> None:
    """The direct answer comes after the perimeter: a kept query without a token, with
    a wrong or a revoked one is refused, and each user's answer holds only their days."""
    settings = Settings(database_url=database_url, _env_file=None)
    with local_client(create_app(settings, engine=engine)) as client:
        ann, bob = people(client, engine, "ann", "bob")
        ann.upload(b"date,steps,weight_kg\n2025-06-01,1001,80\n2025-06-02,1001,80.5\n")
        bob.upload(b"date,steps,weight_kg\n2025-06-02,2002,90\n")
        query = '{ kpis(start: "2025-06-01", end: "2025-06-30") { id date weight7dAvg } }'
        for _ in range(3):  # kept after the first
            assert [row["date"] for row in ann.data(query)["kpis"]] == ["2025-06-01", "2025-06-02"]
            (row,) = bob.data(query)["kpis"]
            assert row["weight7dAvg"] == 90.0
            assert row["id"] == opaque_id("Kpi", "bob", "2025-06-02")
        for headers in ({}, {"Authorization": "Bearer hh_not_a_token"}):
            response = client.post("/graphql", json={"query": query}, headers=headers)
            assert response.status_code == 401
            assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        accounts.revoke(SqlAccountStore(engine), "bob", None)
        response = client.post("/graphql", json={"query": query}, headers=bob.headers)
        assert response.status_code == 401


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("bmr_kcal", math.inf),
        ("weight_trend", -math.inf),
        ("target_kcal_in", math.nan),
        ("balance_7d_days", 2**31),
    ],
)
def test_a_stored_value_a_serializer_refuses_gets_the_general_paths_error(
    both: tuple[TestClient, TestClient], engine: Engine, column: str, value: float
) -> None:
    """A value the stock serializers refuse (an infinity, an Int beyond 32 bits), stored
    by some other means, is not served: the general path reports it, as always."""
    fast, stock = both
    if isinstance(value, int) and engine.dialect.name == "postgresql":
        pytest.skip("PostgreSQL's integer column holds 32 bits: only SQLite can store this")
    if math.isnan(value) and engine.dialect.name == "sqlite":
        pytest.skip("SQLite stores NaN as NULL: only PostgreSQL can store this")
    with engine.begin() as connection:
        connection.execute(
            update(KPIS)
            .where(KPIS.c.date.between(date(2025, 3, 3), date(2025, 3, 6)))
            .values({column: value})
        )
    body = {"query": _ALL, "variables": {"start": "2025-03-01", "end": "2025-03-09"}}
    json = {"Content-Type": "application/json"}
    expected = _answer(stock, body, json, "POST")
    assert expected[0] == 200
    assert orjson.loads(expected[2])["errors"][0]["path"][0] == "kpis"
    for _ in range(3):
        assert _answer(fast, body, json, "POST") == expected


def test_kept_queries_are_counted_in_the_metrics_as_every_operation(
    both: tuple[TestClient, TestClient],
) -> None:
    json = {"Content-Type": "application/json"}
    body = {"query": _ALL, "variables": _YEAR}
    for client in both:
        for method in ("POST", "POST", "POST", "GET", "GET"):
            assert _answer(client, body, json, method)[0] == 200
        text = client.get("/metrics").text
        for name, count in (
            ('healthhub_graphql_operations_total{operation="query:kpis",outcome="ok"}', 5.0),
            ('healthhub_graphql_operation_seconds_count{operation="query:kpis"}', 5.0),
        ):
            (line,) = [line for line in text.splitlines() if line.split(" ")[0] == name]
            assert float(line.rsplit(" ", 1)[1]) == count, line
