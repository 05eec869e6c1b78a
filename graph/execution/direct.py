"""Kept ``kpis`` documents answered from the request to the SQL and back in one step.

A ``kpis`` read through the general machinery spends most of a 30-day request on
work its answer does not need: Strawberry's view and extensions, graphql-core's
execution, a worker thread and a unit of work for one SELECT, served views and the
fast executor's checks (tests/bench/profile_read.py). When a query text is one the
schema kept (it parsed and validated cleanly, graph/execution/documents.py) and its
only operation is a single ``kpis(start:, end:)`` field selecting leaves without
arguments or directives, the router (graph/http/router.py) answers it here:

- the variables are coerced by the ``Date`` scalar's own parser, the range is checked
  as the service checks it and the cost as ``CostLimit`` counts it;
- the rows are read on the event loop (persistence/async_reads.py, PostgreSQL), or
  through the service in a worker thread (SQLite);
- one function generated per selection turns the stored tuples into the answer's
  rows, with the checks of the stock serializers (finite floats, 32-bit ints, nulls
  in non-null fields), and orjson writes ``{"data": {...}}``.

KPIs are stored at their served precision (domain/precision.py), so the stored value
is the served one. Anything the lane does not plainly cover (another operation,
fragments, directives, an alias used twice, a variable that does not parse, a range
the service refuses, a value a serializer would refuse, a read that fails) returns
``None`` before anything is sent, and the request takes the general path, which
answers or refuses it as it always has. tests/graph/test_direct_reads.py holds the
two paths byte for byte equal over HTTP.
"""

from __future__ import annotations

import binascii
import functools
import math
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

import orjson
from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    NamedTypeNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    OperationType,
    StringValueNode,
    VariableNode,
)
from graphql.type.scalars import (
    GRAPHQL_MAX_INT,
    GRAPHQL_MIN_INT,
    GraphQLBoolean,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
)

from domain.model import Kpi
from domain.services import MAX_RANGE_DAYS
from graph.execution.cost import MAX_QUERY_COST

__all__ = ["MAX_PLANS", "DirectPlan", "KeptReads", "StoredRows"]

#: Query texts whose plan (or whose absence of one) is kept; the dashboard and an app
#: use a handful, and the schema keeps at most 256 documents.
MAX_PLANS = 256
#: What ``base64.urlsafe_b64encode`` translates after standard base64.
_URLSAFE = bytes.maketrans(b"+/", b"-_")

#: The root field this lane serves, its object type and the stored tuple's fields.
ROOT_FIELD = "kpis"
_TYPE_NAME = "Kpi"
_SOURCE_FIELDS: tuple[str, ...] = Kpi._fields


class _Fallback(Exception):  # noqa: N818 - a signal, not an error
    """The general path must answer."""


class StoredRows(NamedTuple):
    """Stored KPI rows as a reader found them."""

    #: Tuples in ``Kpi`` field order.
    rows: Sequence[Sequence[Any]]
    #: Whether the rows come from PostgreSQL's typed columns in binary, so that each
    #: value's Python type is its column's (``float8`` a float, ``int4`` an int,
    #: ``bool``, ``date``) or None.
    typed: bool = False
    #: Whether each tuple holds only the plan's ``fields``, in their order.
    narrow: bool = False


#: Reads ``(user_id, start, end, fields)`` -> the stored rows, whole or only ``fields``.
Reader = Callable[[str, date, date, tuple[str, ...]], Awaitable[StoredRows]]


_Rows = Callable[[StoredRows, str], list[dict[str, Any]]]


