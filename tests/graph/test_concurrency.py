"""Racing writers on two server processes leave the state of some one-after-another order."""

from __future__ import annotations

import dataclasses
import json
import random
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from strawberry.utils.str_converters import to_camel_case

from domain import services
from domain.kpis import compute_kpis
from domain.merging import merge
from domain.model import DEFAULT_PROFILE, DailyMetrics
from domain.parsing import parse_csv
from domain.precision import stored_kpis
from persistence.database import create_engine_for
from persistence.uow import uow_factory as sql_uow_factory
from tests.graph.api import PREFLIGHT, UPLOAD
from tests.support.databases import need_postgres, throwaway_database
from tests.support.metrics import ALL_DATES, csv_of, realistic_days
from tests.support.server import running_server

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ROUNDS = 5
FIRST = date(2025, 3, 1)
UPSERT = """mutation($input: DailyMetricInput!) { upsertDailyMetric(input: $input) {
  date steps weightKg } }"""
PROFILE = "mutation($input: ProfileInput!) { updateProfile(input: $input) { stepsGoal } }"


@dataclass(frozen=True)
class _Op:
    kind: str
    payload: Any
    answer: Any = None


def _upload_file(rng: random.Random) -> bytes:
    start = FIRST + timedelta(days=rng.randint(0, 20))
    days = realistic_days(start, rng.randint(5, 15), seed=rng.randint(0, 10**6))
    # Weighed every day: this test is about racing writers, not weight interpolation.
    return csv_of([d if d.weight_kg else dataclasses.replace(d, weight_kg=80.0) for d in days])


def _send(base_url: str, op: _Op) -> _Op:
    with httpx.Client(base_url=base_url, timeout=60) as client:
        if op.kind == "upload":
            operations = json.dumps({"query": UPLOAD, "variables": {"file": None}})
            response = client.post(
                "/graphql",
                data={"operations": operations, "map": '{"0": ["variables.file"]}'},
                files={"0": ("f.csv", op.payload, "text/csv")},
                headers=PREFLIGHT,
            )
            answer = _data(response)["uploadCsv"]
        elif op.kind == "upsert":
            body = {"query": UPSERT, "variables": {"input": op.payload}}
            answer = _data(client.post("/graphql", json=body))["upsertDailyMetric"]
        else:
            body = {"query": PROFILE, "variables": {"input": op.payload}}
            answer = _data(client.post("/graphql", json=body))["updateProfile"]
    return _Op(op.kind, op.payload, answer)


def _data(response: httpx.Response) -> Any:
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def _apply(days: tuple[DailyMetrics, ...], op: _Op) -> tuple[DailyMetrics, ...] | None:
    """The days after ``op``, or None when ``op``'s report contradicts this state."""
    if op.kind == "profile":
        return days
    if op.kind == "upload":
        parsed = parse_csv(op.payload, today=date(2026, 1, 1))
        result = merge(days, parsed.days, parsed.fields)
        counts = (result.inserted, result.updated, result.unchanged)
        reported = (op.answer["rowsInserted"], op.answer["rowsUpdated"], op.answer["rowsUnchanged"])
        return result.days if counts == reported else None
    changes = {"steps": op.payload["steps"], "weight_kg": op.payload["weightKg"]}
    day = date.fromisoformat(op.payload["date"])
    result = merge(days, [DailyMetrics(date=day, **changes)], changes.keys())
    return result.days


def _serial_order_exists(ops: list[_Op], final: list[DailyMetrics]) -> bool:
    """Whether applying ``ops`` one after another in some order matches every report
    and ends in ``final`` (a depth-first search over remaining ops and state, memoised)."""
    dead_ends: set[tuple[frozenset[int], tuple[DailyMetrics, ...]]] = set()

    def search(days: tuple[DailyMetrics, ...], pending: frozenset[int]) -> bool:
        if not pending:
            return list(days) == final
        if (pending, days) in dead_ends:
            return False
        for i in sorted(pending):
            after = _apply(days, ops[i])
            if after is not None and search(after, pending - {i}):
                return True
        dead_ends.add((pending, days))
        return False

    return search((), frozenset(range(len(ops))))


def test_racing_uploads_and_edits_equal_a_serial_replay(tmp_path: Path) -> None:
    need_postgres()
    rng = random.Random(20260318)
    with throwaway_database() as url, running_server(url, tmp_path / "s.log", workers=2) as srv:
        engine = create_engine_for(url)
        uow_factory = sql_uow_factory(engine)
        try:
            for _ in range(ROUNDS):
                services.delete_days(
                    uow_factory(), services.LOCAL_USER, *ALL_DATES, now=datetime.now(UTC)
                )
                ops = [_Op("upload", _upload_file(rng)) for _ in range(8)]
                ops += [
                    _Op(
                        "upsert",
                        {
                            "date": (FIRST + timedelta(days=rng.randint(0, 30))).isoformat(),
                            "steps": rng.randint(0, 30_000),
                            "weightKg": round(rng.uniform(60, 90), 1),
                        },
                    )
                    for _ in range(3)
                ]
                ops.append(_Op("profile", {"stepsGoal": rng.randint(5_000, 15_000)}))
                with ThreadPoolExecutor(max_workers=len(ops)) as pool:
                    done = list(pool.map(lambda op: _send(srv.base_url, op), ops))

                with uow_factory() as uow:
                    stored = uow.metrics.all_days(services.LOCAL_USER)
                    kpis = uow.kpis.between(services.LOCAL_USER, *ALL_DATES)
                    profile = uow.profiles.get(services.LOCAL_USER) or DEFAULT_PROFILE
                assert _serial_order_exists(done, stored)
                for op in done:
                    if op.kind == "upsert":
                        assert op.answer["date"] == op.payload["date"]
                        assert {k: op.answer[k] for k in ("steps", to_camel_case("weight_kg"))} == {
                            k: op.payload[k] for k in ("steps", "weightKg")
                        }
                assert kpis == stored_kpis(compute_kpis(stored, profile))
        finally:
            engine.dispose()
