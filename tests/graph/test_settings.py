"""HTTP settings: HEALTHHUB_MAX_IMPORT_BYTES is 2,000,000,000 by default, never past Int!."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from graph.http.settings import Settings


def test_the_import_limit_defaults_to_two_billion_bytes() -> None:
    assert Settings(_env_file=None).max_import_bytes == 2_000_000_000


def test_an_import_limit_past_int32_fails_at_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEALTHHUB_MAX_IMPORT_BYTES", str(2**31))
    with pytest.raises(ValidationError, match="max_import_bytes"):
        Settings(_env_file=None)
