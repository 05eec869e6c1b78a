"""Accounts (docs/accounts.md): the users commands, tokens, and who a request acts as."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine, inspect, select
from starlette.websockets import WebSocketDisconnect

from cli.main import main
from domain import services
from domain.ports import UnitOfWork
from graph.http.app import create_app
from graph.http.settings import Settings
from persistence.accounts import SqlAccountStore
from persistence.tables import TOKENS
from tests.graph.api import local_client

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "seed_sample_semicolon_dmy.csv"
API_TOKEN = "operator-" + "x" * 40
NOW = datetime(2026, 3, 20, tzinfo=UTC)
ME = {"query": "{ me { name createdAt } dataRange { daysLogged } }"}


@pytest.fixture(autouse=True)
def _cli_database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEALTHHUB_DATABASE_URL", database_url)
    monkeypatch.setenv("HEALTHHUB_API_TOKEN", "")


@pytest.fixture
def client(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    guarded = settings.model_copy(update={"api_token": SecretStr(API_TOKEN)})
    with TestClient(create_app(guarded, engine=engine)) as test_client:
        yield test_client


@pytest.fixture
def open_client(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    with local_client(create_app(settings, engine=engine)) as test_client:
        yield test_client


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def add_user(capsys: pytest.CaptureFixture[str], name: str, *options: str) -> str:
    code, out, err = run(capsys, "users", "add", name, *options)
    assert code == 0, err
    return out.strip()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def me(client: TestClient, token: str | None) -> Any:
    response = client.post("/graphql", json=ME, headers=bearer(token) if token else {})
    return response.status_code, response.json()


# --- the users commands -------------------------------------------------------------------


def test_users_add_prints_a_token_once_and_stores_only_its_hash(
    capsys: pytest.CaptureFixture[str], engine: Engine
) -> None:
    token = add_user(capsys, "alice")

    assert token.startswith("hh_")
    assert len(token) == 3 + 43  # 32 bytes, URL-safe base64 without padding
    with engine.connect() as connection:
        stored = connection.execute(select(TOKENS)).mappings().one()
    assert token not in json.dumps({k: str(v) for k, v in stored.items()})
    assert stored["prefix"] == token[:11]
    assert stored["last_used_at"] is None


def test_users_list_shows_created_token_count_and_last_use(
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_user(capsys, "bob")
    add_user(capsys, "alice")
    assert run(capsys, "users", "token", "alice")[0] == 0

    code, out, _ = run(capsys, "users", "list")

    assert code == 0
    header, *lines = out.splitlines()
    assert header.split() == ["name", "created", "tokens", "last", "used"]
    assert [line.split()[0] for line in lines] == ["alice", "bob"]
    assert lines[0].split()[2:] == ["2", "never"]
    assert lines[1].split()[2:] == ["1", "never"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("local", "reserved"),
        ("Alice", "not allowed"),
        ("a b", "not allowed"),
        ("", "not allowed"),
        ("x" * 65, "not allowed"),
    ],
)
def test_users_add_refuses_a_reserved_or_malformed_name(
    capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    code, out, err = run(capsys, "users", "add", name)

    assert code == 2
    assert out == ""
    assert message in err


def test_users_add_refuses_a_name_that_exists(capsys: pytest.CaptureFixture[str]) -> None:
    add_user(capsys, "alice")

    code, _, err = run(capsys, "users", "add", "alice")

    assert code == 2
    assert "already exists" in err


def test_a_revoked_token_no_longer_opens_the_api(
    capsys: pytest.CaptureFixture[str], client: TestClient
) -> None:
    first = add_user(capsys, "alice")
    second = run(capsys, "users", "token", "alice")[1].strip()
    assert me(client, first)[0] == me(client, second)[0] == 200

    code, out, _ = run(capsys, "users", "revoke", "alice", "--token", first[:9])

    assert (code, out.strip()) == (0, "revoked 1 token of 'alice'")
    assert me(client, first)[0] == 401
    assert me(client, second)[0] == 200
    assert run(capsys, "users", "revoke", "alice")[1].strip() == "revoked 1 token of 'alice'"
    assert me(client, second)[0] == 401


@pytest.mark.parametrize(
    ("prefix", "message"), [("hh_", "at least 4 more"), ("zz_abcdef", "at least 4 more")]
)
def test_revoke_refuses_a_prefix_too_short(
    capsys: pytest.CaptureFixture[str], prefix: str, message: str
) -> None:
    add_user(capsys, "alice")

    code, _, err = run(capsys, "users", "revoke", "alice", "--token", prefix)

    assert code == 2
    assert message in err


def test_revoke_names_a_prefix_that_matches_no_token(capsys: pytest.CaptureFixture[str]) -> None:
    token = add_user(capsys, "alice")
    other = "hh_" + ("A" if token[3] != "A" else "B") * 6

    code, _, err = run(capsys, "users", "revoke", "alice", "--token", other)

    assert code == 2
    assert "no token of 'alice' starts with" in err


def test_users_remove_needs_yes_and_then_deletes_the_user_and_all_its_data(
    capsys: pytest.CaptureFixture[str], uow_factory: Callable[[], UnitOfWork]
) -> None:
    add_user(capsys, "alice")
    add_user(capsys, "bob")
    for name in ("alice", "bob"):
        assert run(capsys, "ingest", str(SAMPLE), "--user", name)[0] == 0

    code, _, err = run(capsys, "users", "remove", "alice")
    assert code == 2
    assert "--yes" in err
    assert services.data_range(uow_factory(), "alice").days_logged > 0

    assert run(capsys, "users", "remove", "alice", "--yes")[0] == 0

    assert services.data_range(uow_factory(), "alice").days_logged == 0
    assert services.list_ingestions(uow_factory(), "alice", 100) == []
    assert services.data_range(uow_factory(), "bob").days_logged > 0
    assert [line.split()[0] for line in run(capsys, "users", "list")[1].splitlines()[1:]] == ["bob"]
    assert "there is no user 'alice'" in run(capsys, "users", "remove", "alice", "--yes")[2]


def test_adopt_local_gives_the_new_user_the_implicit_user_s_data(
    capsys: pytest.CaptureFixture[str], uow_factory: Callable[[], UnitOfWork]
) -> None:
    assert run(capsys, "ingest", str(SAMPLE))[0] == 0
    days = services.list_days(uow_factory(), "local", date(2020, 1, 1), date(2029, 12, 31))
    assert days

    add_user(capsys, "alice", "--adopt-local")

    assert services.data_range(uow_factory(), "local").days_logged == 0
    assert services.list_ingestions(uow_factory(), "local", 100) == []
    moved = services.list_days(uow_factory(), "alice", days[0].date, days[-1].date)
    assert moved == days
    assert len(services.list_ingestions(uow_factory(), "alice", 100)) == 1


def test_the_data_commands_act_as_the_user_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add_user(capsys, "alice")
    assert run(capsys, "ingest", str(SAMPLE), "--user", "alice")[0] == 0

    alice = json.loads(
        run(capsys, "kpis", "--start", "2026-03-01", "--end", "2026-03-18", "--format", "json",
            "--user", "alice")[1]
    )  # fmt: skip
    local = json.loads(
        run(capsys, "kpis", "--start", "2026-03-01", "--end", "2026-03-18", "--format", "json")[1]
    )
    assert alice
    assert local == []
    assert run(capsys, "export", str(tmp_path / "a.csv"), "--user", "alice")[0] == 0
    assert run(capsys, "export", str(tmp_path / "l.csv"))[0] == 0
    assert (tmp_path / "a.csv").read_text().count("\n") == len(SAMPLE.read_text().splitlines())
    assert (tmp_path / "l.csv").read_text().count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["kpis", "--start", "2026-03-01", "--end", "2026-03-02"],
        ["export", "out.csv"],
        ["ingest", str(SAMPLE)],
    ],
)
def test_a_data_command_for_an_unknown_user_is_refused(
    capsys: pytest.CaptureFixture[str], argv: list[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, *argv, "--user", "nobody")

    assert code == 2
    assert "there is no user 'nobody'" in err


def test_read_only_commands_never_migrate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    monkeypatch.setenv("HEALTHHUB_DATABASE_URL", url)

    for argv in (["kpis", "--start", "2026-03-01", "--end", "2026-03-02"], ["users", "list"]):
        code, _, err = run(capsys, *argv)
        assert code == 2
        assert "healthhub db upgrade" in err

    from persistence.database import create_engine_for

    engine = create_engine_for(url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


# --- authentication over HTTP -------------------------------------------------------------


def test_without_users_requests_act_as_the_implicit_user_without_a_token(
    open_client: TestClient,
) -> None:
    status, body = me(open_client, None)

    assert status == 200
    assert body["data"]["me"]["name"] == "local"


def test_the_first_user_turns_on_accounts_mode_without_a_restart(
    capsys: pytest.CaptureFixture[str], open_client: TestClient
) -> None:
    assert me(open_client, None)[0] == 200

    token = add_user(capsys, "alice")

    status, body = me(open_client, None)
    assert status == 401
    assert body == {
        "errors": [
            {
                "message": body["errors"][0]["message"],
                "extensions": {"code": "UNAUTHENTICATED"},
            }
        ]
    }
    status, body = me(open_client, token)
    assert status == 200
    assert body["data"]["me"]["name"] == "alice"


def test_a_refusal_never_tells_whether_a_user_or_token_exists(
    capsys: pytest.CaptureFixture[str], client: TestClient
) -> None:
    token = add_user(capsys, "alice")
    run(capsys, "users", "revoke", "alice")
    unknown = "hh_" + "Q" * 43
    answers = []
    for headers in ({}, bearer(token), bearer(unknown), bearer("alice"), {"Authorization": "x"}):
        response = client.post("/graphql", json=ME, headers=headers)
        answers.append(
            (response.status_code, response.headers["www-authenticate"], response.content)
        )

    assert len(set(answers)) == 1
    assert answers[0][:2] == (401, "Bearer")


def test_each_token_acts_as_its_user_and_the_api_token_as_local(
    capsys: pytest.CaptureFixture[str], client: TestClient
) -> None:
    alice, bob = add_user(capsys, "alice"), add_user(capsys, "bob")
    assert run(capsys, "ingest", str(SAMPLE), "--user", "bob")[0] == 0

    answers = {who: me(client, token)[1]["data"] for who, token in
               (("alice", alice), ("bob", bob), ("local", API_TOKEN))}  # fmt: skip

    assert {who: a["me"]["name"] for who, a in answers.items()} == {
        "alice": "alice",
        "bob": "bob",
        "local": "local",
    }
    assert answers["alice"]["dataRange"]["daysLogged"] == 0
    assert answers["bob"]["dataRange"]["daysLogged"] > 0
    assert answers["local"]["dataRange"]["daysLogged"] == 0


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("GET", "/healthz", {}),
        ("OPTIONS", "/graphql", {"Origin": "https://x.example"}),
        ("GET", "/graphql", {"Accept": "text/html"}),
    ],
)
def test_the_public_requests_need_no_token_in_accounts_mode(
    capsys: pytest.CaptureFixture[str],
    client: TestClient,
    method: str,
    path: str,
    headers: dict[str, str],
) -> None:
    add_user(capsys, "alice")

    response = client.request(method, path, headers=headers)

    assert response.status_code != 401


@pytest.mark.parametrize(
    "url", ["/graphql?query=%7Bme%7Bname%7D%7D", "/graphql?extensions=%7B%7D", "/metrics"]
)
def test_a_get_that_runs_an_operation_or_reads_metrics_needs_the_token(
    capsys: pytest.CaptureFixture[str], client: TestClient, url: str
) -> None:
    token = add_user(capsys, "alice")

    assert client.get(url, headers={"Accept": "text/html"}).status_code == 401
    if url == "/metrics":  # only the operator's token reads metrics
        assert client.get(url, headers=bearer(token)).status_code == 401
        assert client.get(url, headers=bearer(API_TOKEN)).status_code != 401


def test_a_websocket_without_a_valid_token_is_refused(
    capsys: pytest.CaptureFixture[str], client: TestClient
) -> None:
    add_user(capsys, "alice")

    with pytest.raises(WebSocketDisconnect) as refused, client.websocket_connect("/graphql"):
        pass
    assert refused.value.code == 1008


def test_last_use_is_recorded_off_the_request_and_at_most_hourly(
    capsys: pytest.CaptureFixture[str], client: TestClient, engine: Engine
) -> None:
    token = add_user(capsys, "alice")
    store = SqlAccountStore(engine)

    assert me(client, token)[0] == 200
    deadline = time.monotonic() + 10
    while store.list_users()[0].last_used_at is None and time.monotonic() < deadline:
        time.sleep(0.05)
    first = store.list_users()[0].last_used_at
    assert first is not None

    assert me(client, token)[0] == 200
    time.sleep(0.3)
    assert store.list_users()[0].last_used_at == first


def test_a_new_user_starts_empty_even_if_rows_under_the_name_were_left_behind(
    capsys: pytest.CaptureFixture[str], uow_factory: Callable[[], UnitOfWork]
) -> None:
    # A write that passed authentication just before its user was removed lands after.
    assert run(capsys, "ingest", str(SAMPLE))[0] == 0
    add_user(capsys, "carol", "--adopt-local")
    assert run(capsys, "users", "remove", "carol", "--yes")[0] == 0
    services.update_profile(uow_factory(), "carol", {"steps_goal": 5_000}, now=NOW)

    add_user(capsys, "carol")

    assert services.get_profile(uow_factory(), "carol").is_default


def test_serve_listens_beyond_loopback_once_a_user_exists(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    monkeypatch.setenv("HEALTHHUB_DATABASE_URL", url)
    command = [sys.executable, "-m", "cli.main", "serve", "--host", "192.0.2.1", "--port", "8999"]
    env = {**os.environ, "HEALTHHUB_API_TOKEN": "", "HEALTHHUB_DATABASE_URL": url}
    assert run(capsys, "db", "upgrade")[0] == 0

    refused = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    add_user(capsys, "alice")
    # 192.0.2.1 (TEST-NET-1) is no address of this machine: binding fails after the check.
    allowed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)

    assert refused.returncode == 2
    assert "refusing to listen" in refused.stderr
    assert "refusing to listen" not in allowed.stderr
    assert "192.0.2.1" in allowed.stderr  # uvicorn's own error: the address is not ours


def test_once_a_user_exists_other_host_names_are_answered_with_a_token(
    capsys: pytest.CaptureFixture[str], settings: Settings, engine: Engine
) -> None:
    # Without a token needed only loopback Host names are served (docs/security.md);
    # with users, tokens are needed, so a hub behind a public name works.
    app = create_app(settings, engine=engine)
    with TestClient(app, base_url="http://hub.example.org") as public:
        assert me(public, None)[0] == 400
        token = add_user(capsys, "alice")

        assert me(public, None)[0] == 401
        status, body = me(public, token)
    assert status == 200
    assert body["data"]["me"]["name"] == "alice"


DRY_RUN = """mutation($file: Upload!) { uploadCsv(file: $file, dryRun: true) {
  rowsInserted rowsUpdated rowsUnchanged dryRun } }"""


def test_a_dry_run_is_measured_against_the_user_s_own_data(
    capsys: pytest.CaptureFixture[str], client: TestClient
) -> None:
    alice, bob = add_user(capsys, "alice"), add_user(capsys, "bob")
    assert run(capsys, "ingest", str(SAMPLE), "--user", "bob")[0] == 0

    def dry_run(token: str) -> dict[str, Any]:
        operations = {"query": DRY_RUN, "variables": {"file": None}}
        response = client.post(
            "/graphql",
            data={"operations": json.dumps(operations), "map": '{"0": ["variables.file"]}'},
            files={"0": ("sample.csv", SAMPLE.read_bytes(), "text/csv")},
            headers=bearer(token),
        )
        report: dict[str, Any] = response.json()["data"]["uploadCsv"]
        return report

    for_alice, for_bob = dry_run(alice), dry_run(bob)

    assert for_alice["dryRun"] is True
    assert for_alice["rowsInserted"] > 0
    assert for_alice["rowsUnchanged"] == 0
    assert for_bob["rowsInserted"] == 0
    assert for_bob["rowsUnchanged"] == for_alice["rowsInserted"]
    assert me(client, alice)[1]["data"]["dataRange"]["daysLogged"] == 0
