"""An export read back by the CSV parser gives the very same days, bit for bit."""

from __future__ import annotations

import struct
from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from domain.exporting import EXPORT_COLUMNS, to_csv
from domain.model import INTEGER_FIELDS, METRIC_FIELDS, DailyMetrics, DateOrder
from domain.parsing import parse_csv
from domain.validation import BOUNDS, EARLIEST_DATE

TODAY = date(2026, 3, 18)


def _value(name: str) -> st.SearchStrategy[int | float | None]:
    low, high = BOUNDS[name]
    if name in INTEGER_FIELDS:
        number: st.SearchStrategy[int | float] = st.integers(int(low), int(high))
    else:
        edges = [low, high, low + 5e-324, low + 1e-300, low + 0.1, low + 1 / 3, high - 1e-9]
        number = st.floats(low, high, allow_nan=False, allow_infinity=False) | st.sampled_from(
            [float(edge) for edge in edges if low <= edge <= high]
        )
    return st.none() | number


@st.composite
def _day(draw: st.DrawFn, day: date) -> DailyMetrics:
    values = {name: draw(_value(name)) for name in METRIC_FIELDS}
    junk, kcal_in = values["kcal_junk_in"], values["kcal_in"]
    if junk is not None and kcal_in is not None and junk > kcal_in:
        values["kcal_junk_in"] = draw(st.floats(0, kcal_in) | st.just(kcal_in))
    return DailyMetrics(date=day, **values)  # type: ignore[arg-type]


_days = st.lists(st.dates(EARLIEST_DATE, TODAY), unique=True, max_size=40).flatmap(
    lambda dates: st.tuples(*(_day(d) for d in sorted(dates)))
)


def _bits(days: tuple[DailyMetrics, ...] | list[DailyMetrics]) -> list[tuple[object, ...]]:
    """Each day as its date and the exact bit pattern and type of every value."""
    return [
        (
            day.date,
            *(
                (type(v).__name__, struct.pack("<d", v) if isinstance(v, float) else v)
                for v in day.values()
            ),
        )
        for day in days
    ]


def _read_back(days: tuple[DailyMetrics, ...]) -> tuple[DailyMetrics, ...]:
    parsed = parse_csv(to_csv(days), today=TODAY, date_order=DateOrder.AUTO)
    assert parsed.file_error is None
    assert parsed.errors == ()
    assert parsed.warnings == ()
    assert parsed.fields == frozenset(METRIC_FIELDS)
    assert parsed.rows_read == len(days)
    return parsed.days


@given(_days)
@example(())
@example((DailyMetrics(date=EARLIEST_DATE),))
@example(
    (
        DailyMetrics(
            date=TODAY,
            steps=100_000,
            protein_g=1_000.0,
            kcal_in=20_000.0,
            kcal_junk_in=20_000.0,
            kcal_out_training=10_000.0,
            sleep_hours=24.0,
            stress=10,
            weight_kg=400.0,
            waist_cm=250.0,
        ),
    )
)
@example(
    (
        DailyMetrics(
            date=date(2000, 2, 29),
            steps=0,
            protein_g=5e-324,
            kcal_in=0.1 + 0.2,
            kcal_junk_in=-0.0,
            kcal_out_training=1e-300,
            sleep_hours=23.999999999999996,
            stress=1,
            weight_kg=20.000000000000004,
            waist_cm=30.0,
        ),
    )
)
def test_an_export_parses_back_to_identical_days(days: tuple[DailyMetrics, ...]) -> None:
    assert _bits(_read_back(days)) == _bits(days)


def test_an_export_has_the_canonical_header_and_one_row_per_day() -> None:
    days = (
        DailyMetrics(date=date(2026, 1, 2), steps=12_000, weight_kg=81.25, stress=3),
        DailyMetrics(date=date(2026, 1, 3), protein_g=1e-07),
    )

    lines = to_csv(days).decode("utf-8").splitlines()

    assert lines[0] == ",".join(EXPORT_COLUMNS)
    assert EXPORT_COLUMNS == (
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
    assert lines[1:] == ["2026-01-02,12000,,,,,,3,81.25,", "2026-01-03,,0.0000001,,,,,,,"]


def test_an_export_is_utf8_without_a_byte_order_mark() -> None:
    data = to_csv([DailyMetrics(date=date(2026, 1, 2))])

    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8").endswith("\n")
