"""Manual entry, deletion and profile changes, each followed by a KPI recomputation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from domain.model import DEFAULT_PROFILE
from domain.ports import UnitOfWork
from tests.graph.api import DAY_FIELDS, data, days, error_codes, kpis, post
from tests.graph.kpi_check import assert_kpis_are_from_scratch

UPSERT = (
    f"mutation($input: DailyMetricInput!) {{ upsertDailyMetric(input: $input) {{ {DAY_FIELDS} }} }}"
)
DELETE = "mutation($s: Date!, $e: Date!) { deleteDailyMetrics(start: $s, end: $e) }"
PROFILE_FIELDS = """sex birthDate heightCm activityFactor stepsGoal proteinTargetGPerKg
  balanceGoalKcal sleepTargetHours isDefault"""
UPDATE_PROFILE = (
    f"mutation($input: ProfileInput!) {{ updateProfile(input: $input) {{ {PROFILE_FIELDS} }} }}"
)


def _upsert(client: TestClient, **fields: Any) -> dict[str, Any]:
    result: dict[str, Any] = data(client, UPSERT, {"input": fields})["upsertDailyMetric"]
    return result


def _week(client: TestClient) -> None:
    for day in range(1, 8):
        _upsert(client, date=f"2026-02-0{day}", weightKg=80 - day / 10, kcalIn=2200, steps=9000)


def test_an_upsert_creates_the_day_and_its_kpis(
    client: TestClient, uow_factory: Callable[[], UnitOfWork]
) -> None:
    day = _upsert(client, date="2026-02-01", steps=8000, weightKg=80.5, kcalIn=2100)

    assert (day["date"], day["steps"], day["weightKg"], day["kcalIn"]) == (
        "2026-02-01",
        8000,
        80.5,
        2100,
    )
    assert day["sleepHours"] is None
    assert day["updatedAt"].endswith(("+00:00", "Z"))
    assert days(client, "2026-02-01", "2026-02-01") == [day]
    assert_kpis_are_from_scratch(client, uow_factory)


def test_a_field_left_out_keeps_its_value_and_an_explicit_null_clears_it(
    client: TestClient,
) -> None:
    _upsert(client, date="2026-02-01", steps=8000, weightKg=80.5, sleepHours=7.5)

    day = _upsert(client, date="2026-02-01", steps=9000, weightKg=None)

    assert (day["steps"], day["weightKg"], day["sleepHours"]) == (9000, None, 7.5)
    assert days(client, "2026-02-01", "2026-02-01") == [day]


def test_an_invalid_value_is_bad_user_input_naming_the_field_and_changes_nothing(
    client: TestClient,
) -> None:
    before = _upsert(client, date="2026-02-01", stress=4)

    body = post(client, UPSERT, {"input": {"date": "2026-02-01", "stress": 11}})

    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert "stress" in body["errors"][0]["message"]
    assert days(client, "2026-02-01", "2026-02-01") == [before]


def test_a_refused_field_is_named_in_the_api_spelling(client: TestClient) -> None:
    day = post(client, UPSERT, {"input": {"date": "2026-02-01", "weightKg": 19.9}})
    profile = post(client, UPDATE_PROFILE, {"input": {"heightCm": 10}})

    assert [(e["message"], e["extensions"]) for e in day["errors"] + profile["errors"]] == [
        ("weightKg: 19.9 is outside 20–400", {"code": "BAD_USER_INPUT", "field": "weightKg"}),
        ("heightCm: 10.0 is outside 50–300", {"code": "BAD_USER_INPUT", "field": "heightCm"}),
    ]


def test_an_upsert_changes_the_kpis_of_the_later_days(
    client: TestClient, uow_factory: Callable[[], UnitOfWork]
) -> None:
    _week(client)
    before = kpis(client, "2026-02-01", "2026-02-07")

    _upsert(client, date="2026-02-03", weightKg=75)

    after = kpis(client, "2026-02-01", "2026-02-07")
    assert after[:2] == before[:2]
    pairs = zip(after[2:], before[2:], strict=True)
    assert all(new["weightTrend"] != old["weightTrend"] for new, old in pairs)
    assert_kpis_are_from_scratch(client, uow_factory)


def test_deleting_days_returns_how_many_and_recomputes_the_later_kpis(
    client: TestClient, uow_factory: Callable[[], UnitOfWork]
) -> None:
    _week(client)

    deleted = data(client, DELETE, {"s": "2026-02-02", "e": "2026-02-03"})

    assert deleted["deleteDailyMetrics"] == 2
    remaining = [day["date"] for day in days(client, "2026-02-01", "2026-02-07")]
    assert remaining == ["2026-02-01", "2026-02-04", "2026-02-05", "2026-02-06", "2026-02-07"]
    assert_kpis_are_from_scratch(client, uow_factory)
    again = data(client, DELETE, {"s": "2026-02-02", "e": "2026-02-03"})
    assert again["deleteDailyMetrics"] == 0


def test_delete_takes_a_range_longer_than_the_list_queries_allow(client: TestClient) -> None:
    _week(client)

    deleted = data(client, DELETE, {"s": "1990-01-01", "e": "2026-12-31"})

    assert deleted["deleteDailyMetrics"] == 7


def test_a_new_user_has_the_default_profile_of_the_design(client: TestClient) -> None:
    profile = data(client, f"{{ profile {{ {PROFILE_FIELDS} }} }}")["profile"]

    assert profile == {
        "sex": "MALE",
        "birthDate": "1996-01-01",
        "heightCm": 180,
        "activityFactor": 1.2,
        "stepsGoal": 10_000,
        "proteinTargetGPerKg": 1.9,
        "balanceGoalKcal": -300,
        "sleepTargetHours": 7,
        "isDefault": True,
    }


def test_a_profile_update_changes_only_the_sent_fields_and_recomputes_every_kpi(
    client: TestClient, uow_factory: Callable[[], UnitOfWork]
) -> None:
    _week(client)
    before = kpis(client, "2026-02-01", "2026-02-07")

    profile = data(client, UPDATE_PROFILE, {"input": {"sex": "FEMALE", "heightCm": 165}})

    updated = profile["updateProfile"]
    assert (updated["sex"], updated["heightCm"], updated["isDefault"]) == ("FEMALE", 165, False)
    assert updated["stepsGoal"] == DEFAULT_PROFILE.steps_goal
    after = assert_kpis_are_from_scratch(client, uow_factory)
    assert all(new["bmrKcal"] != old["bmrKcal"] for new, old in zip(after, before, strict=True))


def test_an_invalid_profile_value_is_bad_user_input(client: TestClient) -> None:
    body = post(client, UPDATE_PROFILE, {"input": {"heightCm": -3}})

    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert data(client, "{ profile { heightCm isDefault } }")["profile"] == {
        "heightCm": DEFAULT_PROFILE.height_cm,
        "isDefault": True,
    }
