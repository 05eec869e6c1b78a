"""The fast executor answers exactly like Strawberry's own, only sooner."""

from __future__ import annotations

import asyncio
import enum
import math
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path as FilePath
from typing import Any

import graphql
import orjson
import pytest
import strawberry
from graphql import FieldNode, GraphQLField, GraphQLInterfaceType, GraphQLObjectType
from graphql.pyutils import Path
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from sqlalchemy import Engine
from strawberry.extensions import SchemaExtension
from strawberry.permission import BasePermission
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionResult

from domain import model, services
from domain.imports.pipeline import Limits
from domain.ports import UnitOfWork
from graph.execution import served
from graph.execution.fastpath import FastExecutionContext
from graph.http.settings import Settings
from graph.schema.build import build_schema
from graph.schema.context import Context
from graph.schema.types.scalars import SCALAR_MAP
from persistence.accounts import SqlAccountStore
from tests.graph.histories import history_csv


def _dump(result: ExecutionResult) -> bytes:
    """The response as the client reads it, key order included (error ids are random)."""
    errors = []
    for error in result.errors or ():
        formatted: dict[str, Any] = {**error.formatted}
        extensions = {**formatted.get("extensions", {})}
        extensions.pop("errorId", None)
        if extensions:
            formatted["extensions"] = extensions
        errors.append(formatted)
    return orjson.dumps({"data": result.data, "errors": errors})


class _CountingExecutor(FastExecutionContext):
    """Counts resolve infos built: the stock path builds one per field and row."""

    built = 0

    def build_resolve_info(
        self,
        field_def: GraphQLField,
        field_nodes: list[FieldNode],
        parent_type: GraphQLObjectType,
        path: Path,
    ) -> Any:
        type(self).built += 1
        return super().build_resolve_info(field_def, field_nodes, parent_type, path)


# A small schema whose rows can hold values the real data never does.


@strawberry.enum
class Mood(enum.Enum):
    CALM = "CALM"
    TENSE = "TENSE"


class _Denied(BasePermission):
    message = "not for you"

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        return False


@strawberry.type
class Row:
    day: date
    count: int
    ratio: float | None = None
    flag: bool | None = None
    label: str | None = None
    mood: Mood | None = None
    secret: str | None = strawberry.field(default="s", permission_classes=[_Denied])

    @strawberry.field
    def doubled(self) -> int:
        return self.count * 2


@strawberry.type
class Query:
    @strawberry.field
    def rows(self, info: strawberry.Info) -> list[Row] | None:
        rows: list[Row] = info.context["rows"]
        return rows

    @strawberry.field
    def sparse_rows(self, info: strawberry.Info) -> list[Row | None]:
        rows: list[Row | None] = info.context["rows"]
        return rows


_CONFIG = StrawberryConfig(scalar_map=SCALAR_MAP)
_STOCK = strawberry.Schema(query=Query, config=_CONFIG)
_FAST = strawberry.Schema(query=Query, config=_CONFIG, execution_context_class=FastExecutionContext)
_COUNTING = strawberry.Schema(
    query=Query, config=_CONFIG, execution_context_class=_CountingExecutor
)


def _row(**values: Any) -> Row:
    values.setdefault("day", date(2026, 3, 1))
    values.setdefault("count", 1)
    return Row(**values)


def _both(query: str, rows: list[Any], variables: dict[str, Any] | None = None) -> ExecutionResult:
    """Run on both executors, check they agree byte for byte, return the fast result."""
    context = {"rows": rows}
    stock = _STOCK.execute_sync(query, variable_values=variables, context_value=context)
    fast = _FAST.execute_sync(query, variable_values=variables, context_value=context)
    assert _dump(fast) == _dump(stock)
    return fast


def test_leaf_rows_are_completed_without_a_resolve_info_per_field() -> None:
    rows = [_row(count=n, ratio=n / 3) for n in range(50)]
    _CountingExecutor.built = 0
    result = _COUNTING.execute_sync("{ rows { day count ratio } }", context_value={"rows": rows})
    assert result.errors is None
    assert result.data is not None
    assert result.data["rows"][49] == {"day": "2026-03-01", "count": 49, "ratio": 49 / 3}
    assert _CountingExecutor.built == 1


