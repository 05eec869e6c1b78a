"""HTTP caching of GET queries: weak ETags from the user's data version (docs/api.md, "Caching").

A GET query's tag hashes the user id, the user's data version, the schema build,
the query (or its persisted-query hash), the variables and the operation name.
``If-None-Match`` with the current tag is answered 304 without running the query.
The version is read before the query runs, so a tag can only lag behind the data it
is sent with (costing one more full answer later), never name data it does not hold.
Every other response is ``Cache-Control: no-store``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from importlib import metadata

import orjson
from starlette.responses import Response

CACHE_CONTROL = "private, no-cache"
NO_STORE = "no-store"
VARY = "Authorization, Accept-Encoding"


def schema_build(sdl: str) -> str:
    """What identifies the served schema and code: the SDL and the package version."""
    try:
        version = metadata.version("healthhub")
    except metadata.PackageNotFoundError:
        version = "0"
    return hashlib.sha256(f"{version}\n{sdl}".encode()).hexdigest()[:16]


def is_get_operation(method: str, params: Mapping[str, str]) -> bool:
    """A GET that runs an operation (not the GraphiQL page)."""
    return method == "GET" and ("query" in params or "extensions" in params)


def etag(user_id: str, data_version: int, build: str, params: Mapping[str, str]) -> str:
    """The weak tag of a GET operation for this user at this data version."""
    persisted = _persisted_hash(params.get("extensions"))
    parts = [
        user_id,
        str(data_version),
        build,
        persisted if persisted is not None else params.get("query", ""),
        params.get("variables", ""),
        params.get("operationName", ""),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """Whether ``If-None-Match`` names ``tag`` (weak comparison, ``*`` included)."""
    if not if_none_match:
        return False
    opaque = tag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == opaque:
            return True
    return False


def not_modified(tag: str) -> Response:
    return Response(status_code=304, headers=cache_headers(tag))


def cache_headers(tag: str) -> dict[str, str]:
    return {"ETag": tag, "Cache-Control": CACHE_CONTROL, "Vary": VARY}


def _persisted_hash(extensions: str | None) -> str | None:
    if not extensions:
        return None
    try:
        parsed = orjson.loads(extensions)
    except orjson.JSONDecodeError:
        return None
    persisted = parsed.get("persistedQuery") if isinstance(parsed, dict) else None
    digest = persisted.get("sha256Hash") if isinstance(persisted, dict) else None
    return f"sha256:{digest}" if isinstance(digest, str) else None
