"""CSV parsing at the level of the file: encoding, lines, delimiter, header, rows, limits."""

from __future__ import annotations

from datetime import date

import pytest

from domain.model import MAX_REPORTED_ERRORS, ParseResult
from domain.parsing import parse_csv

TODAY = date(2026, 3, 18)


def _parse(text: str, **options: object) -> ParseResult:
    return parse_csv(text.encode(), today=TODAY, **options)  # type: ignore[arg-type]


def _weights(result: ParseResult) -> list[tuple[date, float | None]]:
    return [(day.date, day.weight_kg) for day in result.days]


def test_a_byte_order_mark_is_accepted_and_ignored() -> None:
    text = "date;weight_kg\n2026-03-01;80\n"
    with_bom = parse_csv(b"\xef\xbb\xbf" + text.encode(), today=TODAY)
    assert with_bom.file_error is None
    assert with_bom.columns == ("date", "weight_kg")
    assert _weights(with_bom) == [(date(2026, 3, 1), 80.0)]
    assert with_bom == _parse(text)


def test_a_file_that_is_not_utf8_is_rejected_with_the_offset_of_the_first_bad_byte() -> None:
    data = b"date;weight_kg\n2026-03-01;80\n2026-03-02;caf" + b"\xe9\n"
    result = parse_csv(data, today=TODAY)
    assert result.file_error is not None
    assert result.days == ()
    assert "not UTF-8" in result.file_error.message
    bad_offset = data.index(b"\xe9")
    assert f"offset {bad_offset}" in result.file_error.message
    assert "line 3" in result.file_error.message


def test_latin1_text_after_a_bom_reports_the_offset_in_the_whole_file() -> None:
    data = b"\xef\xbb\xbfdate\n\xff\n"
    result = parse_csv(data, today=TODAY)
    assert result.file_error is not None
    assert "offset 8" in result.file_error.message


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_line_ending_reads_the_same_rows(newline: str) -> None:
    lines = ["date,weight_kg", "2026-03-01,80", "2026-03-02,81", ""]
    result = _parse(newline.join(lines))
    assert _weights(result) == [(date(2026, 3, 1), 80.0), (date(2026, 3, 2), 81.0)]
    assert result.rows_read == 2


def test_quoted_cells_may_hold_the_delimiter_quotes_and_line_breaks() -> None:
    text = 'date,note,weight_kg\n2026-03-01,"ate out, ""big"" meal\nlate","80.5"\n2026-03-02,,81\n'
    result = _parse(text)
    assert _weights(result) == [(date(2026, 3, 1), 80.5), (date(2026, 3, 2), 81.0)]


@pytest.mark.parametrize(
    ("delimiter", "decimal"), [(",", "."), (";", ","), ("\t", ","), ("\t", ".")]
)
def test_the_delimiter_is_detected_from_the_header(delimiter: str, decimal: str) -> None:
    text = delimiter.join(["date", "weight_kg", "steps_n"]) + "\n"
    text += delimiter.join(["2026-03-01", f"80{decimal}5", "9000"]) + "\n"
    result = _parse(text)
    assert result.columns == ("date", "weight_kg", "steps_n")
    assert [(d.weight_kg, d.steps) for d in result.days] == [(80.5, 9000)]


def test_delimiters_inside_quoted_header_names_do_not_count() -> None:
    text = 'date;"notes, free text, more";weight_kg\n2026-03-01;"a, b";80,5\n'
    result = _parse(text)
    assert result.columns == ("date", "weight_kg")
    assert _weights(result) == [(date(2026, 3, 1), 80.5)]


def test_blank_lines_before_the_header_are_skipped_and_do_not_count_as_rows() -> None:
    result = _parse("\n  \n;;\ndate;stress_rel\n2026-03-01;11\n")
    assert result.columns == ("date", "stress_rel")
    assert [e.row for e in result.errors] == [2]


def test_blank_rows_are_skipped_but_keep_their_row_numbers() -> None:
    text = "date;stress_rel\n\n2026-03-01;3\n;\n ; \nNA;-\n2026-03-02;11\n"
    result = _parse(text)
    assert result.rows_read == 2
    assert [d.date for d in result.days] == [date(2026, 3, 1)]
    assert [e.row for e in result.errors] == [7]


