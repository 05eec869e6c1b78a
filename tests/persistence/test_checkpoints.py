"""Checkpoints on SQLite and PostgreSQL (docs/kpis.md, "Checkpoints"): a change resumes
from the stored state before it and stops where its effect has faded, and the stored
KPIs and checkpoints stay those of a computation from scratch, whatever the writes."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from domain import recompute
from domain.checkpoints import Checkpoint
from domain.kpis import compute_kpis, first_affected_date
from domain.model import DEFAULT_PROFILE, DailyMetrics, DateOrder, InvalidRowPolicy, Kpi
from domain.precision import stored_kpis
from domain.services import delete_days, update_profile, upload_csv, upsert_day
from persistence.tables import DAILY_METRICS, KPI_CHECKPOINTS, USER_DATA_VERSIONS
from persistence.uow import SqlUnitOfWork
from tests.support.metrics import ALL_DATES, csv_of, realistic_days

UowFactory = Callable[[], SqlUnitOfWork]
USER = "local"
NOW = datetime(2026, 6, 1, tzinfo=UTC)
FIRST = date(2023, 1, 1)


@pytest.fixture
def paths(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The recompute each change took: "all" or "resumed"."""
    taken: list[str] = []
    for name, kind in (("recompute_all", "all"), ("recompute_resumed", "resumed")):
        original = getattr(recompute, name)

        def spy(
            *args: object,
            _original: Callable[..., object] = original,
            _kind: str = kind,
            **kwargs: object,
        ) -> object:
            taken.append(_kind)
            return _original(*args, **kwargs)

        monkeypatch.setattr(f"domain.services.{name}", spy)
    return taken


def _upload(uow_factory: UowFactory, data: bytes, now: datetime = NOW) -> None:
    report = upload_csv(
        uow_factory(),
        USER,
        data,
        filename="days.csv",
        policy=InvalidRowPolicy.SKIP_ROW,
        date_order=DateOrder.YMD,
        now=now,
    )
    assert report.error_count == 0, report.errors


def _assert_as_from_scratch(uow_factory: UowFactory) -> None:
    """The stored KPIs are those of a computation from scratch, and so are the stored
    checkpoints wherever they are in use."""
    with uow_factory() as uow:
        days = uow.metrics.all_days(USER)
        profile = uow.profiles.get(USER) or DEFAULT_PROFILE
        kpis = uow.kpis.between(USER, *ALL_DATES)
        usable = uow.checkpoints.usable(USER)
        stored = uow.checkpoints.texts_between(USER, *ALL_DATES)
    checkpoints: list[Checkpoint] = []
    assert kpis == stored_kpis(compute_kpis(days, profile, checkpoints=checkpoints))
    if usable:
        assert stored == {checkpoint.day: checkpoint.text() for checkpoint in checkpoints}


def _stored_kpis(uow_factory: UowFactory) -> list[Kpi]:
    with uow_factory() as uow:
        return uow.kpis.between(USER, *ALL_DATES)


def test_a_correction_in_the_middle_of_ten_years_resumes_and_equals_a_recompute_from_scratch(
    uow_factory: UowFactory, paths: list[str]
) -> None:
    days = realistic_days(date(2016, 6, 1), 3_650, seed=5)
    _upload(uow_factory, csv_of(days))
    middle = days[1_825].date
    kpis_before = _stored_kpis(uow_factory)

    for n, kg in enumerate((71.3, 99.0, 85.2)):
        day = middle + timedelta(days=n * 3)
        _upload(uow_factory, f"date,weight_kg\n{day},{kg}\n".encode(), NOW + timedelta(hours=n))
        _assert_as_from_scratch(uow_factory)

    assert paths == ["all", "resumed", "resumed", "resumed"]
    # The change reached the KPIs months on, not to the end of the ten years.
    changed = [
        a.date for a, b in zip(kpis_before, _stored_kpis(uow_factory), strict=True) if a != b
    ]
    assert middle - timedelta(days=10) < min(changed) <= middle
    assert max(changed) < days[-1].date - timedelta(days=365)


