"""Isolation between users on a real ``healthhub serve``, as properties (docs/accounts.md).

Several users upload files, edit and delete days and change their profile in a random
interleaving. Each user's final state equals a replay of only their own operations on
an independent in-memory store, and no response to one user ever holds another's data:
every value a user writes carries that user's mark (steps ending in the user's digit,
file names starting with the user's name).
"""

from __future__ import annotations

import math
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine
from strawberry.utils.str_converters import to_camel_case

from domain import accounts, services
from domain.model import (
    KPI_FIELDS,
    DateOrder,
    InvalidRowPolicy,
    Sex,
)
from persistence.accounts import SqlAccountStore
from tests.domain.fakes import FakeUnitOfWork
from tests.support import sql_scope
from tests.support.server import PROJECT_ROOT, ServerProcess, running_server

USERS = 3
FIRST_DAY = date(2025, 6, 1)
WINDOW_DAYS = 30
LAST_DAY = FIRST_DAY + timedelta(days=WINDOW_DAYS + 10)
#: Served KPIs are rounded to at most one decimal (docs/api.md); the replay is not.
TOLERANCE = 0.051

UPLOAD = (
    "mutation($file: Upload!) { uploadCsv(file: $file) { filename status rowsInserted "
    "rowsUpdated rowsUnchanged rowsRejected kpiDaysRecomputed } }"
)
UPSERT = (
    "mutation($input: DailyMetricInput!) { upsertDailyMetric(input: $input) "
    "{ date steps weightKg } }"
)
DELETE = "mutation($s: Date!, $e: Date!) { deleteDailyMetrics(start: $s, end: $e) }"
PROFILE = "mutation($input: ProfileInput!) { updateProfile(input: $input) { stepsGoal } }"
KPI_SELECTION = " ".join(to_camel_case(name) for name in KPI_FIELDS)
STATE = f"""query($s: Date!, $e: Date!) {{
  me {{ name }}
  dailyMetrics(start: $s, end: $e) {{ date steps weightKg }}
  kpis(start: $s, end: $e) {{ date {KPI_SELECTION} }}
  profile {{ sex birthDate heightCm stepsGoal isDefault }}
  dataRange {{ firstDate lastDate daysLogged }}
  ingestions(limit: 100) {{ filename status rowsInserted rowsUpdated rowsUnchanged
    rowsRejected kpiDaysRecomputed }}
}}"""


#: Every id a user is served, to ask each user for everyone's by nodes (docs/api.md, "Node").
IDS = """query($s: Date!, $e: Date!) {
  dailyMetrics(start: $s, end: $e) { id }
  kpis(start: $s, end: $e) { id }
  kpiSummary(start: $s, end: $e) { id }
  profile { id }
  dataRange { id }
  ingestions(limit: 100) { id }
}"""
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"


@dataclass(frozen=True)
class Upload:
    rows: tuple[tuple[int, int, float], ...]  # (day offset, steps step, weight)


@dataclass(frozen=True)
class Upsert:
    offset: int
    steps: int | None
    weight: float | None


@dataclass(frozen=True)
class Delete:
    offset: int
    length: int


@dataclass(frozen=True)
class ProfileChange:
    steps_goal: int
    height_cm: float
    sex: Sex
    birth_year: int


_offsets = st.integers(0, WINDOW_DAYS - 1)
_weights = st.integers(550, 950).map(lambda tenths: tenths / 10)
_operations = st.one_of(
    st.builds(
        Upload,
        st.lists(
            st.tuples(_offsets, st.integers(0, 2_000), _weights),
            min_size=1,
            max_size=12,
            unique_by=lambda row: row[0],
        ).map(tuple),
    ),
    # An edit sets at least one value: a day without values is refused (docs/formats.md).
    st.builds(Upsert, _offsets, st.none() | st.integers(0, 2_000), st.none() | _weights).filter(
        lambda edit: edit.steps is not None or edit.weight is not None
    ),
    st.builds(Delete, _offsets, st.integers(0, 8)),
    st.builds(
        ProfileChange,
        st.integers(1_000, 20_000),
        st.integers(1500, 2000).map(lambda tenths: tenths / 10),
        st.sampled_from(Sex),
        st.integers(1950, 2005),
    ),
)
_interleavings = st.lists(st.tuples(st.integers(0, USERS - 1), _operations), max_size=14)


def _steps(user: int, step: int) -> int:
    """Steps carrying the user's mark: the last digit is the user's number."""
    return step * 10 + user + 1


