"""Authentication: which requests need a token, and which user a request acts as.

One pure-ASGI guard decides for every connection (docs/accounts.md, docs/security.md):

- Without users and without ``HEALTHHUB_API_TOKEN`` every request acts as the implicit
  user ``local``.
- Once the token is set or a user exists, every request needs ``Authorization: Bearer
  <token>``, except ``GET /healthz``, CORS preflights (OPTIONS), ``GET /`` and the
  dashboard's files under ``/assets/``, and the GraphiQL page (``GET /graphql`` from a
  browser without ``query`` or ``extensions``) with its files under ``/graphiql/``. A
  user's token acts as that user, ``HEALTHHUB_API_TOKEN`` as ``local``. ``/metrics``
  takes only ``HEALTHHUB_API_TOKEN``.
- Anything else is 401 with ``WWW-Authenticate: Bearer``, the same answer whatever was
  wrong, so it never tells whether a user or a token exists; past
  ``MAX_FAILED_TOKENS`` wrong tokens from one client address in a minute, a wrong
  token is answered 429 ``TOO_MANY_REQUESTS`` with ``Retry-After`` instead
  (graph/http/attempts.py).

Users are checked per request, so the first ``healthhub users add`` switches a running
server into accounts mode. The user id goes into the ASGI scope under ``USER_SCOPE_KEY``
for the GraphQL context.
"""

from __future__ import annotations

import functools
import hmac
import logging
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from ipaddress import IPv4Network, IPv6Network
from urllib.parse import parse_qsl

import anyio.to_thread
import orjson
from starlette.types import ASGIApp, Receive, Scope, Send

from domain.accounts import LAST_USED_RESOLUTION, LOCAL_USER, looks_like_token, token_sha256
from graph.http.attempts import MAX_FAILED_TOKENS, attempts_of_this_server
from graph.http.clients import client_address
from graph.http.guards import _header, graphql_error_response
from graph.schema.errors import DATABASE_UNAVAILABLE_MESSAGE
from persistence.accounts import SqlAccountStore
from persistence.async_reads import AsyncReads, read_or
from persistence.failures import UNAVAILABLE, described

#: Where the guard leaves the id of the user a request acts as.
USER_SCOPE_KEY = "healthhub.user_id"
#: Set (True) on a request let through without a token because the hub needs none (no
#: users, no HEALTHHUB_API_TOKEN): the case in which only loopback Host names are served.
OPEN_SCOPE_KEY = "healthhub.without_token"
UNAUTHENTICATED_MESSAGE = (
    "Authentication required: send Authorization: Bearer <token> with a valid token."
)
#: After seeing a user, assume accounts mode for this long without asking again (an
#: assumption that only ever refuses more, never less).
ACCOUNTS_SEEN_SECONDS = 1.0
RETRY_AFTER_SECONDS = 5

logger = logging.getLogger(__name__)


def is_public(scope: Scope) -> bool:
    """Whether an HTTP request is answered without a token (DESIGN list, docs/accounts.md)."""
    method: str = scope["method"]
    path: str = scope["path"]
    if method == "OPTIONS":
        return True
    if method not in ("GET", "HEAD"):
        return False
    if path in ("/healthz", "/") or path.startswith(("/assets/", "/graphiql/")):
        return True
    return path == "/graphql" and _is_graphiql_page(scope)


def _is_graphiql_page(scope: Scope) -> bool:
    accept = _header(scope, b"accept") or b""
    if b"text/html" not in accept.lower():
        return False
    names = {name for name, _ in parse_qsl(scope.get("query_string", b"").decode("latin-1"))}
    return not names & {"query", "extensions"}


