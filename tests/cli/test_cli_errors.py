"""Every command error is one line naming what is wrong and what to do, with exit status 2
and no traceback (docs/operations.md, "Command line")."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.main import main
from tests.cli.console import run_healthhub

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "seed_sample_semicolon_dmy.csv"
KPIS = ["kpis", "--start", "2026-03-01", "--end", "2026-03-07"]
TOKEN = "cli-test-token-0123456789abcdefghijkl"


@pytest.fixture(autouse=True)
def _own_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test runs in an empty folder (no .env of the checkout) on its own SQLite file."""
    monkeypatch.chdir(tmp_path)
    for name in [name for name in os.environ if name.startswith("HEALTHHUB_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("HEALTHHUB_DATABASE_URL", f"sqlite:///{tmp_path / 'hub.db'}")


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("healthhub: "), err
    return lines[0]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def listening_port() -> Iterator[int]:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        yield taken.getsockname()[1]


def test_a_missing_file_is_named_with_what_to_give(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "no-such.csv"]) == 2
    line = _one_line(capsys)
    assert "no-such.csv: no such file" in line
    assert "give the path of a CSV file" in line


def test_a_folder_given_as_the_file_to_ingest_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "exports").mkdir()
    assert main(["ingest", "exports"]) == 2
    assert "exports is a folder; give the path of a file" in _one_line(capsys)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("missing/out.csv", "cannot write missing/out.csv: missing does not exist"),
        ("plain.txt/out.csv", "plain.txt is not a folder"),
        (".", ". is a folder; give a file name, such as export.csv"),
    ],
)
def test_an_export_path_that_cannot_be_written_is_refused_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str, expected: str
) -> None:
    (tmp_path / "plain.txt").write_text("not a folder")
    assert main(["export", target]) == 2
    assert expected in _one_line(capsys)
    assert not (tmp_path / "hub.db").exists(), "refused before touching the database"


@pytest.mark.skipif(not Path("/sys").is_dir(), reason="needs a read-only /sys (Linux)")
def test_an_export_into_a_read_only_folder_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade"]) == 0
    capsys.readouterr()
    # /sys refuses new files even to root, which file permissions would not.
    assert main(["export", "/sys/healthhub-export.csv"]) == 2
    line = _one_line(capsys)
    assert "cannot write /sys/healthhub-export.csv: Permission denied" in line
    assert "choose a path you can write" in line


@pytest.mark.parametrize(
    "command",
    [KPIS, ["db", "upgrade"], ["ingest", str(SAMPLE)], ["users", "list"]],
    ids=["kpis", "db-upgrade", "ingest", "users-list"],
)
def test_a_postgresql_that_does_not_answer_is_one_line_saying_to_start_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    port = _closed_port()
    monkeypatch.setenv(
        "HEALTHHUB_DATABASE_URL", f"postgresql+psycopg://u:secret@127.0.0.1:{port}/x"
    )

    assert main(command) == 2
    line = _one_line(capsys)
    assert f"the database at 127.0.0.1:{port} does not answer" in line
    assert "start it, or set HEALTHHUB_DATABASE_URL" in line
    assert "secret" not in line


@pytest.mark.parametrize(
    "command", [KPIS, ["db", "upgrade"], ["ingest", str(SAMPLE)]], ids=["kpis", "db", "ingest"]
)
def test_a_sqlite_file_in_a_missing_folder_names_the_folder(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    missing = tmp_path / "nowhere" / "deeper"
    monkeypatch.setenv("HEALTHHUB_DATABASE_URL", f"sqlite:///{missing / 'hub.db'}")

    assert main(command) == 2
    line = _one_line(capsys)
    assert f"the folder {missing} does not exist; create it" in line
    assert not missing.exists()


def test_serve_on_a_port_in_use_says_so_before_migrating(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], listening_port: int
) -> None:
    assert main(["serve", "--port", str(listening_port)]) == 2
    line = _one_line(capsys)
    assert f"port {listening_port} on 127.0.0.1 is in use" in line
    assert "--port N" in line
    assert not (tmp_path / "hub.db").exists(), "refused before migrating"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("HEALTHHUB_MAX_UPLOAD_BYTES", "lots"),
        ("HEALTHHUB_LOCK_WAIT_SECONDS", "-1"),
        ("HEALTHHUB_CORS_ORIGINS", "dash.example.org"),
        ("HEALTHHUB_DATABASE_URL", "mysql://db"),
    ],
)
def test_a_malformed_setting_is_named_by_its_variable(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    variable: str,
    value: str,
) -> None:
    monkeypatch.setenv(variable, value)
    assert main(KPIS) == 2
    line = _one_line(capsys)
    assert line.startswith(f"healthhub: {variable} is not valid: ")
    assert "fix it in the environment or in .env" in line


def test_a_malformed_setting_in_env_is_named_and_a_token_never_echoed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".env").write_text("HEALTHHUB_API_TOKEN=too-short-to-be-a-token\n")
    assert main(KPIS) == 2
    line = _one_line(capsys)
    assert line.startswith("healthhub: HEALTHHUB_API_TOKEN is not valid: ")
    assert "too-short-to-be-a-token" not in line


def test_serve_says_when_a_dot_env_turns_token_mode_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], listening_port: int
) -> None:
    (tmp_path / ".env").write_text(f"HEALTHHUB_API_TOKEN={TOKEN}\n")
    assert main(["serve", "--port", str(listening_port)]) == 2
    err = capsys.readouterr().err
    assert f"read settings from {tmp_path / '.env'}" in err
    assert "its HEALTHHUB_API_TOKEN turns token mode on" in err
    assert TOKEN not in err


def test_serve_says_a_dot_env_without_a_token_leaves_token_mode_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], listening_port: int
) -> None:
    (tmp_path / ".env").write_text("HEALTHHUB_LOG_FORMAT=json\n")
    assert main(["serve", "--port", str(listening_port)]) == 2
    assert "it sets no HEALTHHUB_API_TOKEN" in capsys.readouterr().err


def test_the_console_shows_no_traceback_when_the_database_is_down(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/x"
    finished = run_healthhub(KPIS, tmp_path, HEALTHHUB_DATABASE_URL=url)

    assert finished.returncode == 2
    assert "Traceback" not in finished.stderr
    assert len(finished.stderr.strip().splitlines()) == 1, finished.stderr


def test_the_top_level_help_shows_no_markup(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    out = capsys.readouterr().out
    assert exited.value.code == 0
    assert "``" not in out
    for command in ("serve", "ingest", "kpis", "export", "export-schema", "db", "users"):
        assert f"    {command}" in out


def test_serve_help_describes_host_port_and_workers_with_their_defaults(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--host HOST address to listen on" in out
    assert "(default: 127.0.0.1)" in out
    assert "--port PORT TCP port to listen on (default: 8000)" in out
    assert "--workers WORKERS worker processes" in out
    assert "(default: 1)" in out


def test_kpis_help_gives_the_date_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["kpis", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--start YYYY-MM-DD" in out
    assert "(default: table)" in out
