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

import binascii
import keyword
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from graphql import (
    FieldNode,
    FragmentSpreadNode,
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

from graph.execution.served import ServedField, round_half_even

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
#: What ``base64.urlsafe_b64encode`` translates after standard base64.
_URLSAFE = bytes.maketrans(b"+/", b"-_")

#: Plans shared by every execution, by selection: the identity of its field nodes, which
#: are kept alive with the plan so that their ids are not reused while it is kept. A
#: document kept by graph/execution/documents.py keeps its nodes, so each of its selections is
#: planned (and its row function generated) once. Only selections without directives
#: are shared: ``@include``/``@skip`` make the collected fields depend on variables.
_SHARED_PLANS: dict[tuple[Any, ...], tuple[tuple[FieldNode, ...], _Plan | None]] = {}
#: Past this many plans the shared ones are dropped and planned again.
MAX_SHARED_PLANS = 1024


class _Fallback(Exception):  # noqa: N818 - a signal, not an error
    """The row needs the stock executor."""


class _Step(NamedTuple):
    key: str
    passthrough: type | None
    convert: Callable[[Any], Any]
    non_null: bool


_RowFunction = Callable[[Sequence[Any], GraphQLResolveInfo[Any]], list[Any]]


class _Plan:
    """How to complete every item of one list field for one selection: a function
    generated for the selection (see ``_compile``), and one more per class of served
    views met in such lists (graph/execution/served.py), which computes each value from the
    view's source directly."""

    def __init__(
        self,
        object_type: GraphQLObjectType,
        item_non_null: bool,
        steps: list[_Step],
        reader: _Reader,
        typename_positions: list[int],
        attributes: list[str | None],
    ) -> None:
        self._object_type = object_type
        self._item_non_null = item_non_null
        self._steps = steps
        self._typename_positions = typename_positions
        self._attributes = attributes
        self._complete = _compile(
            object_type,
            item_non_null,
            steps,
            typename_positions,
            *_read_all(reader, steps, typename_positions),
        )
        self._by_view: dict[tuple[type, type], _RowFunction] = {}

    def complete(self, items: Sequence[Any], info: GraphQLResolveInfo[Any]) -> list[Any] | None:
        """The completed rows, or ``None`` when the stock executor must do it."""
        try:
            complete = self._complete
            if items:
                view = type(items[0])
                if getattr(view, "__served_fields__", None) is not None:
                    key = (view, type(items[0]._source))
                    complete = self._by_view.get(key) or self._for_view(*key)
            return complete(items, info)
        except Exception:  # the stock path reproduces the error exactly
            return None

    def _for_view(self, view: type, source_type: type) -> _RowFunction:
        reads = _read_view(
            view, source_type, self._steps, self._typename_positions, self._attributes
        )
        complete = self._complete
        if reads is not None:
            complete = _compile(
                self._object_type,
                self._item_non_null,
                self._steps,
                self._typename_positions,
                *reads,
            )
        self._by_view[view, source_type] = complete
        return complete


_Reads = tuple[list[str], dict[str, Any]]


def _read_all(reader: _Reader, steps: list[_Step], typename_positions: list[int]) -> _Reads:
    """Code reading every value of a row with one call of ``reader``."""
    names = [f"v{n}" for n in range(len(steps)) if n not in typename_positions]
    if not names:
        return [], {}
    if len(names) == 1:
        return [f"{names[0]}, = read(item)"], {"read": reader}
    return [f"{', '.join(names)} = read(item)"], {"read": reader}


def _read_view(
    view: type,
    source_type: type,
    steps: list[_Step],
    typename_positions: list[int],
    attributes: list[str | None],
) -> tuple[list[str], dict[str, Any], set[int]] | None:
    """Code computing every value of a row from a served view's source, as its
    attributes would (graph/execution/served.py: ``rounded``, ``served_id``), the values it
    needs, and the steps whose value it makes a finite float or None; None when a
    field is not a plain attribute. A named-tuple source is unpacked at once."""
    served: dict[str, ServedField] = view.__served_fields__  # type: ignore[attr-defined]
    id_keys: tuple[str, ...] = view.__served_id_key__  # type: ignore[attr-defined]
    lines = ["if type(item) is not view:", "    raise Fallback", "source = item._source"]
    values: dict[str, Any] = {
        "view": view,
        "source_type": source_type,
        "exact": round_half_even,
        "b2a": binascii.b2a_base64,
        "URLSAFE": _URLSAFE,
    }
    fields: tuple[str, ...] = getattr(source_type, "_fields", ())
    positions: dict[str, int] = {}
    if issubclass(source_type, tuple) and fields:
        positions = {name: at for at, name in enumerate(fields)}
        lines += ["if type(source) is not source_type:", "    raise Fallback"]
        lines.append(", ".join(f"f{at}" for at in range(len(fields))) + ", = source")

    def read(name: str) -> str:
        return f"f{positions[name]}" if name in positions else f"source.{name}"

    finite_floats: set[int] = set()
    names = list(id_keys)
    for n in range(len(steps)):
        attribute = attributes[n]
        if n in typename_positions:
            continue
        if attribute is None:
            return None
        v = f"v{n}"
        if attribute == "id" and id_keys:
            # base64.urlsafe_b64encode, as graph/execution/served.py's served_id uses it.
            key = ' + "/" + '.join(f"{read(name)}.isoformat()" for name in id_keys)
            data = f"(item._prefix + {key}).encode()"
            lines.append(f"{v} = b2a({data}, newline=False).translate(URLSAFE).decode()")
        elif attribute not in served:
            lines.append(f"{v} = item.{attribute}")
        else:
            source_name, scale, decimals = served[attribute]
            names.append(source_name)
            lines.append(f"{v} = {read(source_name)}")
            if scale is not None:
                # A finite float always comes out: round() refuses NaN and infinity,
                # and the list goes to the stock executor.
                finite_floats.add(n)
                values[f"s{n}"], values[f"d{n}"] = scale, decimals
                lines += [
                    f"if {v} is not None:",
                    f"    scaled = {v} * s{n}",
                    "    nearest = round(scaled)",
                    "    if -0.4999 < scaled - nearest < 0.4999:",
                    f"        {v} = nearest / s{n}",
                    "    else:",
                    f"        {v} = exact({v}, d{n})",
                ]
        names.append(attribute)
    if not all(name.isidentifier() and not keyword.iskeyword(name) for name in names):
        return None
    return lines, values, finite_floats


def _compile(
    object_type: GraphQLObjectType,
    item_non_null: bool,
    steps: list[_Step],
    typename_positions: list[int],
    reads: list[str],
    read_values: dict[str, Any],
    finite_floats: set[int] | None = None,
) -> _RowFunction:
    """A function completing a list for one selection, one pass per row.

    ``reads`` is the code setting ``v<n>``, the value of step ``n``, from ``item``.
    The source is built from generated names and attribute names of the schema's
    Python types only (``v3``, ``k3``, ``c3``, ``source.weight_trend``); response
    keys, converters and constants are passed in as closure values, never written
    into the code. Per value: a built-in scalar's own Python type passes unchanged
    after the stock checks (finite floats, 32-bit ints); ``None`` is kept, or hands
    the list back where the field is non-null; anything else goes through the
    scalar's serializer, which raises ``_Fallback`` where the stock executor would
    report an error.
    """
    values: dict[str, Any] = {
        **read_values,
        "Fallback": _Fallback,
        "is_type_of": object_type.is_type_of,
        "typename": object_type.name,
        "MIN_INT": GRAPHQL_MIN_INT,
        "MAX_INT": GRAPHQL_MAX_INT,
    }
    body = []
    if object_type.is_type_of is not None:
        body += ["if is_type_of(item, info) is not True:", "    raise Fallback"]
    body += reads
    entries = []
    for n, (key, passthrough, convert, non_null) in enumerate(steps):
        values[f"k{n}"] = key
        if n in typename_positions:
            entries.append(f"k{n}: typename")
            continue
        values[f"c{n}"] = convert
        v = f"v{n}"
        on_none = ["    raise Fallback"] if non_null else ["    pass"]
        if passthrough is float and n in (finite_floats or ()):
            if non_null:
                body += [f"if {v} is None:", "    raise Fallback"]
        elif passthrough is float:
            body += [f"if type({v}) is float:", f"    if {v} - {v}:", "        raise Fallback"]
            body += [f"elif {v} is None:", *on_none, "else:", f"    {v} = c{n}({v})"]
        elif passthrough is int:
            body += [f"if type({v}) is int:", f"    if not MIN_INT <= {v} <= MAX_INT:"]
            body += ["        raise Fallback", f"elif {v} is None:", *on_none]
            body += ["else:", f"    {v} = c{n}({v})"]
        elif passthrough is not None:
            values[f"t{n}"] = passthrough
            body += [f"if type({v}) is t{n}:", "    pass", f"elif {v} is None:", *on_none]
            body += ["else:", f"    {v} = c{n}({v})"]
        else:
            body += [f"if {v} is None:", *on_none, "else:", f"    {v} = c{n}({v})"]
        entries.append(f"k{n}: {v}")
    body.append("append({" + ", ".join(entries) + "})")
    on_null_item = ["raise Fallback"] if item_non_null else ["append(None)", "continue"]
    lines = [
        f"def make({', '.join(values)}):",
        "    def complete(items, info):",
        "        rows = []",
        "        append = rows.append",
        "        for item in items:",
        "            if item is None:",
        *(f"                {line}" for line in on_null_item),
        *(f"            {line}" for line in body),
        "        return rows",
        "    return complete",
    ]
    namespace: dict[str, Any] = {}
    exec("\n".join(lines), namespace)  # built from generated and schema names only
    complete: _RowFunction = namespace["make"](**values)
    return complete


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
        nodes = tuple(details.node for details in field_details_list)
        shared_key: tuple[Any, ...] = (type(self), self.field_resolver, self.is_awaitable)
        shared_key += (object_type, item_non_null, *map(id, nodes))
        shared = _SHARED_PLANS.get(shared_key)
        if shared is not None:
            plan = shared[1]
        else:
            plan = self._build_plan(object_type, item_non_null, field_details_list)
            if not self._has_directives(nodes):
                if len(_SHARED_PLANS) >= MAX_SHARED_PLANS:
                    _SHARED_PLANS.clear()
                _SHARED_PLANS[shared_key] = (nodes, plan)
        self._plans[key] = (field_details_list, plan)
        return plan

    def _has_directives(self, nodes: Iterable[FieldNode]) -> bool:
        """Whether a directive appears on the fields or anywhere in their selection, so
        that the fields collected (``@include``, ``@skip``, ``@defer``) may depend on
        the variables of this execution."""
        pending: list[Any] = list(nodes)
        seen: set[str] = set()
        while pending:
            node = pending.pop()
            if getattr(node, "directives", None):
                return True
            if isinstance(node, FragmentSpreadNode):
                if getattr(node, "arguments", None):
                    return True  # fragment arguments: fields depend on them
                fragment: Any = self.fragments.get(node.name.value)
                if fragment is None or node.name.value in seen:
                    continue
                seen.add(node.name.value)
                if getattr(fragment, "variable_signatures", None):
                    return True
                node = getattr(fragment, "definition", fragment)
                if node.directives:
                    return True
            selection_set = getattr(node, "selection_set", None)
            if selection_set is not None:
                pending.extend(selection_set.selections)
        return False

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
        attributes: list[str | None] = []
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
                attributes.append(None)
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
            attributes.append(getter[0] if getter[1] is None else None)
        return _Plan(
            object_type, item_non_null, steps, _reader(getters), typename_positions, attributes
        )

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
