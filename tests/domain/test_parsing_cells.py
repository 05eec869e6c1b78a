"""CSV parsing of the metric cells: blanks, numbers, conversions, ranges and messages."""

from __future__ import annotations

from datetime import date

import pytest

from domain.model import ParseResult, RowError
from domain.parsing import parse_csv

TODAY = date(2026, 3, 18)


def _parse(text: str) -> ParseResult:
    return parse_csv(text.encode(), today=TODAY)


def _one_cell(column: str, cell: str, delimiter: str = ";") -> ParseResult:
    return _parse(f"date{delimiter}{column}\n2026-03-01{delimiter}{cell}\n")


def _only_error(result: ParseResult) -> RowError:
    assert result.days == ()
    assert result.rows_rejected == 1
    [error] = result.errors
    return error


@pytest.mark.parametrize("cell", ["", "  ", "NA", "na", "N/A", "n/a", "null", "NULL", "Null", "-"])
def test_blank_and_placeholder_cells_mean_no_value(cell: str) -> None:
    result = _parse(f"date;weight_kg;stress_rel\n2026-03-01;{cell};4\n")
    assert result.errors == ()
    assert [(d.weight_kg, d.stress) for d in result.days] == [(None, 4)]
    assert "weight_kg" in result.fields


def test_cells_are_trimmed_and_invisible_characters_removed() -> None:
    cell = " \u00a08\u200b3,\u200c9\u200d\u2060 "
    result = _one_cell("weight_kg", cell)
    assert [d.weight_kg for d in result.days] == [83.9]


@pytest.mark.parametrize(("cell", "value"), [("83.9", 83.9), ("83,9", 83.9), ("84", 84.0)])
def test_a_decimal_point_or_comma_is_accepted(cell: str, value: float) -> None:
    assert [d.weight_kg for d in _one_cell("weight_kg", cell).days] == [value]


def test_a_decimal_comma_in_a_comma_delimited_file_is_an_error_naming_both_readings() -> None:
    error = _only_error(_one_cell("weight_kg", '"83,9"', delimiter=","))
    assert error.message.startswith('weight_kg: "83,9" is ambiguous: 83.9 if "," is the decimal')
    assert "or 839 if it separates thousands" in error.message


@pytest.mark.parametrize(
    "cell",
    ["1.000.5", "1,000,5", "1 000", "8x,5", "1e3", "1e999", "nan", "inf", "Infinity", "1_000"],
)
def test_grouping_exponents_and_words_are_not_numbers(cell: str) -> None:
    error = _only_error(_one_cell("kcal_in", cell))
    assert error.message == f'kcal_in: "{cell}" is not a number'
    assert (error.row, error.column, error.value) == (2, "kcal_in", cell)


def test_the_message_for_a_bad_number_follows_the_contract_example() -> None:
    error = _only_error(_one_cell("weight_kg", "8x,5"))
    assert error.message == 'weight_kg: "8x,5" is not a number'


@pytest.mark.parametrize(("cell", "steps"), [("2000", 2000), ("2000.0", 2000), ("2000,0", 2000)])
def test_integer_fields_accept_integral_decimals(cell: str, steps: int) -> None:
    [day] = _one_cell("steps_n", cell).days
    assert day.steps == steps
    assert isinstance(day.steps, int)


def test_integer_fields_refuse_fractions() -> None:
    error = _only_error(_one_cell("stress_rel", "7,5"))
    assert error.message == "stress_rel: 7.5 is not a whole number"


def test_a_value_outside_its_range_names_the_column_and_the_range() -> None:
    error = _only_error(_one_cell("stress_rel", "11"))
    assert error == RowError(2, "stress_rel", "11", "stress_rel: 11 is outside 1–10")


@pytest.mark.parametrize(
    ("column", "cell", "allowed"),
    [
        ("steps_n", "100001", "0–100000"),
        ("proteins_g", "-1", "0–1000"),
        ("kcal_in", "20000,5", "0–20000"),
        ("kcal_out_training", "10001", "0–10000"),
        ("sleep_hours", "24.1", "0–24"),
        ("stress_rel", "0", "1–10"),
        ("weight_kg", "19.9", "20–400"),
        ("waist_cm", "250.5", "30–250"),
    ],
)
def test_each_column_checks_its_range(column: str, cell: str, allowed: str) -> None:
    error = _only_error(_one_cell(column, cell))
    assert error.column == column
    assert error.message.startswith(f"{column}: ")
    assert error.message.endswith(f"is outside {allowed}")


def test_junk_calories_above_the_days_calories_in_are_rejected() -> None:
    result = _parse("date;kcal_in;kcal_junk_in\n2026-03-01;2000;2001\n2026-03-02;2000;2000\n")
    assert [(d.date, d.kcal_junk_in) for d in result.days] == [(date(2026, 3, 2), 2000.0)]
    [error] = result.errors
    assert (error.row, error.column) == (2, "kcal_junk_in")
    assert error.message.startswith("kcal_junk_in: 2001 is outside 0–2000")


def test_junk_calories_may_reach_20000_when_calories_in_is_blank() -> None:
    result = _parse("date;kcal_in;kcal_junk_in\n2026-03-01;;20000\n2026-03-02;NA;20001\n")
    assert [d.kcal_junk_in for d in result.days] == [20000.0]
    assert [e.row for e in result.errors] == [3]


def test_pounds_are_converted_before_the_range_check_and_the_error_names_weight_lb() -> None:
    # 44 lb is 19.96 kg (below 20 kg) while 44.1 lb is 20.0034 kg.
    result = _parse("date;weight_lb\n2026-03-01;44\n2026-03-02;44,1\n")
    assert [d.date for d in result.days] == [date(2026, 3, 2)]
    [error] = result.errors
    assert (error.row, error.column, error.value) == (2, "weight_lb", "44")
    assert error.message.startswith("weight_lb: 44 lb is 19.958 kg")
    assert error.message.endswith("outside 20–400 kg")


def test_inches_are_converted_before_the_range_check() -> None:
    # 98.4 in is 249.936 cm (allowed), 98.5 in is 250.19 cm (too much).
    result = _parse("date;waist_in\n2026-03-01;98.4\n2026-03-02;98.5\n")
    assert [d.date for d in result.days] == [date(2026, 3, 1)]
    assert [e.column for e in result.errors] == ["waist_in"]


def test_every_bad_cell_of_a_row_is_reported_in_column_order() -> None:
    text = "date;stress_rel;kcal_junk_in;kcal_in;weight_kg\n2026-03-01;11;3000;2000;x\n"
    result = _parse(text)
    assert result.rows_rejected == 1
    assert result.error_count == 3
    assert [e.column for e in result.errors] == ["stress_rel", "kcal_junk_in", "weight_kg"]


def test_the_raw_value_is_cut_to_100_characters() -> None:
    cell = "9" * 50 + "x" * 100
    error = _only_error(_one_cell("weight_kg", cell))
    assert error.value == cell[:100]


def test_a_digit_string_too_long_for_a_float_is_out_of_range_not_a_crash() -> None:
    error = _only_error(_one_cell("weight_kg", "9" * 400))
    assert error.column == "weight_kg"
    assert "20–400" in error.message


def test_an_invalid_calories_in_does_not_cap_junk_calories() -> None:
    result = _parse("date;kcal_in;kcal_junk_in\n2026-03-01;-5;100\n")
    assert [e.column for e in result.errors] == ["kcal_in"]