class Person:
    """One user of the server and the replay of their operations alone."""

    def __init__(self, server: ServerProcess, number: int, name: str, token: str) -> None:
        self.number = number
        self.name = name
        self.client = httpx.Client(
            base_url=server.base_url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=60,
        )
        self.replay = FakeUnitOfWork()
        self.uploads = 0

    def apply(self, operation: object) -> None:
        now = datetime.now(UTC)
        if isinstance(operation, Upload):
            self.uploads += 1
            filename = f"{self.name}-{self.uploads}.csv"
            lines = ["date,steps,weight_kg"] + [
                f"{FIRST_DAY + timedelta(days=o)},{_steps(self.number, s)},{w}"
                for o, s, w in operation.rows
            ]
            content = ("\n".join(lines) + "\n").encode()
            self._upload(content, filename)
            services.upload_csv(
                self.replay,
                self.name,
                content,
                filename=filename,
                policy=InvalidRowPolicy.REJECT_FILE,
                date_order=DateOrder.AUTO,
                now=now,
            )
        elif isinstance(operation, Upsert):
            day = FIRST_DAY + timedelta(days=operation.offset)
            changes: dict[str, Any] = {}
            if operation.steps is not None:
                changes["steps"] = _steps(self.number, operation.steps)
            if operation.weight is not None:
                changes["weight_kg"] = operation.weight
            sent = {to_camel_case(k): v for k, v in changes.items()}
            self._run(UPSERT, {"input": {"date": day.isoformat(), **sent}})
            services.upsert_day(self.replay, self.name, changes, day=day, now=now)
        elif isinstance(operation, Delete):
            start = FIRST_DAY + timedelta(days=operation.offset)
            end = start + timedelta(days=operation.length)
            self._run(DELETE, {"s": start.isoformat(), "e": end.isoformat()})
            services.delete_days(self.replay, self.name, start, end, now=now)
        elif isinstance(operation, ProfileChange):
            birth = date(operation.birth_year, 3, 1)
            self._run(
                PROFILE,
                {
                    "input": {
                        "stepsGoal": operation.steps_goal,
                        "heightCm": operation.height_cm,
                        "sex": operation.sex.value,
                        "birthDate": birth.isoformat(),
                    }
                },
            )
            changes = {
                "steps_goal": operation.steps_goal,
                "height_cm": operation.height_cm,
                "sex": operation.sex,
                "birth_date": birth,
            }
            services.update_profile(self.replay, self.name, changes, now=now)
        self.check_marks(self.state())

    def state(self) -> dict[str, Any]:
        return self._run(STATE, {"s": FIRST_DAY.isoformat(), "e": LAST_DAY.isoformat()})

    def check_marks(self, state: dict[str, Any]) -> None:
        """Nothing in the answer belongs to another user."""
        assert state["me"]["name"] == self.name
        for day in state["dailyMetrics"]:
            assert day["steps"] is None or day["steps"] % 10 == self.number + 1, day
        for ingestion in state["ingestions"]:
            assert ingestion["filename"].startswith(f"{self.name}-"), ingestion

    def expected(self) -> dict[str, Any]:
        """The state served after replaying this user's operations alone."""
        uow, name = self.replay, self.name
        days = services.list_days(uow, name, FIRST_DAY, LAST_DAY)
        kpis = services.list_kpis(uow, name, FIRST_DAY, LAST_DAY)
        profile = services.get_profile(uow, name)
        data_range = services.data_range(uow, name)
        return {
            "dailyMetrics": [
                {"date": d.date.isoformat(), "steps": d.steps, "weightKg": d.weight_kg}
                for d in days
            ],
            "kpis": [
                {
                    "date": k.date.isoformat(),
                    **{to_camel_case(f): getattr(k, f) for f in KPI_FIELDS},
                }
                for k in kpis
            ],
            "profile": {
                "sex": profile.sex.value if profile.sex else None,
                "birthDate": profile.birth_date.isoformat() if profile.birth_date else None,
                "heightCm": profile.height_cm,
                "stepsGoal": profile.steps_goal,
                "isDefault": profile.is_default,
            },
            "dataRange": {
                "firstDate": data_range.first_date.isoformat() if data_range.first_date else None,
                "lastDate": data_range.last_date.isoformat() if data_range.last_date else None,
                "daysLogged": data_range.days_logged,
            },
            "ingestions": [
                {
                    "filename": i.filename,
                    "status": i.status.value,
                    "rowsInserted": i.rows_inserted,
                    "rowsUpdated": i.rows_updated,
                    "rowsUnchanged": i.rows_unchanged,
                    "rowsRejected": i.rows_rejected,
                    "kpiDaysRecomputed": i.kpi_days_recomputed,
                }
                for i in services.list_ingestions(uow, name, 100)
            ],
        }

    def ids(self) -> list[str]:
        served = self._run(IDS, {"s": FIRST_DAY.isoformat(), "e": LAST_DAY.isoformat()})
        return [
            item["id"]
            for value in served.values()
            for item in (value if isinstance(value, list) else [value])
        ]

    def nodes(self, ids: list[str]) -> list[Any]:
        found: list[Any] = []
        for at in range(0, len(ids), services.MAX_NODE_IDS):
            found += self._run(NODES, {"ids": ids[at : at + services.MAX_NODE_IDS]})["nodes"]
        return found

    def _upload(self, content: bytes, filename: str) -> None:
        import json

        response = self.client.post(
            "/graphql",
            data={
                "operations": json.dumps({"query": UPLOAD, "variables": {"file": None}}),
                "map": json.dumps({"0": ["variables.file"]}),
            },
            files={"0": (filename, content, "text/csv")},
        )
        assert response.status_code == 200, response.text
        assert "errors" not in response.json(), response.text

    def _run(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        response = self.client.post("/graphql", json={"query": query, "variables": variables})
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        data: dict[str, Any] = body["data"]
        return data


def _close(actual: Any, expected: Any) -> bool:
    if isinstance(expected, float) and isinstance(actual, int | float):
        return math.isclose(actual, expected, abs_tol=TOLERANCE)
    if isinstance(expected, dict) and isinstance(actual, dict):
        return actual.keys() == expected.keys() and all(
            _close(actual[k], expected[k]) for k in expected
        )
    if isinstance(expected, list) and isinstance(actual, list):
        return len(actual) == len(expected) and all(
            _close(a, e) for a, e in zip(actual, expected, strict=True)
        )
    return bool(actual == expected)


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    """The real server, failing any statement on user data not scoped by user_id."""
    env = {
        "PYTHONPATH": os.pathsep.join([str(PROJECT_ROOT), str(sql_scope.SERVER_SITE)]),
        "HEALTHHUB_TEST_SQL_SCOPE": "raise",
    }
    with running_server(database_url, tmp_path / "server.log", env=env) as running:
        yield running


@pytest.fixture
def new_people(server: ServerProcess, engine: Engine) -> Callable[[], list[Person]]:
    """Fresh users on the running server (it needs no restart to know them)."""
    store = SqlAccountStore(engine)

    def make() -> list[Person]:
        people = []
        for number in range(USERS):
            name = f"u{number}-{uuid.uuid4().hex[:10]}"
            token = accounts.add_user(store, name, now=datetime.now(UTC), adopt_local=False)
            people.append(Person(server, number, name, token.token))
        return people

    return make


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(interleaving=_interleavings)
def test_each_user_s_state_is_the_replay_of_their_own_operations(
    new_people: Callable[[], list[Person]], interleaving: list[tuple[int, object]]
) -> None:
    people = new_people()
    try:
        for number, operation in interleaving:
            people[number].apply(operation)
        for person in people:
            _check_final(person)
        _check_nodes(people)
    finally:
        for person in people:
            person.client.close()


def _check_nodes(people: list[Person]) -> None:
    """Each user's ids fetch their objects by nodes; everyone else's answer null."""
    served = {person.name: person.ids() for person in people}
    for person in people:
        own = served[person.name]
        others = [i for name, ids in served.items() if name != person.name for i in ids]
        assert [node["id"] for node in person.nodes(own)] == own
        assert person.nodes(others) == [None] * len(others)


def _check_final(person: Person) -> None:
    state = person.state()
    person.check_marks(state)
    del state["me"]
    expected = person.expected()
    assert _close(state, expected), (person.name, state, expected)


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(work=st.lists(st.lists(_operations, max_size=6), min_size=USERS, max_size=USERS))
def test_users_working_at_the_same_time_each_end_with_their_own_replay(
    new_people: Callable[[], list[Person]], work: list[list[object]]
) -> None:
    people = new_people()
    failures: list[BaseException] = []

    def run(person: Person, operations: list[object]) -> None:
        try:
            for operation in operations:
                person.apply(operation)
        except BaseException as error:  # re-raised in the test's thread below
            failures.append(error)

    threads = [
        threading.Thread(target=run, args=(person, operations))
        for person, operations in zip(people, work, strict=True)
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failures:
            raise failures[0]
        for person in people:
            _check_final(person)
        _check_nodes(people)
    finally:
        for person in people:
            person.client.close()
