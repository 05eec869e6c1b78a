"""The database settings stand alone: the migrations read them without the HTTP layer's."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from persistence.settings import DatabaseSettings


def test_the_database_settings_read_the_one_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEALTHHUB_DATABASE_URL", "sqlite:///./elsewhere.db")
    monkeypatch.setenv("HEALTHHUB_LOCK_WAIT_SECONDS", "7")

    settings = DatabaseSettings(_env_file=None)

    assert settings.database_url == "sqlite:///./elsewhere.db"
    assert settings.lock_wait_seconds == 7


def test_a_malformed_http_setting_does_not_stop_the_database_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HEALTHHUB_MAX_UPLOAD_BYTES", "lots")

    assert DatabaseSettings(_env_file=None).database_url == "sqlite:///./healthhub.db"


def test_an_unknown_database_is_refused_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HEALTHHUB_DATABASE_URL", "mysql://root@localhost/x")

    with pytest.raises(ValidationError, match="HEALTHHUB_DATABASE_URL"):
        DatabaseSettings(_env_file=None)
