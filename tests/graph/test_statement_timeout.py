"""A PostgreSQL statement timeout inside a raw bulk path (psycopg's COPY, below
SQLAlchemy) answers 503 ``DATABASE_UNAVAILABLE`` over the real ``healthhub serve``,
with nothing stored and no traceback or value in the log (docs/security.md).

A trigger on ``daily_metrics`` sleeps on each row, so the COPY of a 100-day upload
outlasts the 1 s statement timeout; the database is a throwaway one of its own.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import httpx
import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.support.databases import need_postgres, throwaway_database
from tests.support.server import running_server

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
TOKEN = "timeout-test-token-0123456789abcdefghij"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SLOW_ROWS = """
CREATE FUNCTION slow_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_sleep(0.05); RETURN NEW; END $$;
CREATE TRIGGER slow_rows BEFORE INSERT ON daily_metrics FOR EACH ROW EXECUTE FUNCTION slow_row();
"""


def test_a_statement_timeout_in_a_copy_answers_database_unavailable(tmp_path: Path) -> None:
    need_postgres()
    start = date(2025, 1, 1)
    csv = "date,steps_n,weight_kg\n" + "".join(
        f"{start + timedelta(days=i)},{7000 + i},{80.5 + i / 100:.2f}\n" for i in range(100)
    )
    secret_steps = "7042"  # a value the file carries: never in the log
    env = {"HEALTHHUB_API_TOKEN": TOKEN, "HEALTHHUB_DATABASE_TIMEOUT_SECONDS": "1"}
    with (
        throwaway_database() as url,
        running_server(url, tmp_path / "server.log", env=env) as server,
    ):
        libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(libpq, autocommit=True) as admin:
            admin.execute(SLOW_ROWS)
        response = httpx.post(
            f"{server.base_url}/graphql",
            data={
                "operations": '{"query": "mutation($f: Upload!) { uploadCsv(file: $f) '
                '{ status } }", "variables": {"f": null}}',
                "map": '{"0": ["variables.f"]}',
            },
            files={"0": ("days.csv", csv.encode(), "text/csv")},
            headers={**AUTH, "Apollo-Require-Preflight": "true"},
            timeout=60,
        )
        with psycopg.connect(libpq) as check:
            stored = check.execute("SELECT count(*) FROM daily_metrics").fetchone()
            reports = check.execute("SELECT count(*) FROM ingestions").fetchone()
        log = server.log_text()

    assert response.status_code == 503
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "DATABASE_UNAVAILABLE"
    assert response.headers["retry-after"]
    assert stored == (0,)
    assert reports == (0,)
    assert "QueryCanceled" in log
    assert "Traceback" not in log
    assert secret_steps not in log
