"""Property tests: parse_csv never raises, its counts agree, and valid days survive a round trip."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.model import MAX_REPORTED_ERRORS, METRIC_FIELDS, DailyMetrics, DateOrder, ParseResult
from domain.parsing import parse_csv

TODAY = date(2026, 3, 18)

_HEADER_NAMES = [
    "date",
    "Day",
    "steps",
    "steps_n",
    "protein",
    "kcal_in",
    "junk_kcal",
    "sleep",
    "stress_rel",
    "weight_lb",
    "weight_kg",
    "waist_in",
    "notes",
    "",
]
_CSVISH = '0123456789,.;\t"\r\n -/:TZNAnaul+e\u00a0\u200b\ufeffé'


def _assert_consistent(result: ParseResult) -> None:
    assert 0 <= result.rows_rejected <= result.rows_read
    assert result.error_count >= result.rows_rejected
    assert (result.error_count == 0) == (result.rows_rejected == 0)
    assert len(result.errors) == min(result.error_count, MAX_REPORTED_ERRORS)
    assert len(result.days) <= result.rows_read - result.rows_rejected
    dates = [day.date for day in result.days]
    assert dates == sorted(set(dates))
    assert result.fields <= set(METRIC_FIELDS)
    for day in result.days:
        assert date(1900, 1, 1) <= day.date <= TODAY + timedelta(days=1)
        for name in set(METRIC_FIELDS) - result.fields:
            assert getattr(day, name) is None
    for error in result.errors:
        assert error.row is not None
        assert error.row >= 2
        assert error.value is None or len(error.value) <= 100
        if error.column is not None:
            assert error.message.startswith(f"{error.column}: ")
    if result.file_error is not None:
        assert (result.days, result.errors) == ((), ())


@settings(max_examples=300)
@given(st.binary(max_size=2_000))
def test_arbitrary_bytes_never_raise_and_give_consistent_counts(data: bytes) -> None:
    _assert_consistent(parse_csv(data, today=TODAY))


@settings(max_examples=300)
@given(
    header=st.lists(st.sampled_from(_HEADER_NAMES), min_size=1, max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
    body=st.text(alphabet=_CSVISH, max_size=1_000),
    max_rows=st.integers(min_value=0, max_value=20),
)
def test_csv_like_text_never_raises_and_gives_consistent_counts(
    header: list[str], delimiter: str, body: str, max_rows: int
) -> None:
    data = (delimiter.join(header) + "\n" + body).encode()
    _assert_consistent(parse_csv(data, today=TODAY, max_rows=max_rows))


_days = st.builds(
    DailyMetrics,
    date=st.dates(min_value=date(1900, 1, 1), max_value=TODAY + timedelta(days=1)),
    steps=st.none() | st.integers(0, 100_000),
    kcal_in=st.none() | st.integers(0, 2_000_000).map(lambda n: n / 100),
    sleep_hours=st.none() | st.integers(0, 2_400).map(lambda n: n / 100),
    stress=st.none() | st.integers(1, 10),
    weight_kg=st.none() | st.integers(2_000, 40_000).map(lambda n: n / 100),
)
_DATE_WRITERS = [
    lambda d: d.isoformat(),
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day:02}.{d.month:02}.{d.year}",
    lambda d: f"{d.year}/{d.month:02}/{d.day:02}",
    lambda d: f"{d.isoformat()}T12:00:00Z",
]
_COLUMNS = [
    ("steps_n", "steps"),
    ("kcal_in", "kcal_in"),
    ("sleep_hours", "sleep_hours"),
    ("stress_rel", "stress"),
    ("weight_kg", "weight_kg"),
]


def _cell(value: int | float | None, decimal: str) -> str:
    if value is None:
        return ""
    text = str(value).replace(".", decimal)
    return f'"{text}"' if decimal == "," else text


@given(
    days=st.lists(_days, max_size=30, unique_by=lambda day: day.date),
    delimiter=st.sampled_from([",", ";", "\t"]),
    decimal=st.sampled_from([".", ","]),
    write_date=st.sampled_from(_DATE_WRITERS),
)
def test_valid_days_written_as_csv_read_back_unchanged(
    days: list[DailyMetrics], delimiter: str, decimal: str, write_date: object
) -> None:
    if delimiter == ",":
        decimal = "."  # a comma-delimited file reads its numbers with a decimal point
    lines = [delimiter.join(["date"] + [column for column, _ in _COLUMNS])]
    for day in days:
        cells = [write_date(day.date)]  # type: ignore[operator]
        cells += [_cell(getattr(day, field), decimal) for _, field in _COLUMNS]
        lines.append(delimiter.join(cells))
    data = "\r\n".join(lines).encode()
    result = parse_csv(data, today=TODAY)
    if result.file_error is not None:
        # AUTO never guesses: a comma file whose every date fits both orders is refused,
        # naming dateOrder; it then reads back with the order sent.
        assert write_date in _DATE_WRITERS[1:3]
        assert delimiter != ";"
        assert "dateOrder" in result.file_error.message
        result = parse_csv(data, today=TODAY, date_order=DateOrder.DMY)
    assert result.errors == ()
    assert result.rows_read == len(days)
    assert list(result.days) == sorted(days, key=lambda day: day.date)
