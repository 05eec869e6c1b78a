"""CSV parsing of the date cell: formats, the date order, impossible and out-of-range dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.model import DateOrder, ParseResult
from domain.parsing import parse_csv

TODAY = date(2026, 6, 30)


def _dates(cell: str, order: DateOrder = DateOrder.AUTO) -> ParseResult:
    return parse_csv(f"date;stress_rel\n{cell};5\n".encode(), today=TODAY, date_order=order)


def _date_of(cell: str, order: DateOrder = DateOrder.AUTO) -> date:
    result = _dates(cell, order)
    assert result.errors == ()
    [day] = result.days
    return day.date


@pytest.mark.parametrize("order", list(DateOrder))
def test_iso_dates_are_read_whatever_the_order(order: DateOrder) -> None:
    assert _date_of("2026-03-04", order) == date(2026, 3, 4)


@pytest.mark.parametrize(
    "cell",
    [
        "2026-03-04T23:30:00",
        "2026-03-04 23:30",
        "2026-03-04T23:30:00Z",
        "2026-03-04T23:30:00.123-05:00",
    ],
)
def test_an_iso_date_time_keeps_its_date_part(cell: str) -> None:
    assert _date_of(cell) == date(2026, 3, 4)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("03/04/2026", date(2026, 4, 3)),
        ("3/4/2026", date(2026, 4, 3)),
        ("03.04.2026", date(2026, 4, 3)),
        ("2026/04/03", date(2026, 4, 3)),
        ("2026.4.3", date(2026, 4, 3)),
    ],
)
def test_auto_reads_slash_and_dot_dates_day_first_unless_the_year_comes_first(
    cell: str, expected: date
) -> None:
    assert _date_of(cell) == expected


@pytest.mark.parametrize(
    ("order", "cell", "expected"),
    [
        (DateOrder.DMY, "03/04/2026", date(2026, 4, 3)),
        (DateOrder.MDY, "03/04/2026", date(2026, 3, 4)),
        (DateOrder.MDY, "3.14.2026", date(2026, 3, 14)),
        (DateOrder.YMD, "2026/03/04", date(2026, 3, 4)),
    ],
)
def test_a_forced_order_is_followed(order: DateOrder, cell: str, expected: date) -> None:
    assert _date_of(cell, order) == expected


@pytest.mark.parametrize(
    ("order", "cell"),
    [
        (DateOrder.YMD, "03/04/2026"),
        (DateOrder.DMY, "2026/03/04"),
        (DateOrder.MDY, "2026/03/04"),
        (DateOrder.DMY, "13/13/2026"),
    ],
)
def test_a_date_that_does_not_fit_the_forced_order_is_a_row_error(
    order: DateOrder, cell: str
) -> None:
    result = _dates(cell, order)
    assert result.days == ()
    [error] = result.errors
    assert (error.row, error.column, error.value) == (2, "date", cell)


@pytest.mark.parametrize("cell", ["2026-02-29", "2026-04-31T10:00"])
def test_an_iso_date_that_does_not_exist_is_invalid(cell: str) -> None:
    result = _dates(cell)
    [error] = result.errors
    assert error.column == "date"
    assert error.message == f'date: "{cell}" is not a date that exists'


@pytest.mark.parametrize(
    ("cell", "order", "named"),
    [
        ("31/02/2026", DateOrder.AUTO, "day first (D/M/YYYY)"),
        ("29.02.2025", DateOrder.AUTO, "day first (D/M/YYYY)"),
        ("02/30/2026", DateOrder.MDY, "month first (M/D/YYYY)"),
        ("2026/02/30", DateOrder.YMD, "year first (YYYY/M/D)"),
    ],
)
def test_a_slash_date_that_does_not_exist_names_the_order_used_and_date_order(
    cell: str, order: DateOrder, named: str
) -> None:
    [error] = _dates(cell, order).errors
    assert error.message == (
        f'date: "{cell}" is not a date that exists read {named}; if the file writes dates '
        "another way, send dateOrder DMY, MDY or YMD"
    )


def test_the_29th_of_february_of_a_leap_year_exists() -> None:
    assert _date_of("29/02/2024") == date(2024, 2, 29)


@pytest.mark.parametrize(
    "cell",
    ["yesterday", "18/03/26", "2026-3-18", "18-03-2026", "2026-03-18X", "18/03.2026", "١٨/٠٣/٢٠٢٦"],
)
def test_text_that_is_no_date_format_is_a_row_error_listing_the_formats(cell: str) -> None:
    result = _dates(cell)
    [error] = result.errors
    assert error.column == "date"
    assert error.message.startswith(f'date: "{cell}" is not a date; use YYYY-MM-DD')


def test_dates_from_1900_to_tomorrow_are_accepted() -> None:
    tomorrow = TODAY + timedelta(days=1)
    assert _date_of("1900-01-01") == date(1900, 1, 1)
    assert _date_of(tomorrow.isoformat()) == tomorrow


@pytest.mark.parametrize("day", [date(1899, 12, 31), TODAY + timedelta(days=2)])
def test_dates_outside_1900_to_tomorrow_are_rejected(day: date) -> None:
    result = _dates(day.strftime("%d/%m/%Y"))
    [error] = result.errors
    assert error.column == "date"
    assert error.message.startswith(f"date: {day.isoformat()} is outside 1900-01-01 to ")


def test_a_row_without_a_date_is_a_row_error_on_the_date_column() -> None:
    result = parse_csv(b"date;stress_rel;weight_kg\nNA;5;80\n;6;\n", today=TODAY)
    assert result.days == ()
    assert [(e.row, e.column) for e in result.errors] == [(2, "date"), (3, "date")]


def test_a_bad_date_does_not_hide_the_other_bad_cells_of_the_row() -> None:
    result = parse_csv(b"date;stress_rel\n31/02/2026;11\n", today=TODAY)
    assert [e.column for e in result.errors] == ["date", "stress_rel"]
    assert result.rows_rejected == 1
