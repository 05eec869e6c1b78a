"""AUTO decides a file's date order once from all its dates, never per row, never by guessing."""

from __future__ import annotations

from datetime import date

import pytest

from domain.model import DateOrder, ParseResult
from domain.parsing import parse_csv

TODAY = date(2026, 6, 30)


def _parse(header: str, *rows: str, order: DateOrder = DateOrder.AUTO) -> ParseResult:
    text = "\n".join((header, *rows)) + "\n"
    return parse_csv(text.encode(), today=TODAY, date_order=order)


def test_one_day_above_twelve_in_the_second_part_reads_the_whole_file_month_first() -> None:
    # January 1-12 written month first: only the 13th tells, and it is the last row.
    rows = [f"1/{day}/2023,{1000 + day}" for day in range(1, 14)]
    result = _parse("date,steps", *rows)
    assert result.file_error is None
    assert [(d.date, d.steps) for d in result.days] == [
        (date(2023, 1, day), 1000 + day) for day in range(1, 14)
    ]


def test_one_day_above_twelve_in_the_first_part_reads_the_whole_file_day_first() -> None:
    result = _parse("date,steps", "3/1/2023,100", "4/1/2023,200", "13/1/2023,300")
    assert [d.date for d in result.days] == [date(2023, 1, 3), date(2023, 1, 4), date(2023, 1, 13)]


def test_a_file_with_both_orders_is_refused_naming_a_row_of_each() -> None:
    result = _parse("date,steps", "13/1/2023,1", "2/2/2023,2", "1/14/2023,3")
    assert result.days == ()
    assert result.file_error is not None
    message = result.file_error.message
    assert 'row 2 has "13/1/2023" (day first)' in message
    assert 'row 4 has "1/14/2023" (month first)' in message


def test_an_ambiguous_comma_file_is_refused_showing_both_readings_and_naming_date_order() -> None:
    result = _parse("date,steps", "1/2/2023,1", "1/3/2023,2")
    assert result.days == ()
    assert result.file_error is not None
    message = result.file_error.message
    assert '"1/2/2023" (row 2) is 2023-02-01 read day first' in message
    assert "or 2023-01-02 read month first" in message
    assert "dateOrder" in message


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        ("date;steps", ("1/2/2023;1", "1/3/2023;2")),  # semicolon delimiter
        ("date\tweight_kg", ("1/2/2023\t80,5", "1/3/2023\t80,1")),  # decimal commas
    ],
)
def test_an_ambiguous_file_in_the_original_conventions_is_day_first(
    header: str, rows: tuple[str, ...]
) -> None:
    result = _parse(header, *rows)
    assert result.file_error is None
    assert [d.date for d in result.days] == [date(2023, 2, 1), date(2023, 3, 1)]


def test_year_first_slash_dates_decide_nothing_and_are_read_year_first() -> None:
    result = _parse("date,steps", "2023/01/02,1", "1/13/2023,2")
    assert [d.date for d in result.days] == [date(2023, 1, 2), date(2023, 1, 13)]


def test_iso_dates_need_no_decision_in_any_file() -> None:
    result = _parse("date,steps", "2023-01-02,1", "2023-01-03,2")
    assert [d.date for d in result.days] == [date(2023, 1, 2), date(2023, 1, 3)]


def test_a_forced_order_is_not_second_guessed() -> None:
    result = _parse("date,steps", "1/2/2023,1", "1/3/2023,2", order=DateOrder.MDY)
    assert [d.date for d in result.days] == [date(2023, 1, 2), date(2023, 1, 3)]


def test_the_decision_does_not_lose_or_repeat_rows() -> None:
    # The order is decided at row 3 (the first slash date), after an ISO row.
    result = _parse("date,steps", "2023-01-01,1", "", "2/1/2023,2", "20/1/2023,3")
    assert [(d.date, d.steps) for d in result.days] == [
        (date(2023, 1, 1), 1),
        (date(2023, 1, 2), 2),
        (date(2023, 1, 20), 3),
    ]
    assert result.rows_read == 3
