"""SqlProfileRepository on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from domain.model import Profile, Sex, WeightUnit
from persistence.uow import SqlUnitOfWork

UowFactory = Callable[[], SqlUnitOfWork]
NOW = datetime(2026, 3, 1, tzinfo=UTC)


def test_a_user_who_never_saved_a_profile_has_none(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        assert uow.profiles.get("local") is None


def test_a_saved_profile_reads_back_and_is_not_the_default(uow_factory: UowFactory) -> None:
    profile = Profile(
        sex=Sex.FEMALE,
        birth_date=date(1990, 2, 28),
        height_cm=167.3,
        activity_factor=1.375,
        steps_goal=8_000,
        protein_target_g_per_kg=1.6,
        balance_goal_kcal=-450.5,
        sleep_target_hours=8.25,
        goal_weight_kg=61.8,
        goal_rate_kg_per_week=-0.35,
        weight_unit=WeightUnit.LB,
        time_zone="Australia/Lord_Howe",
        is_default=False,
    )
    with uow_factory() as uow:
        uow.profiles.save("local", profile, updated_at=NOW)
        uow.commit()

    with uow_factory() as uow:
        assert uow.profiles.get("local") == profile
        assert uow.profiles.get("someone-else") is None


def test_saving_again_overwrites_every_field_including_clearing(uow_factory: UowFactory) -> None:
    with uow_factory() as uow:
        uow.profiles.save(
            "local",
            Profile(goal_weight_kg=90.0, goal_rate_kg_per_week=0.2, weight_unit=WeightUnit.LB),
            updated_at=NOW,
        )
        uow.commit()
    cleared = Profile(
        sex=None, birth_date=None, height_cm=None, steps_goal=12_000, is_default=False
    )

    with uow_factory() as uow:
        uow.profiles.save("local", cleared, updated_at=NOW)
        uow.commit()

    with uow_factory() as uow:
        assert uow.profiles.get("local") == cleared
