"""The expenditure estimate through the real storage path, on SQLite and PostgreSQL.

A change on day D changes the stored estimates from D on and never before, and
the stored KPIs equal a from-scratch computation after every change, and after
the migration that adds the expenditure columns to KPI rows already stored.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from alembic import command

from domain.kpis import compute_kpis
from domain.model import DEFAULT_PROFILE, DailyMetrics, DateOrder, InvalidRowPolicy, Kpi
from domain.precision import stored_kpis
from domain.services import delete_days, upload_csv, upsert_day
from persistence.migrations import alembic_config, upgrade
from persistence.uow import SqlUnitOfWork
from tests.support.simulate import START, Person, simulate

UowFactory = Callable[[], SqlUnitOfWork]
USER = "local"
NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _csv(person: Person) -> bytes:
    lines = ["date,kcal_in,weight_kg"]
    for day in person.days:
        kcal = "" if day.kcal_in is None else f"{day.kcal_in:.0f}"
        weight = "" if day.weight_kg is None else f"{day.weight_kg:.1f}"
        lines.append(f"{day.date.isoformat()},{kcal},{weight}")
    return ("\n".join(lines) + "\n").encode()


def _stored(uow_factory: UowFactory) -> list[Kpi]:
    with uow_factory() as uow:
        return uow.kpis.between(USER, date(2000, 1, 1), date(2099, 12, 31))


def _assert_from_scratch(uow_factory: UowFactory) -> list[Kpi]:
    with uow_factory() as uow:
        days = uow.metrics.all_days(USER)
    stored = _stored(uow_factory)
    assert stored == stored_kpis(compute_kpis(days, DEFAULT_PROFILE))
    return stored


def _upload(uow_factory: UowFactory, person: Person) -> None:
    upload_csv(
        uow_factory(),
        USER,
        _csv(person),
        filename="simulated.csv",
        policy=InvalidRowPolicy.REJECT_FILE,
        date_order=DateOrder.YMD,
        now=NOW,
    )


def _expenditure(kpis: list[Kpi]) -> dict[date, tuple[float | None, ...]]:
    return {
        k.date: (k.expenditure_kcal, k.expenditure_low_kcal, k.expenditure_high_kcal) for k in kpis
    }


def test_a_change_on_day_d_changes_stored_estimates_from_d_on_never_before(
    uow_factory: UowFactory,
) -> None:
    _upload(uow_factory, simulate(21, 0.8, 150))
    before = _expenditure(_assert_from_scratch(uow_factory))
    assert sum(kcal is not None for kcal, _, _ in before.values()) > 100

    changed = START + timedelta(days=90)
    upsert_day(uow_factory(), USER, {"kcal_in": 4_500.0, "weight_kg": 60.0}, day=changed, now=NOW)
    after = _expenditure(_assert_from_scratch(uow_factory))

    assert {d: v for d, v in after.items() if d < changed} == {
        d: v for d, v in before.items() if d < changed
    }
    later = [d for d in after if d > changed]
    assert all(after[d] != before[d] for d in later[:30])


def test_deleting_days_keeps_the_stored_estimates_equal_to_a_run_from_scratch(
    uow_factory: UowFactory,
) -> None:
    _upload(uow_factory, simulate(22, 1.2, 120))
    first = _expenditure(_assert_from_scratch(uow_factory))

    cut = START + timedelta(days=60)
    delete_days(uow_factory(), USER, cut, cut + timedelta(days=9), now=NOW)
    second = _expenditure(_assert_from_scratch(uow_factory))

    assert {d: v for d, v in second.items() if d < cut} == {
        d: v for d, v in first.items() if d < cut
    }


def test_the_migration_fills_the_estimates_of_kpi_rows_already_stored(
    uow_factory: UowFactory, database_url: str
) -> None:
    _upload(uow_factory, simulate(23, 0.5, 100))
    config = alembic_config(database_url)
    try:
        command.downgrade(config, "0001")
        upgrade(database_url)

        stored = _assert_from_scratch(uow_factory)
        assert any(k.expenditure_kcal is not None for k in stored)
    finally:
        upgrade(database_url)


def test_the_drift_migration_refills_stale_estimates_and_bumps_the_data_version(
    uow_factory: UowFactory, database_url: str
) -> None:
    _upload(uow_factory, simulate(25, 0.8, 120))
    engine = sa.create_engine(database_url)
    try:
        with engine.begin() as connection:
            # Estimates as an older estimator would have stored them.
            connection.execute(sa.text("UPDATE kpis SET expenditure_kcal = expenditure_kcal + 1"))
            before = _data_version(connection)
        assert _stored(uow_factory) != stored_kpis(
            compute_kpis(_days(uow_factory), DEFAULT_PROFILE)
        )
        config = alembic_config(database_url)
        command.downgrade(config, "0004_api_caching")
        command.upgrade(config, "0006_expenditure_drift")

        # 0006 stores full precision; 0008 (tests/persistence/test_kpi_precision.py)
        # rounds the rows afterwards.
        assert stored_kpis(_stored(uow_factory)) == stored_kpis(
            compute_kpis(_days(uow_factory), DEFAULT_PROFILE)
        )
        with engine.connect() as connection:
            assert _data_version(connection) == before + 1
    finally:
        engine.dispose()
        upgrade(database_url)


def test_the_step_migration_refills_what_the_estimate_changes_and_bumps_the_data_version(
    uow_factory: UowFactory, database_url: str
) -> None:
    _upload(uow_factory, simulate(26, 0.8, 150))
    engine = sa.create_engine(database_url)
    try:
        with engine.begin() as connection:
            # Rows as an older estimator left them: the estimate and what follows from it.
            connection.execute(
                sa.text(
                    "UPDATE kpis SET expenditure_kcal = expenditure_kcal + 1,"
                    " energy_balance_kcal = energy_balance_kcal - 1"
                )
            )
            before = _data_version(connection)
        assert _stored(uow_factory) != stored_kpis(
            compute_kpis(_days(uow_factory), DEFAULT_PROFILE)
        )
        config = alembic_config(database_url)
        command.downgrade(config, "0009_kpis_rounded")
        command.upgrade(config, "0010_expenditure_steps")

        _assert_from_scratch(uow_factory)
        with engine.connect() as connection:
            assert _data_version(connection) == before + 1
        # Nothing left to change: a second run bumps nothing.
        command.downgrade(config, "0009_kpis_rounded")
        command.upgrade(config, "0010_expenditure_steps")
        with engine.connect() as connection:
            assert _data_version(connection) == before + 1
    finally:
        engine.dispose()
        upgrade(database_url)


def _days(uow_factory: UowFactory) -> list[DailyMetrics]:
    with uow_factory() as uow:
        return uow.metrics.all_days(USER)


def _data_version(connection: sa.Connection) -> int:
    return int(
        connection.execute(
            sa.text("SELECT version FROM user_data_versions WHERE user_id = :user"),
            {"user": USER},
        ).scalar_one()
    )


def test_kpis_without_an_estimate_store_nulls(uow_factory: UowFactory) -> None:
    person = simulate(24, 0.8, 20)
    _upload(uow_factory, dataclasses.replace(person, days=person.days[:10]))

    stored = _assert_from_scratch(uow_factory)

    assert stored
    assert all(k.expenditure_kcal is None and k.expenditure_low_kcal is None for k in stored)
