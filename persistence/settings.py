"""The one settings object, read from the environment (and an optional ``.env``)."""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Configuration of the service; invalid values fail at start-up, not mid-request."""

    model_config = SettingsConfigDict(
        env_prefix="HEALTHHUB_", env_file=".env", extra="ignore", frozen=True
    )

    database_url: str = "sqlite:///./healthhub.db"
    max_upload_bytes: int = Field(default=10 * 1024 * 1024, gt=0)
    #: ZIP and XML imports (Apple Health exports run to hundreds of MB); at most
    #: 2^31 - 1 so a report's ``sizeBytes: Int!`` holds it (docs/imports/index.md).
    max_import_bytes: int = Field(default=2_000_000_000, gt=0, le=2**31 - 1)
    #: A secret: its repr is masked, so logging the settings never shows it.
    api_token: SecretStr | None = None
    #: Seconds to wait for the database to accept a connection or a statement.
    database_timeout_seconds: float = Field(default=5.0, gt=0)
    #: Complete lists of leaf-only objects in one loop per row (graph/fastpath.py);
    #: off runs graphql-core's stock executor, for comparison and debugging.
    fast_executor: bool = True

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, url: str) -> str:
        if not url.startswith(("sqlite", "postgresql")):
            raise ValueError(
                "HEALTHHUB_DATABASE_URL must start with sqlite:/// or postgresql+psycopg://"
            )
        return url

    @field_validator("api_token")
    @classmethod
    def _blank_token_is_none(cls, token: SecretStr | None) -> SecretStr | None:
        return token if token is not None and token.get_secret_value() else None
