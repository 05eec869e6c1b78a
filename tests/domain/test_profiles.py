"""Profile changes: the plan fields (goal, rate, unit, time zone) and their bounds."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

import pytest

from domain import services
from domain.errors import InvalidInputError
from domain.model import DEFAULT_PROFILE, DateOrder, InvalidRowPolicy, Kpi, Profile, WeightUnit
from domain.profiles import apply_profile_changes
from tests.domain import fakes
from tests.domain.fakes import FakeUnitOfWork

TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)


def test_a_new_profile_has_no_plan_weighs_in_kg_and_lives_in_utc() -> None:
    assert DEFAULT_PROFILE.goal_weight_kg is None
    assert DEFAULT_PROFILE.goal_rate_kg_per_week is None
    assert DEFAULT_PROFILE.weight_unit is WeightUnit.KG
    assert DEFAULT_PROFILE.time_zone == "UTC"


def test_a_plan_within_its_bounds_is_kept_exactly() -> None:
    changes = {
        "goal_weight_kg": 72.5,
        "goal_rate_kg_per_week": -0.5,
        "weight_unit": WeightUnit.LB,
        "time_zone": "America/New_York",
    }

    profile = apply_profile_changes(DEFAULT_PROFILE, changes, today=TODAY)

    assert profile == Profile(**changes, is_default=False)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("goal_weight_kg", 20),
        ("goal_weight_kg", 400.0),
        ("goal_rate_kg_per_week", -1.5),
        ("goal_rate_kg_per_week", 1.0),
        ("goal_rate_kg_per_week", 0.0),
        ("time_zone", "UTC"),
        ("time_zone", "Europe/Berlin"),
        ("time_zone", "Asia/Kolkata"),
    ],
)
def test_the_bounds_themselves_are_allowed(name: str, value: object) -> None:
    profile = apply_profile_changes(DEFAULT_PROFILE, {name: value}, today=TODAY)

    assert getattr(profile, name) == value


@pytest.mark.parametrize(
    ("name", "value", "allowed"),
    [
        ("goal_weight_kg", 19.99, "20–400"),
        ("goal_weight_kg", 400.01, "20–400"),
        ("goal_weight_kg", float("nan"), "finite"),
        ("goal_rate_kg_per_week", -1.51, "-1.5–1"),
        ("goal_rate_kg_per_week", 1.01, "-1.5–1"),
        ("goal_rate_kg_per_week", float("inf"), "finite"),
        ("time_zone", "Mars/Olympus_Mons", "Europe/Berlin"),
        ("time_zone", "europe/berlin", "Europe/Berlin"),
        ("time_zone", "../../etc/passwd", "Europe/Berlin"),
        ("time_zone", "", "Europe/Berlin"),
        ("time_zone", "localtime", "Europe/Berlin"),
        ("time_zone", None, "cannot be null"),
        ("weight_unit", None, "cannot be null"),
        ("weight_unit", "STONE", "KG or LB"),
    ],
)
def test_a_value_outside_the_plan_bounds_is_refused_naming_field_and_what_is_allowed(
    name: str, value: object, allowed: str
) -> None:
    with pytest.raises(InvalidInputError) as refused:
        apply_profile_changes(DEFAULT_PROFILE, {name: value}, today=TODAY)

    assert refused.value.field == name
    assert name in refused.value.message
    assert allowed in refused.value.message


def test_goal_and_rate_can_be_cleared_once_set() -> None:
    planned = apply_profile_changes(
        DEFAULT_PROFILE, {"goal_weight_kg": 70.0, "goal_rate_kg_per_week": -0.25}, today=TODAY
    )

    cleared = apply_profile_changes(
        planned, {"goal_weight_kg": None, "goal_rate_kg_per_week": None}, today=TODAY
    )

    assert (cleared.goal_weight_kg, cleared.goal_rate_kg_per_week) == (None, None)


def test_a_refused_plan_stores_nothing() -> None:
    uow = FakeUnitOfWork()
    services.update_profile(uow, services.LOCAL_USER, {"goal_weight_kg": 80.0}, now=NOW)

    with pytest.raises(InvalidInputError):
        services.update_profile(
            uow,
            services.LOCAL_USER,
            {"goal_weight_kg": 70.0, "time_zone": "Nowhere/Special"},
            now=NOW,
        )

    stored = services.get_profile(uow, services.LOCAL_USER)
    assert (stored.goal_weight_kg, stored.time_zone) == (80.0, "UTC")


def test_a_new_unit_or_time_zone_rewrites_no_kpi_while_a_new_goal_recomputes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    uow = FakeUnitOfWork()
    services.upload_csv(
        uow,
        services.LOCAL_USER,
        b"date,weight_kg,kcal_in\n2026-03-01,80.0,2500\n2026-03-02,79.8,2400\n",
        filename="days.csv",
        policy=InvalidRowPolicy.REJECT_FILE,
        date_order=DateOrder.AUTO,
        now=NOW,
    )
    rewrites: list[date | None] = []
    real = fakes._Kpis.replace_from

    def counted(
        self: fakes._Kpis, user_id: str, since: date | None, kpis: Sequence[Kpi], **kw: datetime
    ) -> None:
        rewrites.append(since)
        real(self, user_id, since, kpis, **kw)

    monkeypatch.setattr(fakes._Kpis, "replace_from", counted)

    services.update_profile(
        uow, services.LOCAL_USER, {"weight_unit": WeightUnit.LB, "time_zone": "Asia/Tokyo"}, now=NOW
    )
    assert rewrites == []
    services.update_profile(uow, services.LOCAL_USER, {"goal_weight_kg": 75.0}, now=NOW)
    assert rewrites == [None]
