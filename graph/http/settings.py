"""The service's settings: the database's (persistence/settings.py) and the HTTP layer's."""

from __future__ import annotations

import os
import re
from ipaddress import IPv4Network, IPv6Network, ip_network
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import NoDecode

from persistence.settings import DatabaseSettings

_ORIGIN = re.compile(r"https?://[^/\s:]+(:\d{1,5})?")

#: Shortest access token accepted: 32 characters are beyond guessing over the network.
MIN_TOKEN_LENGTH = 32
#: Fewest different characters in it: ``aaaa…`` is long but guessable.
MIN_TOKEN_DISTINCT = 10


class Settings(DatabaseSettings):
    """Configuration of the service; invalid values fail at start-up, not mid-request."""

    max_upload_bytes: int = Field(default=10 * 1024 * 1024, gt=0)
    #: ZIP and XML imports (Apple Health exports run to hundreds of MB); at most
    #: 2^31 - 1 so a report's ``sizeBytes: Int!`` holds it (docs/imports/index.md).
    max_import_bytes: int = Field(default=2_000_000_000, gt=0, le=2**31 - 1)
    #: A secret: its repr is masked, so logging the settings never shows it.
    api_token: SecretStr | None = None
    #: Complete lists of leaf-only objects in one loop per row (graph/execution/fastpath.py);
    #: off runs graphql-core's stock executor, for comparison and debugging.
    fast_executor: bool = True
    #: Uploads parsed and applied at once in one process: each holds its file and rows
    #: in memory, so this bounds the memory uploads take (docs/security.md).
    max_parallel_uploads: int = Field(default_factory=lambda: max(2, os.cpu_count() or 1), ge=1)
    #: Open connections one process serves; the next get 503 ``SERVICE_UNAVAILABLE``, so
    #: idle or slow clients cannot take every socket (docs/security.md).
    max_connections: int = Field(default=200, ge=1)
    #: Open connections from one client address: one client cannot take every socket
    #: from the others (docs/security.md).
    max_connections_per_client: int = Field(default=32, ge=1)
    #: Reverse proxies (addresses or networks, comma-separated) whose
    #: ``X-Forwarded-For`` names the client; from anyone else the header is ignored.
    trusted_proxies: Annotated[tuple[IPv4Network | IPv6Network, ...], NoDecode] = ()
    #: After SIGTERM, how long requests in flight may finish on their own before what is
    #: left rolls back with ``BUSY`` (docs/operations.md); the process exits 3 s later.
    shutdown_grace_seconds: float = Field(default=25.0, gt=0, le=25.0)
    #: Origins whose browser pages may call the API (CORS), comma-separated, such as
    #: ``https://dash.example.org,http://localhost:5173``; ``*`` allows any origin.
    cors_origins: Annotated[tuple[str, ...], NoDecode] = ()
    #: Answer introspection queries (GraphiQL and codegen need them).
    introspection: bool = True
    #: ``text`` for people, ``json`` (one object a line) for log collectors.
    log_format: Literal["text", "json"] = "text"

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _origin_list(cls, value: object) -> tuple[str, ...]:
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list | tuple):
            raise ValueError("HEALTHHUB_CORS_ORIGINS must be a comma-separated list of origins")
        origins = tuple(str(item).strip().rstrip("/") for item in items if str(item).strip())
        for origin in origins:
            if origin != "*" and not _ORIGIN.fullmatch(origin):
                raise ValueError(
                    f"HEALTHHUB_CORS_ORIGINS: {origin!r} is not an origin; write "
                    "scheme://host[:port] such as https://dash.example.org, or *"
                )
        return origins

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _proxy_list(cls, value: object) -> tuple[IPv4Network | IPv6Network, ...]:
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list | tuple):
            raise ValueError("HEALTHHUB_TRUSTED_PROXIES must be a comma-separated list")
        try:
            return tuple(ip_network(str(item).strip()) for item in items if str(item).strip())
        except ValueError as error:
            raise ValueError(
                f"HEALTHHUB_TRUSTED_PROXIES: {error}; write addresses or networks such as "
                "127.0.0.1,10.0.0.0/8"
            ) from error

    @field_validator("api_token")
    @classmethod
    def _blank_token_is_none(cls, token: SecretStr | None) -> SecretStr | None:
        if token is None or not token.get_secret_value():
            return None
        if len(token.get_secret_value()) < MIN_TOKEN_LENGTH:
            raise ValueError(
                f"HEALTHHUB_API_TOKEN must be at least {MIN_TOKEN_LENGTH} characters long "
                "(e.g. openssl rand -hex 32); a short token can be guessed"
            )
        if len(set(token.get_secret_value())) < MIN_TOKEN_DISTINCT:
            raise ValueError(
                f"HEALTHHUB_API_TOKEN must have at least {MIN_TOKEN_DISTINCT} different "
                "characters (e.g. openssl rand -hex 32); a repetitive token can be guessed"
            )
        return token
