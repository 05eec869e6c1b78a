"""PostGraphile 4 as a peer of the HTTP benchmark: our KPI table, served by it (issue 26).

bench_http.py uses this on PostgreSQL only. PostGraphile comes from npm through
tests/bench/peers/package.json and its lock file, installed there with ``npm ci`` by
the bench itself (``install``): never by the service, never by CI's test run.

The peer serves a copy of the bench user's ``kpis`` rows (``copy_kpis``: the same
database, the same data, in a schema of its own with the same primary key) through a
SQL function ``kpis_between(uid, start, end)`` ordered by date, PostGraphile's way
of offering a range query without plugins. Its query asks for the fields of
bench_http.KPI_QUERY under the same names (aliases where PostGraphile's inflector
spells them otherwise, e.g. ``balance7DAvg``), so both answers have the same shape:
``{"data": {"kpis": [...]}}``. PostGraphile 4's CLI sends no compressed answers;
the client accepts gzip all the same.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import httpx
import psycopg

PEERS = Path(__file__).with_name("peers")
POSTGRAPHILE = PEERS / "node_modules" / ".bin" / "postgraphile"
SCHEMA = "peer_postgraphile"


def install() -> Path:
    """``npm ci`` in tests/bench/peers unless what is installed is what the lock names."""
    if shutil.which("npm") is None:
        raise RuntimeError("the PostGraphile peer needs Node.js and npm (or run --no-peers)")
    installed = PEERS / "node_modules" / ".package-lock.json"
    lock = PEERS / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        subprocess.run(
            ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=PEERS,
            check=True,
        )
    return POSTGRAPHILE


def copy_kpis(dsn: str, user_id: str) -> None:
    """The user's stored KPI rows, copied into ``SCHEMA``, with the range function."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        conn.execute(f"CREATE SCHEMA {SCHEMA}")
        conn.execute(f"CREATE TABLE {SCHEMA}.kpis (LIKE public.kpis INCLUDING ALL)")
        conn.execute(
            f"INSERT INTO {SCHEMA}.kpis SELECT * FROM public.kpis WHERE user_id = %s", (user_id,)
        )
        conn.execute(
            f'CREATE FUNCTION {SCHEMA}.kpis_between(uid text, start date, "end" date)'
            f" RETURNS SETOF {SCHEMA}.kpis LANGUAGE sql STABLE AS $$"
            f' SELECT * FROM {SCHEMA}.kpis WHERE user_id = uid AND date BETWEEN start AND "end"'
            " ORDER BY date $$"
        )
        conn.execute(f"ANALYZE {SCHEMA}.kpis")


def command(dsn: str, port: int) -> list[str]:
    """The PostGraphile command line serving ``SCHEMA`` on ``port`` (installed first):
    list collections only, no mutations, no query log, no GraphiQL."""
    return [
        str(install()),
        "--connection",
        dsn,
        "--schema",
        SCHEMA,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--simple-collections",
        "only",
        "--disable-default-mutations",
        "--disable-query-log",
        "--disable-graphiql",
    ]


def environment() -> dict[str, str]:
    """The peer's environment: production mode, as a deployment would run it."""
    return {**os.environ, "NODE_ENV": "production"}


def query_for(client: httpx.Client, url: str, fields: tuple[str, ...]) -> str:
    """A PostGraphile query answering with ``fields`` (our names) under ``kpis``."""
    introspection = '{ __type(name: "Kpi") { fields { name } } }'
    body = client.post(url, json={"query": introspection}).raise_for_status().json()
    theirs = {
        field["name"].lower().replace("_", ""): field["name"]
        for field in body["data"]["__type"]["fields"]
    }
    selection = []
    for name in fields:
        their_name = theirs[name.lower()]
        selection.append(name if their_name == name else f"{name}: {their_name}")
    return (
        "query($uid: String!, $start: Date!, $end: Date!) {"
        " kpis: kpisBetweenList(uid: $uid, start: $start, end: $end) { "
        + " ".join(selection)
        + " } }"
    )
