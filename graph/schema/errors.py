"""Error shaping: domain errors get their stable code, unexpected ones are masked."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
from graphql import GraphQLError
from sqlalchemy.exc import StatementError
from strawberry.extensions import SchemaExtension
from strawberry.utils.str_converters import to_camel_case

from domain.errors import HealthHubError
from persistence.failures import UNAVAILABLE, described

INTERNAL_ERROR_MESSAGE = "Internal server error; quote the errorId when reporting it."
DATABASE_UNAVAILABLE_MESSAGE = (
    "The database is unavailable or did not answer in time; nothing was changed. "
    "Try again shortly, and quote the errorId if it persists."
)

logger = logging.getLogger(__name__)


class ErrorShaping(SchemaExtension):
    """Give domain errors their stable code and mask every unexpected exception.

    An ``InvalidInputError`` becomes an error with ``extensions.code = "BAD_USER_INPUT"``
    and the field at fault. A database that cannot be reached (or times out) becomes
    ``DATABASE_UNAVAILABLE`` with a message saying so. Any other exception raised while
    resolving becomes a generic message with an ``errorId``; the same id is logged with
    the traceback. Neither carries the exception's text, which may hold SQL.
    """

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            result.errors = [_shaped(error) for error in errors]


def _shaped(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return error
    if isinstance(original, HealthHubError):
        extensions: dict[str, Any] = {"code": original.code}
        message = str(original)
        field = getattr(original, "field", None)
        if field:
            # The domain names its own fields (weight_kg); the API's are camelCase.
            extensions["field"] = to_camel_case(field)
            if message.startswith(field):
                message = extensions["field"] + message[len(field) :]
        return _copy(error, message, extensions)
    if error.path is None and isinstance(original, ValueError | TypeError):
        return error  # an argument the client sent was refused while being coerced
    error_id = uuid.uuid4().hex
    if isinstance(original, UNAVAILABLE):
        logger.warning(
            "Database unavailable %s at %s: %s",
            error_id,
            error.path or "operation",
            described(original),
        )
        return _copy(
            error,
            DATABASE_UNAVAILABLE_MESSAGE,
            {"code": "DATABASE_UNAVAILABLE", "errorId": error_id},
        )
    if isinstance(original, StatementError | psycopg.Error):
        # Its message quotes the statement: the class and the statement's name only.
        logger.error(
            "Unexpected error %s at %s: %s",
            error_id,
            error.path or "operation",
            described(original),
        )
    else:
        logger.error(
            "Unexpected error %s at %s", error_id, error.path or "operation", exc_info=original
        )
    return _copy(
        error, INTERNAL_ERROR_MESSAGE, {"code": "INTERNAL_SERVER_ERROR", "errorId": error_id}
    )


def _copy(error: GraphQLError, message: str, extensions: dict[str, Any]) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions=extensions,
    )
