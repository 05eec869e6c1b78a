"""The use cases, run on the in-memory unit of work."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain import services
from domain.errors import InvalidInputError
from domain.kpis import compute_kpis
from domain.model import (
    DEFAULT_PROFILE,
    DailyMetrics,
    DateOrder,
    Ingestion,
    IngestionStatus,
    InvalidRowPolicy,
    MetricValue,
    Period,
    Sex,
)
from domain.precision import stored_kpis
from tests.domain.fakes import FakeUnitOfWork

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
USER = services.LOCAL_USER
HEADER = "date,steps,weight_kg,kcal_in\n"


def _upload(
    uow: FakeUnitOfWork, text: str, policy: InvalidRowPolicy = InvalidRowPolicy.REJECT_FILE
) -> Ingestion:
    return services.upload_csv(
        uow,
        USER,
        text.encode(),
        filename="days.csv",
        policy=policy,
        date_order=DateOrder.AUTO,
        now=NOW,
    )


def _days(uow: FakeUnitOfWork) -> list[DailyMetrics]:
    return services.list_days(uow, USER, date(2026, 1, 1), date(2026, 12, 31))


def _assert_kpis_match_a_fresh_computation(uow: FakeUnitOfWork) -> None:
    stored = services.list_kpis(uow, USER, date(2026, 1, 1), date(2026, 12, 31))
    profile = services.get_profile(uow, USER)
    assert stored == stored_kpis(compute_kpis(_days(uow), profile))


def _ten_days(weight_from: float = 80.0) -> str:
    rows = [
        f"2026-03-{day:02d},{8000 + day},{weight_from - day / 10},{2000 + day}"
        for day in range(1, 11)
    ]
    return HEADER + "\n".join(rows) + "\n"


def test_an_upload_stores_the_days_and_their_kpis_in_one_commit() -> None:
    uow = FakeUnitOfWork()
    report = _upload(uow, _ten_days())
    assert report.status is IngestionStatus.APPLIED
    assert (report.rows_read, report.rows_inserted, report.rows_updated) == (10, 10, 0)
    assert report.kpi_days_recomputed == 10
    assert (report.first_date, report.last_date) == (date(2026, 3, 1), date(2026, 3, 10))
    assert uow.commits == 1
    assert uow.locked == [USER]
    assert [d.steps for d in _days(uow)] == [8000 + day for day in range(1, 11)]
    _assert_kpis_match_a_fresh_computation(uow)


def test_the_same_file_twice_reports_every_row_unchanged() -> None:
    uow = FakeUnitOfWork()
    _upload(uow, _ten_days())
    before = _days(uow)
    again = _upload(uow, _ten_days())
    assert again.status is IngestionStatus.UNCHANGED
    assert (again.rows_unchanged, again.rows_inserted, again.rows_updated) == (10, 0, 0)
    assert again.kpi_days_recomputed == 0
    assert _days(uow) == before
    assert [i.id for i in services.list_ingestions(uow, USER, 20)] == [again.id, _first_id(uow)]


def _first_id(uow: FakeUnitOfWork) -> str:
    return services.list_ingestions(uow, USER, 100)[-1].id


def test_a_correction_mid_history_recomputes_that_day_and_every_later_one() -> None:
    uow = FakeUnitOfWork()
    _upload(uow, _ten_days())
    report = _upload(uow, "date,weight_kg\n2026-03-05,90\n")
    assert report.rows_updated == 1
    assert report.kpi_days_recomputed == 6
    fifth = next(d for d in _days(uow) if d.date == date(2026, 3, 5))
    assert fifth.weight_kg == 90
    assert fifth.steps == 8005, "a column absent from the file keeps its stored value"
    _assert_kpis_match_a_fresh_computation(uow)


def test_a_rejected_file_stores_only_its_report() -> None:
    uow = FakeUnitOfWork()
    _upload(uow, _ten_days())
    before = _days(uow)
    report = _upload(uow, HEADER + "2026-03-02,9000,81,2000\n2026-03-03,9000,8x,2000\n")
    assert report.status is IngestionStatus.REJECTED
    assert report.error_count == 1
    assert report.errors[0].row == 3
    assert report.errors[0].column == "weight_kg"
    assert _days(uow) == before
    assert services.list_ingestions(uow, USER, 1)[0] == report


def test_skip_row_applies_the_valid_rows_and_reports_the_others() -> None:
    uow = FakeUnitOfWork()
    text = HEADER + "2026-03-02,9000,81,2000\n2026-03-03,9000,8x,2000\n"
    report = _upload(uow, text, InvalidRowPolicy.SKIP_ROW)
    assert report.status is IngestionStatus.APPLIED
    assert (report.rows_inserted, report.rows_rejected, report.error_count) == (1, 1, 1)
    assert [d.date for d in _days(uow)] == [date(2026, 3, 2)]


def test_an_unreadable_file_is_rejected_with_its_file_error() -> None:
    uow = FakeUnitOfWork()
    report = _upload(uow, "steps\n100\n")
    assert report.status is IngestionStatus.REJECTED
    assert report.error_count == 1
    assert report.errors[0].row is None or report.errors[0].row == 1
    assert _days(uow) == []


def test_upsert_changes_only_the_sent_fields_and_null_clears() -> None:
    uow = FakeUnitOfWork()
    _upload(uow, _ten_days())
    day = services.upsert_day(
        uow, USER, {"steps": 123, "weight_kg": None}, day=date(2026, 3, 4), now=NOW
    )
    assert (day.steps, day.weight_kg, day.kcal_in) == (123, None, 2004)
    assert day.updated_at == NOW
    _assert_kpis_match_a_fresh_computation(uow)


def test_upsert_checks_junk_against_the_resulting_kcal_in() -> None:
    uow = FakeUnitOfWork()
    _upload(uow, _ten_days())
    with pytest.raises(InvalidInputError, match="kcal_junk_in") as caught:
        services.upsert_day(uow, USER, {"kcal_junk_in": 2500.0}, day=date(2026, 3, 4), now=NOW)
    assert caught.value.code == "BAD_USER_INPUT"
    assert _days(uow)[3].kcal_junk_in is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"stress": 11}, "stress"),
        ({"weight_kg": 19.9}, "weight_kg"),
        ({"sleep_hours": 24.5}, "sleep_hours"),
    ],
)
def test_upsert_refuses_values_outside_their_range_naming_the_field(
    changes: dict[str, MetricValue], field: str
) -> None:
    uow = FakeUnitOfWork()
    with pytest.raises(InvalidInputError) as caught:
        services.upsert_day(uow, USER, changes, day=date(2026, 3, 4), now=NOW)
    assert caught.value.field == field
    assert field in caught.value.message
    assert uow.commits == 0


def test_upsert_refuses_a_day_after_tomorrow() -> None:
    uow = FakeUnitOfWork()
    with pytest.raises(InvalidInputError, match="date"):
        services.upsert_day(uow, USER, {"steps": 1}, day=NOW.date() + timedelta(days=2), now=NOW)


def test_delete_removes_the_days_and_their_kpis_and_recomputes_later_days() -> None:
    uow = FakeUnitOfWork()
    _upload(uow, _ten_days())
    assert services.delete_days(uow, USER, date(2026, 3, 3), date(2026, 3, 4), now=NOW) == 2
    assert len(_days(uow)) == 8
    _assert_kpis_match_a_fresh_computation(uow)
    assert services.delete_days(uow, USER, date(2020, 1, 1), date(2020, 1, 2), now=NOW) == 0


def test_a_profile_change_recomputes_every_kpi() -> None:
    uow = FakeUnitOfWork()
    _upload(uow, _ten_days())
    before = services.list_kpis(uow, USER, date(2026, 3, 1), date(2026, 3, 10))
    profile = services.update_profile(uow, USER, {"sex": Sex.FEMALE}, now=NOW)
    assert profile.sex is Sex.FEMALE
    assert not profile.is_default
    after = services.list_kpis(uow, USER, date(2026, 3, 1), date(2026, 3, 10))
    differences = [
        a.bmr_kcal - b.bmr_kcal
        for a, b in zip(after, before, strict=True)
        if a.bmr_kcal is not None and b.bmr_kcal is not None
    ]
    assert differences == [-166] * 10
    _assert_kpis_match_a_fresh_computation(uow)


def test_a_new_user_has_the_default_profile() -> None:
    assert services.get_profile(FakeUnitOfWork(), USER) == DEFAULT_PROFILE
    assert DEFAULT_PROFILE.is_default


@pytest.mark.parametrize(
    "changes",
    [
        {"activity_factor": None},
        {"height_cm": 10.0},
        {"steps_goal": 0},
        {"birth_date": date(2030, 1, 1)},
    ],
)
def test_a_profile_value_out_of_bounds_is_refused(changes: dict[str, object]) -> None:
    uow = FakeUnitOfWork()
    with pytest.raises(InvalidInputError):
        services.update_profile(uow, USER, changes, now=NOW)
    assert services.get_profile(uow, USER) == DEFAULT_PROFILE


def test_list_queries_refuse_reversed_and_overlong_ranges() -> None:
    uow = FakeUnitOfWork()
    with pytest.raises(InvalidInputError, match="after"):
        services.list_kpis(uow, USER, date(2026, 3, 2), date(2026, 3, 1))
    start = date(2016, 1, 1)
    services.list_kpis(uow, USER, start, start + timedelta(days=3_659))
    with pytest.raises(InvalidInputError, match="3,660"):
        services.list_days(uow, USER, start, start + timedelta(days=3_660))
    with pytest.raises(InvalidInputError):
        services.summarise(uow, USER, date(2026, 3, 2), date(2026, 3, 1), Period.WEEK)


def test_ingestions_limit_must_be_between_1_and_100() -> None:
    for limit in (0, 101):
        with pytest.raises(InvalidInputError, match="limit"):
            services.list_ingestions(FakeUnitOfWork(), USER, limit)


def test_data_range_spans_the_stored_days() -> None:
    uow = FakeUnitOfWork()
    _upload(uow, _ten_days())
    span = services.data_range(uow, USER)
    assert (span.first_date, span.last_date, span.days_logged) == (
        date(2026, 3, 1),
        date(2026, 3, 10),
        10,
    )


def test_a_new_weigh_in_also_recomputes_the_interpolated_trend_before_it() -> None:
    uow = FakeUnitOfWork()
    _upload(uow, "date,weight_kg,steps\n2026-01-01,70,\n2026-01-02,,5000\n")
    report = _upload(uow, "date,weight_kg\n2026-01-03,80\n")
    assert report.kpi_days_recomputed == 2, "the unweighed 2 January interpolates towards it"
    kpis = services.list_kpis(uow, USER, date(2026, 1, 1), date(2026, 1, 3))
    trend = [k.weight_trend for k in kpis]
    assert trend[1] == 70 + 0.1 * (75 - 70)
    _assert_kpis_match_a_fresh_computation(uow)


def test_deleting_a_weigh_in_recomputes_the_unweighed_days_before_it() -> None:
    uow = FakeUnitOfWork()
    _upload(
        uow,
        "date,weight_kg,steps\n2026-01-01,70,\n2026-01-02,,5000\n2026-01-03,80,\n2026-01-05,90,\n",
    )
    services.delete_days(uow, USER, date(2026, 1, 3), date(2026, 1, 3), now=NOW)
    _assert_kpis_match_a_fresh_computation(uow)


def test_an_export_reads_back_as_the_same_days_and_takes_open_ranges() -> None:
    uow = FakeUnitOfWork()
    _upload(uow, _ten_days())

    everything = services.export_days(uow, USER)
    from_the_5th = services.export_days(uow, USER, start=date(2026, 3, 5))
    to_the_2nd = services.export_days(uow, USER, end=date(2026, 3, 2))

    copy = FakeUnitOfWork()
    report = _upload(copy, everything.decode())
    assert report.status is IngestionStatus.APPLIED
    assert [(d.date, d.values()) for d in _days(copy)] == [(d.date, d.values()) for d in _days(uow)]
    assert from_the_5th.count(b"\n") - 1 == 6
    assert to_the_2nd.count(b"\n") - 1 == 2
