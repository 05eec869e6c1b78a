"""The access token never shows up in the settings' text or in the server's log."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest

from graph.http.settings import Settings
from tests.support.server import running_server


def test_the_settings_never_print_the_token() -> None:
    token = f"token-{uuid.uuid4().hex}"
    settings = Settings(api_token=token, _env_file=None)
    assert settings.api_token is not None
    assert settings.api_token.get_secret_value() == token
    for text in (repr(settings), str(settings), settings.model_dump_json()):
        assert token not in text


@pytest.mark.slow
def test_the_server_log_holds_neither_the_token_nor_a_wrong_one(
    database_url: str, tmp_path: Path
) -> None:
    token, wrong = f"right-{uuid.uuid4().hex}", f"wrong-{uuid.uuid4().hex}"
    log = tmp_path / "server.log"
    with running_server(database_url, log, env={"HEALTHHUB_API_TOKEN": token}) as server:
        url = f"{server.base_url}/graphql"
        query = {"query": '{ kpis(start: "2026-03-02", end: "2026-03-01") { date } }'}
        assert httpx.post(url, json=query).status_code == 401
        bad = httpx.post(url, json=query, headers={"Authorization": f"Bearer {wrong}"})
        assert bad.status_code == 401
        assert wrong not in bad.text
        good = httpx.post(url, json=query, headers={"Authorization": f"Bearer {token}"})
        assert good.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        text = server.log_text()
    assert "POST /graphql" in text, "the log was captured"
    assert token not in text
    assert wrong not in text
