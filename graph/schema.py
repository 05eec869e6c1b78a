"""The GraphQL schema: the resolvers, the query limits and the error shaping together."""

from __future__ import annotations

import functools
from typing import Any

import strawberry
from graphql import GraphQLError
from graphql.execution import Executor
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types.execution import ExecutionContext

from graph.cost import CostLimit
from graph.errors import ErrorShaping
from graph.resolvers import Mutation, Query
from graph.types.scalars import SCALAR_MAP

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 5_000


class _Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log nothing here: ErrorShaping logs each unexpected error once, with its id."""


def build_schema(
    *, execution_context_class: type[Executor[Any]] | None = None
) -> strawberry.Schema:
    """The API's schema, with the query limits and error shaping of docs/api.md.

    Args:
        execution_context_class: a graphql-core execution context to run operations
            with (a faster executor); Strawberry's own when None.
    """
    return _Schema(
        query=Query,
        mutation=Mutation,
        execution_context_class=execution_context_class,
        config=StrawberryConfig(scalar_map=SCALAR_MAP),
        extensions=[
            functools.partial(QueryDepthLimiter, max_depth=MAX_DEPTH),
            functools.partial(MaxAliasesLimiter, max_alias_count=MAX_ALIASES),
            functools.partial(MaxTokensLimiter, max_token_count=MAX_TOKENS),
            CostLimit,
            ErrorShaping,
        ],
    )
