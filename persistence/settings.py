"""The one settings object, read from the environment (and an optional ``.env``)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

_ORIGIN = re.compile(r"https?://[^/\s:]+(:\d{1,5})?")


class Settings(BaseSettings):
    """Configuration of the service; invalid values fail at start-up, not mid-request."""

    model_config = SettingsConfigDict(
        env_prefix="HEALTHHUB_", env_file=".env", extra="ignore", frozen=True
    )

    database_url: str = "sqlite:///./healthhub.db"
    max_upload_bytes: int = Field(default=10 * 1024 * 1024, gt=0)
    #: A secret: its repr is masked, so logging the settings never shows it.
    api_token: SecretStr | None = None
    #: Seconds to wait for the database to accept a connection or a statement.
    database_timeout_seconds: float = Field(default=5.0, gt=0)
    #: Complete lists of leaf-only objects in one loop per row (graph/fastpath.py);
    #: off runs graphql-core's stock executor, for comparison and debugging.
    fast_executor: bool = True
    #: Origins whose browser pages may call the API (CORS), comma-separated, such as
    #: ``https://dash.example.org,http://localhost:5173``; ``*`` allows any origin.
    cors_origins: Annotated[tuple[str, ...], NoDecode] = ()
    #: Answer introspection queries (GraphiQL and codegen need them).
    introspection: bool = True
    #: ``text`` for people, ``json`` (one object a line) for log collectors.
    log_format: Literal["text", "json"] = "text"

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, url: str) -> str:
        if not url.startswith(("sqlite", "postgresql")):
            raise ValueError(
                "HEALTHHUB_DATABASE_URL must start with sqlite:/// or postgresql+psycopg://"
            )
        return url

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

    @field_validator("api_token")
    @classmethod
    def _blank_token_is_none(cls, token: SecretStr | None) -> SecretStr | None:
        return token if token is not None and token.get_secret_value() else None
