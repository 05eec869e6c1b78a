"""An executor that completes lists of leaf-only objects in one tight loop per row.

A long ``kpis`` range is thousands of objects of plain fields; graphql-core spends
most of its time on per-field machinery (resolve info, resolver call, leaf
completion). When a list's item selection holds only leaves read by default
resolvers, a plan per selection (response key, attribute, serializer, nullability)
is computed once and each row is built directly. Anything the plan does not
plainly support (custom resolvers, arguments, middleware, ``@defer``/``@stream``,
abstract or nested types, an awaitable, a value the built-in shortcuts do not
cover that its serializer rejects, a null in a non-null position) hands the whole
list back to the stock executor, so errors and null propagation stay the stock ones.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    default_field_resolver,
    is_leaf_type,
    is_object_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import AwaitableOrValue, Path, Undefined
from graphql.type.scalars import (
    GRAPHQL_MAX_INT,
    GRAPHQL_MIN_INT,
    GraphQLBoolean,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLString,
)
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

__all__ = ["FastExecutionContext"]

#: Python types whose values a built-in scalar returns unchanged (after the checks
#: in ``_Plan.complete``); any other value goes through the scalar's serializer.
_PASSTHROUGH: dict[GraphQLScalarType, type] = {
    GraphQLFloat: float,
    GraphQLInt: int,
    GraphQLBoolean: bool,
    GraphQLString: str,
    GraphQLID: str,
}

_Reader = Callable[[Any], Sequence[Any]]


class _Fallback(Exception):  # noqa: N818 - a signal, not an error
    """The row needs the stock executor."""


class _Step(NamedTuple):
    key: str
    passthrough: type | None
    convert: Callable[[Any], Any]
    non_null: bool


class _Plan:
    """How to complete every item of one list field for one selection."""

    def __init__(
        self,
        object_type: GraphQLObjectType,
        item_non_null: bool,
        steps: list[_Step],
        reader: _Reader,
        typename_positions: list[int],
    ) -> None:
        self._is_type_of = object_type.is_type_of
        self._typename = object_type.name
        self._item_non_null = item_non_null
        self._steps = steps
        self._reader = reader
        self._typename_positions = typename_positions

    def complete(self, items: Iterable[Any], info: GraphQLResolveInfo[Any]) -> list[Any] | None:
        """The completed rows, or ``None`` when the stock executor must do it."""
        try:
            return self._complete(items, info)
        except Exception:  # the stock path reproduces the error exactly
            return None

    def _complete(self, items: Iterable[Any], info: GraphQLResolveInfo[Any]) -> list[Any] | None:
        rows: list[Any] = []
        append = rows.append
        steps = self._steps
        read = self._reader
        is_type_of = self._is_type_of
        typename_positions = self._typename_positions
        for item in items:
            if item is None:
                if self._item_non_null:
                    return None
                append(None)
                continue
            if is_type_of is not None and is_type_of(item, info) is not True:
                return None
            values = read(item)
            if typename_positions:
                values = list(values)
                for position in typename_positions:
                    values.insert(position, self._typename)
            row: dict[str, Any] = {}
            for (key, passthrough, convert, non_null), value in zip(steps, values, strict=True):
                if value is None:
                    if non_null:
                        return None
                    row[key] = None
                elif (kind := type(value)) is passthrough:
                    if kind is float and value - value != 0.0:
                        return None  # NaN or infinity: the stock error
                    if kind is int and not GRAPHQL_MIN_INT <= value <= GRAPHQL_MAX_INT:
                        return None
                    row[key] = value
                else:
                    row[key] = convert(value)
            append(row)
        return rows


def _converter(
    leaf_type: GraphQLLeafType, is_awaitable: Callable[[Any], bool]
) -> Callable[[Any], Any]:
    coerce = leaf_type.coerce_output_value

    def convert(value: Any) -> Any:
        if value is Undefined or isinstance(value, Exception) or is_awaitable(value):
            raise _Fallback
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise _Fallback
        return coerced

    return convert


def _graphql_core_default(name: str) -> Callable[[Any], Any]:
    """``default_field_resolver`` without calling callables (those fall back)."""

    def read(source: Any) -> Any:
        value = source.get(name) if isinstance(source, Mapping) else getattr(source, name, None)
        if callable(value):
            raise _Fallback
        return value

    return read


def _strawberry_attribute(field_def: GraphQLField) -> tuple[str, Callable[[Any, str], Any]] | None:
    """The (Python name, getter) a strawberry field without a resolver reads, if it is one.

    Strawberry marks the resolver of a field with no resolver, no extensions and no
    permission classes with ``_is_default`` (``GraphQLCoreConverter.from_resolver``);
    such a field returns ``field.default_resolver(source, field.python_name)``.
    """
    if not getattr(field_def.resolve, "_is_default", False):
        return None
    definition = (field_def.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if not isinstance(definition, StrawberryField) or not definition.is_basic_field:
        return None
    if type(definition).get_result is not StrawberryField.get_result:
        return None
    return definition.python_name, definition.default_resolver


def _reader(getters: list[tuple[str, Callable[[Any], Any] | None]]) -> _Reader:
    """One call that reads every attribute of a row, as a sequence."""
    names = [name for name, getter in getters if getter is None]
    if len(names) == len(getters):
        if not names:
            return lambda _item: ()
        if len(names) == 1:
            single = operator.attrgetter(names[0])
            return lambda item: (single(item),)
        return operator.attrgetter(*names)
    functions = [getter or operator.attrgetter(name) for name, getter in getters]
    return lambda item: [read(item) for read in functions]


class FastExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's executor with a one-loop completion for lists of leaf-only objects.

    Pass it as ``strawberry.Schema(..., execution_context_class=FastExecutionContext)``.
    Responses (data, errors, key order) are the stock executor's.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plans: dict[tuple[GraphQLObjectType, int], tuple[FieldDetailsList, _Plan | None]] = {}
        manager = self.middleware_manager
        self._plain_resolvers = manager is None or not manager.middlewares

    def complete_list_value(
        self,
        return_type: GraphQLList[GraphQLOutputType],
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        result: Any,
        position_context: Any,
    ) -> AwaitableOrValue[list[Any]]:
        if position_context is None and type(result) in (list, tuple) and self._plain_resolvers:
            plan = self._plan(return_type.of_type, field_details_list)
            if plan is not None:
                rows = plan.complete(result, info)
                if rows is not None:
                    return rows
        return super().complete_list_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def _plan(
        self, item_type: GraphQLOutputType, field_details_list: FieldDetailsList
    ) -> _Plan | None:
        item_non_null = isinstance(item_type, GraphQLNonNull)
        object_type = item_type.of_type if isinstance(item_type, GraphQLNonNull) else item_type
        if not is_object_type(object_type):
            return None
        # Like ``collect_subfields``, memoised on the identity of the field list,
        # which is kept alive with the plan so that its id is not reused.
        key = (object_type, id(field_details_list))
        cached = self._plans.get(key)
        if cached is not None:
            return cached[1]
        plan = self._build_plan(object_type, item_non_null, field_details_list)
        self._plans[key] = (field_details_list, plan)
        return plan

    def _build_plan(
        self,
        object_type: GraphQLObjectType,
        item_non_null: bool,
        field_details_list: FieldDetailsList,
    ) -> _Plan | None:
        if any(
            directive.name.value == "stream"
            for details in field_details_list
            for directive in details.node.directives or ()
        ):
            return None
        grouped_field_set, new_defer_usages, _ = self.collect_subfields(
            object_type, field_details_list
        )
        if new_defer_usages:
            return None
        steps: list[_Step] = []
        getters: list[tuple[str, Callable[[Any], Any] | None]] = []
        typename_positions: list[int] = []
        for response_key, sub_details in grouped_field_set.items():
            node = sub_details[0].node
            if any(details.defer_usage is not None for details in sub_details):
                return None
            if any(details.node.arguments for details in sub_details):
                return None
            name = node.name.value
            if name == "__typename":
                typename_positions.append(len(steps))
                steps.append(_Step(response_key, str, str, True))
                continue
            field_def = object_type.fields.get(name)
            if field_def is None or field_def.args:
                return None
            getter = self._getter(field_def, name)
            if getter is None:
                return None
            field_type = field_def.type
            non_null = isinstance(field_type, GraphQLNonNull)
            leaf_type = field_type.of_type if isinstance(field_type, GraphQLNonNull) else field_type
            if not is_leaf_type(leaf_type):
                return None
            passthrough = (
                _PASSTHROUGH.get(leaf_type) if isinstance(leaf_type, GraphQLScalarType) else None
            )
            steps.append(
                _Step(response_key, passthrough, _converter(leaf_type, self.is_awaitable), non_null)
            )
            getters.append(getter)
        return _Plan(object_type, item_non_null, steps, _reader(getters), typename_positions)

    def _getter(
        self, field_def: GraphQLField, name: str
    ) -> tuple[str, Callable[[Any], Any] | None] | None:
        """(attribute, None) for a plain ``getattr``, (name, function) otherwise, or None."""
        if field_def.resolve is None:
            if self.field_resolver is not default_field_resolver:
                return None
            return name, _graphql_core_default(name)
        attribute = _strawberry_attribute(field_def)
        if attribute is None:
            return None
        python_name, default_resolver = attribute
        if default_resolver is getattr:
            return python_name, None
        return python_name, lambda source: default_resolver(source, python_name)
