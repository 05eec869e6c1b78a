"""The worst-case size of a query's result, computed before it runs (docs/security.md).

Cost is the sum over the selected fields: a leaf is 1, an object 1 + its selection, a
list ``max_items`` × (1 + the item's selection), where ``max_items`` comes from the
arguments and the contract, never from what is stored. Introspection costs 0.
Arguments are counted after variables and their defaults are applied; fragments and
inline fragments are counted where they are spread, however deeply nested; aliases
count as the fields they repeat.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date, timedelta
from typing import Any, cast

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLCompositeType,
    GraphQLError,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    NamedTypeNode,
    SelectionSetNode,
    get_named_type,
    get_operation_ast,
    is_abstract_type,
    is_composite_type,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from strawberry.extensions import SchemaExtension

from domain.services import MAX_NODE_IDS, MAX_PAGE_SIZE, MAX_RANGE_DAYS

#: The largest result a query may ask for: about four 3,660-day ``kpis`` lists with
#: every field, so a legal query cannot make a response of hundreds of megabytes.
MAX_QUERY_COST = 420_000
#: A list field without a rule in ``LIST_RULES`` is counted as this many items.
UNLISTED_LIST_ITEMS = 1_000
#: The largest ``ingestions(limit)`` the resolver serves: a limit that cannot be read
#: counts as this.
MAX_INGESTIONS_LIMIT = 100
#: The cost of a document nested deeper than the counter can follow: refused.
UNCOUNTABLE = 2**63


def query_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None = None,
    variables: Mapping[str, Any] | None = None,
) -> int:
    """The worst-case cost of the operation ``operation_name`` of ``document``.

    Arguments are read as execution will read them: variables coerced with their
    defaults, then the arguments' own defaults. An argument that cannot be read (a
    variable execution would refuse) counts as its worst case.
    """
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
    coerced = get_variable_values(
        schema, operation.variable_definitions or (), dict(variables or {})
    )
    counter = _Counter(schema, fragments, coerced if isinstance(coerced, VariableValues) else None)
    try:
        return counter.selection(root, operation.selection_set)
    except RecursionError:
        # Nesting deeper than Python's stack: far beyond any legal query's cost.
        return UNCOUNTABLE


class _Counter:
    """Counts a selection set on a composite type, through every fragment.

    Fragments and inline fragments are followed however deeply they nest; on an object
    type those whose type condition it does not meet are left out, and a field of an
    interface or union type counts as the dearest of its possible types. Each (type,
    selection set, enclosing page size) is counted once and remembered, so a fragment
    spread many times costs one walk, not one per spread.
    """

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: VariableValues | None,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.counted: dict[tuple[str, int, int], int] = {}
        self.spreading: set[str] = set()
        #: The page sizes (``first``) of the connections being counted, innermost last.
        self.page_sizes: list[int] = []

    def selection(
        self, parent: GraphQLCompositeType, selection_set: SelectionSetNode | None
    ) -> int:
        if selection_set is None:
            return 0
        key = (parent.name, id(selection_set), self.page_sizes[-1] if self.page_sizes else 0)
        if key in self.counted:
            return self.counted[key]
        total = 0
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                total += self.field(parent, node)
            elif isinstance(node, InlineFragmentNode):
                if self._applies(parent, node.type_condition):
                    total += self.selection(parent, node.selection_set)
            elif isinstance(node, FragmentSpreadNode):
                total += self.spread(parent, node.name.value)
        self.counted[key] = total
        return total

    def spread(self, parent: GraphQLCompositeType, name: str) -> int:
        fragment = self.fragments.get(name)
        if fragment is None or name in self.spreading:  # validation refuses both
            return 0
        if not self._applies(parent, fragment.type_condition):
            return 0
        self.spreading.add(name)
        try:
            return self.selection(parent, fragment.selection_set)
        finally:
            self.spreading.discard(name)

    def field(self, parent: GraphQLCompositeType, node: FieldNode) -> int:
        name = node.name.value
        definition = getattr(parent, "fields", {}).get(name)
        if name.startswith("__") or definition is None:
            return 0
        field_type = definition.type
        if isinstance(field_type, GraphQLNonNull):
            field_type = field_type.of_type
        named = get_named_type(field_type)
        arguments = self._arguments(definition, node)
        connection = named.name.endswith("Connection")
        if connection:
            self.page_sizes.append(_page_size(arguments.get("first")))
        if is_abstract_type(named):
            # A Node may be any of its types: count the selection as the dearest.
            possible = self.schema.get_possible_types(named)
            inner = max((self.selection(kind, node.selection_set) for kind in possible), default=0)
        elif is_composite_type(named):
            inner = self.selection(named, node.selection_set)
        else:
            inner = 0
        if connection:
            self.page_sizes.pop()
        if isinstance(field_type, GraphQLList):
            if parent.name.endswith("Connection") and name == "edges" and self.page_sizes:
                items = self.page_sizes[-1]  # the enclosing connection's first
            else:
                items = max_items(parent.name, name, arguments)
            return items * (1 + inner)
        return 1 + inner if is_composite_type(named) else 1

    def _applies(self, parent: GraphQLCompositeType, condition: NamedTypeNode | None) -> bool:
        """Whether a fragment with ``condition`` applies on ``parent`` (on an abstract
        parent every fragment counts: an upper bound)."""
        if condition is None or is_abstract_type(parent):
            return True
        named = self.schema.get_type(condition.name.value)
        if named is None or named is parent or not is_abstract_type(named):
            return named is None or named is parent  # another object type never applies
        return self.schema.is_sub_type(named, cast(GraphQLObjectType, parent))

    def _arguments(self, definition: GraphQLField, node: FieldNode) -> dict[str, Any]:
        try:
            return get_argument_values(definition, node, self.variables)
        except GraphQLError:
            return {}  # execution refuses it; the rules count a missing argument at worst


def max_items(parent: str, name: str, arguments: Mapping[str, Any]) -> int:
    """How many items the list field ``parent.name`` can hold with these arguments:
    the rule of ``LIST_RULES``, else ``UNLISTED_LIST_ITEMS``."""
    rule = LIST_RULES.get((parent, name))
    return UNLISTED_LIST_ITEMS if rule is None else rule(arguments)


def _page_size(first: Any) -> int:
    """A connection's items: its ``first`` (20 when left out); a ``first`` outside
    1–``MAX_PAGE_SIZE`` is refused before any item is read."""
    return first if isinstance(first, int) and 1 <= first <= MAX_PAGE_SIZE else 1


def _node_ids(arguments: Mapping[str, Any]) -> int:
    """``nodes(ids)``: one item an id; more ids than allowed are refused before any is
    looked up (and a list that cannot be read counts as the most allowed)."""
    ids = arguments.get("ids")
    if not isinstance(ids, list):
        return MAX_NODE_IDS
    return len(ids) if len(ids) <= MAX_NODE_IDS else 1


def _limit(arguments: Mapping[str, Any]) -> int:
    limit = arguments.get("limit")
    return limit if isinstance(limit, int) and limit > 0 else MAX_INGESTIONS_LIMIT


def _constant(items: int) -> Callable[[Mapping[str, Any]], int]:
    return lambda _arguments: items


def _range(arguments: Mapping[str, Any]) -> tuple[date, date] | None:
    """The range of the arguments, or None when it is not one the resolver would serve."""
    start, end = arguments.get("start"), arguments.get("end")
    if not isinstance(start, date) or not isinstance(end, date):
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
    if str(getattr(arguments.get("period"), "name", arguments.get("period"))) == "MONTH":
        return (end.year - start.year) * 12 + end.month - start.month + 1
    first_monday = start - timedelta(days=start.weekday())
    return (end - first_monday).days // 7 + 1


#: The most items of each list field, from its coerced arguments (docs/security.md):
#: a list field is added here, in one place.
LIST_RULES: dict[tuple[str, str], Callable[[Mapping[str, Any]], int]] = {
    ("Query", "kpis"): _days,
    ("Query", "dailyMetrics"): _days,
    ("Query", "kpiSummary"): _periods,
    ("Query", "ingestions"): _limit,
    ("Query", "nodes"): _node_ids,
    ("Ingestion", "errors"): _constant(1_000),
    ("Ingestion", "warnings"): _constant(100),
    ("Ingestion", "columns"): _constant(20),
}


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
