"""Throwaway PostgreSQL databases and a private PostgreSQL cluster for fault tests."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.support.server import free_port

#: The server the postgres-marked tests use; its database is only connected to, never dropped.
ADMIN_URL = os.environ.get(
    "HEALTHHUB_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def postgres_available(admin_url: str = ADMIN_URL) -> bool:
    try:
        with psycopg.connect(_libpq(admin_url), connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def postgres_required() -> bool:
    """Whether a PostgreSQL test must fail, not skip, when the server is down."""
    return (
        os.environ.get("CI") == "true" or os.environ.get("HEALTHHUB_TEST_REQUIRE_POSTGRES") == "1"
    )


def need_postgres(admin_url: str = ADMIN_URL) -> None:
    """Skip the calling test when PostgreSQL is down, or fail it when it is required."""
    if postgres_available(admin_url):
        return
    reason = f"PostgreSQL at {make_url(admin_url)!r} is unreachable"
    if postgres_required():
        pytest.fail(reason)
    pytest.skip(reason)


@contextmanager
def throwaway_database(admin_url: str = ADMIN_URL) -> Iterator[str]:
    """A new, empty database on the server of ``admin_url``; yields its SQLAlchemy URL.

    The database is dropped afterwards. Only the database created here is ever dropped.
    """
    name = f"healthhub_tmp_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(_libpq(admin_url), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield (
            make_url(admin_url)
            .set(drivername="postgresql+psycopg", database=name)
            .render_as_string(hide_password=False)
        )
    finally:
        with psycopg.connect(_libpq(admin_url), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class PrivateCluster:
    """A PostgreSQL cluster of our own in a new directory that a test may stop and start.

    As root, ``initdb`` and ``pg_ctl`` run as the ``postgres`` user, which then owns the
    directory; it is made under the system temporary folder, because pytest's own
    folders are private to root.
    """

    def __init__(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="healthhub-cluster-"))
        self.data = self.directory / "data"
        self.port = free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self._bin = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.directory / "log"),
            "-o",
            options,
            "-w",
            "-t",
            "30",
            "start",
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "30", "stop")

    def is_running(self) -> bool:
        status = subprocess.run(
            self._command("pg_ctl", "-D", str(self.data), "status"),
            capture_output=True,
            check=False,
        )
        return status.returncode == 0

    def _command(self, tool: str, *args: str) -> list[str]:
        command = [str(self._bin / tool), *args]
        return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(self._command(tool, *args), check=True, capture_output=True, timeout=60)


@contextmanager
def private_cluster() -> Iterator[PrivateCluster]:
    """An initialised, running ``PrivateCluster``, stopped and deleted when the block ends."""
    cluster = PrivateCluster()
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        if cluster.data.exists() and cluster.is_running():
            cluster.stop()
        shutil.rmtree(cluster.directory, ignore_errors=True)