def test_a_selection_with_a_resolver_field_is_left_to_the_stock_executor() -> None:
    rows = [_row(count=n) for n in range(5)]
    _CountingExecutor.built = 0
    result = _COUNTING.execute_sync("{ rows { count doubled } }", context_value={"rows": rows})
    assert result.data == {"rows": [{"count": n, "doubled": 2 * n} for n in range(5)]}
    assert _CountingExecutor.built == 1 + 2 * len(rows)
    _both("{ rows { count doubled } }", rows)


def test_a_field_with_a_permission_class_still_checks_it() -> None:
    result = _both("{ rows { count secret } }", [_row()])
    assert result.errors is not None
    assert result.errors[0].message == "not for you"
    assert result.data == {"rows": [{"count": 1, "secret": None}]}


def test_a_null_in_a_non_null_leaf_gives_the_stock_error_and_nulls_the_list() -> None:
    result = _both("{ rows { day count } }", [_row(), _row(count=None)])
    assert result.data == {"rows": None}
    assert result.errors is not None
    assert result.errors[0].message == "Cannot return null for non-nullable field Row.count."
    assert result.errors[0].path == ["rows", 1, "count"]


def test_a_null_item_of_a_non_null_list_item_gives_the_stock_error() -> None:
    result = _both("{ rows { count } }", [_row(), None])
    assert result.data == {"rows": None}
    assert result.errors is not None
    assert result.errors[0].path == ["rows", 1]


def test_a_null_item_of_a_nullable_list_item_stays_null() -> None:
    result = _both("{ sparseRows { count } }", [_row(count=3), None])
    assert result.errors is None
    assert result.data == {"sparseRows": [{"count": 3}, None]}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ratio", math.nan),
        ("ratio", math.inf),
        ("ratio", 2**60 + 1),
        ("ratio", "many"),
        ("count", 2**31),
        ("count", 1.5),
        ("flag", "yes"),
        ("label", [1]),
        ("mood", "SLEEPY"),
        ("day", "2026-03-01"),
    ],
)
def test_a_value_its_scalar_refuses_gives_the_stock_error(field: str, value: object) -> None:
    rows = [_row(count=7), _row(**{field: value})]
    result = _both(f"{{ rows {{ count {field} }} }}", rows)
    assert result.errors is not None
    assert result.errors[0].path is not None
    assert result.errors[0].path[:2] == ["rows", 1]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("ratio", 3, 3.0),
        ("ratio", True, 1),
        ("ratio", "2.5", 2.5),
        ("count", 4.0, 4),
        ("count", False, 0),
        ("flag", 0, False),
        ("label", 1.5, "1.5"),
        ("label", False, "false"),
        ("mood", Mood.TENSE, "TENSE"),
    ],
)
def test_values_of_another_python_type_are_serialised_like_the_stock_executor(
    field: str, value: object, expected: object
) -> None:
    result = _both(f"{{ rows {{ {field} }} }}", [_row(**{field: value})])
    assert result.errors is None
    assert result.data == {"rows": [{field: expected}]}
    assert type(result.data["rows"][0][field]) is type(expected)


def test_aliases_fragments_and_directives_keep_the_stock_keys_and_order() -> None:
    query = """
        query ($show: Boolean!, $hide: Boolean!) {
          rows {
            ... on Row @include(if: $show) { mood label }
            n: count
            __typename
            ...Bits
            day @skip(if: $hide)
            ratio @include(if: $hide)
            ... { tag: __typename count }
          }
        }
        fragment Bits on Row { flag n: count day }
    """
    rows = [_row(count=n, mood=Mood.CALM, label=f"r{n}", flag=n % 2 == 0) for n in range(3)]
    for show in (True, False):
        for hide in (True, False):
            result = _both(query, rows, {"show": show, "hide": hide})
            assert result.errors is None
    result = _both(query, rows, {"show": True, "hide": False})
    assert result.data is not None
    assert list(result.data["rows"][0]) == [
        "mood",
        "label",
        "n",
        "__typename",
        "flag",
        "day",
        "tag",
        "count",
    ]


class _ResolveCounter(SchemaExtension):
    calls = 0

    def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
        type(self).calls += 1
        return _next(root, info, *args, **kwargs)