def test_a_quoted_cell_spanning_lines_is_one_row() -> None:
    text = 'date,note,stress_rel\n2026-03-01,"line one\nline two",3\n2026-03-02,,0\n'
    result = _parse(text)
    assert [e.row for e in result.errors] == [3]


def test_an_empty_or_blank_file_is_rejected_for_having_no_header() -> None:
    for text in ["", "\n\n", " ;; \r\n"]:
        result = _parse(text)
        assert result.file_error is not None
        assert "no header" in result.file_error.message


def test_a_header_without_rows_gives_no_days_and_no_errors() -> None:
    result = _parse("date;weight_kg\n")
    assert result.file_error is None
    assert (result.days, result.errors, result.rows_read) == ((), (), 0)
    assert result.fields == frozenset({"weight_kg"})


def test_header_names_match_ignoring_case_spaces_and_invisible_characters() -> None:
    text = "\ufeff Date ;\u200bWEIGHT_KG\u200d; Stress_Rel\u00a0\n2026-03-01;80;4\n"
    result = _parse(text)
    assert result.file_error is None
    assert result.columns == ("date", "weight_kg", "stress_rel")
    assert [(d.weight_kg, d.stress) for d in result.days] == [(80.0, 4)]


@pytest.mark.parametrize(
    ("alias", "canonical", "field"),
    [
        ("steps", "steps_n", "steps"),
        ("protein_g", "proteins_g", "protein_g"),
        ("protein", "proteins_g", "protein_g"),
        ("calories_in", "kcal_in", "kcal_in"),
        ("energy_in", "kcal_in", "kcal_in"),
        ("step count", "steps_n", "steps"),
        ("exercise calories", "kcal_out_training", "kcal_out_training"),
        ("junk_kcal", "kcal_junk_in", "kcal_junk_in"),
        ("training_kcal", "kcal_out_training", "kcal_out_training"),
        ("sleep", "sleep_hours", "sleep_hours"),
        ("stress", "stress_rel", "stress"),
        ("weight", "weight_kg", "weight_kg"),
        ("waist", "waist_cm", "waist_cm"),
    ],
)
def test_an_alias_fills_its_canonical_column(alias: str, canonical: str, field: str) -> None:
    value = 50 if field in ("weight_kg", "waist_cm") else 5
    result = _parse(f"day;{alias}\n2026-03-01;{value}\n")
    assert result.columns == ("date", canonical)
    assert result.fields == frozenset({field})
    assert getattr(result.days[0], field) == value


def test_pounds_and_inches_are_converted_and_reported_under_their_own_names() -> None:
    result = _parse("date;weight_lb;waist_in\n2026-03-01;200;40\n")
    assert result.columns == ("date", "weight_lb", "waist_in")
    assert result.fields == frozenset({"weight_kg", "waist_cm"})
    day = result.days[0]
    # Converted values are rounded half-even to their unit: kg to 3 decimals, cm to 2.
    assert day.weight_kg == 90.718  # 90.718474
    assert day.waist_cm == 101.6


def test_a_file_without_a_date_column_is_rejected_naming_the_accepted_names() -> None:
    result = _parse("when;weight_kg\n2026-03-01;80\n")
    assert result.file_error is not None
    assert result.days == ()
    assert '"date"' in result.file_error.message
    assert '"day"' in result.file_error.message


@pytest.mark.parametrize(
    ("first", "second", "target"),
    [("weight", "weight_lb", "weight_kg"), ("date", "Day", "date"), ("steps", "steps", "steps_n")],
)
def test_two_columns_for_the_same_field_are_a_file_error_naming_both(
    first: str, second: str, target: str
) -> None:
    result = _parse(f"{first};x;{second}\n2026-03-01;1;80\n")
    assert result.file_error is not None
    assert f'"{first}" (column 1)' in result.file_error.message
    assert f'"{second}" (column 3)' in result.file_error.message
    assert result.file_error.column == target