class DirectPlan(NamedTuple):
    """How to answer one kept query text."""

    #: The response key of the root field (its alias or ``kpis``).
    key: str
    #: The operation's name (a request naming another is left to the general path).
    operation_name: str | None
    #: ``start`` and ``end``: a literal date, or the name of a ``Date!`` variable.
    start: date | str
    end: date | str
    #: The variables the operation defines.
    variables: frozenset[str]
    #: What ``CostLimit`` counts per item (1 + the item's selection).
    item_cost: int
    rows: _Rows
    parse_date: Callable[[Any], date]
    #: The ``Kpi`` fields the answer needs, in ``Kpi`` order: what a reader may read.
    fields: tuple[str, ...]
    #: ``rows`` for tuples holding only ``fields``.
    narrow_rows: _Rows

    def answer(self, user_id: str, stored: StoredRows) -> bytes:
        """The response body; raises ``_Fallback`` where the general path must answer."""
        build = self.narrow_rows if stored.narrow else self.rows
        return orjson.dumps({"data": {self.key: build(stored, f"{_TYPE_NAME}:{user_id}:")}})

    def arguments(self, operation_name: object, variables: object) -> tuple[date, date] | None:
        """``(start, end)`` for these request values, or None when the general path must
        answer (a value the scalar refuses, a range the service or the cost limit
        refuses, another operation name)."""
        if operation_name is not None and operation_name != self.operation_name:
            return None
        if variables is None:
            variables = {}
        if not isinstance(variables, dict) or not self.variables.issuperset(variables):
            return None
        try:
            start = self._value(self.start, variables)
            end = self._value(self.end, variables)
        except Exception:
            return None
        days = (end - start).days + 1
        if not 1 <= days <= MAX_RANGE_DAYS or days * self.item_cost > MAX_QUERY_COST:
            return None
        return start, end

    def _value(self, argument: date | str, variables: Mapping[str, Any]) -> date:
        if isinstance(argument, date):
            return argument
        value = self.parse_date(variables[argument])
        if type(value) is not date:
            raise _Fallback
        return value


class KeptReads:
    """Plans by query text, built from the documents the schema kept.

    Args:
        schema: the graphql-core schema the documents were validated against.
        kept: the schema's validated document of a query text, or None.
    """

    def __init__(
        self,
        schema: Any,
        kept: Callable[[str], DocumentNode | None],
        *,
        max_plans: int = MAX_PLANS,
    ) -> None:
        self._schema = schema
        self._kept = kept
        self._max = max_plans
        self._plans: OrderedDict[str, DirectPlan | None] = OrderedDict()
        self._lock = threading.Lock()

    def plan(self, query: str) -> DirectPlan | None:
        """The plan of a kept query text; None for any other text (not kept yet, or
        not one this lane serves)."""
        with self._lock:
            if query in self._plans:
                self._plans.move_to_end(query)
                return self._plans[query]
        document = self._kept(query)
        if document is None:
            return None  # not validated yet: planned once the schema keeps it
        plan = plan_for(self._schema, document)
        with self._lock:
            self._plans[query] = plan
            while len(self._plans) > self._max:
                self._plans.popitem(last=False)
        return plan

    async def answer(self, body: Mapping[str, Any], user_id: str, read: Reader) -> bytes | None:
        """The response body of a request's JSON ``body`` for ``user_id``, its rows read
        by ``read``; None when the general path must answer."""
        query = body.get("query")
        if not isinstance(query, str) or not body.keys() <= _REQUEST_KEYS:
            return None
        if body.get("extensions") is not None:
            return None  # persisted queries and other extensions: the general path
        plan = self.plan(query)
        if plan is None:
            return None
        bounds = plan.arguments(body.get("operationName"), body.get("variables"))
        if bounds is None:
            return None
        try:
            rows = await read(user_id, *bounds, plan.fields)
            return plan.answer(user_id, rows)
        except Exception:  # the general path meets the same and reports it
            return None


_REQUEST_KEYS = frozenset({"query", "variables", "operationName", "extensions"})