def test_every_kind_of_change_keeps_kpis_and_checkpoints_as_from_scratch(
    uow_factory: UowFactory, paths: list[str]
) -> None:
    rng = random.Random(3)
    days = realistic_days(FIRST, 1_100, seed=3)
    _upload(uow_factory, csv_of(days))
    last = days[-1].date
    for step in range(30):
        now = NOW + timedelta(minutes=step + 1)
        day = FIRST + timedelta(days=rng.randrange(60, 1_100))
        kind = step % 6
        if kind == 0:  # an edit on the page
            upsert_day(
                uow_factory(), USER, {"weight_kg": round(rng.uniform(70, 100), 1)}, day=day, now=now
            )
        elif kind == 1:  # a few days of a file, one of them emptied (deleted)
            lines = [
                f"{day + timedelta(days=n)},{rng.randint(1500, 3500)},{80 + n}" for n in range(4)
            ]
            lines.append(f"{day + timedelta(days=5)},,")
            _upload(
                uow_factory, ("date,kcal_in,weight_kg\n" + "\n".join(lines) + "\n").encode(), now
            )
        elif kind == 2:  # a range deleted
            delete_days(
                uow_factory(), USER, day, day + timedelta(days=rng.randrange(0, 20)), now=now
            )
        elif kind == 3:  # the same file again: nothing changes
            _upload(uow_factory, csv_of(days[:30]), now)
        elif kind == 4:  # days appended after the last one
            last += timedelta(days=rng.randrange(1, 40))
            _upload(uow_factory, f"date,weight_kg,kcal_in\n{last},81.5,2400\n".encode(), now)
        else:  # a profile change, or a field no KPI reads
            if step % 12 == 5:
                update_profile(
                    uow_factory(),
                    USER,
                    {"goal_weight_kg": rng.uniform(60, 90), "goal_rate_kg_per_week": -0.3},
                    now=now,
                )
            else:
                upsert_day(uow_factory(), USER, {"stress": rng.randint(1, 10)}, day=day, now=now)
        _assert_as_from_scratch(uow_factory)

    assert paths[0] == "all"
    assert paths.count("resumed") >= 12, paths


def test_a_write_that_does_not_keep_the_checkpoints_up_to_date_leaves_them_unused(
    uow_factory: UowFactory, paths: list[str]
) -> None:
    days = realistic_days(FIRST, 900, seed=8)
    _upload(uow_factory, csv_of(days))
    middle = days[450].date
    # Something other than the services (a script, a migration) changes a day and
    # recomputes the KPIs from scratch, but not the checkpoints.
    with uow_factory() as uow:
        uow.lock_user(USER)
        uow.metrics.upsert(
            USER,
            [DailyMetrics(middle - timedelta(days=40), weight_kg=60.0)],
            updated_at=NOW,
            ingestion_id=None,
        )
        kpis = compute_kpis(uow.metrics.all_days(USER), DEFAULT_PROFILE)
        uow.kpis.replace_from(USER, None, kpis, computed_at=NOW)
        uow.commit()

    _upload(uow_factory, f"date,weight_kg\n{middle},90.0\n".encode(), NOW + timedelta(hours=1))

    assert paths == ["all", "all"]
    _assert_as_from_scratch(uow_factory)
    _upload(uow_factory, f"date,weight_kg\n{middle},91.0\n".encode(), NOW + timedelta(hours=2))
    assert paths == ["all", "all", "resumed"]
    _assert_as_from_scratch(uow_factory)


def test_checkpoints_of_another_version_of_the_engine_are_not_resumed(
    uow_factory: UowFactory, paths: list[str]
) -> None:
    days = realistic_days(FIRST, 700, seed=9)
    _upload(uow_factory, csv_of(days))
    with uow_factory() as uow:
        uow.connection.execute(
            sa.update(KPI_CHECKPOINTS).values(
                state=sa.func.replace(KPI_CHECKPOINTS.c.state, "1:", "0:")
            )
        )
        uow.commit()

    _upload(
        uow_factory, f"date,weight_kg\n{days[400].date},70.0\n".encode(), NOW + timedelta(hours=1)
    )

    assert paths == ["all", "all"]
    _assert_as_from_scratch(uow_factory)


def test_a_user_without_a_data_version_gets_checkpoints_with_their_first_upload(
    uow_factory: UowFactory,
) -> None:
    _upload(uow_factory, csv_of(realistic_days(FIRST, 120, seed=1)))

    with uow_factory() as uow:
        versions = uow.connection.execute(
            sa.select(USER_DATA_VERSIONS.c.version, USER_DATA_VERSIONS.c.checkpoints_version)
        ).one()
        assert uow.checkpoints.usable(USER)
    assert versions[0] == versions[1]
    _assert_as_from_scratch(uow_factory)


