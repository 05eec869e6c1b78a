"""The worst-case size of a query's result, computed before it runs (docs/security.md).

Cost is the sum over the selected fields: a leaf is 1, an object 1 + its selection, a
list ``max_items`` × (1 + the item's selection), where ``max_items`` comes from the
arguments and the contract, never from what is stored. Introspection costs 0.
Fragments are counted where they are spread and aliases as the fields they repeat.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_operation_ast,
    is_abstract_type,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension

from domain.services import MAX_NODE_IDS, MAX_PAGE_SIZE, MAX_RANGE_DAYS

#: The largest result a query may ask for: about four 3,660-day ``kpis`` lists with
#: every field, so a legal query cannot make a response of hundreds of megabytes.
MAX_QUERY_COST = 340_000
#: Stored items per list field of a stored record (bounds of the ingestion report).
_STORED_LIST_ITEMS = {
    ("Ingestion", "errors"): 1_000,
    ("Ingestion", "warnings"): 100,
    ("Ingestion", "columns"): 20,
}
#: A list field without a rule here is counted as this many items.
UNLISTED_LIST_ITEMS = 1_000
_DEFAULT_INGESTIONS_LIMIT = 20
_DEFAULT_PAGE_SIZE = 20


def query_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None = None,
    variables: Mapping[str, Any] | None = None,
) -> int:
    """The worst-case cost of the operation ``operation_name`` of ``document``."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    return _Counter(schema, fragments, variables or {}).selection(root, operation.selection_set)


class _Counter:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        #: The page sizes (``first``) of the connections being counted, innermost last.
        self.page_sizes: list[int] = []

    def selection(self, parent: GraphQLObjectType, selection_set: SelectionSetNode | None) -> int:
        return sum(self.field(parent, node) for node in self._fields(parent, selection_set))

    def field(self, parent: GraphQLObjectType, node: FieldNode) -> int:
        name = node.name.value
        definition = parent.fields.get(name)
        if name.startswith("__") or definition is None:
            return 0
        field_type = definition.type
        if isinstance(field_type, GraphQLNonNull):
            field_type = field_type.of_type
        named = get_named_type(field_type)
        if named.name.endswith("Connection"):
            self.page_sizes.append(_page_size(self._arguments(node).get("first")))
        inner = (
            self.selection(named, node.selection_set) if isinstance(named, GraphQLObjectType) else 0
        )
        if is_abstract_type(named):
            # A Node may be any of its types: count the selection as the dearest.
            possible = self.schema.get_possible_types(named)
            inner = max((self.selection(kind, node.selection_set) for kind in possible), default=0)
        if named.name.endswith("Connection"):
            self.page_sizes.pop()
        if isinstance(field_type, GraphQLList):
            return self._max_items(parent.name, name, node) * (1 + inner)
        return 1 + inner if isinstance(named, GraphQLObjectType) or is_abstract_type(named) else 1

    def _fields(
        self, parent: GraphQLObjectType, selection_set: SelectionSetNode | None, depth: int = 0
    ) -> Iterator[FieldNode]:
        if selection_set is None or depth > 20:  # validation refuses cycles; stay finite
            return
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                yield selection
            elif isinstance(selection, InlineFragmentNode):
                yield from self._fields(parent, selection.selection_set, depth + 1)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:
                    yield from self._fields(parent, fragment.selection_set, depth + 1)

    def _max_items(self, parent: str, name: str, node: FieldNode) -> int:
        if (parent, name) in _STORED_LIST_ITEMS:
            return _STORED_LIST_ITEMS[(parent, name)]
        arguments = self._arguments(node)
        if parent == "Query" and name in ("kpis", "dailyMetrics"):
            return _days(arguments)
        if parent == "Query" and name == "kpiSummary":
            return _periods(arguments)
        if parent == "Query" and name == "ingestions":
            limit = arguments.get("limit", _DEFAULT_INGESTIONS_LIMIT)
            return limit if isinstance(limit, int) and limit > 0 else 1
        if parent.endswith("Connection") and name == "edges" and self.page_sizes:
            return self.page_sizes[-1]
        if parent == "Query" and name == "nodes":
            ids = arguments.get("ids")
            # More ids than allowed are refused before any is looked up.
            return len(ids) if isinstance(ids, list) and len(ids) <= MAX_NODE_IDS else 1
        return UNLISTED_LIST_ITEMS

    def _arguments(self, node: FieldNode) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for argument in node.arguments or ():
            if isinstance(argument.value, VariableNode):
                values[argument.name.value] = self.variables.get(argument.value.name.value)
            else:
                values[argument.name.value] = value_from_ast_untyped(argument.value)
        return values


def _page_size(first: Any) -> int:
    """A connection's items: its ``first``; a ``first`` outside 1–``MAX_PAGE_SIZE`` is
    refused before any item is read (and 20 when left out)."""
    if first is None:
        return _DEFAULT_PAGE_SIZE
    return first if isinstance(first, int) and 1 <= first <= MAX_PAGE_SIZE else 1


def _range(arguments: Mapping[str, Any]) -> tuple[date, date] | None:
    """The range of the arguments, or None when it is not one the resolver would serve."""
    try:
        start = date.fromisoformat(arguments["start"])
        end = date.fromisoformat(arguments["end"])
    except (KeyError, TypeError, ValueError):
        return None
    if start > end or (end - start).days >= MAX_RANGE_DAYS:
        return None
    return start, end


def _days(arguments: Mapping[str, Any]) -> int:
    bounds = _range(arguments)
    return MAX_RANGE_DAYS if bounds is None else (bounds[1] - bounds[0]).days + 1


def _periods(arguments: Mapping[str, Any]) -> int:
    bounds = _range(arguments)
    if bounds is None:
        return MAX_RANGE_DAYS // 7 + 2
    start, end = bounds
    if arguments.get("period") == "MONTH":
        return (end.year - start.year) * 12 + end.month - start.month + 1
    first_monday = start - timedelta(days=start.weekday())
    return (end - first_monday).days // 7 + 1


class CostLimit(SchemaExtension):
    """Refuse, before execution, an operation whose cost is above ``MAX_QUERY_COST``
    with ``QUERY_TOO_COSTLY`` (HTTP 200, as every GraphQL-level error)."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.result is None:
            cost = query_cost(
                context.schema._schema, document, context.operation_name, context.variables
            )
            if cost > MAX_QUERY_COST:
                context.result = ExecutionResult(
                    data=None,
                    errors=[
                        GraphQLError(
                            f"The query could return up to {cost:,} values, more than the "
                            f"limit of {MAX_QUERY_COST:,}: ask for fewer fields, a shorter "
                            "range or a smaller limit, and page through the rest.",
                            extensions={
                                "code": "QUERY_TOO_COSTLY",
                                "cost": cost,
                                "maxCost": MAX_QUERY_COST,
                            },
                        )
                    ],
                )
        yield