class Authentication:
    """The guard; outermost but for the perimeter's own refusals.

    Args:
        app: the application behind the guard.
        store: where users and token hashes are looked up.
        api_token: ``HEALTHHUB_API_TOKEN``, if set; it acts as ``local``.
        clock: the current instant, for ``last_used_at``.
        reads: the same lookups on the event loop (PostgreSQL), used once open.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        store: SqlAccountStore,
        api_token: str | None,
        clock: Callable[[], datetime],
        reads: AsyncReads | None = None,
        trusted_proxies: Sequence[IPv4Network | IPv6Network] = (),
        on_refused: Callable[[int], None] | None = None,
    ) -> None:
        self.app = app
        self.trusted_proxies = trusted_proxies
        self.attempts = attempts_of_this_server()
        self.on_refused = on_refused
        self.store = store
        self.reads = reads
        self.api_token = f"Bearer {api_token}".encode() if api_token else None
        self.clock = clock
        self._accounts_seen_at = -ACCOUNTS_SEEN_SECONDS
        self._touched: dict[str, float] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] == "http" and is_public(scope):
            await self.app(scope, receive, send)
            return
        try:
            user_id = await self._identify(scope)
        except UNAVAILABLE as error:
            error_id = uuid.uuid4().hex
            logger.warning(
                "Database unavailable %s while authenticating: %s", error_id, described(error)
            )
            await _database_unavailable(scope, receive, send, error_id)
            return
        if user_id is None:
            await self._refuse(scope, receive, send)
            return
        scope[USER_SCOPE_KEY] = user_id
        await self.app(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        """401, or 429 for a wrong token from an address past its failed attempts."""
        address = client_address(
            (scope.get("client") or ("", 0))[0], scope["headers"], self.trusted_proxies
        )
        wrong_token = _header(scope, b"authorization") is not None
        retry_after = self.attempts.record(address) if wrong_token else None
        status = 401 if retry_after is None else 429
        if self.on_refused is not None:
            self.on_refused(status)
        if scope["type"] == "websocket":
            await _close_websocket(receive, send)
        elif retry_after is None:
            await graphql_error_response(
                send, 401, "UNAUTHENTICATED", UNAUTHENTICATED_MESSAGE, www_authenticate="Bearer"
            )
        else:
            await graphql_error_response(
                send,
                429,
                "TOO_MANY_REQUESTS",
                f"More than {MAX_FAILED_TOKENS} wrong tokens came from this address within a "
                f"minute; try again in {retry_after} s.",
                retry_after=str(retry_after),
            )

    async def _identify(self, scope: Scope) -> str | None:
        """The user the request acts as, or None to refuse it."""
        sent = _header(scope, b"authorization")
        if (
            sent is not None
            and self.api_token is not None
            and hmac.compare_digest(sent, self.api_token)
        ):
            return LOCAL_USER
        token = _bearer(sent)
        metrics = scope["type"] == "http" and scope["path"] == "/metrics"
        if not metrics and token is not None and looks_like_token(token):
            # Looked up by its hash: no comparison of the secret itself to time.
            return await self._user_of(token_sha256(token))
        if self.api_token is not None or await self._accounts():
            return None
        scope[OPEN_SCOPE_KEY] = True
        return LOCAL_USER

    async def _accounts(self) -> bool:
        if time.monotonic() - self._accounts_seen_at < ACCOUNTS_SEEN_SECONDS:
            return True
        exist = await read_or(
            self.reads.any_users if self.reads else None,
            lambda: anyio.to_thread.run_sync(self.store.any_users),
        )
        if exist:
            self._accounts_seen_at = time.monotonic()
        return exist

    async def _user_of(self, sha256: str) -> str | None:
        owner = await read_or(
            functools.partial(self.reads.find_token, sha256) if self.reads else None,
            lambda: anyio.to_thread.run_sync(self.store.find_token, sha256),
        )
        if owner is None:
            return None
        now = self.clock()
        stale = owner.last_used_at is None or now - owner.last_used_at >= LAST_USED_RESOLUTION
        if stale and self._touched.get(sha256, -1e18) < time.monotonic() - 60:
            # Best effort, off the request: the request neither waits for nor fails on it.
            self._touched[sha256] = time.monotonic()
            threading.Thread(target=self._touch, args=(sha256, now), daemon=True).start()
        return owner.user_id

    def _touch(self, sha256: str, now: datetime) -> None:
        try:
            self.store.touch_token(sha256, now)
        except Exception:  # a busy or absent database only delays the record
            logger.info("Could not record the use of a token; will try again later")


def _bearer(value: bytes | None) -> str | None:
    if value is None:
        return None
    scheme, _, token = value.decode("latin-1").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


async def _close_websocket(receive: Receive, send: Send) -> None:
    """Refuse a WebSocket before it is accepted."""
    await receive()  # websocket.connect
    await send({"type": "websocket.close", "code": 1008})


async def _database_unavailable(scope: Scope, receive: Receive, send: Send, error_id: str) -> None:
    """503 DATABASE_UNAVAILABLE with the error id that is also in the log."""
    if scope["type"] == "websocket":
        await _close_websocket(receive, send)
        return
    payload = orjson.dumps(
        {
            "errors": [
                {
                    "message": DATABASE_UNAVAILABLE_MESSAGE,
                    "extensions": {"code": "DATABASE_UNAVAILABLE", "errorId": error_id},
                }
            ]
        }
    )
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        (b"cache-control", b"no-store"),
        (b"retry-after", str(RETRY_AFTER_SECONDS).encode()),
    ]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