def test_unknown_columns_are_ignored_and_named_in_one_warning() -> None:
    result = _parse("mood;date;weight_kg;notes\ngood;2026-03-01;80;x\n")
    assert result.columns == ("date", "weight_kg")
    assert len(result.warnings) == 1
    assert '"mood"' in result.warnings[0]
    assert '"notes"' in result.warnings[0]
    assert _weights(result) == [(date(2026, 3, 1), 80.0)]


def test_fields_not_in_the_file_stay_none() -> None:
    result = _parse("date;steps_n\n2026-03-01;8000\n")
    day = result.days[0]
    assert day.steps == 8000
    assert (day.weight_kg, day.stress, day.kcal_in) == (None, None, None)


def test_days_are_sorted_by_date_whatever_the_file_order() -> None:
    text = "date;weight_kg\n03/03/2026;82\n01/03/2026;80\n02/03/2026;81\n"
    result = _parse(text)
    assert _weights(result) == [
        (date(2026, 3, 1), 80.0),
        (date(2026, 3, 2), 81.0),
        (date(2026, 3, 3), 82.0),
    ]


def test_the_same_date_twice_keeps_the_later_row_and_warns_naming_both_rows() -> None:
    text = "date;weight_kg\n2026-03-01;80\n2026-03-02;81\n01/03/2026;79\n"
    result = _parse(text)
    assert _weights(result) == [(date(2026, 3, 1), 79.0), (date(2026, 3, 2), 81.0)]
    assert len(result.warnings) == 1
    assert "rows 2 and 4" in result.warnings[0]


def test_an_invalid_later_row_does_not_replace_a_valid_earlier_one() -> None:
    result = _parse("date;weight_kg\n2026-03-01;80\n2026-03-01;900\n")
    assert _weights(result) == [(date(2026, 3, 1), 80.0)]
    assert result.rows_rejected == 1


def test_a_row_with_more_cells_than_the_header_is_a_row_error() -> None:
    result = _parse("date,weight_kg\n2026-03-01,80,5\n2026-03-02,81\n")
    assert _weights(result) == [(date(2026, 3, 2), 81.0)]
    assert result.rows_rejected == 1
    [error] = result.errors
    assert (error.row, error.column, error.value) == (2, None, "5")
    assert "3 cells" in error.message
    assert "header has 2" in error.message


def test_trailing_empty_cells_beyond_the_header_are_harmless() -> None:
    result = _parse("date;weight_kg\n2026-03-01;80;;\n")
    assert result.errors == ()
    assert _weights(result) == [(date(2026, 3, 1), 80.0)]


def test_missing_trailing_cells_mean_no_value() -> None:
    result = _parse("date;stress_rel;weight_kg\n2026-03-01;4\n")
    assert [(d.stress, d.weight_kg) for d in result.days] == [(4, None)]


def test_past_the_row_limit_the_file_is_rejected_without_reading_the_rest() -> None:
    rows = [f"2026-03-0{n};80" for n in range(1, 5)]
    # Past the limit comes a cell too large for the csv module: reading it would fail.
    text = "date;weight_kg\n" + "\n".join(rows) + '\n"' + "x" * 200_000 + '"\n'
    result = _parse(text, max_rows=3)
    assert result.file_error is not None
    assert result.days == ()
    assert "limit is 3" in result.file_error.message


def test_a_file_at_the_row_limit_is_accepted() -> None:
    rows = [f"2026-03-0{n};80" for n in range(1, 4)]
    result = _parse("date;weight_kg\n" + "\n".join(rows) + "\n\n\n", max_rows=3)
    assert result.file_error is None
    assert len(result.days) == 3


def test_a_cell_too_large_for_csv_is_a_file_error_not_an_exception() -> None:
    result = _parse('date;note;weight_kg\n2026-03-01;"' + "x" * 200_000 + '";80\n')
    assert result.file_error is not None
    assert "row 2" in result.file_error.message


def test_only_the_first_thousand_errors_are_kept_but_all_are_counted() -> None:
    bad_rows = MAX_REPORTED_ERRORS + 5
    text = "date;stress_rel\n" + "2026-03-01;11\n" * bad_rows
    result = _parse(text)
    assert len(result.errors) == MAX_REPORTED_ERRORS
    assert result.error_count == bad_rows
    assert result.rows_rejected == bad_rows
    assert result.errors[-1].row == MAX_REPORTED_ERRORS + 1