def test_an_extension_that_wraps_resolvers_still_sees_every_field() -> None:
    schema = strawberry.Schema(
        query=Query,
        config=_CONFIG,
        extensions=[_ResolveCounter],
        execution_context_class=FastExecutionContext,
    )
    rows = [_row(count=n) for n in range(4)]
    _ResolveCounter.calls = 0
    result = schema.execute_sync("{ rows { day count } }", context_value={"rows": rows})
    assert result.errors is None
    assert _ResolveCounter.calls == 1 + 2 * len(rows)


def test_introspection_gives_the_stock_response() -> None:
    query = graphql.get_introspection_query(descriptions=True)
    stock = _STOCK.execute_sync(query)
    assert stock.errors is None
    assert _dump(_FAST.execute_sync(query)) == _dump(stock)


_PLAIN_SCHEMA = graphql.build_schema(
    "type Item { name: String!  size: Float }  type Query { items: [Item] }"
)


class _Item:
    def __init__(self, name: object, size: object) -> None:
        self.name = name
        self.size = size


def test_summary_ids_are_computed_inline_like_the_views_compute_them(
    stored: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """KpiSummary ids (period kind, clipped first and last day) come out of the
    generated function too, equal to what the views' ``served_id`` makes."""
    document = """{ w: kpiSummary(start: "2025-01-03", end: "2026-03-20") { id periodStart
      periodEnd daysLogged weightAvg }
      m: kpiSummary(start: "2025-01-03", end: "2026-03-20", period: MONTH) { id } }"""
    stock = _run(_REAL_STOCK, document, {}, stored)
    assert stock.errors is None
    assert stock.data is not None
    # ISO weeks from the one of Monday 2024-12-30 to that of 2026-03-16: 441 / 7 + 1 = 64;
    # months January 2025 to March 2026: 15. Every id differs.
    assert len({row["id"] for rows in stock.data.values() for row in rows}) == 64 + 15

    def refuse(*_args: object) -> None:
        raise AssertionError("an attribute of a served view was read")

    monkeypatch.setattr(served, "served_id", refuse)
    monkeypatch.setattr(served, "rounded", refuse)
    fast = _run(_REAL_FAST, document, {}, stored)
    assert _dump(fast) == _dump(stock)


@pytest.mark.parametrize(
    "items",
    [
        [{"name": "a", "size": 1}, {"name": "b"}, None],
        [_Item("a", 2.5), {"name": "b", "size": None}],
        [_Item("a", lambda _info: 4.5)],
        [_Item(None, 1.0)],
    ],
    ids=["mappings", "objects", "callable-attribute", "null-name"],
)
def test_a_graphql_core_schema_without_resolvers_reads_like_default_field_resolver(
    items: list[object],
) -> None:
    document = graphql.parse("{ items { size name __typename } }")

    def run(executor: type[graphql.Executor[Any]] | None) -> bytes:
        result = graphql.execute(
            _PLAIN_SCHEMA, document, root_value={"items": items}, executor_class=executor
        )
        assert isinstance(result, graphql.ExecutionResult)
        return orjson.dumps(result.formatted)

    assert run(FastExecutionContext) == run(None)


def test_async_execution_gives_the_stock_response() -> None:
    rows = [_row(count=n, ratio=n * 0.5, mood=Mood.TENSE) for n in range(20)]
    query = "{ rows { __typename day count ratio mood } sparseRows { label } }"
    context = {"rows": rows}
    stock = asyncio.run(_STOCK.execute(query, context_value=context))
    fast = asyncio.run(_FAST.execute(query, context_value=context))
    assert stock.errors is None
    assert _dump(fast) == _dump(stock)


# The real schema over real stored data: operations drawn at random must get the
# same response from both executors.

_NOW = datetime(2026, 3, 20, 12, tzinfo=UTC)
_NOW_TEXT = _NOW.isoformat()
_SAMPLE = FilePath(__file__).resolve().parents[2] / "samples" / "seed_sample_semicolon_dmy.csv"


def _history_csv() -> bytes:
    """Eight months before the sample, with gaps and blank cells, so KPIs have nulls."""
    return history_csv(7, date(2025, 1, 1), date(2025, 8, 25))


_BAD_ROWS = b"date,weight,stress\n2025-08-26,8x5,3\n2025-08-27,80,11\n2025-08-28,81.5,2\n"


@pytest.fixture
def stored(uow_factory: Callable[[], UnitOfWork], database_url: str, engine: Engine) -> Context:
    """The API context over a database holding the sample, a history with gaps and bad files.

    Every operation drawn below only reads, so one database serves all examples.
    """
    skip, reject = model.InvalidRowPolicy.SKIP_ROW, model.InvalidRowPolicy.REJECT_FILE
    # A plan, so goal dates and intake targets below the expenditure are served too.
    plan = {"goal_weight_kg": 76.0, "goal_rate_kg_per_week": -0.5}
    services.update_profile(uow_factory(), services.LOCAL_USER, plan, now=_NOW)
    for data, filename, policy in (
        (_history_csv(), "history.csv", skip),
        (_SAMPLE.read_bytes(), "sample.csv", reject),
        (_BAD_ROWS, "bad.csv", skip),
        (_BAD_ROWS, None, reject),
    ):
        services.upload_csv(
            uow_factory(),
            services.LOCAL_USER,
            data,
            filename=filename,
            policy=policy,
            date_order=model.DateOrder.AUTO,
            now=_NOW,
        )
    app_settings = Settings(database_url=database_url, _env_file=None)
    return Context(
        uow_factory=uow_factory,
        limits=Limits(app_settings.max_upload_bytes, app_settings.max_import_bytes),
        clock=lambda: _NOW,
        accounts=SqlAccountStore(engine),
        user_id=services.LOCAL_USER,
    )


_REAL_STOCK = build_schema()
_REAL_FAST = build_schema(execution_context_class=FastExecutionContext)
_REAL_COUNTING = build_schema(execution_context_class=_CountingExecutor)
_TYPES = graphql.build_schema(_REAL_STOCK.as_str())
_DATES = st.one_of(
    st.dates(date(2024, 12, 1), date(2026, 4, 1)),
    st.sampled_from([date(2014, 1, 1), date(2025, 1, 1), date(2025, 9, 1), date(2026, 3, 18)]),
)


class _Operation:
    """One GraphQL document under construction, with its variables and fragments."""

    def __init__(self, draw: st.DrawFn) -> None:
        self._draw = draw
        self._names = 0
        self.variables: dict[str, tuple[str, object]] = {}
        self.fragments: list[str] = []

    def document(self) -> str:
        query_type = _TYPES.query_type
        assert query_type is not None
        roots = self._draw(st.lists(st.sampled_from(sorted(query_type.fields)), min_size=1))
        seen: set[str] = set()
        selections = []
        for name in roots:
            alias = f"{self._fresh('r')}: " if name in seen else ""
            seen.add(name)
            field_type = graphql.get_named_type(query_type.fields[name].type)
            assert isinstance(field_type, GraphQLObjectType | GraphQLInterfaceType)
            selections.append(
                f"{alias}{name}{self._arguments(name, may_fail=len(roots) == 1)}"
                + f"{self._condition()} "
                + self._selection(field_type)
            )
        signature = ", ".join(f"${name}: {kind}" for name, (kind, _) in self.variables.items())
        operation = f"query Drawn({signature})" if signature else "query Drawn"
        return "\n".join([f"{operation} {{ {' '.join(selections)} }}", *self.fragments])

    def values(self) -> dict[str, object]:
        return {name: value for name, (_, value) in self.variables.items()}

    def _fresh(self, prefix: str) -> str:
        self._names += 1
        return f"{prefix}{self._names}"

    def _value(self, kind: str, value: object, literal: str) -> str:
        if self._draw(st.booleans()):
            return literal
        name = self._fresh("v")
        self.variables[name] = (kind, value)
        return f"${name}"

    def _arguments(self, root: str, *, may_fail: bool) -> str:
        """Arguments for a root field; refused ones only when it is the only root field.

        Sibling root fields run concurrently, and which of two failing ones nulls the
        response first is a race, in the stock executor as in the fast one.
        """
        if root in ("kpis", "dailyMetrics", "kpiSummary"):
            first, second = self._draw(_DATES), self._draw(_DATES)
            if not may_fail or self._draw(st.integers(0, 9)):
                first, second = min(first, second), max(first, second)
            if not may_fail:
                first = max(first, second - timedelta(days=services.MAX_RANGE_DAYS - 1))
            bounds = [
                f"{key}: {self._value('Date!', day.isoformat(), _quoted(day.isoformat()))}"
                for key, day in (("start", first), ("end", second))
            ]
            if root == "kpiSummary" and self._draw(st.booleans()):
                period = self._draw(st.sampled_from(["WEEK", "MONTH"]))
                bounds.append(f"period: {self._value('Period!', period, period)}")
            return f"({', '.join(bounds)})"
        if root == "ingestions" and self._draw(st.booleans()):
            limit = self._draw(st.integers(0 if may_fail else 1, 5))
            return f"(limit: {self._value('Int!', limit, str(limit))})"
        if root == "ingestionHistory":
            size = self._draw(st.integers(0 if may_fail else 1, 3))
            arguments = [f"first: {self._value('Int!', size, str(size))}"]
            if self._draw(st.booleans()):
                after = self._draw(st.sampled_from(_CURSORS if may_fail else _CURSORS[:1]))
                arguments.append(f"after: {self._value('String', after, _quoted(after))}")
            return f"({', '.join(arguments)})"
        if root in ("node", "ingestion"):
            node_id = self._draw(st.sampled_from(_IDS))
            return f"(id: {self._value('ID!', node_id, _quoted(node_id))})"
        if root == "nodes":
            ids = self._draw(st.lists(st.sampled_from(_IDS), max_size=6))
            listed = "[" + ", ".join(_quoted(node_id) for node_id in ids) + "]"
            return f"(ids: {self._value('[ID!]!', ids, listed)})"
        return ""

    def _condition(self) -> str:
        directive = self._draw(st.sampled_from(["", "", "", "include", "skip"]))
        if not directive:
            return ""
        flag = self._draw(st.booleans())
        return f" @{directive}(if: {self._value('Boolean!', flag, str(flag).lower())})"

    def _selection(self, object_type: GraphQLObjectType | GraphQLInterfaceType) -> str:
        if isinstance(object_type, GraphQLInterfaceType):
            return self._abstract_selection(object_type)
        names = [*object_type.fields, "__typename"]
        picked = self._draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names)))
        items = [self._field(object_type, name) for name in picked]
        selections = []
        while items:
            size = self._draw(st.integers(1, 3))
            run, items = items[:size], items[size:]
            body = " ".join(run)
            wrapping = self._draw(st.sampled_from(["none", "none", "typed", "bare", "named"]))
            if wrapping == "none":
                selections.extend(run)
            elif wrapping == "typed":
                selections.append(f"... on {object_type.name}{self._condition()} {{ {body} }}")
            elif wrapping == "bare":
                selections.append(f"...{self._condition()} {{ {body} }}")
            else:
                name = self._fresh("F")
                self.fragments.append(f"fragment {name} on {object_type.name} {{ {body} }}")
                selections.append(f"...{name}{self._condition()}")
        return "{ " + " ".join(selections) + " }"

    def _abstract_selection(self, interface: GraphQLInterfaceType) -> str:
        """The interface's own fields and inline fragments on some of its types."""
        names = [*interface.fields, "__typename"]
        picked = self._draw(st.lists(st.sampled_from(names), max_size=len(names)))
        selections = [self._field(interface, name) for name in picked]
        possible = sorted(kind.name for kind in _TYPES.get_possible_types(interface))
        for kind in self._draw(st.lists(st.sampled_from(possible), unique=True, max_size=3)):
            object_type = _TYPES.get_type(kind)
            assert isinstance(object_type, GraphQLObjectType)
            selections.append(f"... on {kind}{self._condition()} {self._selection(object_type)}")
        return "{ " + " ".join(selections or ["__typename"]) + " }"

    def _field(self, object_type: GraphQLObjectType | GraphQLInterfaceType, name: str) -> str:
        alias = f"{self._fresh('a')}: " if self._draw(st.integers(0, 4)) == 0 else ""
        text = f"{alias}{name}{self._condition()}"
        if name != "__typename":
            field_type = graphql.get_named_type(object_type.fields[name].type)
            if isinstance(field_type, GraphQLObjectType | GraphQLInterfaceType):
                text += " " + self._selection(field_type)
        return text


