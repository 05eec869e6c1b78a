"""The database settings, read from the environment (and an optional ``.env``).

The migrations read these without importing the web layer; the HTTP layer's settings
(graph/http/settings.py) extend them. Both read the one ``HEALTHHUB_`` prefix
(docs/operations.md, Configuration).
"""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

#: Where every setting is read: environment variables with this prefix, then ``.env``.
ENV_PREFIX = "HEALTHHUB_"


class DatabaseSettings(BaseSettings):
    """Where the data lives and how long to wait for it; invalid values fail at start-up."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_file=".env", extra="ignore", frozen=True
    )

    database_url: str = "sqlite:///./healthhub.db"
    #: Seconds to wait for the database to accept a connection or a statement.
    database_timeout_seconds: float = Field(default=5.0, gt=0)
    #: How long a write waits for the user's database lock, and an upload for its slot,
    #: before the client is told ``BUSY`` (docs/security.md).
    lock_wait_seconds: float = Field(default=120.0, gt=0)

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, url: str) -> str:
        if not url.startswith(("sqlite", "postgresql")):
            raise ValueError(
                "HEALTHHUB_DATABASE_URL must start with sqlite:/// or postgresql+psycopg://"
            )
        return url
