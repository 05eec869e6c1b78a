"""KPIs stored at their served precision, and a recompute that writes only what changed,
on SQLite and PostgreSQL (docs/kpis.md, "Stored precision").

Which rows a recompute wrote is read from ``computed_at``: a row it left alone keeps
the time of the write before.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from alembic import command

from domain.kpis import compute_kpis, first_affected_date
from domain.model import DEFAULT_PROFILE, DateOrder, InvalidRowPolicy, Kpi
from domain.precision import stored_kpis
from domain.services import upload_csv, upsert_day
from persistence import mapping
from persistence.bulk import insert_rows
from persistence.migrations import alembic_config, upgrade
from persistence.tables import KPIS, USER_DATA_VERSIONS
from persistence.uow import SqlUnitOfWork

UowFactory = Callable[[], SqlUnitOfWork]
USER = "local"
NOW = datetime(2026, 6, 1, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)
START = date(2026, 1, 1)
TEN_YEARS = 3_650
LAST = date(2026, 5, 31)


def _ten_years_csv(seed: int = 11, days: int = TEN_YEARS) -> bytes:
    """Ten years of most metrics ending on ``LAST``: a slow weight drift with noise,
    a day in ten without a weigh-in, a day in twenty not logged at all."""
    rng = random.Random(seed)
    lines = ["date,steps_n,proteins_g,kcal_in,kcal_junk_in,kcal_out_training,sleep_hours,weight_kg"]
    weight = 88.0
    for n in range(days):
        day = LAST - timedelta(days=days - 1 - n)
        weight += rng.gauss(-0.002, 0.05)
        if rng.random() < 0.05:
            continue
        weighed = f"{weight + rng.gauss(0, 0.3):.1f}" if rng.random() < 0.9 else ""
        lines.append(
            f"{day},{rng.randint(2_000, 16_000)},{rng.randint(60, 180)},"
            f"{rng.randint(1_700, 3_100)},{rng.randint(0, 500)},{rng.randint(0, 600)},"
            f"{rng.uniform(5, 9):.1f},{weighed}"
        )
    return ("\n".join(lines) + "\n").encode()


def _upload(uow_factory: UowFactory, data: bytes, now: datetime) -> int:
    report = upload_csv(
        uow_factory(),
        USER,
        data,
        filename="days.csv",
        policy=InvalidRowPolicy.REJECT_FILE,
        date_order=DateOrder.YMD,
        now=now,
    )
    assert report.error_count == 0, report.errors
    return report.kpi_days_recomputed


def _written_at(uow_factory: UowFactory) -> dict[date, datetime]:
    with uow_factory() as uow:
        rows = uow.connection.execute(
            sa.select(KPIS.c.date, KPIS.c.computed_at).where(KPIS.c.user_id == USER)
        )
        return {row.date: row.computed_at for row in rows}


def _stored(uow_factory: UowFactory) -> list[Kpi]:
    with uow_factory() as uow:
        return uow.kpis.between(USER, date(1990, 1, 1), date(2099, 12, 31))


def _from_scratch(uow_factory: UowFactory) -> list[Kpi]:
    with uow_factory() as uow:
        days = uow.metrics.all_days(USER)
        profile = uow.profiles.get(USER) or DEFAULT_PROFILE
    return stored_kpis(compute_kpis(days, profile))


def test_a_kpi_is_stored_rounded_half_even_as_its_decimal_text_reads(
    uow_factory: UowFactory,
) -> None:
    exact = Kpi(
        date=START,
        bmr_kcal=1779.25,
        kcal_out_total=2134.75,
        balance_kcal=-0.04,
        protein_per_kg=1.2345,
        healthy_food_pct=2.675,
        steps_7d_avg=9876.55,
        steps_goal_rate_7d=4 / 7,
        sleep_7d_avg=7.0005,
        weight_7d_avg=80.1,
        weight_trend=80.0125,
        weight_trend_change_7d=-0.0004,
        waist_change_7d=-0.125,
        tdee_estimate=2500.05,
        expenditure_kcal=2345.678,
    )
    with uow_factory() as uow:
        uow.kpis.replace_from(USER, None, [exact], computed_at=NOW)
        uow.commit()

    # Worked by hand: ties go to the even digit of the decimal text (2.675 -> 2.68 and
    # 80.0125 -> 80.012, although binary rounding gives 2.67 and 80.013).
    assert _stored(uow_factory) == [
        Kpi(
            date=START,
            bmr_kcal=1779.2,
            kcal_out_total=2134.8,
            balance_kcal=0.0,
            protein_per_kg=1.234,
            healthy_food_pct=2.68,
            steps_7d_avg=9876.6,
            steps_goal_rate_7d=0.5714,
            sleep_7d_avg=7.0,
            weight_7d_avg=80.1,
            weight_trend=80.012,
            weight_trend_change_7d=0.0,
            waist_change_7d=-0.12,
            tdee_estimate=2500.0,
            expenditure_kcal=2345.7,
        )
    ]
    stored = _stored(uow_factory)[0]
    assert math.copysign(1.0, stored.balance_kcal or 1.0) == 1.0
    assert math.copysign(1.0, stored.weight_trend_change_7d or 1.0) == 1.0


def test_replace_from_writes_only_the_rows_whose_stored_values_change(
    uow_factory: UowFactory,
) -> None:
    first = [Kpi(date=START + timedelta(days=n), weight_trend=80.0 + n / 10) for n in range(10)]
    with uow_factory() as uow:
        uow.kpis.replace_from(USER, None, first, computed_at=NOW)
        uow.commit()
    since = START + timedelta(days=2)
    # Day 2 changes; days 3-8 move by less than half the last kept digit; day 9 is gone.
    again = [first[2]._replace(weight_trend=90.0)]
    again += [kpi._replace(weight_trend=kpi.weight_trend + 0.0004) for kpi in first[3:9]]  # type: ignore[operator]

    with uow_factory() as uow:
        changed_from = uow.kpis.replace_from(USER, since, again, computed_at=LATER)
        uow.commit()

    assert changed_from == since
    written = _written_at(uow_factory)
    assert sorted(written) == [START + timedelta(days=n) for n in range(9)]
    assert [day for day, stamp in sorted(written.items()) if stamp == LATER] == [since]
    assert _stored(uow_factory) == stored_kpis(first[:2] + again)


def test_replace_from_with_nothing_to_change_writes_nothing_and_says_so(
    uow_factory: UowFactory,
) -> None:
    kpis = [Kpi(date=START + timedelta(days=n), bmr_kcal=1800.04 + n) for n in range(5)]
    with uow_factory() as uow:
        uow.kpis.replace_from(USER, None, kpis, computed_at=NOW)
        uow.commit()
    with uow_factory() as uow:
        assert uow.kpis.replace_from(USER, None, kpis, computed_at=LATER) is None
        uow.commit()
    assert set(_written_at(uow_factory).values()) == {NOW}


def test_a_one_day_correction_in_the_middle_of_ten_years_equals_a_recompute_from_scratch(
    uow_factory: UowFactory,
) -> None:
    _upload(uow_factory, _ten_years_csv(), NOW)
    before = {kpi.date: kpi for kpi in _stored(uow_factory)}
    assert list(before.values()) == _from_scratch(uow_factory)
    middle = LAST - timedelta(days=TEN_YEARS // 2)
    with uow_factory() as uow:
        since = first_affected_date(uow.metrics.all_days(USER), middle)

    recomputed = _upload(uow_factory, f"date,weight_kg\n{middle},77.7\n".encode(), LATER)

    stored = _stored(uow_factory)
    assert stored == _from_scratch(uow_factory)
    # Every day from the first affected one is recomputed; exactly the rows whose
    # rounded values changed are written, the others keep the earlier write's time.
    assert recomputed == sum(kpi.date >= since for kpi in stored)
    written = {day for day, stamp in _written_at(uow_factory).items() if stamp == LATER}
    assert written == {kpi.date for kpi in stored if before[kpi.date] != kpi}
    assert since <= min(written) <= middle
    assert len(written) < recomputed


def test_a_change_no_kpi_reads_writes_no_kpi_row(uow_factory: UowFactory) -> None:
    _upload(uow_factory, _ten_years_csv(seed=12), NOW)
    middle = LAST - timedelta(days=TEN_YEARS // 2)

    upsert_day(uow_factory(), USER, {"stress": 3}, day=middle, now=LATER)

    assert set(_written_at(uow_factory).values()) == {NOW}
    assert _stored(uow_factory) == _from_scratch(uow_factory)


def test_the_migration_rounds_kpi_rows_stored_at_full_precision_and_bumps_the_version(
    uow_factory: UowFactory, database_url: str
) -> None:
    _upload(uow_factory, _ten_years_csv(seed=13, days=400), NOW)
    with uow_factory() as uow:
        days = uow.metrics.all_days(USER)
        full = compute_kpis(days, DEFAULT_PROFILE)
        # The rows as the hub stored them before: full precision.
        uow.connection.execute(sa.delete(KPIS).where(KPIS.c.user_id == USER))
        insert_rows(uow.connection, KPIS, mapping.kpi_rows(USER, full, NOW))
        version = uow.data_version(USER)
        uow.commit()
    assert _stored(uow_factory) == full != stored_kpis(full)
    config = alembic_config(database_url)
    try:
        command.downgrade(config, "0007_api_nodes")
        upgrade(database_url)

        assert _stored(uow_factory) == stored_kpis(full)
        with uow_factory() as uow:
            bumped = uow.connection.execute(
                sa.select(USER_DATA_VERSIONS.c.version).where(USER_DATA_VERSIONS.c.user_id == USER)
            ).scalar_one()
        assert bumped == version + 1
    finally:
        upgrade(database_url)
