"""The sample file in samples/ parses the way its text reads."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from domain.model import METRIC_FIELDS
from domain.parsing import parse_csv

SAMPLE = Path(__file__).parents[2] / "samples" / "seed_sample_semicolon_dmy.csv"
TODAY = date(2026, 11, 27)


def test_the_sample_is_utf8_with_a_bom_semicolons_and_newest_day_first() -> None:
    data = SAMPLE.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfdate;steps_n;")
    assert data.splitlines()[1].startswith(b"18/03/2026;")
    assert data.splitlines()[-1].startswith(b"01/09/2025;")


def test_the_sample_gives_one_valid_day_per_line_oldest_first() -> None:
    data = SAMPLE.read_bytes()
    data_lines = len(data.decode("utf-8-sig").splitlines()) - 1
    result = parse_csv(data, today=TODAY)
    assert (result.file_error, result.errors, result.warnings) == (None, (), ())
    assert result.rows_read == data_lines == 199
    # Every day from 1 September 2025 to 18 March 2026, each exactly once.
    first = date(2025, 9, 1)
    expected = [first + timedelta(days=n) for n in range((date(2026, 3, 18) - first).days + 1)]
    assert [day.date for day in result.days] == expected


def test_the_sample_reports_every_canonical_column_in_header_order() -> None:
    result = parse_csv(SAMPLE.read_bytes(), today=TODAY)
    assert result.columns == (
        "date",
        "steps_n",
        "proteins_g",
        "kcal_in",
        "kcal_junk_in",
        "kcal_out_training",
        "sleep_hours",
        "stress_rel",
        "weight_kg",
        "waist_cm",
    )
    assert result.fields == frozenset(METRIC_FIELDS)


def test_the_sample_values_match_the_file_text() -> None:
    days = {day.date: day for day in parse_csv(SAMPLE.read_bytes(), today=TODAY).days}
    # 18/03/2026;10000;160;2000;3;2;6;1;81;100
    newest = days[date(2026, 3, 18)]
    assert newest.values() == (10000, 160.0, 2000.0, 3.0, 2.0, 6.0, 1, 81.0, 100.0)
    # 15/03/2026;...;83,9;100
    assert days[date(2026, 3, 15)].weight_kg == 83.9
    # 01/09/2025;10000;80;2000;525;398;7;3;88,7;90
    oldest = days[date(2025, 9, 1)]
    assert oldest.values() == (10000, 80.0, 2000.0, 525.0, 398.0, 7.0, 3, 88.7, 90.0)
    assert isinstance(oldest.steps, int)
    assert isinstance(oldest.stress, int)
