"""Tail latency under 20 clients, this checkout against others in the same run (issue 26).

Run: ``.venv/bin/python tests/bench/bench_tail.py --against CHECKOUT [--against ...]
[--rounds 6] [--seconds 5]``, where each CHECKOUT is another version of the code, for
example ``git worktree add /tmp/before 023f015``, served from this environment (its
packages ahead of this checkout's on the path), so it must run with this lock file's
dependencies. Figures, not tests.

Each version gets a PostgreSQL database of its own (the migrations differ), loaded
with the same ten years of days through its own server. Then, round after round,
each version in turn (who goes first rotating) serves ``bench_http.py``'s concurrent
load: ``healthhub serve --workers 2`` and 20 clients sending 365-day ``kpis`` POSTs
for ``--seconds``. Printed: p50, p99 and requests a second of every round, and each
round's p99 as a multiple of the first ``--against``'s. The versions meet the same
machine within a minute of each other, so the ratios hold where the figures drift.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.bench_http import (  # noqa: E402
    DAYS,
    END,
    Figures,
    _concurrent,
    _database,
    _server,
    _upload,
    realistic_csv,
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--against", type=Path, action="append", required=True)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    codes: dict[str, Path | None] = {str(path): path.resolve() for path in args.against}
    codes["this checkout"] = None
    names = list(codes)
    data = realistic_csv(DAYS, END)
    with contextlib.ExitStack() as stack:
        urls = {name: stack.enter_context(_database("postgres")) for name in names}
        for name in names:
            with (
                _server(urls[name], fast=True, code=codes[name]) as base,
                httpx.Client(base_url=base, timeout=60) as client,
            ):
                _upload(client, data, "ten_years.csv")
        rounds: dict[str, list[Figures]] = {name: [] for name in names}
        for number in range(args.rounds):
            turn = number % len(names)
            for name in names[turn:] + names[:turn]:
                figures: Figures = {}
                _concurrent(name, urls[name], figures, args.seconds, codes[name])
                rounds[name].append(figures)
    print(f"\n20 clients, 2 workers, 365-day kpis, {args.rounds} rounds of {args.seconds:.0f} s:")
    for name, measured in rounds.items():
        p50 = ", ".join(f"{f['concurrent_p50_ms']:.0f}" for f in measured)
        p99 = ", ".join(f"{f['concurrent_p99_ms']:.0f}" for f in measured)
        rate = ", ".join(f"{f['concurrent_rps']:.0f}" for f in measured)
        print(f"  {name}: p50 {p50} ms; p99 {p99} ms; {rate} requests/s")
    first = rounds[names[0]]
    for name in names[1:]:
        ratios = ", ".join(
            f"{mine['concurrent_p99_ms'] / theirs['concurrent_p99_ms']:.2f}"
            for mine, theirs in zip(rounds[name], first, strict=True)
        )
        print(f"  p99 of {name} / p99 of {names[0]}, round by round: {ratios}")


if __name__ == "__main__":
    main()
