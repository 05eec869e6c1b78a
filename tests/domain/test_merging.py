"""The merge rule: present columns overwrite, absent ones stay, blanks clear (docs/formats.md)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.merging import merge
from domain.model import METRIC_FIELDS, DailyMetrics

MONDAY = date(2026, 3, 2)
STAMP = datetime(2026, 3, 1, 12, 0)


def _day(offset: int, **values: float | int | None) -> DailyMetrics:
    return DailyMetrics(date=MONDAY + timedelta(days=offset), **values)  # type: ignore[arg-type]


def test_present_columns_overwrite_and_absent_columns_stay() -> None:
    stored = [_day(0, steps=5000, weight_kg=80.0, sleep_hours=7.0)]
    incoming = [_day(0, steps=6000, weight_kg=None)]

    result = merge(stored, incoming, {"steps", "weight_kg"})

    assert result.days == (_day(0, steps=6000, weight_kg=None, sleep_hours=7.0),)
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 0)
    assert result.changed == result.days


def test_a_blank_cell_clears_the_stored_value() -> None:
    stored = [_day(0, weight_kg=80.0, waist_cm=90.0)]

    result = merge(stored, [_day(0)], {"weight_kg"})

    assert result.days == (_day(0, waist_cm=90.0),)
    assert result.updated == 1


def test_a_new_date_takes_the_file_columns_and_nothing_else() -> None:
    incoming = [_day(1, steps=7000, sleep_hours=8.0)]

    result = merge([_day(0, steps=1)], incoming, {"steps"})

    assert result.days == (_day(0, steps=1), _day(1, steps=7000))
    assert result.changed == (_day(1, steps=7000),)
    assert (result.inserted, result.updated, result.unchanged) == (1, 0, 0)


def test_the_same_values_again_count_as_unchanged_and_keep_updated_at() -> None:
    stored = [replace(_day(0, steps=5000, weight_kg=80.0), updated_at=STAMP)]

    result = merge(stored, [_day(0, steps=5000, weight_kg=99.0)], {"steps"})

    assert (result.inserted, result.updated, result.unchanged) == (0, 0, 1)
    assert result.changed == ()
    assert result.days[0].updated_at == STAMP


def test_stored_days_outside_the_file_are_kept_and_the_result_is_sorted() -> None:
    stored = [_day(9, steps=9), _day(0, steps=0)]

    result = merge(stored, [_day(5, steps=5), _day(2, steps=2)], {"steps"})

    assert [day.date for day in result.days] == [MONDAY + timedelta(days=n) for n in (0, 2, 5, 9)]
    assert [day.date for day in result.changed] == [MONDAY + timedelta(days=n) for n in (2, 5)]


def test_the_later_of_two_incoming_days_with_one_date_wins() -> None:
    result = merge([], [_day(0, steps=1), _day(0, steps=2)], {"steps"})

    assert result.days == (_day(0, steps=2),)
    assert result.inserted == 1


def test_the_inputs_are_not_mutated() -> None:
    stored = [_day(0, steps=1)]
    incoming = [_day(0, steps=2), _day(1, steps=3)]
    stored_before, incoming_before = list(stored), list(incoming)

    merge(stored, incoming, {"steps"})

    assert stored == stored_before
    assert incoming == incoming_before


def test_an_unknown_field_name_is_refused() -> None:
    with pytest.raises(ValueError, match="weight_lb"):
        merge([], [], {"weight_lb"})


_VALUES: dict[str, st.SearchStrategy[int | float | None]] = {
    name: st.none()
    | (st.integers(0, 3) if name in {"steps", "stress"} else st.sampled_from([1.5, 2.0]))
    for name in METRIC_FIELDS
}


@st.composite
def _days(draw: st.DrawFn) -> list[DailyMetrics]:
    offsets = draw(st.sets(st.integers(0, 20), max_size=12))
    return [
        DailyMetrics(
            date=MONDAY + timedelta(days=n),
            **{k: draw(v) for k, v in _VALUES.items()},  # type: ignore[arg-type]
        )
        for n in sorted(offsets)
    ]


@given(
    stored=_days(),
    incoming=_days(),
    fields=st.sets(st.sampled_from(METRIC_FIELDS)),
    seed=st.integers(0, 2**32 - 1),
    row_groups=st.integers(1, 4),
    column_groups=st.integers(1, 4),
)
def test_any_split_of_a_file_applied_in_any_order_equals_one_merge_of_the_whole(
    stored: list[DailyMetrics],
    incoming: list[DailyMetrics],
    fields: set[str],
    seed: int,
    row_groups: int,
    column_groups: int,
) -> None:
    rng = random.Random(seed)
    row_of = [rng.randrange(row_groups) for _ in incoming]
    rows = [
        [d for d, g in zip(incoming, row_of, strict=True) if g == group]
        for group in range(row_groups)
    ]
    column_of = {name: rng.randrange(column_groups) for name in sorted(fields)}
    columns = [{n for n, g in column_of.items() if g == group} for group in range(column_groups)]
    pieces = [(r, c) for r in rows for c in columns]
    rng.shuffle(pieces)

    state = tuple(stored)
    for piece_rows, piece_fields in pieces:
        state = merge(state, piece_rows, piece_fields).days

    assert state == merge(stored, incoming, fields).days


@given(stored=_days(), incoming=_days(), fields=st.sets(st.sampled_from(METRIC_FIELDS)))
def test_applying_the_same_input_again_changes_nothing(
    stored: list[DailyMetrics], incoming: list[DailyMetrics], fields: set[str]
) -> None:
    first = merge(stored, incoming, fields)

    again = merge(first.days, incoming, fields)

    assert (again.inserted, again.updated, again.changed) == (0, 0, ())
    assert again.unchanged == len(incoming)
    assert again.days == first.days