def plan_for(schema: Any, document: DocumentNode) -> DirectPlan | None:
    """The plan of a validated document, or None when this lane does not serve it."""
    if len(document.definitions) != 1:
        return None
    (operation,) = document.definitions
    if not isinstance(operation, OperationDefinitionNode):
        return None
    if operation.operation is not OperationType.QUERY or operation.directives:
        return None
    if len(operation.selection_set.selections) != 1:
        return None
    (root,) = operation.selection_set.selections
    if not isinstance(root, FieldNode) or root.name.value != ROOT_FIELD or root.directives:
        return None
    query_type = schema.query_type
    field = query_type.fields.get(ROOT_FIELD) if query_type is not None else None
    date_type = schema.get_type("Date")
    if field is None or not isinstance(date_type, GraphQLScalarType):
        return None
    variables: set[str] = set()
    for definition in operation.variable_definitions or ():
        kind = definition.type
        if (
            definition.default_value is not None
            or definition.directives
            or not isinstance(kind, NonNullTypeNode)
            or not isinstance(kind.type, NamedTypeNode)
            or kind.type.name.value != "Date"
        ):
            return None
        variables.add(definition.variable.name.value)
    arguments: dict[str, date | str] = {}
    for argument in root.arguments or ():
        value = argument.value
        if isinstance(value, VariableNode) and value.name.value in variables:
            arguments[argument.name.value] = value.name.value
        elif isinstance(value, StringValueNode):
            try:
                arguments[argument.name.value] = date_type.parse_literal(value)
            except Exception:
                return None
        else:
            return None
    if set(arguments) != {"start", "end"} or not _list_of_objects(field.type, _TYPE_NAME):
        return None
    item_type = schema.get_type(_TYPE_NAME)
    steps = _steps(item_type, root)
    if steps is None:
        return None
    used = sorted({step.source for step in steps if step.kind != "typename"})
    narrow = [
        step._replace(source=used.index(step.source)) if step.source >= 0 else step
        for step in steps
    ]
    return DirectPlan(
        key=root.alias.value if root.alias else root.name.value,
        operation_name=operation.name.value if operation.name else None,
        start=arguments["start"],
        end=arguments["end"],
        variables=frozenset(variables),
        item_cost=1 + sum(1 for step in steps if step.kind != "typename"),
        rows=_compile(steps, len(_SOURCE_FIELDS)),
        parse_date=date_type.parse_value,
        fields=tuple(_SOURCE_FIELDS[at] for at in used),
        narrow_rows=_compile(narrow, len(used)),
    )


def _list_of_objects(kind: Any, name: str) -> bool:
    """Whether ``kind`` is ``[name!]!`` (the only shape the row function builds)."""
    return (
        isinstance(kind, GraphQLNonNull)
        and getattr(kind.of_type, "of_type", None) is not None
        and isinstance(kind.of_type.of_type, GraphQLNonNull)
        and getattr(kind.of_type.of_type.of_type, "name", None) == name
    )


class _Step(NamedTuple):
    key: str
    kind: str  # float, int, bool, date, id, typename
    source: int  # the position in the stored tuple (-1: none)
    non_null: bool


_KINDS: dict[Any, str] = {
    GraphQLFloat: "float",
    GraphQLInt: "int",
    GraphQLBoolean: "bool",
    GraphQLID: "id",
}


def _steps(item_type: Any, root: FieldNode) -> list[_Step] | None:
    """One step per selected field, in the document's order, or None."""
    if not isinstance(item_type, GraphQLObjectType) or root.selection_set is None:
        return None
    steps: list[_Step] = []
    keys: set[str] = set()
    for node in root.selection_set.selections:
        if not isinstance(node, FieldNode) or node.directives or node.arguments:
            return None
        if node.selection_set is not None:
            return None
        key = node.alias.value if node.alias else node.name.value
        if key in keys:
            return None  # merged fields: the general path
        keys.add(key)
        name = node.name.value
        if name == "__typename":
            steps.append(_Step(key, "typename", -1, True))
            continue
        field = item_type.fields.get(name)
        if field is None or field.args:
            return None
        non_null = isinstance(field.type, GraphQLNonNull)
        scalar = field.type.of_type if non_null else field.type
        kind = "date" if getattr(scalar, "name", None) == "Date" else _KINDS.get(scalar)
        python_name = _python_name(field, name)
        if kind == "id":
            if python_name != "id":
                return None
            steps.append(_Step(key, "id", 0, non_null))
            continue
        if kind is None or python_name not in _SOURCE_FIELDS:
            return None
        steps.append(_Step(key, kind, _SOURCE_FIELDS.index(python_name), non_null))
    return steps


