"""Header rules: unit hints, aliases, the bare calories rule, files without metrics."""

from __future__ import annotations

from datetime import date

import pytest

from domain.model import ParseResult, WeightUnit
from domain.parsing import parse_csv

TODAY = date(2026, 3, 18)


def _parse(text: str, weight_unit: WeightUnit | None = None) -> ParseResult:
    return parse_csv(text.encode(), today=TODAY, weight_unit=weight_unit)


def _file_error(result: ParseResult) -> str:
    assert result.days == ()
    assert result.file_error is not None
    return result.file_error.message


def test_a_pound_hint_converts_weight_rounded_half_even_to_grams() -> None:
    result = _parse("Date,Weight (lb)\n2026-03-01,176.4\n")
    # 176.4 lb x 0.45359237 = 80.01369... kg, stored to 3 decimals
    assert [d.weight_kg for d in result.days] == [80.014]
    assert result.columns == ("date", "weight_kg")


def test_a_kilojoule_hint_converts_energy_to_kcal_rounded_to_one_decimal() -> None:
    result = _parse("date,kcal_in (kJ),training_kcal [kJ]\n2026-03-01,8368,1000\n")
    # 8368 / 4.184 = 2000 kcal; 1000 / 4.184 = 239.005... -> 239.0
    assert [(d.kcal_in, d.kcal_out_training) for d in result.days] == [(2000.0, 239.0)]


@pytest.mark.parametrize(
    ("header", "cell", "hours"),
    [("sleep (min)", "450", 7.5), ("sleep (s)", "27000", 7.5), ("Sleep [h]", "7.25", 7.25)],
)
def test_a_sleep_hint_converts_minutes_and_seconds_to_hours(
    header: str, cell: str, hours: float
) -> None:
    assert [d.sleep_hours for d in _parse(f"date,{header}\n2026-03-01,{cell}\n").days] == [hours]


def test_an_inch_hint_converts_waist_to_centimetres() -> None:
    assert [d.waist_cm for d in _parse("date,Waist [in]\n2026-03-01,33\n").days] == [83.82]


def test_a_cell_copied_without_conversion_is_stored_as_written() -> None:
    result = _parse("date,Weight (kg),protein (g)\n2026-03-01,80.12345,123.456\n")
    assert [(d.weight_kg, d.protein_g) for d in result.days] == [(80.12345, 123.456)]


@pytest.mark.parametrize(
    "header", ["steps (kg)", "weight_kg (lb)", "Weight (min)", "stress (kg)", "protein (kcal)"]
)
def test_a_hint_that_contradicts_its_column_is_a_file_error(header: str) -> None:
    message = _file_error(_parse(f"date,{header}\n2026-03-01,1\n"))
    assert f'column "{header}"' in message
    assert "does not fit" in message


@pytest.mark.parametrize("name", ["calories", "Calories", "kcal", "KCAL", "calories (kcal)"])
def test_a_bare_calories_column_is_a_file_error_asking_to_rename_it(name: str) -> None:
    message = _file_error(_parse(f"date,{name}\n2026-03-01,2000\n"))
    assert "kcal_in" in message
    assert "kcal_out_training" in message


def test_a_weight_without_a_unit_is_read_in_the_default_profile_unit_with_a_warning() -> None:
    result = _parse("date,weight\n2026-03-01,80\n")
    assert [d.weight_kg for d in result.days] == [80.0]
    assert any("read as kilograms, your profile's weight unit" in w for w in result.warnings)


def test_a_weight_without_a_unit_takes_a_pounds_profile_unit() -> None:
    data = b"date,weight\n2026-03-01,176.4\n"
    result = parse_csv(data, today=date(2026, 6, 30), profile_weight_unit=WeightUnit.LB)
    assert [d.weight_kg for d in result.days] == [80.014]  # 176.4 x 0.45359237 = 80.0137
    assert any("read as pounds, your profile's weight unit" in w for w in result.warnings)


def test_weight_unit_kg_wins_over_a_pounds_profile() -> None:
    data = b"date,weight\n2026-03-01,80\n"
    result = parse_csv(
        data, today=date(2026, 6, 30), weight_unit=WeightUnit.KG, profile_weight_unit=WeightUnit.LB
    )
    assert [d.weight_kg for d in result.days] == [80.0]
    assert result.warnings == ()


def test_weight_unit_lb_applies_to_a_weight_column_that_states_no_unit() -> None:
    result = _parse("date,weight\n2026-03-01,176.4\n", WeightUnit.LB)
    assert [d.weight_kg for d in result.days] == [80.014]
    assert result.warnings == ()


def test_a_file_with_no_recognised_metric_column_is_rejected_listing_what_it_found() -> None:
    names = [f"column number {i} " + "x" * 50 for i in range(25)]
    message = _file_error(_parse("date," + ",".join(names) + "\n2026-03-01" + ",1" * 25 + "\n"))
    assert message.startswith("no metric column was recognised")
    assert '"date"' in message
    assert f'"{names[0][:40]}"' in message
    assert names[0] not in message
    assert "and 6 more" in message
    assert "kcal_in" in message
    assert "weight_kg" in message


def test_unknown_columns_are_named_in_one_bounded_warning() -> None:
    names = [f"extra{i}" for i in range(30)]
    result = _parse("date,weight_kg," + ",".join(names) + "\n2026-03-01,80" + ",x" * 30 + "\n")
    [warning] = result.warnings
    assert warning.startswith("ignored unknown columns: ")
    assert '"extra19"' in warning
    assert '"extra20"' not in warning
    assert warning.endswith("and 10 more")


def test_a_huge_header_of_empty_names_gives_one_short_warning() -> None:
    result = _parse("date,weight_kg" + "," * 200_000 + "\n2026-03-01,80\n")
    assert [d.weight_kg for d in result.days] == [80.0]
    [warning] = result.warnings
    assert len(warning) < 1_000
    assert warning.endswith("and 199980 more")
