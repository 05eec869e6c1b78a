"""HTTP statuses and content types of GraphQL responses (docs/api.md, "Errors").

With ``Accept: application/json`` (and by default) an operation's errors are answered
200, except an operation that produced no data because of an error whose code
names a server state: ``DATABASE_UNAVAILABLE`` (503, ``Retry-After``) and
``INTERNAL_SERVER_ERROR`` (500); ``BUSY`` is 503 whenever it occurs (graph/http/router.py).
A client that accepts ``application/graphql-response+json`` gets that media type and
the statuses of the GraphQL-over-HTTP specification: a request error (parse,
validation, variables; there is no ``data`` entry) is 400; an unknown persisted-query
hash stays 200, as Apollo's clients expect.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.responses import Response
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

GRAPHQL_RESPONSE = "application/graphql-response+json"
RETRY_AFTER_SECONDS = "5"

#: Codes of HTTP-level refusals by status.
HTTP_CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHENTICATED",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    503: "SERVICE_UNAVAILABLE",
}
#: Statuses of operations without data, by the code of an error.
#: (``BUSY`` is answered 503 by the router whenever it occurs.)
_SERVER_STATES = {"DATABASE_UNAVAILABLE": 503, "INTERNAL_SERVER_ERROR": 500}


def refusal(status: int, message: str) -> Response:
    """A refused request in the GraphQL error shape, with its code."""
    code = HTTP_CODES.get(status, "BAD_REQUEST")
    headers = {"Allow": "GET, POST"} if status == 405 else None
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return JSONResponse(body, status_code=status, headers=headers)


async def wrong_method(request: Request) -> Response:
    """405 for a method /graphql does not serve, in the GraphQL error shape (not
    FastAPI's ``{"detail": …}``)."""
    return refusal(405, f"{request.method[:10]} is not served at /graphql; send GET or POST.")


def wants_graphql_response(request: Request) -> bool:
    return GRAPHQL_RESPONSE in request.headers.get("accept", "")


def shape(
    request: Request, body: GraphQLHTTPResponse, result: ExecutionResult
) -> GraphQLHTTPResponse:
    """Note the status the response needs; drop ``data`` from a request error for
    GraphQL-over-HTTP clients."""
    errors = result.errors or []
    request.state.graphql_errors = bool(errors)
    if result.data is not None or not errors:
        return body
    codes = {(error.extensions or {}).get("code") for error in errors}
    status = max((_SERVER_STATES[code] for code in codes if code in _SERVER_STATES), default=0)
    if status:
        request.state.graphql_status = status
    elif (
        wants_graphql_response(request)
        and all(error.path is None for error in errors)
        and "PERSISTED_QUERY_NOT_FOUND" not in codes
    ):
        request.state.graphql_status = 400
        body.pop("data", None)
    return body


def finish(request: Request, response: Response) -> None:
    """Set the status noted by ``shape`` and the media type the client asked for."""
    status = getattr(request.state, "graphql_status", None)
    if status is not None:
        response.status_code = status
        if status == 503:
            response.headers["Retry-After"] = RETRY_AFTER_SECONDS
    json_body = response.headers.get("content-type", "").startswith("application/json")
    if json_body and wants_graphql_response(request):
        response.headers["content-type"] = GRAPHQL_RESPONSE


def had_errors(request: Request) -> bool:
    """Whether the operation answered had errors (noted by ``shape``)."""
    return bool(getattr(request.state, "graphql_errors", False))
