"""The GraphQL schema: the resolvers, the query limits and error codes together."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import strawberry
from graphql import GraphQLError
from graphql.execution import Executor
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxTokensLimiter,
    max_aliases,
    query_depth_limiter,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types.execution import ExecutionContext

from graph.execution.cost import CostLimit
from graph.execution.documents import ValidatedDocuments, extension_for
from graph.schema.error_codes import ErrorCodes, costly
from graph.schema.errors import ErrorShaping
from graph.schema.resolvers import Mutation, Query
from graph.schema.suggestions import NoSuggestions
from graph.schema.types.scalars import SCALAR_MAP

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 5_000

#: The depth and alias limits, built once: Strawberry's limiter extensions would make
#: new rule classes for every request.
_LIMIT_RULES = (
    costly(query_depth_limiter.create_validator(MAX_DEPTH, None)),
    costly(max_aliases.create_validator(MAX_ALIASES)),
)


class _Schema(strawberry.Schema):
    #: The documents this schema parsed and validated cleanly, by query text
    #: (graph/execution/documents.py); the router's direct reads plan from them.
    kept_documents: ValidatedDocuments

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log nothing here: ErrorShaping logs each unexpected error once, with its id."""


def build_schema(
    *,
    execution_context_class: type[Executor[Any]] | None = None,
    introspection: bool = True,
    extensions: Sequence[Any] = (),
) -> strawberry.Schema:
    """The API's schema, with the query limits and error codes of docs/api.md.

    Args:
        execution_context_class: a graphql-core execution context to run operations
            with (a faster executor); Strawberry's own when None.
        introspection: whether introspection queries are answered.
        extensions: more Strawberry extensions, run after ours (the HTTP app's
            operation metrics).
    """
    extra: list[Any] = [] if introspection else [DisableIntrospection, NoSuggestions]
    # Each schema keeps its own documents: they were validated with its rules.
    documents = ValidatedDocuments()
    schema = _Schema(
        query=Query,
        mutation=Mutation,
        execution_context_class=execution_context_class,
        config=StrawberryConfig(scalar_map=SCALAR_MAP),
        extensions=[
            extension_for(documents),
            functools.partial(AddValidationRules, list(_LIMIT_RULES)),
            functools.partial(MaxTokensLimiter, max_token_count=MAX_TOKENS),
            CostLimit,
            *extra,
            ErrorCodes,
            ErrorShaping,
            *extensions,
        ],
    )
    schema.kept_documents = documents
    return schema
