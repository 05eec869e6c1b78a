"""The middleware stack, outermost first, in one list (docs/contributing/request-flow.md).

A request meets the layers in the order of ``middleware_stack``; each entry says why it
stands where it does. Starlette wraps the list between its own error handler (outside)
and its exception middleware (inside), then the routes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from starlette.middleware import Middleware

from graph.http.auth import Authentication
from graph.http.compression import GzipResponses
from graph.http.cors import Cors
from graph.http.draining import Abandon, AbandonInFlight
from graph.http.guards import BodyLimit, IdentityEncodingOnly, MultipartPreflightGuard
from graph.http.logs import RequestContext
from graph.http.pacing import BodyPace
from graph.http.perimeter import HttpOnly, LoopbackHostOnly, QuietDisconnects, SecurityHeaders
from graph.http.router import KeptAnswers, KeptQueries
from graph.http.settings import Settings
from graph.http.slots import UploadSlots
from persistence.accounts import SqlAccountStore
from persistence.async_reads import AsyncReads

#: Room above ``max_upload_bytes`` for the multipart framing and the operations JSON.
MULTIPART_ALLOWANCE_BYTES = 64 * 1024


def middleware_stack(
    settings: Settings,
    *,
    store: SqlAccountStore,
    clock: Callable[[], datetime],
    reads: AsyncReads | None,
    abandon: Abandon,
    on_token_refused: Callable[[int], None] | None = None,
    kept_answers: KeptAnswers | None = None,
) -> list[Middleware]:
    """The layers a request passes through, outermost first."""
    api_token = settings.api_token.get_secret_value() if settings.api_token else None
    return [
        # First: a WebSocket handshake or an unknown scope type never reaches any other layer.
        Middleware(HttpOnly),
        # Outside everything that does work: at shutdown it cancels what is still in
        # flight and answers 503, whichever layer the request is in.
        Middleware(AbandonInFlight, abandon=abandon),
        # Every HTML answer gets its policy headers, refusals of the layers below included.
        Middleware(SecurityHeaders),
        # A client that left before its body was read is logged in one line, wherever
        # below the body was being read.
        Middleware(QuietDisconnects),
        # Every request that passes the outer ring has its id, so each refusal below is
        # logged and echoed with it.
        Middleware(RequestContext),
        # Before the token: a preflight carries no token and is answered here, and a
        # refusal below still carries the CORS headers the browser needs to read it.
        Middleware(Cors, origins=settings.cors_origins),
        # Outside the token so that refusals are compressed like answers.
        Middleware(GzipResponses),
        # The token (or a user's token) is checked before any header or body is looked at.
        Middleware(
            Authentication,
            store=store,
            api_token=api_token,
            clock=clock,
            reads=reads,
            trusted_proxies=settings.trusted_proxies,
            on_refused=on_token_refused,
        ),
        # Inside the token guard: it needs its decision that the hub runs without a token.
        Middleware(LoopbackHostOnly),
        # Cheap header checks before anything reads the body: its declared size ...
        Middleware(
            BodyLimit,
            max_bytes=settings.max_upload_bytes + MULTIPART_ALLOWANCE_BYTES,
            # The multipart reader limits each file by its mutation (graph/http/uploads.py).
            multipart_max_bytes=max(settings.max_upload_bytes, settings.max_import_bytes)
            + MULTIPART_ALLOWANCE_BYTES,
        ),
        # ... its encoding (a small gzip body could inflate without bound) ...
        Middleware(IdentityEncodingOnly),
        # ... and the CSRF preflight header a multipart POST must carry.
        Middleware(MultipartPreflightGuard),
        # An upload takes its slot only once every cheap check has passed, and before
        # its body is read.
        Middleware(
            UploadSlots,
            slots=settings.max_parallel_uploads,
            wait_seconds=settings.lock_wait_seconds,
        ),
        # Only the body that is actually read is paced, slot already held.
        Middleware(BodyPace),
        # Innermost: a kept kpis POST is answered after every check above, before
        # routing (graph/execution/direct.py); its body was limited and paced like any.
        Middleware(KeptQueries, answers=kept_answers),
    ]
