"""The query cost limit: worst-case result size counted before execution (docs/security.md)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from graphql import parse

from graph.execution.cost import MAX_QUERY_COST, query_cost
from graph.schema.build import build_schema
from tests.graph.api import KPI_FIELDS, error_codes, post

SCHEMA = build_schema()._schema
ERRORS = "ingestions(limit: 100) { errors { row column value message } }"


def _cost(query: str, variables: dict[str, object] | None = None) -> int:
    return query_cost(SCHEMA, parse(query), None, variables)


def test_leaves_objects_and_lists_are_counted_from_the_arguments() -> None:
    assert _cost("{ dataRange { daysLogged firstDate } }") == 3
    assert _cost('{ kpis(start: "2026-01-01", end: "2026-01-10") { date } }') == 10 * 2
    assert _cost("{ ingestions { warnings } }") == 20 * (1 + 100)
    assert _cost("{ ingestions(limit: 3) { columns errors { row } } }") == 3 * (1 + 20 + 2000)


def test_variables_fragments_and_aliases_are_counted() -> None:
    spread = """query($s: Date!, $e: Date!) { a: kpis(start: $s, end: $e) { ...K }
                 b: kpis(start: $s, end: $e) { ... on Kpi { date } } }
                fragment K on Kpi { date weightTrend }"""

    assert _cost(spread, {"s": "2026-01-01", "e": "2026-01-07"}) == 7 * 3 + 7 * 2


def test_summary_periods_count_weeks_and_months_touched() -> None:
    weeks = '{ kpiSummary(start: "2026-01-01", end: "2026-01-31") { daysLogged } }'
    months = '{ kpiSummary(start: "2026-01-31", end: "2026-03-01", period: MONTH) { daysLogged } }'

    assert _cost(weeks) == 5 * 2  # 2026-01-01 is a Thursday: five ISO weeks touched
    assert _cost(months) == 3 * 2


def test_introspection_costs_nothing() -> None:
    assert _cost("{ __schema { types { name fields { name } } } __typename }") == 0


def test_a_range_the_resolver_would_refuse_counts_as_the_longest_allowed() -> None:
    assert _cost('{ kpis(start: "bad", end: "2026-01-01") { date } }') == 3_660 * 2


def test_every_stored_error_of_a_hundred_reports_is_refused_as_too_costly(
    client: TestClient,
) -> None:
    body = post(client, f"{{ {ERRORS} }}")

    assert body.get("data") is None
    assert error_codes(body) == ["QUERY_TOO_COSTLY"]
    assert "420,000" in body["errors"][0]["message"]


def test_four_longest_kpis_ranges_with_every_field_pass(client: TestClient) -> None:
    ranges = " ".join(
        f'k{i}: kpis(start: "2016-01-01", end: "2026-01-07") {{ {KPI_FIELDS} }}' for i in range(4)
    )
    assert _cost(f"{{ {ranges} }}") <= MAX_QUERY_COST

    body = post(client, f"{{ {ranges} }}")

    assert "errors" not in body, body
    assert body["data"]["k0"] == []


@pytest.mark.parametrize("copies", [5])
def test_a_fifth_longest_kpis_range_is_refused(client: TestClient, copies: int) -> None:
    ranges = " ".join(
        f'k{i}: kpis(start: "2016-01-01", end: "2026-01-07") {{ {KPI_FIELDS} }}'
        for i in range(copies)
    )

    assert error_codes(post(client, f"{{ {ranges} }}")) == ["QUERY_TOO_COSTLY"]


def test_variable_defaults_and_argument_defaults_are_priced_as_execution_reads_them() -> None:
    limit = "query($l: Int! = 100) { ingestions(limit: $l) { sha256 } }"
    period = (
        'query($p: Period! = MONTH) { kpiSummary(start: "2026-01-31", end: "2026-03-01", '
        "period: $p) { daysLogged } }"
    )
    dates = 'query($s: Date! = "2026-01-01") { kpis(start: $s, end: "2026-01-10") { date } }'

    assert _cost(limit) == 100 * 2
    assert _cost(limit, {"l": 3}) == 3 * 2
    assert _cost(period) == 3 * 2  # January, February, March
    assert _cost(dates) == 10 * 2


def test_fragments_are_counted_through_any_nesting() -> None:
    nested = "{ " + "... on Query { " * 30 + "ingestions(limit: 7) { sha256 }" + " }" * 30 + " }"
    chain = "".join(f"fragment F{i} on Query {{ ...F{i + 1} }} " for i in range(30))
    spread = f"{{ ...F0 }} {chain} fragment F30 on Query {{ ingestions(limit: 7) {{ sha256 }} }}"

    assert _cost(nested) == 7 * 2
    assert _cost(spread) == 7 * 2


def test_a_fragment_spread_many_times_costs_each_spread_and_is_counted_once() -> None:
    # Fragment i spreads fragment i+1 twice: 2^25 leaves, counted without walking each.
    chain = "".join(f"fragment F{i} on Kpi {{ ...F{i + 1} ...F{i + 1} }} " for i in range(25))
    query = f'{{ kpis(start: "2026-01-01", end: "2026-01-01") {{ ...F0 }} }} {chain} '
    query += "fragment F25 on Kpi { date }"

    assert _cost(query) == 1 + 2**25
