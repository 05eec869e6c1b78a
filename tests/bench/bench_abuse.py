"""Load and abuse of a real server on SQLite: the findings of docs/security.md, in figures.

Run: ``.venv/bin/python tests/bench/bench_abuse.py [--root PATH]``; ``--root`` serves
the code of another checkout (e.g. a worktree of main, to compare). Loopback only,
every loop bounded. Prints, in order: a WebSocket to /graphql with the token set;
ten parallel 9 MiB uploads (statuses, codes, peak RSS of the server); 16 aliased
fields next to another request; the largest response of stored errors a query can
ask for (one ``ingestions(limit: 100) { errors }``: 15 aliases of it are 15 times
that) and the largest response of a legal query; 2,000 idle connections and a new
request; SIGTERM with a client trickling a body. Figures, not tests.

``--issue-21`` prints the rows of issue 21's second round, ``--round-3 ROWS`` those of
its third (one user's uploads, two workers' metrics and failed tokens, a trusted
proxy, dry runs and a statement timeout on PostgreSQL, SIGTERM during a parse, and
``side-by-side`` with ``--against CHECKOUT``: canonical uploads and reads of two
servers at once); docs/security.md, "Before and after".
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
HEALTHHUB = Path(sys.executable).with_name("healthhub")
TOKEN = "bench-abuse-token-0123456789abcdef0123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
UPLOAD = """mutation($file: Upload!) { uploadCsv(file: $file) { status rowsRead } }"""
ERRORS = "ingestions(limit: 100) { errors { row column value message } }"
KPI_FIELDS = """date bmrKcal kcalOutTotal balanceKcal balance7dAvg balance7dDays proteinPerKg
  healthyFoodPct stepsGoalMet steps7dAvg stepsGoalRate7d sleep7dAvg weight7dAvg
  weight7dDays weightTrend weightTrendChange7d waistChange7d tdeeEstimate"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(
    root: Path,
    workdir: Path,
    *,
    database_url: str | None = None,
    workers: int = 1,
    env: dict[str, str] | None = None,
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(root),
        "HEALTHHUB_DATABASE_URL": database_url or f"sqlite:///{workdir}/bench.db",
        "HEALTHHUB_API_TOKEN": TOKEN,
        "HEALTHHUB_MAX_PARALLEL_UPLOADS": "2",  # the same on any machine
        **(env or {}),
    }
    log = (workdir / "server.log").open("ab")
    command = [str(HEALTHHUB), "serve", "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(
        [*command, "--log-level", "warning"],
        cwd=workdir,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        with suppress(httpx.TransportError):
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                break
        time.sleep(0.1)
    try:
        yield process, base
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        log.close()


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _csv(seed: int, target_bytes: int = 9 * 1024 * 1024, days: int = 45_000) -> bytes:
    """A canonical file of ``days`` days (back to the 1900s) with every metric column,
    padded to ``target_bytes`` with an ignored ``note`` column."""
    rng = random.Random(seed)
    end = date.today() - timedelta(days=1)
    lines = [
        "date,steps_n,proteins_g,kcal_in,kcal_junk_in,kcal_out_training,sleep_hours,"
        "stress_rel,weight_kg,waist_cm,note"
    ]
    for i in range(days):
        day = end - timedelta(days=days - 1 - i)
        lines.append(
            f"{day},{rng.randint(3000, 16000)},{rng.randint(60, 200)},"
            f"{rng.randint(1500, 3000)},{rng.randint(0, 600)},{rng.randint(0, 800)},"
            f"{round(rng.uniform(5, 9), 2)},{rng.randint(1, 10)},"
            f"{round(rng.uniform(70, 95), 2)},{round(rng.uniform(80, 100), 1)},"
        )
    size = sum(len(line) + 1 for line in lines)
    pad = max(0, (target_bytes - size) // days)
    return ("\n".join([lines[0], *(line + "n" * pad for line in lines[1:])]) + "\n").encode()


def _upload(base: str, content: bytes, timeout: float = 600) -> httpx.Response:
    operations = {"query": UPLOAD, "variables": {"file": None}}
    return httpx.post(
        f"{base}/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": ("bench.csv", content, "text/csv")},
        headers=AUTH,
        timeout=timeout,
    )


def _outcome(response: httpx.Response | BaseException) -> str:
    if isinstance(response, BaseException):
        return type(response).__name__
    body = response.json()
    if body.get("errors"):
        return f"{response.status_code} {body['errors'][0].get('extensions', {}).get('code')}"
    return f"{response.status_code} {body['data']['uploadCsv']['status']}"


def bench_websocket(base: str) -> None:
    import websockets

    async def attempt(protocol: str) -> str:
        url = base.replace("http://", "ws://") + "/graphql"
        try:
            async with websockets.connect(url, subprotocols=[protocol]) as ws:  # type: ignore[list-item]
                return f"connected without a token ({ws.subprotocol})"
        except websockets.InvalidStatus as refused:
            return f"refused {refused.response.status_code}"

    for protocol in ("graphql-transport-ws", "graphql-ws"):
        print(f"websocket {protocol}: {asyncio.run(attempt(protocol))}")


def bench_uploads(process: subprocess.Popen[bytes], base: str) -> None:
    files = [_csv(seed) for seed in range(10)]
    results: list[httpx.Response | BaseException] = [RuntimeError()] * 10

    def send(index: int) -> None:
        try:
            results[index] = _upload(base, files[index])
        except Exception as error:
            results[index] = error

    before = _peak_rss_mb(process.pid)
    started = time.perf_counter()
    threads = [threading.Thread(target=send, args=(i,)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=900)
    elapsed = time.perf_counter() - started
    outcomes = [_outcome(r) for r in results]
    applied = sum("APPLIED" in o or "UNCHANGED" in o for o in outcomes)
    print(
        f"10 parallel uploads of {len(files[0]) / 2**20:.1f} MiB: {applied}/10 applied "
        f"in {elapsed:.1f} s; outcomes {sorted(set(outcomes))}; peak RSS "
        f"{before:.0f} MB before, {_peak_rss_mb(process.pid):.0f} MB after"
    )


def bench_pool(base: str) -> None:
    kpis = f'kpis(start: "{date.today() - timedelta(days=3_000)}", end: "{date.today()}")'
    heavy = (
        "{ profile { stepsGoal } "
        + " ".join(f"k{i}: {kpis} {{ date weightTrend }}" for i in range(15))
        + " }"
    )
    codes: list[str] = []

    def run(query: str) -> None:
        response = httpx.post(f"{base}/graphql", json={"query": query}, headers=AUTH, timeout=60)
        errors = response.json().get("errors") or []
        codes.extend(e.get("extensions", {}).get("code", "?") for e in errors)

    threads = [threading.Thread(target=run, args=(heavy,)) for _ in range(3)]
    threads.append(threading.Thread(target=run, args=("{ dataRange { daysLogged } }",)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    print(f"3 requests of 1 + 15 aliased fields, and one more, at once: errors {codes or 'none'}")


def bench_largest_response(base: str) -> None:
    bad = "date,steps_n\n" + "".join(f"2020-01-01,x{i}\n" for i in range(1_100))
    for _ in range(100):
        _upload(base, bad.encode(), timeout=60)
    for label, query in (
        ("ingestions(limit: 100) { errors }", f"{{ {ERRORS} }}"),
        (
            "ingestions(limit: 67) { errors } (cost 335,067)",
            "{ ingestions(limit: 67) { errors { row column value message } } }",
        ),
        (
            "4 x kpis 3,660 days, every field",
            "{ "
            + " ".join(
                f'k{i}: kpis(start: "{date.today() - timedelta(days=3_659)}", '
                f'end: "{date.today()}") {{ {KPI_FIELDS} }}'
                for i in range(4)
            )
            + " }",
        ),
    ):
        started = time.perf_counter()
        response = httpx.post(f"{base}/graphql", json={"query": query}, headers=AUTH, timeout=120)
        errors = response.json().get("errors") or []
        code = errors[0].get("extensions", {}).get("code") if errors else "served"
        print(
            f"{label}: {code}, {len(response.content) / 2**20:.1f} MiB "
            f"in {time.perf_counter() - started:.1f} s"
        )


def bench_idle_connections(base: str, count: int = 2_000) -> None:
    port = int(base.rsplit(":", 1)[1])
    idle = []
    for _ in range(count):
        try:
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        except OSError:
            break
    try:
        for wait in (0.0, 6.0):
            time.sleep(wait)
            started = time.perf_counter()
            try:
                response = httpx.get(f"{base}/healthz", timeout=10)
                outcome = f"{response.status_code} {response.text[:80]}"
            except httpx.TransportError as error:
                outcome = type(error).__name__
            open_now = sum(1 for sock in idle if _still_open(sock))
            print(
                f"{len(idle)} idle connections, after {wait:.0f} s ({open_now} still open): "
                f"new request -> {outcome} in {time.perf_counter() - started:.2f} s"
            )
    finally:
        for sock in idle:
            sock.close()


def _still_open(sock: socket.socket) -> bool:
    sock.setblocking(False)
    try:
        return sock.recv(1) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def bench_sigterm(process: subprocess.Popen[bytes], base: str) -> None:
    port = int(base.rsplit(":", 1)[1])
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(
        b"POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + f"Authorization: Bearer {TOKEN}\r\nContent-Length: 1000000\r\n\r\n".encode()
        + b'{"query": "{ dataRange { daysLogged } }", "variables": {"pad": "'
    )
    time.sleep(0.5)
    started = time.perf_counter()
    process.send_signal(signal.SIGTERM)
    answer = b""
    sock.settimeout(0.5)
    while process.poll() is None and time.perf_counter() - started < 45:
        with suppress(OSError):
            sock.sendall(b"x" * 16)
        with suppress(OSError):
            answer += sock.recv(4096)
    exited = process.poll() is not None
    sock.close()
    status = answer.split(b"\r\n", 1)[0].decode() or "no answer"
    print(
        "SIGTERM with a trickling client: "
        + (f"exited after {time.perf_counter() - started:.1f} s" if exited else "still up at 45 s")
        + f"; the client got: {status} {answer.rpartition(b'code')[2][:20]!r}"
    )


def _server_pids(pid: int) -> list[int]:
    """The server process and its workers (``serve --workers N``), by /proc."""
    pids = [pid]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with suppress(OSError, ValueError, IndexError):
            if int(stat.read_text().rpartition(")")[2].split()[1]) == pid:
                pids.append(int(stat.parent.name))
    return pids


def _rss_now_mb(pid: int) -> float:
    """The resident memory of the server and its workers, MB."""
    total = 0.0
    for one in _server_pids(pid):
        with suppress(OSError):
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
    return total


def _cpu_seconds(pid: int) -> float:
    """CPU seconds of the server and its workers (those alive now)."""
    total = 0.0
    for one in _server_pids(pid):
        with suppress(OSError):
            fields = Path(f"/proc/{one}/stat").read_text().rpartition(")")[2].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


class _Watch:
    """While an attack runs: the server's RSS (sampled every 20 ms) and CPU seconds, and
    the latency of a reader asking for 365 days of kpis over and over."""

    def __init__(self, pid: int, base: str) -> None:
        self.pid, self.base = pid, base
        self.stop = threading.Event()
        self.latencies: list[float] = []
        self.failures = 0

    def __enter__(self) -> _Watch:
        self.rss0, self.cpu0 = _rss_now_mb(self.pid), _cpu_seconds(self.pid)
        self.peak = self.rss0
        self.threads = [threading.Thread(target=self._sample), threading.Thread(target=self._read)]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()
        self.cpu = _cpu_seconds(self.pid) - self.cpu0

    def _sample(self) -> None:
        while not self.stop.wait(0.02):
            with suppress(OSError, ValueError):
                self.peak = max(self.peak, _rss_now_mb(self.pid))

    def _read(self) -> None:
        end = date.today() - timedelta(days=1)
        query = f'{{ kpis(start: "{end - timedelta(days=364)}", end: "{end}") {{ {KPI_FIELDS} }} }}'
        # From another loopback address than the attacks: another client.
        transport = httpx.HTTPTransport(local_address="127.0.0.2")
        with httpx.Client(headers=AUTH, timeout=30, transport=transport) as client:
            while not self.stop.is_set():
                started = time.perf_counter()
                try:
                    ok = client.post(f"{self.base}/graphql", json={"query": query}).status_code
                    if ok == 200:
                        self.latencies.append(time.perf_counter() - started)
                    else:
                        self.failures += 1
                except httpx.HTTPError:
                    self.failures += 1
                self.stop.wait(0.1)

    def row(self, label: str, outcome: str) -> None:
        median = statistics.median(self.latencies) * 1000 if self.latencies else float("nan")
        print(
            f"| {label} | {outcome} | +{self.peak - self.rss0:.0f} MB | {self.cpu:.1f} s | "
            f"{median:.0f} ms ({len(self.latencies)} reads, {self.failures} failed) |",
            flush=True,
        )


def _import(base: str, content: bytes, name: str, query: str | None = None) -> str:
    query = query or (
        "mutation($file: Upload!) { importFile(file: $file, dryRun: true) { status errors "
        "{ message } } }"
    )
    operations = {"query": query, "variables": {"file": None}}
    try:
        response = httpx.post(
            f"{base}/graphql",
            data={
                "operations": json.dumps(operations),
                "map": json.dumps({"0": ["variables.file"]}),
            },
            files={"0": (name, content, "application/octet-stream")},
            headers=AUTH,
            timeout=600,
        )
    except httpx.HTTPError as error:
        return type(error).__name__
    body = (
        response.json()
        if response.headers.get("content-type", "").startswith("application/json")
        else {}
    )
    errors = body.get("errors") or []
    if errors:
        return f"{response.status_code} {errors[0].get('extensions', {}).get('code')}"
    report = next(iter((body.get("data") or {}).values()), None) or {}
    first = (report.get("errors") or [{}])[0].get("message", "")
    return f"{response.status_code} {report.get('status')} {first[:50]}".strip()


def _raw_flood(port: int, payload: bytes, connections: int) -> str:
    answers: list[bytes] = []

    def one() -> None:
        with suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
            with suppress(OSError):
                sock.sendall(payload)
            answers.append(sock.recv(200))

    threads = [threading.Thread(target=one) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return ", ".join(sorted({a.split(b"\r\n", 1)[0].decode() or "closed" for a in answers}))


def _pipelined(port: int, seconds: float = 8.0) -> str:
    burst = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n" * 20_000
    answered, sent = [0], 0
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.settimeout(2)

        def drain() -> None:
            with suppress(OSError):
                while chunk := sock.recv(1 << 20):
                    answered[0] += chunk.count(b"HTTP/1.1 200")

        reader = threading.Thread(target=drain)
        reader.start()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and sent < 250 * len(burst):
            with suppress(TimeoutError):
                sock.sendall(burst)
                sent += len(burst)
        with suppress(OSError):
            sock.shutdown(socket.SHUT_WR)
        reader.join(timeout=30)
    return f"{sent / 1e6:.0f} MB sent, {answered[0]:,} answered"


def _reopening(port: int, count: int = 205, seconds: float = 6.0) -> str:
    socks: list[socket.socket] = []
    deadline, opened = time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        socks = [sock for sock in socks if _still_open(sock)]
        while len(socks) < count:
            try:
                socks.append(socket.create_connection(("127.0.0.1", port), timeout=2))
                opened += 1
            except OSError:
                break
        time.sleep(0.05)
    for sock in socks:
        sock.close()
    return f"{opened} sockets opened"


def _wrong_tokens(base: str, count: int = 3_000, *, new_connections: bool = False) -> str:
    """``count`` wrong tokens from one address, on one connection or each on a new one
    (which, on a server of several workers, spreads them over the workers)."""
    statuses: dict[int, int] = {}
    with httpx.Client(timeout=10) as client:
        for i in range(count):
            response = (httpx if new_connections else client).post(
                f"{base}/graphql",
                json={"query": "{ dataRange { daysLogged } }"},
                headers={"Authorization": f"Bearer wrong-{i:06d}-0123456789abcdefghij"},
                timeout=10,
            )
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    return ", ".join(f"{n} x {status}" for status, n in sorted(statuses.items()))


def bench_issue_21(process: subprocess.Popen[bytes], base: str, only_last: int = 0) -> None:
    """One row per finding of issue 21 (docs/security.md, "Before and after")."""
    sys.path.insert(0, str(ROOT))
    from tests.graph.test_abuse import _deflated, _directory_only_zip, _sleep_xml

    port = int(base.rsplit(":", 1)[1])
    _upload(base, _csv(1, target_bytes=0, days=365))
    bad = "date,steps_n\n" + "".join(f"2020-01-01,x{i}\n" for i in range(1_100))
    for _ in range(30):
        _upload(base, bad.encode(), timeout=60)
    nested = "... on Query { " * 22 + f"{ERRORS}" + " }" * 22
    queries = {
        "cost: `$l: Int! = 100` default (30 reports stored)": (
            "query($l: Int! = 100) { ingestions(limit: $l) "
            "{ errors { row column value message } } }"
        ),
        "cost: 22 nested `... on Query`": f"{{ {nested} }}",
    }
    print("| attack | outcome | peak RSS | CPU | reader's 365-day kpis, median |")
    print("|---|---|---|---|---|")
    for label, query in queries.items() if not only_last else ():
        with _Watch(process.pid, base) as watch:
            response = httpx.post(
                f"{base}/graphql", json={"query": query}, headers=AUTH, timeout=300
            )
            errors = response.json().get("errors") or []
            code = errors[0]["extensions"]["code"] if errors else "served"
        watch.row(label, f"{code}, {len(response.content) / 2**20:.1f} MiB")
    fragment = (
        "mutation($file: Upload!) { ...importFile } "
        "fragment importFile on Mutation { uploadCsv(file: $file) { status errors { message } } }"
    )
    attacks: list[tuple[str, Callable[[], str]]] = [
        (
            "uploadCsv in a fragment named importFile, 30 MB ZIP",
            lambda: _import(base, _deflated({"a.csv": os.urandom(30_000_000)}), "a.zip", fragment),
        ),
        (
            "ZIP directory of 1,000,000 entries (end record: 60,000)",
            lambda: _import(base, _directory_only_zip(1_000_000, 60_000), "export.zip"),
        ),
        (
            "MyFitnessPal ZIP: 20 summaries of 8.4 MB in 0.8 MB",
            lambda: _import(base, _mfp_bomb(), "mfp.zip"),
        ),
        (
            "Apple Health export.xml: 400,000 overlapping sleep records (78 MB)",
            lambda: _import(base, _sleep_xml(400_000), "export.xml"),
        ),
        (
            "4 connections x 16 MiB of headers, no token",
            lambda: _raw_flood(
                port,
                b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + b"a" * (16 << 20)
                + b"\r\n\r\n",
                4,
            ),
        ),
        ("pipelined GET /healthz for 8 s, no token", lambda: _pipelined(port)),
        ("205 sockets re-opened as they close, 6 s", lambda: _reopening(port)),
        ("3,000 wrong tokens", lambda: _wrong_tokens(base)),
        (
            "10 dry runs of 20,000 days, 5 edits meanwhile",
            lambda: _edit_waits_during_dry_runs(base),
        ),
        (
            "2 legal uploads at 40 KiB/s, a third upload",
            lambda: _third_upload_during_slow_ones(base),
        ),
    ]
    if only_last:
        attacks = attacks[-only_last:]
    for label, attack in attacks:
        with _Watch(process.pid, base) as watch:
            outcome = attack()
        watch.row(label, outcome)


def _edit_waits_during_dry_runs(base: str) -> str:
    """Ten dry runs of 20,000 days at once; the waits of five one-day edits meanwhile."""
    sys.path.insert(0, str(ROOT))
    from tests.graph.test_abuse import _long_csv

    content = _long_csv(20_000)
    dry = "mutation($file: Upload!) { uploadCsv(file: $file, dryRun: true) { status } }"
    edit = 'mutation { upsertDailyMetric(input: {date: "2026-02-01", steps: 1234}) { steps } }'
    runs = [
        threading.Thread(target=_import, args=(base, content, "dry.csv", dry)) for _ in range(10)
    ]
    for thread in runs:
        thread.start()
    time.sleep(1.5)
    waits = []
    for _ in range(5):
        started = time.perf_counter()
        httpx.post(f"{base}/graphql", json={"query": edit}, headers=AUTH, timeout=120)
        waits.append(time.perf_counter() - started)
        time.sleep(0.3)
    for thread in runs:
        thread.join(timeout=300)
    return f"edit waits median {statistics.median(waits):.2f} s, max {max(waits):.2f} s"


def _third_upload_during_slow_ones(base: str) -> str:
    """Two legal uploads trickling at 40 KiB/s; how long a third small upload takes."""
    sys.path.insert(0, str(ROOT))
    from tests.graph.test_abuse import _slow_upload

    port = int(base.rsplit(":", 1)[1])
    stop = threading.Event()
    slow = [threading.Thread(target=_slow_upload, args=(port, stop, TOKEN)) for _ in range(2)]
    for thread in slow:
        thread.start()
    time.sleep(2)
    started = time.perf_counter()
    try:
        outcome = _outcome(_upload(base, b"date,steps_n\n2024-05-01,4321\n", timeout=60))
    except httpx.HTTPError as error:
        outcome = type(error).__name__
    elapsed = time.perf_counter() - started
    stop.set()
    for thread in slow:
        thread.join(timeout=10)
    return f"third upload {outcome} in {elapsed:.1f} s"


def _mfp_bomb() -> bytes:
    sys.path.insert(0, str(ROOT))
    from tests.graph.test_abuse import _deflated

    rows = b"".join(b"2024-01-%02d,Breakfast,500,20\n" % (1 + i % 28) for i in range(300_000))
    member = b"Date,Meal,Calories,Protein (g)\n" + rows
    return _deflated({f"Nutrition-Summary-{i}.csv": member for i in range(20)})


# --- issue 21, round three: turns, workers, shutdown, snapshots, proxies ----------------

USERS_UPLOAD = "mutation($f: Upload!) { uploadCsv(file: $f) { status } }"
LONG_DRY_RUN = "mutation($f: Upload!) { importFile(file: $f, dryRun: true) { status } }"


def _add_user(root: Path, database_url: str, name: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(root), "HEALTHHUB_DATABASE_URL": database_url}
    env["HEALTHHUB_API_TOKEN"] = ""
    done = subprocess.run(
        [str(HEALTHHUB), "users", "add", name], env=env, capture_output=True, check=True
    )
    return done.stdout.decode().strip()


def _sleep_export(path: Path, records: int) -> Path:
    sys.path.insert(0, str(ROOT))
    from tests.graph.test_turns import SLEEP_RECORD

    with path.open("w") as out:
        out.write('<?xml version="1.0"?>\n<HealthData locale="en_US">\n')
        for block in range(0, records, 10_000):
            out.write(
                "".join(
                    SLEEP_RECORD.format(d=1 + i % 5, e=2 + i % 5, m=i % 60)
                    for i in range(block, min(records, block + 10_000))
                )
            )
        out.write("</HealthData>\n")
    return path


def _reader_data(base: str) -> None:
    """365 days for the watching reader (the API token's user)."""
    _upload(base, _csv(1, target_bytes=0, days=365))


def _one_users_uploads(root: Path, workdir: Path, export: Path) -> None:
    """Alice sends two long dry runs, then Bob one day: how long Bob waits."""
    sys.path.insert(0, str(ROOT))
    from tests.graph.test_turns import answer, send_upload

    url = f"sqlite:///{workdir}/turns.db"
    with serving(root, workdir, database_url=url) as (process, base):
        _reader_data(base)
        alice, bob = _add_user(root, url, "alice"), _add_user(root, url, "bob")
        port = int(base.rsplit(":", 1)[1])
        with _Watch(process.pid, base) as watch:
            started = time.perf_counter()
            firsts = [
                send_upload(port, alice, LONG_DRY_RUN, export, "export.xml") for _ in range(2)
            ]
            time.sleep(1)
            sent = time.perf_counter()
            status, body = answer(
                send_upload(port, bob, USERS_UPLOAD, b"date,steps_n\n2024-05-01,4321\n", "day.csv")
            )
            bob_took = time.perf_counter() - sent
            ends = []
            for sock in firsts:
                answer(sock, timeout=600)
                ends.append(time.perf_counter() - started)
        code = (body.get("errors") or [{}])[0].get("extensions", {}).get("code") or "APPLIED"
        watch.row(
            "one user's 2 dry runs of 1M sleep records, then another user's one-day upload",
            f"other user: {status} {code} in {bob_took:.1f} s; the dry runs ended at "
            f"{ends[0]:.1f} s and {ends[1]:.1f} s",
        )


def _metric_value(text: str, name: str) -> float:
    import re

    found = re.search(rf"^{re.escape(name)} (\S+)$", text, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


def _two_workers(root: Path, workdir: Path) -> None:
    """/metrics and the failed-token limit of a server of two workers."""
    with serving(root, workdir, workers=2) as (process, base):
        _reader_data(base)
        ok = 'healthhub_graphql_operations_total{operation="query:dataRange",outcome="ok"}'
        with _Watch(process.pid, base) as watch:
            before = {_metric_value(_scrape(base), ok) for _ in range(10)}
            for _ in range(60):
                httpx.post(
                    f"{base}/graphql",
                    json={"query": "{ dataRange { daysLogged } }"},
                    headers=AUTH,
                    timeout=30,
                )
            seen = [_metric_value(_scrape(base), ok) - min(before) for _ in range(10)]
        watch.row(
            "2 workers: 60 queries, then 10 scrapes of /metrics",
            "totals seen: " + ", ".join(f"{v:.0f}" for v in sorted(set(seen))),
        )
        with _Watch(process.pid, base) as watch:
            outcome = _wrong_tokens(base, count=300, new_connections=True)
        watch.row("2 workers: 300 wrong tokens from one address, new connections", outcome)


def _scrape(base: str) -> str:
    with httpx.Client(timeout=10) as client:  # a new connection: either worker answers
        return client.get(f"{base}/metrics", headers=AUTH).text


def _sigterm_while_parsing(root: Path, workdir: Path, export: Path) -> None:
    """SIGTERM 1 s after a dry run of a long export has arrived: its answer, and when."""
    sys.path.insert(0, str(ROOT))
    from tests.graph.test_turns import send_upload

    with serving(root, workdir) as (process, base):
        port = int(base.rsplit(":", 1)[1])
        rss0 = _rss_now_mb(process.pid)
        sock = send_upload(port, TOKEN, LONG_DRY_RUN, export, "export.xml")
        time.sleep(1)
        cpu0 = _cpu_seconds(process.pid)
        process.send_signal(signal.SIGTERM)
        signalled = time.perf_counter()
        peak = rss0
        sock.settimeout(120)
        chunks = []
        with suppress(OSError):
            while chunk := sock.recv(65536):
                chunks.append(chunk)
                peak = max(peak, _rss_now_mb(process.pid))
        answered = time.perf_counter() - signalled
        cpu = _cpu_seconds(process.pid) - cpu0 if process.poll() is None else float("nan")
        process.wait(timeout=60)
        exited = time.perf_counter() - signalled
        head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
        try:
            code = json.loads(body)["errors"][0]["extensions"]["code"]
        except (ValueError, KeyError, IndexError):
            code = f"not JSON: {body[:30]!r}"
        status = head.split(b"\r\n", 1)[0].decode() or "closed"
    print(
        f"| SIGTERM 1 s into a dry run of {export.stat().st_size / 1e6:.0f} MB of sleep records "
        f"| {status} {code}, answered {answered:.1f} s after SIGTERM, exited at {exited:.1f} s "
        f"| +{peak - rss0:.0f} MB | {cpu:.1f} s | (shutting down) |",
        flush=True,
    )


def _throwaway_postgres() -> Any:
    sys.path.insert(0, str(ROOT))
    from tests.support.databases import throwaway_database

    return throwaway_database()


def _postgres_dry_runs(root: Path, workdir: Path) -> None:
    with (
        _throwaway_postgres() as url,
        serving(root, workdir, database_url=url) as (
            process,
            base,
        ),
    ):
        _reader_data(base)
        with _Watch(process.pid, base) as watch:
            outcome = _edit_waits_during_dry_runs(base)
        watch.row("PostgreSQL: 10 dry runs of 20,000 days, 5 edits of the same user", outcome)


def _behind_a_proxy(root: Path, workdir: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.graph import test_behind_proxy as proxy

    env = {"HEALTHHUB_TRUSTED_PROXIES": "127.0.0.1", "HEALTHHUB_MAX_CONNECTIONS_PER_CLIENT": "2"}
    proxied = workdir / "proxy"
    proxied.mkdir()
    with serving(root, proxied, env=env) as (process, base):
        _reader_data(base)
        port = int(base.rsplit(":", 1)[1])
        stop = threading.Event()
        holders = [
            threading.Thread(target=proxy.held_request, args=(port, "203.0.113.7", stop, TOKEN))
            for _ in range(2)
        ]
        with _Watch(process.pid, base) as watch:
            for holder in holders:
                holder.start()
            time.sleep(2)
            statuses = []
            for _ in range(10):
                with httpx.Client(timeout=30) as client:
                    statuses.append(
                        client.post(
                            f"{base}/graphql",
                            json={"query": "{ dataRange { daysLogged } }"},
                            headers={**AUTH, "X-Forwarded-For": "203.0.113.8"},
                        ).status_code
                    )
            stop.set()
            for holder in holders:
                holder.join(timeout=10)
        counted = ", ".join(f"{statuses.count(s)} x {s}" for s in sorted(set(statuses)))
        watch.row(
            "behind a trusted proxy (cap 2): client A holds 2 requests; client B sends 10",
            f"client B: {counted}",
        )
    with serving(root, workdir) as (process, base):
        _reader_data(base)
        with _Watch(process.pid, base) as watch:
            codes: dict[int, int] = {}
            with httpx.Client(timeout=10) as client:
                for i in range(300):
                    status = client.post(
                        f"{base}/graphql",
                        json={"query": "{ dataRange { daysLogged } }"},
                        headers={
                            "Authorization": f"Bearer wrong-{i:06d}-0123456789abcdefghij",
                            "X-Forwarded-For": f"198.51.{i // 250}.{i % 250}",
                        },
                    ).status_code
                    codes[status] = codes.get(status, 0) + 1
        watch.row(
            "no trusted proxy: 300 wrong tokens, each with a made-up X-Forwarded-For",
            ", ".join(f"{n} x {status}" for status, n in sorted(codes.items())),
        )


def _statement_timeout(root: Path, workdir: Path) -> None:
    sys.path.insert(0, str(ROOT))
    import psycopg
    from sqlalchemy.engine import make_url

    from tests.graph.test_statement_timeout import SLOW_ROWS

    env = {"HEALTHHUB_DATABASE_TIMEOUT_SECONDS": "1"}
    with (
        _throwaway_postgres() as url,
        serving(root, workdir, database_url=url, env=env) as (
            process,
            base,
        ),
    ):
        _reader_data(base)
        libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(libpq, autocommit=True) as admin:
            admin.execute(SLOW_ROWS)
        start = date(2020, 1, 1)
        csv = "date,steps_n\n" + "".join(f"{start + timedelta(days=i)},7000\n" for i in range(100))
        with _Watch(process.pid, base) as watch:
            outcome = _outcome(_upload(base, csv.encode(), timeout=60))
        watch.row("PostgreSQL: a COPY past the 1 s statement timeout", outcome)


def _canonical(root: Path, workdir: Path, label: str, database_url: str | None) -> None:
    """The canonical 3,650-day upload and the 365-day read, each a median."""
    with serving(root, workdir, database_url=database_url) as (_process, base):
        uploads = []
        for seed in range(7):
            started = time.perf_counter()
            response = _upload(base, _csv(seed, target_bytes=0, days=3_650))
            uploads.append(time.perf_counter() - started)
            assert response.status_code == 200, response.text
        end = date.today() - timedelta(days=1)
        query = f'{{ kpis(start: "{end - timedelta(days=364)}", end: "{end}") {{ {KPI_FIELDS} }} }}'
        reads = []
        with httpx.Client(headers=AUTH, timeout=30) as client:
            for _ in range(60):
                started = time.perf_counter()
                client.post(f"{base}/graphql", json={"query": query}).raise_for_status()
                reads.append(time.perf_counter() - started)
    print(
        f"| {label}: canonical 3,650-day upload (median of 7) / 365-day kpis read (median "
        f"of 60) | {statistics.median(uploads) * 1000:.0f} ms / "
        f"{statistics.median(reads) * 1000:.1f} ms | | | |",
        flush=True,
    )


def _side_by_side(roots: dict[str, Path], tmp: Path, postgres: bool) -> None:
    """Two servers at once (e.g. main's code and this one), requests alternating between
    them, so both meet the same load: 40 canonical 3,650-day uploads and 400 365-day
    kpis reads each; medians and quartiles (the first 2 uploads, 20 reads left out)."""
    end = date.today() - timedelta(days=1)
    query = f'{{ kpis(start: "{end - timedelta(days=364)}", end: "{end}") {{ {KPI_FIELDS} }} }}'
    files = [_csv(seed, target_bytes=0, days=3_650) for seed in range(40)]
    with ExitStack() as stack:
        bases = {}
        for name, root in roots.items():
            workdir = tmp / f"side-{name}-{'pg' if postgres else 'sqlite'}"
            workdir.mkdir()
            url = stack.enter_context(_throwaway_postgres()) if postgres else None
            bases[name] = stack.enter_context(serving(root, workdir, database_url=url))[1]
        timings: dict[tuple[str, str], list[float]] = {}
        order = list(bases.items())
        for i in range(40):
            for name, base in order if i % 2 else order[::-1]:
                started = time.perf_counter()
                assert _upload(base, files[i]).status_code == 200
                timings.setdefault((name, "upload"), []).append(time.perf_counter() - started)
        clients = {
            name: stack.enter_context(httpx.Client(headers=AUTH, timeout=30)) for name in bases
        }
        for i in range(400):
            for name, base in order if i % 2 else order[::-1]:
                started = time.perf_counter()
                clients[name].post(f"{base}/graphql", json={"query": query}).raise_for_status()
                timings.setdefault((name, "read"), []).append(time.perf_counter() - started)
    database = "PostgreSQL" if postgres else "SQLite"
    for (name, what), values in timings.items():
        values = values[2:] if what == "upload" else values[20:]
        q1, median, q3 = statistics.quantiles(values, n=4)
        label = "3,650-day upload" if what == "upload" else "365-day kpis read"
        print(
            f"| {database}, {name}: canonical {label} | median {median * 1000:.1f} ms "
            f"(quartiles {q1 * 1000:.1f}–{q3 * 1000:.1f}) | | | |",
            flush=True,
        )


def bench_round_3(root: Path, tmp: Path, rows: set[str], against: Path | None = None) -> None:
    """Issue 21, round three (docs/security.md, "Before and after")."""
    print("| attack | outcome | peak RSS | CPU | reader's 365-day kpis, median |")
    print("|---|---|---|---|---|")

    def workdir(name: str) -> Path:
        path = tmp / name
        path.mkdir()
        return path

    if "side-by-side" in rows and against is not None:
        for postgres in (False, True):
            _side_by_side({"before": against, "after": root}, tmp, postgres)
    if "canonical" in rows:
        _canonical(root, workdir("canonical-sqlite"), "SQLite", None)
        with _throwaway_postgres() as url:
            _canonical(root, workdir("canonical-postgres"), "PostgreSQL", url)
    if "turns" in rows:
        export = _sleep_export(tmp / "export.xml", 1_000_000)
        _one_users_uploads(root, workdir("turns"), export)
    if "workers" in rows:
        _two_workers(root, workdir("workers"))
    if "proxy" in rows:
        _behind_a_proxy(root, workdir("proxy-root"))
    if "postgres" in rows:
        _postgres_dry_runs(root, workdir("pg-dry"))
        _statement_timeout(root, workdir("pg-timeout"))
    if "sigterm" in rows:
        export = _sleep_export(tmp / "long-export.xml", 4_200_000)
        _sigterm_while_parsing(root, workdir("sigterm"), export)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--issue-21", action="store_true", help="only issue 21's rows")
    parser.add_argument("--last", type=int, default=0, help="only the last N of those rows")
    parser.add_argument(
        "--round-3",
        default="",
        help="issue 21's third round, these rows (comma-separated): canonical, turns, "
        "workers, proxy, postgres, sigterm, side-by-side (with --against); each starts "
        "servers of its own",
    )
    parser.add_argument(
        "--against", type=Path, help="side-by-side: the checkout to compare --root with"
    )
    args = parser.parse_args()
    print(f"serving {args.root}")
    if args.round_3:
        with tempfile.TemporaryDirectory() as tmp:
            bench_round_3(args.root, Path(tmp), set(args.round_3.split(",")), args.against)
        return
    with tempfile.TemporaryDirectory() as tmp, serving(args.root, Path(tmp)) as (process, base):
        if args.issue_21:
            bench_issue_21(process, base, args.last)
            return
        bench_websocket(base)
        bench_uploads(process, base)
        bench_pool(base)
        bench_largest_response(base)
        bench_idle_connections(base)
        bench_sigterm(process, base)


if __name__ == "__main__":
    main()