def _python_name(field: Any, name: str) -> str | None:
    """The attribute a Strawberry field with no resolver of its own reads, else None."""
    from strawberry.schema.schema_converter import GraphQLCoreConverter
    from strawberry.types.field import StrawberryField

    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(definition, StrawberryField) or definition.base_resolver is not None:
        return None
    return definition.python_name


_NONE = type(None)
#: The Python types a column of each kind may hold, as the drivers read the table's
#: column types (double precision, integer, boolean, date).
_TYPES: dict[str, frozenset[type]] = {
    "float": frozenset({float, _NONE}),
    "int": frozenset({int, _NONE}),
    "bool": frozenset({bool, _NONE}),
    "date": frozenset({date, _NONE}),
}


def _check_columns(steps: list[_Step], width: int, stored: StoredRows) -> None:
    """Raise ``_Fallback`` unless every selected value is one the stock serializers pass
    unchanged: the exact Python type of its kind, no null in a non-null field, finite
    floats and 32-bit ints. Checked a column at a time, in C loops: a float column's
    sum is finite only if every value is (an infinity or NaN makes it infinite or NaN,
    and a sum that overflows sends the answer to the general path, which is merely
    slower), and an int column's extremes bound it. Typed rows (PostgreSQL) have their
    types from their columns; only their values are checked."""
    items = stored.rows
    if not items:
        return
    columns = list(zip(*items, strict=True))
    if len(columns) != width:
        raise _Fallback
    for step in steps:
        if step.kind == "typename":
            continue
        column = columns[step.source]
        kind = "date" if step.kind == "id" else step.kind
        if not stored.typed:
            types = set(map(type, column))
            if not types <= _TYPES[kind]:
                raise _Fallback
        if step.non_null and None in column:
            raise _Fallback
        if kind == "float":
            if not math.isfinite(sum(filter(None, column))):
                raise _Fallback
        elif kind == "int":
            _check_ints([value for value in column if value is not None])


def _check_ints(values: list[int]) -> None:
    if values and not (min(values) >= GRAPHQL_MIN_INT and max(values) <= GRAPHQL_MAX_INT):
        raise _Fallback


def _compile(steps: list[_Step], width: int) -> _Rows:
    """A function building every row of the answer from the stored tuples.

    The values are checked a column at a time first (``_check_columns``); each row is
    then one dict display. Dates are left to orjson, which writes a ``date`` as its
    ISO text, as the ``Date`` scalar serializes it. The code is made of generated names
    only (``r[3]``, ``k3``); the response keys are closure values, never written into
    the code.
    """
    values: dict[str, Any] = {
        "check": functools.partial(_check_columns, steps, width),
        "b2a": binascii.b2a_base64,
        "URLSAFE": _URLSAFE,
        "typename": _TYPE_NAME,
    }
    entries = []
    for n, step in enumerate(steps):
        values[f"k{n}"] = step.key
        if step.kind == "typename":
            entries.append(f"k{n}: typename")
        elif step.kind == "id":
            data = f"(prefix + r[{step.source}].isoformat()).encode()"
            entries.append(f"k{n}: b2a({data}, newline=False).translate(URLSAFE).decode()")
        else:
            entries.append(f"k{n}: r[{step.source}]")
    lines = [
        f"def make({', '.join(values)}):",
        "    def rows(stored, prefix):",
        "        check(stored)",
        "        return [{" + ", ".join(entries) + "} for r in stored.rows]",
        "    return rows",
    ]
    namespace: dict[str, Any] = {}
    exec("\n".join(lines), namespace)  # built from generated names only
    rows: _Rows = namespace["make"](**values)
    return rows
