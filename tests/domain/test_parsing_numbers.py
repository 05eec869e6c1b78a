"""Numbers by file format: decimal marks, thousands separators, AUTO decided once per file."""

from __future__ import annotations

from datetime import date

import pytest

from domain.model import NumberFormat, ParseResult
from domain.parsing import parse_csv

TODAY = date(2026, 3, 18)


def _parse(text: str, fmt: NumberFormat = NumberFormat.AUTO) -> ParseResult:
    return parse_csv(text.encode(), today=TODAY, number_format=fmt)


def _kcal(result: ParseResult) -> list[float | None]:
    return [day.kcal_in for day in result.days]


@pytest.mark.parametrize(
    ("cell", "kcal"), [('"7,902"', 7902.0), ('"1,118"', 1118.0), ('"1,234.5"', 1234.5)]
)
def test_a_comma_delimited_file_reads_commas_between_three_digit_groups_as_thousands(
    cell: str, kcal: float
) -> None:
    assert _kcal(_parse(f"date,kcal_in\n2026-03-01,{cell}\n")) == [kcal]


def test_a_quoted_thousands_separator_is_never_read_as_a_decimal_mark() -> None:
    result = _parse('date,kcal_in,steps_n\n2026-03-01,"1,118","12,345"\n')
    assert [(d.kcal_in, d.steps) for d in result.days] == [(1118.0, 12345)]


def test_point_reads_several_thousands_groups() -> None:
    result = _parse("date;weight_kg;kcal_in\n2026-03-01;80.5;1,234.5\n", NumberFormat.POINT)
    assert [(d.weight_kg, d.kcal_in) for d in result.days] == [(80.5, 1234.5)]


def test_point_refuses_another_comma_naming_both_readings() -> None:
    result = _parse("date;kcal_in\n2026-03-01;1,5\n", NumberFormat.POINT)
    [error] = result.errors
    assert error.row == 2
    assert error.column == "kcal_in"
    assert '1.5 if "," is the decimal mark' in error.message
    assert "15 if it separates thousands" in error.message


def test_comma_reads_points_between_three_digit_groups_as_thousands() -> None:
    result = _parse("date;kcal_in\n2026-03-01;1.234,5\n2026-03-02;1.118\n", NumberFormat.COMMA)
    assert _kcal(result) == [1234.5, 1118.0]


def test_auto_reads_a_semicolon_file_with_decimal_commas_as_comma() -> None:
    # 83,9 decides the file: then 1.118 is a thousand and 118.
    result = _parse("date;weight_kg;kcal_in\n2026-03-01;83,9;1.118\n")
    assert [(d.weight_kg, d.kcal_in) for d in result.days] == [(83.9, 1118.0)]


def test_auto_reads_a_semicolon_file_with_decimal_points_as_point() -> None:
    result = _parse("date;weight_kg;kcal_in\n2026-03-01;83.9;1,118\n")
    assert [(d.weight_kg, d.kcal_in) for d in result.days] == [(83.9, 1118.0)]


@pytest.mark.parametrize(
    ("cell", "thousands", "decimal"), [("1,118", "1118", "1.118"), ("1.118", "1118", "1.118")]
)
def test_auto_with_nothing_to_decide_makes_each_ambiguous_cell_a_row_error(
    cell: str, thousands: str, decimal: str
) -> None:
    result = _parse(f"date\tkcal_in\n2026-03-01\t{cell}\n2026-03-02\t2000\n")
    assert _kcal(result) == [2000.0]
    [error] = result.errors
    assert error.row == 2
    assert error.value == cell
    assert f"{thousands} if" in error.message
    assert f"or {decimal} if it is the decimal mark" in error.message
    assert "numberFormat" in error.message


def test_an_integer_field_accepts_an_integral_decimal() -> None:
    result = _parse("date,steps_n\n2026-03-01,2000.0\n")
    assert [d.steps for d in result.days] == [2000]


@pytest.mark.parametrize("cell", ["nan", "NaN", "inf", "-inf", "Infinity"])
def test_nan_and_infinities_are_invalid(cell: str) -> None:
    result = _parse(f"date,kcal_in\n2026-03-01,{cell}\n")
    assert result.days == ()
    assert result.errors[0].message == f'kcal_in: "{cell}" is not a number'
