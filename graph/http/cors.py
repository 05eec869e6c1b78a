"""CORS by Starlette's ``CORSMiddleware``: preflights answered 204, refusals as GraphQL errors.

Outside the token guard (graph/http/stack.py): a preflight never needs a token. The
allowed methods and headers are the ones the API's clients send; responses to an
allowed origin may read ``ETag``, ``X-Request-ID`` and ``Retry-After`` (docs/api.md,
"CORS"). What we add to Starlette's middleware is the answer's shape only: an allowed
preflight is answered 204 with no body, a refused one 400 in the GraphQL error shape
every other refusal of the perimeter has (docs/security.md), and a request without an
``Origin`` passes untouched, its ``Vary`` as the API set it.
"""

from __future__ import annotations

from collections.abc import Iterable

import orjson
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

ALLOWED_METHODS = ("GET", "POST", "OPTIONS")
ALLOWED_HEADERS = ("authorization", "content-type", "apollo-require-preflight", "x-requested-with")
EXPOSED_HEADERS = ("etag", "x-request-id", "retry-after")
#: How long a browser may reuse a preflight answer, in seconds.
MAX_AGE = 600

REFUSED_MESSAGE = (
    "This cross-origin request is not allowed: only the origins in HEALTHHUB_CORS_ORIGINS "
    f"may send {', '.join(ALLOWED_METHODS[:2])} with the headers {', '.join(ALLOWED_HEADERS)}."
)


class Cors(CORSMiddleware):
    """Starlette's CORS middleware for the origins in ``origins`` (``*``: any)."""

    def __init__(self, app: ASGIApp, origins: Iterable[str]) -> None:
        super().__init__(
            app,
            allow_origins=tuple(origins),
            allow_methods=ALLOWED_METHODS,
            allow_headers=ALLOWED_HEADERS,
            expose_headers=EXPOSED_HEADERS,
            max_age=MAX_AGE,
        )

    async def simple_response(
        self, scope: Scope, receive: Receive, send: Send, request_headers: Headers
    ) -> None:
        if "origin" not in request_headers:
            # Not a cross-origin call: nothing to mark (Starlette would add "Vary: Origin").
            await self.app(scope, receive, send)
            return
        await super().simple_response(scope, receive, send, request_headers)

    def preflight_response(self, request_headers: Headers) -> Response:
        answer = super().preflight_response(request_headers)
        headers = MutableHeaders(raw=list(answer.raw_headers))
        del headers["content-length"]
        del headers["content-type"]
        if answer.status_code < 400:
            return Response(status_code=204, headers=headers)
        body = {"errors": [{"message": REFUSED_MESSAGE, "extensions": {"code": "BAD_REQUEST"}}]}
        headers["cache-control"] = "no-store"
        return Response(orjson.dumps(body), 400, headers, media_type="application/json")