def _quoted(text: str) -> str:
    return '"' + text + '"'


def _local_id(kind: str, key: str = "") -> str:
    return served.opaque_id(kind, services.LOCAL_USER, key)


#: Ids of every kind for node, nodes and ingestion: stored objects of the sample's
#: user (days and KPIs in its range, a week and a clipped week, the profile and the
#: data range), a day without data, another user's and malformed ones. Reports have
#: random ids: the drawn ids of those name none, as an unknown one.
_IDS = [
    _local_id("DailyMetric", "2025-09-02"),
    _local_id("Kpi", "2025-09-02"),
    _local_id("Kpi", "2025-03-05"),
    _local_id("DailyMetric", "2014-01-01"),
    _local_id("KpiSummary", "WEEK/2025-09-01/2025-09-07"),
    _local_id("KpiSummary", "MONTH/2025-03-03/2025-03-31"),
    _local_id("Profile"),
    _local_id("DataRange"),
    _local_id("Ingestion", "0" * 32),
    served.opaque_id("Kpi", "somebody-else", "2025-09-02"),
    "not-an-id",
]
#: A cursor of the sample user's history (a position, whichever report it was), and
#: refused ones: another query's, malformed.
_CURSORS = [
    served.opaque_id("ingestionHistory", services.LOCAL_USER, f"{_NOW_TEXT}/{'8' * 32}"),
    _local_id("Kpi", "2025-09-02"),
    "garbage",
]


