"""The plan over the API: goal, rate, unit and time zone on the profile; the plan's KPIs
and summary fields served as stored (docs/kpis.md, "The plan")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from domain.ports import UnitOfWork
from tests.graph.api import data, error_codes, kpis, post
from tests.graph.kpi_check import assert_kpis_are_from_scratch

PLAN = "goalWeightKg goalRateKgPerWeek weightUnit timeZone isDefault"
UPDATE = f"mutation($input: ProfileInput!) {{ updateProfile(input: $input) {{ {PLAN} }} }}"
UPSERT = "mutation($input: DailyMetricInput!) { upsertDailyMetric(input: $input) { date } }"
SUMMARY = """query($s: Date!, $e: Date!) { kpiSummary(start: $s, end: $e) { periodStart
  daysLogged kcalInAvg expenditureAvg energyBalanceAvg targetKcalIn weightRateEnd } }"""
START = date(2026, 1, 5)  # a Monday


def _update(client: TestClient, **fields: Any) -> dict[str, Any]:
    result: dict[str, Any] = data(client, UPDATE, {"input": fields})["updateProfile"]
    return result


def _stored_plan(client: TestClient) -> dict[str, Any]:
    result: dict[str, Any] = data(client, f"{{ profile {{ {PLAN} }} }}")["profile"]
    return result


def _log_weeks(client: TestClient, weeks: int) -> None:
    for n in range(7 * weeks):
        day = {
            "date": (START + timedelta(days=n)).isoformat(),
            "kcalIn": 2100 + 37 * (n % 4),
            "weightKg": round(88 - 0.06 * n + 0.3 * (n % 3 == 0), 1),
        }
        data(client, UPSERT, {"input": day})


def test_a_new_user_has_no_plan_kg_and_utc(client: TestClient) -> None:
    assert _stored_plan(client) == {
        "goalWeightKg": None,
        "goalRateKgPerWeek": None,
        "weightUnit": "KG",
        "timeZone": "UTC",
        "isDefault": True,
    }


def test_a_field_left_out_keeps_its_value_and_null_clears_goal_and_rate(
    client: TestClient,
) -> None:
    first = _update(
        client,
        goalWeightKg=72.5,
        goalRateKgPerWeek=-0.5,
        weightUnit="LB",
        timeZone="America/New_York",
    )
    assert first == {
        "goalWeightKg": 72.5,
        "goalRateKgPerWeek": -0.5,
        "weightUnit": "LB",
        "timeZone": "America/New_York",
        "isDefault": False,
    }

    kept = _update(client, goalRateKgPerWeek=-0.25)
    assert kept == {**first, "goalRateKgPerWeek": -0.25}

    cleared = _update(client, goalWeightKg=None, goalRateKgPerWeek=None)
    assert cleared == {**first, "goalWeightKg": None, "goalRateKgPerWeek": None}
    assert _stored_plan(client) == cleared


@pytest.mark.parametrize(
    ("fields", "field", "allowed"),
    [
        ({"goalWeightKg": 19.5}, "goalWeightKg", "20–400"),
        ({"goalWeightKg": 401}, "goalWeightKg", "20–400"),
        ({"goalRateKgPerWeek": -1.6}, "goalRateKgPerWeek", "-1.5–1"),
        ({"goalRateKgPerWeek": 1.2, "goalWeightKg": 90}, "goalRateKgPerWeek", "-1.5–1"),
        ({"timeZone": "Europe/Atlantis"}, "timeZone", "Europe/Berlin"),
        ({"timeZone": None}, "timeZone", "cannot be null"),
        ({"weightUnit": None}, "weightUnit", "cannot be null"),
    ],
)
def test_a_plan_outside_its_bounds_is_bad_user_input_naming_the_field_and_stores_nothing(
    client: TestClient, fields: dict[str, Any], field: str, allowed: str
) -> None:
    before = _update(client, goalWeightKg=80, timeZone="Europe/Paris")

    body = post(client, UPDATE, {"input": fields})

    assert error_codes(body) == ["BAD_USER_INPUT"]
    [error] = body["errors"]
    assert error["extensions"]["field"] == field
    assert error["message"].startswith(field)
    assert allowed in error["message"]
    assert "None" not in error["message"]
    assert _stored_plan(client) == before


def test_an_unknown_weight_unit_is_refused_by_the_enum(client: TestClient) -> None:
    body = post(client, UPDATE, {"input": {"weightUnit": "STONE"}})

    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert _stored_plan(client)["weightUnit"] == "KG"


def test_the_plan_kpis_are_served_as_computed_from_scratch_after_each_change(
    client: TestClient, uow_factory: Callable[[], UnitOfWork]
) -> None:
    _log_weeks(client, 6)
    _update(client, goalWeightKg=84.0, goalRateKgPerWeek=-0.5)

    served = assert_kpis_are_from_scratch(client, uow_factory)

    last = served[-1]
    assert last["weightRateKgPerWeek"] < 0
    assert last["goalEtaDate"] is not None
    assert last["targetKcalIn"] is not None
    assert last["energyBalanceKcal"] is not None
    # The week's target is one number from Monday to Sunday.
    week = [k for k in served if k["date"] >= (START + timedelta(days=35)).isoformat()]
    assert len({k["targetKcalIn"] for k in week}) == 1

    _update(client, goalWeightKg=None)
    after = assert_kpis_are_from_scratch(client, uow_factory)
    assert all(k["goalEtaDate"] is None for k in after)


def test_a_week_summary_serves_intake_expenditure_balance_target_and_rate(
    client: TestClient,
) -> None:
    _log_weeks(client, 6)
    _update(client, goalWeightKg=84.0, goalRateKgPerWeek=-0.5)
    sunday = START + timedelta(days=41)

    rows = data(client, SUMMARY, {"s": START.isoformat(), "e": sunday.isoformat()})["kpiSummary"]
    days = kpis(client, (sunday - timedelta(days=6)).isoformat(), sunday.isoformat())

    last = rows[-1]
    assert last["daysLogged"] == 7
    assert last["targetKcalIn"] == days[-1]["targetKcalIn"]
    assert last["weightRateEnd"] == days[-1]["weightRateKgPerWeek"]
    intake = [2100 + 37 * (n % 4) for n in range(35, 42)]
    assert last["kcalInAvg"] == round(sum(intake) / 7, 1)
    expenditure = [k["expenditureKcal"] for k in days]
    assert last["expenditureAvg"] == pytest.approx(sum(expenditure) / 7, abs=0.06)
    balances = [k["energyBalanceKcal"] for k in days]
    assert last["energyBalanceAvg"] == pytest.approx(sum(balances) / 7, abs=0.06)
