"""The value and date rules shared by CSV parsing and manual entry."""

from __future__ import annotations

import math
from datetime import date

import pytest

from domain.model import METRIC_FIELDS
from domain.parsing import parse_csv
from domain.validation import COLUMN_OF, date_problem, value_problem

# (field, lowest allowed, highest allowed) as docs/formats.md (Cells) states them.
TODAY = date(2026, 3, 1)

RANGES = [
    ("steps", 0, 100_000),
    ("protein_g", 0, 1_000),
    ("kcal_in", 0, 20_000),
    ("kcal_junk_in", 0, 20_000),
    ("kcal_out_training", 0, 10_000),
    ("sleep_hours", 0, 24),
    ("stress", 1, 10),
    ("weight_kg", 20, 400),
    ("waist_cm", 30, 250),
]


# The canonical CSV column of each stored field (docs/formats.md), with a value in range.
CANONICAL_COLUMNS = [
    ("steps", "steps_n", 8_000),
    ("protein_g", "proteins_g", 120),
    ("kcal_in", "kcal_in", 2_400),
    ("kcal_junk_in", "kcal_junk_in", 300),
    ("kcal_out_training", "kcal_out_training", 450),
    ("sleep_hours", "sleep_hours", 7.5),
    ("stress", "stress_rel", 4),
    ("weight_kg", "weight_kg", 81.5),
    ("waist_cm", "waist_cm", 90),
]


def test_the_canonical_columns_cover_every_metric_field() -> None:
    assert {field for field, _, _ in CANONICAL_COLUMNS} == set(METRIC_FIELDS)


@pytest.mark.parametrize(("field", "column", "value"), CANONICAL_COLUMNS)
def test_a_canonical_column_is_read_into_its_field_and_named_in_its_errors(
    field: str, column: str, value: float
) -> None:
    # kcal_in is there too, as kcal_junk_in is bounded by it.
    cells = {"date": "2026-01-05", "kcal_in": "3000", column: str(value)}
    bad = {**cells, "date": "2026-01-06", column: "x"}
    text = "\n".join(",".join(row) for row in (cells, cells.values(), bad.values()))
    result = parse_csv(text.encode(), today=TODAY)

    assert COLUMN_OF[field] == column
    assert getattr(result.days[0], field) == value
    assert field in result.fields
    assert [error.column for error in result.errors] == [column]


@pytest.mark.parametrize(("field", "low", "high"), RANGES)
def test_both_ends_of_a_range_are_allowed(field: str, low: int, high: int) -> None:
    assert value_problem(field, low, kcal_in=None) is None
    assert value_problem(field, high, kcal_in=None) is None


@pytest.mark.parametrize(("field", "low", "high"), RANGES)
def test_a_value_just_outside_a_range_says_the_allowed_range(
    field: str, low: int, high: int
) -> None:
    assert value_problem(field, low - 1, kcal_in=None) == f"{low - 1} is outside {low}–{high}"
    assert value_problem(field, high + 1, kcal_in=None) == f"{high + 1} is outside {low}–{high}"


def test_a_fraction_just_past_the_top_is_outside() -> None:
    assert value_problem("sleep_hours", 24.5, kcal_in=None) == "24.5 is outside 0–24"


def test_stress_needs_a_whole_number() -> None:
    assert value_problem("stress", 7.5, kcal_in=None) == "7.5 is not a whole number"
    assert value_problem("stress", 7.0, kcal_in=None) is None


def test_steps_accept_an_integral_float() -> None:
    assert value_problem("steps", 2000.0, kcal_in=None) is None
    assert value_problem("steps", 2000.5, kcal_in=None) == "2000.5 is not a whole number"


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("field", METRIC_FIELDS)
def test_nan_and_infinities_are_not_numbers(field: str, value: float) -> None:
    assert value_problem(field, value, kcal_in=None) == f"{value} is not a number"


def test_junk_calories_cannot_exceed_the_days_calories_in() -> None:
    assert value_problem("kcal_junk_in", 1500, kcal_in=1500) is None
    problem = value_problem("kcal_junk_in", 1501, kcal_in=1500)
    assert problem is not None
    assert problem.startswith("1501 is outside 0–1500")


def test_junk_calories_go_up_to_20000_when_calories_in_is_blank() -> None:
    assert value_problem("kcal_junk_in", 20_000, kcal_in=None) is None
    assert value_problem("kcal_junk_in", 20_001, kcal_in=None) == "20001 is outside 0–20000"


def test_dates_from_1900_to_tomorrow_are_allowed() -> None:
    today = date(2026, 3, 18)
    assert date_problem(date(1900, 1, 1), today=today) is None
    assert date_problem(date(2026, 3, 19), today=today) is None


def test_a_date_before_1900_or_after_tomorrow_says_the_allowed_span() -> None:
    today = date(2026, 3, 18)
    allowed = "1900-01-01 to 2026-03-19"
    assert date_problem(date(1899, 12, 31), today=today) == f"1899-12-31 is outside {allowed}"
    assert date_problem(date(2026, 3, 20), today=today) == f"2026-03-20 is outside {allowed}"