def test_a_change_spanning_checkpoints_whose_state_it_leaves_alone_is_recomputed_to_its_end(
    uow_factory: UowFactory, paths: list[str]
) -> None:
    days = realistic_days(FIRST, 800, seed=4)
    _upload(uow_factory, csv_of(days))
    # Steps reach no checkpoint's state, only the 7-day windows of the days they are on.
    start = days[300].date
    lines = [f"{start + timedelta(days=n)},{1_000 + n}" for n in range(90)]

    _upload(
        uow_factory, ("date,steps\n" + "\n".join(lines) + "\n").encode(), NOW + timedelta(hours=1)
    )

    assert paths == ["all", "resumed"]
    _assert_as_from_scratch(uow_factory)


def test_a_deletion_that_leaves_more_than_a_chunk_without_days_is_recomputed_past_the_gap(
    uow_factory: UowFactory, paths: list[str]
) -> None:
    days = realistic_days(date(2020, 1, 1), 1_700, seed=6)
    _upload(uow_factory, csv_of(days[:801] + days[1_400:]))  # 600 days without any

    # The last day before the gap falls on every day of a checkpoint's 28 in turn.
    for last in range(560, 500, -2):
        delete_days(uow_factory(), USER, days[last].date, days[800].date, now=NOW)
        _assert_as_from_scratch(uow_factory)

    assert paths == ["all"] + ["resumed"] * 30


@pytest.mark.parametrize("chunk_days", [35, 90])
def test_short_chunks_give_the_same_kpis_and_checkpoints_as_from_scratch(
    uow_factory: UowFactory,
    paths: list[str],
    monkeypatch: pytest.MonkeyPatch,
    chunk_days: int,
) -> None:
    # Chunks far shorter than a change's reach: every recompute goes through several.
    monkeypatch.setattr(recompute, "_CHUNK", timedelta(days=chunk_days))
    rng = random.Random(chunk_days)
    days = realistic_days(date(2021, 1, 1), 1_000, seed=chunk_days)
    _upload(uow_factory, csv_of([day for day in days if not 400 <= days.index(day) < 520]))
    for step in range(16):
        now = NOW + timedelta(minutes=step + 1)
        day = days[rng.randrange(60, 1_000)].date
        if step % 4 == 3:
            delete_days(
                uow_factory(), USER, day, day + timedelta(days=rng.randrange(0, 90)), now=now
            )
        else:
            weight = round(rng.uniform(60, 110), 1)
            upsert_day(uow_factory(), USER, {"weight_kg": weight}, day=day, now=now)
        _assert_as_from_scratch(uow_factory)

    assert paths.count("resumed") >= 12, paths


def test_a_checkpoint_whose_last_weigh_in_is_not_the_stored_one_is_not_resumed(
    uow_factory: UowFactory, paths: list[str]
) -> None:
    days = realistic_days(FIRST, 700, seed=10)
    _upload(uow_factory, csv_of(days))
    middle = days[500].date
    # Weights changed behind the services' back, data version and all left as they were.
    with uow_factory() as uow:
        uow.connection.execute(
            sa.update(DAILY_METRICS)
            .where(DAILY_METRICS.c.user_id == USER)
            .where(DAILY_METRICS.c.date.between(middle - timedelta(days=120), middle))
            .values(weight_kg=DAILY_METRICS.c.weight_kg + 1.0)
        )
        uow.commit()

    _upload(uow_factory, f"date,weight_kg\n{middle},70.0\n".encode(), NOW + timedelta(hours=1))

    assert paths == ["all", "resumed"]  # which found the anchor changed and recomputed all
    with uow_factory() as uow:
        stored_days = uow.metrics.all_days(USER)
        since = first_affected_date(stored_days, middle)
        stored = uow.kpis.between(USER, since, ALL_DATES[1])
        profile = uow.profiles.get(USER) or DEFAULT_PROFILE
    # The days before the correction keep the KPIs of the weights as they were.
    assert stored == stored_kpis(compute_kpis(stored_days, profile, since))
