"""The failed-token count in one process and shared by a server's workers
(graph/http/attempts.py): the limit per address, the window, and bounded storage."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from graph.http import attempts
from graph.http.attempts import (
    FAILED_TOKEN_WINDOW_SECONDS,
    MAX_FAILED_TOKENS,
    Attempts,
    FailedAttempts,
    SharedFailedAttempts,
)


class _Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def _counts(tmp_path: Path, clock: _Clock) -> list[Attempts]:
    path = str(tmp_path / "failed.sqlite3")
    return [FailedAttempts(clock), SharedFailedAttempts(path, clock)]


@pytest.mark.parametrize("kind", [0, 1], ids=["process", "shared"])
def test_the_21st_wrong_token_in_a_window_waits_until_the_oldest_leaves_it(
    tmp_path: Path, kind: int
) -> None:
    clock = _Clock()
    count = _counts(tmp_path, clock)[kind]
    for n in range(MAX_FAILED_TOKENS):
        clock.now += 1
        assert count.record("10.0.0.1") is None, n
    assert count.record("10.0.0.1") == FAILED_TOKEN_WINDOW_SECONDS - MAX_FAILED_TOKENS + 1
    assert count.record("10.0.0.2") is None  # another address is not affected
    clock.now += FAILED_TOKEN_WINDOW_SECONDS
    assert count.record("10.0.0.1") is None


def test_two_workers_sharing_the_file_allow_20_in_all(tmp_path: Path) -> None:
    clock = _Clock()
    path = str(tmp_path / "failed.sqlite3")
    one, two = SharedFailedAttempts(path, clock), SharedFailedAttempts(path, clock)
    answers = [(one if n % 2 else two).record("10.0.0.1") for n in range(40)]
    assert answers.count(None) == MAX_FAILED_TOKENS


def test_made_up_addresses_by_the_thousand_keep_the_shared_file_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attempts, "MAX_TRACKED_ADDRESSES", 50)
    clock = _Clock()
    path = tmp_path / "failed.sqlite3"
    count = SharedFailedAttempts(str(path), clock)
    for n in range(5_000):
        count.record(f"10.1.{n // 250}.{n % 250}")
    with contextlib.closing(sqlite3.connect(path)) as check:
        (rows,) = check.execute("SELECT count(*) FROM failures").fetchone()
    assert rows <= 50 * MAX_FAILED_TOKENS + attempts.TRIM_EVERY
