"""Failed token attempts per client address: after ``MAX_FAILED_TOKENS`` wrong tokens
within ``FAILED_TOKEN_WINDOW_SECONDS`` the address is refused with 429 until the
window has passed (docs/security.md).

Only wrong tokens count, never a request without one, and a valid token is still
answered: the limit slows guessing, it does not lock out the owner.

One process counts in memory (``FailedAttempts``). The workers of one server
(``serve --workers N``) share one count (``SharedFailedAttempts``): a SQLite file in
the private directory ``serve`` makes for them (``WORKERS_DIR_ENV``), where each
wrong token is counted and checked in one write transaction, so N workers allow 20 a
minute, not 20 × N. Either keeps at most ``MAX_FAILED_TOKENS`` times per address
and forgets the oldest first past ``MAX_TRACKED_ADDRESSES`` addresses, so addresses
made up by the thousand cost bounded memory and disk.
"""

from __future__ import annotations

import logging
import math
import os
import sqlite3
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import Protocol

#: Wrong tokens an address may send in a window before it is refused.
MAX_FAILED_TOKENS = 20
FAILED_TOKEN_WINDOW_SECONDS = 60.0
MAX_TRACKED_ADDRESSES = 10_000
#: The shared count checks its size once every this many wrong tokens.
TRIM_EVERY = 64
#: The private directory ``serve`` makes for its workers' shared state
#: (graph/server/serving.py); not a setting.
WORKERS_DIR_ENV = "HEALTHHUB_INTERNAL_WORKERS_DIR"

logger = logging.getLogger(__name__)


class Attempts(Protocol):
    def record(self, address: str) -> int | None:
        """Count one wrong token from ``address``; the seconds it must wait before
        trying again if it was already past the limit, else None."""


class FailedAttempts:
    """The wrong tokens of each address within the last window, in this process.

    ``clock`` is ``time.monotonic``: the same clock in every process of one machine
    (Linux's CLOCK_MONOTONIC), which the shared count relies on too.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def record(self, address: str) -> int | None:
        with self._lock:
            now = self._clock()
            failures = self._failures.get(address)
            if failures is None:
                failures = self._failures[address] = deque(maxlen=MAX_FAILED_TOKENS)
                while len(self._failures) > MAX_TRACKED_ADDRESSES:
                    self._failures.popitem(last=False)
            while failures and failures[0] <= now - FAILED_TOKEN_WINDOW_SECONDS:
                failures.popleft()
            retry = _retry_after(len(failures), failures[0] if failures else now, now)
            failures.append(now)
            self._failures.move_to_end(address)
            return retry


class SharedFailedAttempts:
    """The same count shared by the processes of one server, in a SQLite file.

    Each wrong token is one short write transaction (``BEGIN IMMEDIATE``: read the
    address's count, add the new time, forget what has left the window), so two
    workers never both let the 21st through. The file is scratch data (no fsync);
    should it fail, the process's own count takes over (20 a minute per worker).
    """

    def __init__(self, path: str, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._fallback = FailedAttempts(clock)
        self._db = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS failures (address TEXT NOT NULL, at REAL NOT NULL)"
        )
        self._db.execute("CREATE INDEX IF NOT EXISTS by_address ON failures (address, at)")
        self._db.execute("CREATE INDEX IF NOT EXISTS by_time ON failures (at)")

    def record(self, address: str) -> int | None:
        with self._lock:
            try:
                return self._record(address)
            except sqlite3.Error as error:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                logger.warning(
                    "Shared failed-token count unavailable (%s); counting in this process",
                    type(error).__name__,
                )
                return self._fallback.record(address)

    def _record(self, address: str) -> int | None:
        now = self._clock()
        since = now - FAILED_TOKEN_WINDOW_SECONDS
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM failures WHERE at <= ?", (since,))
            recent = db.execute(
                "SELECT rowid, at FROM failures WHERE address = ? ORDER BY at DESC, rowid DESC "
                "LIMIT ?",
                (address, MAX_FAILED_TOKENS),
            ).fetchall()
            retry = _retry_after(len(recent), recent[-1][1] if recent else now, now)
            if len(recent) == MAX_FAILED_TOKENS:  # keep the last 20, as the deque does
                db.execute(
                    "DELETE FROM failures WHERE address = ? AND (at < ? OR rowid = ?)",
                    (address, recent[-1][1], recent[-1][0]),
                )
            inserted = db.execute(
                "INSERT INTO failures (address, at) VALUES (?, ?)", (address, now)
            )
            # Counting the rows scans the table: once every TRIM_EVERY wrong tokens is
            # enough to keep it within bounds (plus at most TRIM_EVERY rows).
            if (inserted.lastrowid or 0) % TRIM_EVERY == 0:
                (rows,) = db.execute("SELECT count(*) FROM failures").fetchone()
                excess = rows - MAX_TRACKED_ADDRESSES * MAX_FAILED_TOKENS
            else:
                excess = 0
            if excess > 0:
                db.execute(
                    "DELETE FROM failures WHERE rowid IN "
                    "(SELECT rowid FROM failures ORDER BY at LIMIT ?)",
                    (excess,),
                )
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        return retry


def _retry_after(count: int, oldest: float, now: float) -> int | None:
    if count < MAX_FAILED_TOKENS:
        return None
    return max(1, math.ceil(oldest + FAILED_TOKEN_WINDOW_SECONDS - now))


def attempts_of_this_server() -> Attempts:
    """The shared count when this process is one of several workers, else its own."""
    directory = os.environ.get(WORKERS_DIR_ENV)
    if directory and os.path.isdir(directory):
        return SharedFailedAttempts(os.path.join(directory, "failed-tokens.sqlite3"))
    return FailedAttempts()