@st.composite
def _operations(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    operation = _Operation(draw)
    return operation.document(), operation.values()


def _run(
    schema: strawberry.Schema, document: str, variables: dict[str, object], context: Context
) -> ExecutionResult:
    return asyncio.run(schema.execute(document, variable_values=variables, context_value=context))


@settings(
    max_examples=75,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(operation=_operations())
def test_drawn_operations_get_the_stock_response(
    stored: Context, operation: tuple[str, dict[str, object]]
) -> None:
    document, variables = operation
    note(document)
    note(repr(variables))
    stock = _run(_REAL_STOCK, document, variables, stored)
    fast = _run(_REAL_FAST, document, variables, stored)
    assert _dump(fast) == _dump(stock)
    # Again: now from the kept document (graph/execution/documents.py) and its shared plans.
    again = _run(_REAL_FAST, document, variables, stored)
    assert _dump(again) == _dump(stock)


def test_a_long_kpis_range_is_read_row_by_row_with_the_stock_values(stored: Context) -> None:
    fields = " ".join(["__typename", *_TYPES.get_type("Kpi").fields])  # type: ignore[union-attr]
    document = f'{{ kpis(start: "2017-01-01", end: "2026-03-20") {{ {fields} }} }}'
    stock = _run(_REAL_STOCK, document, {}, stored)
    _CountingExecutor.built = 0
    fast = _run(_REAL_COUNTING, document, {}, stored)
    assert stock.errors is None
    assert stock.data is not None
    assert len(stock.data["kpis"]) > 300
    assert _dump(fast) == _dump(stock)
    assert _CountingExecutor.built == 1


def test_a_kept_document_with_conditions_follows_each_executions_variables(
    stored: Context,
) -> None:
    """Plans of a selection with ``@include``/``@skip`` are not shared between
    executions: which fields are collected depends on the variables."""
    document = """query($with: Boolean!, $without: Boolean!) {
      kpis(start: "2025-01-01", end: "2026-03-20") {
        date weightTrend @include(if: $with) bmrKcal @skip(if: $without) } }"""
    both: list[dict[str, object]] = [
        {"with": True, "without": False},
        {"with": False, "without": True},
    ]
    for flags in both * 2:
        stock = _run(_REAL_STOCK, document, flags, stored)
        fast = _run(_REAL_FAST, document, flags, stored)
        assert stock.errors is None
        assert _dump(fast) == _dump(stock)


def test_served_views_are_computed_from_their_source_in_the_generated_function(
    stored: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast executor computes a view's rounded values and id inline, without
    reading the view's attributes (which call ``graph.execution.served.rounded``)."""
    fields = " ".join(_TYPES.get_type("Kpi").fields)  # type: ignore[union-attr]
    document = f'{{ kpis(start: "2017-01-01", end: "2026-03-20") {{ {fields} }} }}'
    stock = _run(_REAL_STOCK, document, {}, stored)
    assert stock.errors is None

    def refuse(*_args: object) -> None:
        raise AssertionError("an attribute of a served view was read")

    monkeypatch.setattr(served, "rounded", refuse)
    fast = _run(_REAL_FAST, document, {}, stored)
    assert _dump(fast) == _dump(stock)
