"""A code on every GraphQL error, and messages without Python values (docs/api.md, "Errors").

The phase an error comes from decides its code: the parser (``GRAPHQL_PARSE_FAILED``,
or ``QUERY_TOO_COSTLY`` past the token limit), validation (``BAD_USER_INPUT`` for a
literal that fails scalar or enum coercion, ``QUERY_TOO_COSTLY`` for the limit rules
wrapped with ``costly``, ``GRAPHQL_VALIDATION_FAILED`` otherwise) and variable coercion
(``BAD_USER_INPUT``). Errors raised by resolvers get theirs from ``ErrorShaping`` in
graph/schema/build.py; an error that already has a code keeps it. Coercion errors name the
argument (and the input field) at fault in ``extensions``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from graphql import (
    ArgumentNode,
    ASTValidationRule,
    DocumentNode,
    GraphQLError,
    ObjectFieldNode,
    ValidationContext,
    VariableDefinitionNode,
    VariableNode,
    visit,
)
from graphql.language import Visitor
from graphql.validation import ValuesOfCorrectTypeRule
from strawberry.extensions import SchemaExtension

PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
BAD_USER_INPUT = "BAD_USER_INPUT"
QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"

#: graphql-core reports the token limit as a syntax error like any other: its wording is
#: the only signal. tests/graph/test_error_codes.py pins it, and CI runs that test at the
#: lowest graphql-core allowed as well as at the locked one (.ci/run).
_TOKEN_LIMIT = "tokens. Parsing aborted"
# graphql-core prints Python values with ``inspect`` (None, True); clients read JSON.
_PYTHON_WORDS = re.compile(r"\b(None|True|False)\b")
_JSON_WORDS = {"None": "null", "True": "true", "False": "false"}


def code_of(error: GraphQLError) -> str | None:
    return (error.extensions or {}).get("code")


def json_words(message: str) -> str:
    """``message`` with Python's None/True/False written as JSON's null/true/false."""
    return _PYTHON_WORDS.sub(lambda match: _JSON_WORDS[match.group(1)], message)


class ErrorCodes(SchemaExtension):
    """Give every parse, validation and variable error its code (see the module doc)."""

    def on_parse(self) -> Iterator[None]:
        yield
        context = self.execution_context
        if context.graphql_document is None:
            for error in context.pre_execution_errors or ():
                costly = _TOKEN_LIMIT in error.message
                _set_code(error, QUERY_TOO_COSTLY if costly else PARSE_FAILED)

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        context.validation_rules = tuple(_tagged(rule) for rule in context.validation_rules)
        yield
        for error in context.pre_execution_errors or ():
            if code_of(error) is None:
                _set_code(error, VALIDATION_FAILED)

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is None or not errors:
            return
        document = self.execution_context.graphql_document
        for error in errors:
            if code_of(error) is None and error.path is None:
                variable = _variable_of(error)
                if variable is not None:
                    _set_code(error, BAD_USER_INPUT, **_arguments_of(document, variable))
            if code_of(error) is not None:
                error.message = json_words(error.message)


def _variable_of(error: GraphQLError) -> str | None:
    """The variable whose value failed coercion: graphql-core reports such an error at
    the variable's definition."""
    nodes = error.nodes or ()
    if len(nodes) == 1 and isinstance(nodes[0], VariableDefinitionNode):
        return nodes[0].variable.name.value
    return None


def _set_code(error: GraphQLError, code: str, **details: Any) -> None:
    error.extensions = {**(error.extensions or {}), "code": code, **details}


def _arguments_of(document: DocumentNode | None, variable: str) -> dict[str, Any]:
    """``variable`` and the arguments it is passed to, for the error's extensions."""
    details: dict[str, Any] = {"variable": variable}
    if document is None:
        return details
    names: list[str] = []

    class _Finder(Visitor):
        def enter_argument(self, node: ArgumentNode, *_args: Any) -> None:
            value = node.value
            if isinstance(value, VariableNode) and value.name.value == variable:
                names.append(node.name.value)

    visit(document, _Finder())
    if names:
        details["argument"] = names[0]
    return details


def costly(rule: type[ASTValidationRule]) -> type[ASTValidationRule]:
    """``rule`` (a limit: depth, aliases, cost) reporting its errors as QUERY_TOO_COSTLY.

    Build it once, where the schema is built: a class made per request defeats
    graphql-core's per-class visitor caches.
    """

    class _CostlyRule(rule):  # type: ignore[valid-type,misc]
        # Strawberry's limit rules report through the context they were given.
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(_CostlyContext(context))

    _CostlyRule.__name__ = f"Costly{rule.__name__}"
    return _CostlyRule


def _tagged(rule: type[ASTValidationRule]) -> type[ASTValidationRule]:
    """``rule``, or the literal check that names the argument at fault in its place."""
    return _BadLiteralRule if rule is ValuesOfCorrectTypeRule else rule


class _CostlyContext:
    """A validation context whose reported errors are QUERY_TOO_COSTLY."""

    def __init__(self, context: ValidationContext) -> None:
        self._context = context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._context, name)

    def report_error(self, error: GraphQLError) -> None:
        _set_code(error, QUERY_TOO_COSTLY)
        self._context.report_error(error)


class _BadLiteralRule(ValuesOfCorrectTypeRule):
    """graphql-core's literal check, naming the argument and input field at fault."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._argument: str | None = None
        self._fields: list[str] = []

    def enter_argument(self, node: ArgumentNode, *_args: Any) -> None:
        self._argument = node.name.value

    def leave_argument(self, *_args: Any) -> None:
        self._argument = None

    def enter_object_field(self, node: ObjectFieldNode, *_args: Any) -> None:
        self._fields.append(node.name.value)

    def leave_object_field(self, *_args: Any) -> None:
        self._fields.pop()

    def report_error(self, error: GraphQLError) -> None:
        details: dict[str, Any] = {}
        if self._argument is not None:
            details["argument"] = self._argument
            where = ".".join([self._argument, *self._fields])
            error.message = f"Argument '{where}' has an invalid value: {error.message}"
            if self._fields:
                details["field"] = ".".join(self._fields)
        _set_code(error, BAD_USER_INPUT, **details)
        super().report_error(error)
