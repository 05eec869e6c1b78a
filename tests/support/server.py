"""The real ``healthhub serve`` as a subprocess: start it on a free port, wait, stop it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

import httpx

#: The ``healthhub`` console script of the virtual environment running the tests.
HEALTHHUB = Path(sys.executable).with_name("healthhub")
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServerProcess:
    """One ``healthhub serve`` process (with its uvicorn workers) in its own process group.

    Args:
        database_url: the ``HEALTHHUB_DATABASE_URL`` it serves.
        log_path: where its stdout and stderr go (read with ``log_text``).
        workers: uvicorn worker processes.
        env: further environment variables, e.g. ``HEALTHHUB_MAX_UPLOAD_BYTES``.
        args: further ``serve`` arguments, e.g. ``["--http", "h11"]``.
    """

    def __init__(
        self,
        database_url: str,
        log_path: Path,
        *,
        workers: int = 1,
        env: Mapping[str, str] | None = None,
        args: Sequence[str] = (),
    ) -> None:
        self.database_url = database_url
        self.log_path = log_path
        self.workers = workers
        self.env = dict(env or {})
        self.args = list(args)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, *, timeout: float = 60.0) -> None:
        """Start the server (which migrates first) and return once ``/healthz`` says 200."""
        env = {
            **os.environ,
            "HEALTHHUB_DATABASE_URL": self.database_url,
            "HEALTHHUB_API_TOKEN": "",
            **self.env,
        }
        if "PYTHONPATH" not in self.env:
            env["PYTHONPATH"] = os.pathsep.join(
                filter(None, [str(PROJECT_ROOT), os.environ.get("PYTHONPATH")])
            )
        # Before `pip install -e .` the console script is missing; the module is the same CLI.
        program = [str(HEALTHHUB)] if HEALTHHUB.exists() else [sys.executable, "-m", "cli.main"]
        command = [*program, "serve", "--port", str(self.port)]
        command += ["--workers", str(self.workers), "--log-level", "info", *self.args]
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen(
                command,
                cwd=self.log_path.parent,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.wait_healthy(timeout=timeout)

    def wait_healthy(self, *, timeout: float = 60.0) -> None:
        """Poll ``GET /healthz`` until it answers 200; fail with the log if it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process is not None and self._process.poll() is not None:
                raise RuntimeError(f"healthhub serve exited early:\n{self.log_text()}")
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"healthhub serve not healthy after {timeout} s:\n{self.log_text()}")

    def kill(self) -> None:
        """SIGKILL the server and its workers at once, as a crash or the OOM killer would."""
        self._signal_group(signal.SIGKILL)
        self._reap(timeout=10)

    def stop(self) -> None:
        """Shut down gracefully (SIGTERM), killing whatever is left after a few seconds."""
        if self._process is None or self._process.poll() is not None:
            self._signal_group(signal.SIGKILL)
            return
        self._signal_group(signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            self._process.wait(timeout=10)
        self._signal_group(signal.SIGKILL)
        self._reap(timeout=10)

    @property
    def process_group(self) -> int:
        """The id of the process group of the server and its workers."""
        if self._process is None:
            raise RuntimeError("the server was not started")
        return self._process.pid

    def terminate(self) -> None:
        """Send SIGTERM to the server process alone, as a process manager would."""
        if self._process is not None:
            self._process.send_signal(signal.SIGTERM)

    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def wait(self, *, timeout: float) -> int:
        """The exit code once the server has exited (raises after ``timeout`` seconds)."""
        assert self._process is not None
        return self._process.wait(timeout=timeout)

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def _signal_group(self, signum: signal.Signals) -> None:
        if self._process is None:
            return
        # The group id is the pid of the process started here (start_new_session).
        with suppress(ProcessLookupError):
            os.killpg(self._process.pid, signum)

    def _reap(self, *, timeout: float) -> None:
        if self._process is not None:
            self._process.wait(timeout=timeout)


@contextmanager
def running_server(
    database_url: str,
    log_path: Path,
    *,
    workers: int = 1,
    env: Mapping[str, str] | None = None,
    args: Sequence[str] = (),
) -> Iterator[ServerProcess]:
    """A started ``ServerProcess``, stopped when the block ends (even on failure)."""
    server = ServerProcess(database_url, log_path, workers=workers, env=env, args=args)
    try:
        server.start()
        yield server
    finally:
        server.stop()
