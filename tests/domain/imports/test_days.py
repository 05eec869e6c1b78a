"""Aggregating records to days: sums, largest source, earliest weigh-in, sleep overlaps."""

from __future__ import annotations

from datetime import UTC, date, datetime

from domain.imports.days import to_days
from domain.imports.records import Collector, Record

TODAY = date(2026, 3, 18)
DAY = date(2026, 3, 1)


def _days(*records: Record) -> dict[str, object]:
    found = Collector(records=list(records), rows_read=len(records))
    found.fields.update(r.field for r in records)
    result = to_days(found, today=TODAY)
    assert result.errors == (), result.errors
    [day] = result.days
    return {name: getattr(day, name) for name in sorted(result.day_fields[day.date])}  # type: ignore[index]


def _at(hour: int, minute: int = 0, day: int = 1) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def test_intake_is_the_sum_rounded_half_even_to_a_tenth() -> None:
    assert _days(
        Record("kcal_in", DAY, 100.25),
        Record("kcal_in", DAY, 200.0),
        Record("protein_g", DAY, 0.1),
        Record("protein_g", DAY, 0.2),
    ) == {"kcal_in": 300.2, "protein_g": 0.3}


def test_a_single_record_is_stored_as_written() -> None:
    assert _days(Record("kcal_in", DAY, 100.25)) == {"kcal_in": 100.25}


def test_steps_are_the_largest_single_source_total_never_the_sum() -> None:
    steps = [
        Record("steps", DAY, 4000, source="phone"),
        Record("steps", DAY, 3000, source="phone"),
        Record("steps", DAY, 6500, source="watch"),
    ]
    assert _days(*steps) == {"steps": 7000}


def test_weight_is_the_earliest_by_local_time_whatever_the_file_order() -> None:
    weights = [
        Record("weight_kg", DAY, 81.2, at=_at(21)),
        Record("weight_kg", DAY, 80.4, at=_at(7)),
    ]
    assert _days(*weights) == {"weight_kg": 80.4}


def test_overlapping_asleep_intervals_count_once() -> None:
    sleep = [
        Record("sleep_hours", DAY, 0, start=_at(0), end=_at(4), interval=True),
        Record("sleep_hours", DAY, 0, start=_at(3), end=_at(7), interval=True),
        Record("sleep_hours", DAY, 0, start=_at(13), end=_at(14), interval=True),
    ]
    assert _days(*sleep) == {"sleep_hours": 8.0}


def test_overlapping_session_totals_count_the_largest_of_each_group() -> None:
    sessions = [
        Record("sleep_hours", DAY, 7.0, start=_at(0), end=_at(7)),
        Record("sleep_hours", DAY, 6.5, start=_at(1), end=_at(7, 30)),
        Record("sleep_hours", DAY, 0.5, start=_at(14), end=_at(14, 40)),
    ]
    assert _days(*sessions) == {"sleep_hours": 7.5}


def test_a_day_total_outside_its_range_is_an_error_naming_the_day() -> None:
    found = Collector(
        records=[Record("kcal_in", DAY, 15_000.0, row=2), Record("kcal_in", DAY, 6_000.0, row=3)]
    )
    found.fields.add("kcal_in")
    result = to_days(found, today=TODAY)
    assert result.days == ()
    [error] = result.errors
    assert "2026-03-01" in error.message
    assert "outside 0–20000" in error.message


def test_the_report_says_how_many_records_became_how_many_days() -> None:
    found = Collector(
        records=[Record("kcal_in", DAY, 1.0), Record("kcal_in", date(2026, 3, 2), 1.0)]
    )
    found.rows_read = 2
    assert "2 records were aggregated into 2 days" in to_days(found, today=TODAY).warnings


def test_records_on_impossible_dates_are_left_out_in_one_bounded_warning() -> None:
    # 15 days after tomorrow (2026-03-19), two records each, and one real day.
    future = [date(2026, 4, n) for n in range(1, 16)]
    records = [Record("steps", day, 10.0) for day in future for _ in range(2)]
    found = Collector(records=[*records, Record("steps", DAY, 500.0)], rows_read=31)
    found.fields.add("steps")
    result = to_days(found, today=TODAY)
    assert [(d.date, d.steps) for d in result.days] == [(DAY, 500)]
    assert result.errors == ()
    [warning] = [w for w in result.warnings if "left out" in w]
    listed = ", ".join(f"2026-04-{n:02}" for n in range(1, 11))
    assert warning == (
        f"30 records were left out: dated {listed} and 5 more dates, outside 1900-01-01 "
        "to 2026-03-19 (a device clock set wrong?)"
    )
    assert len(warning) <= 300
