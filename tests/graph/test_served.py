"""Served values: rounded half-even as their decimal text reads, opaque stable ids."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.served import opaque_id, round_half_even


@given(st.floats(min_value=-1e9, max_value=1e9), st.integers(min_value=0, max_value=4))
def test_rounding_is_half_even_on_the_decimal_text_of_the_value(value: float, n: int) -> None:
    expected = float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-n), ROUND_HALF_EVEN))

    assert round_half_even(value, n) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "served"),
    [
        (-288.4000000000001, 1, -288.4),
        (2.675, 2, 2.68),
        (0.125, 2, 0.12),
        (1800.45, 1, 1800.4),
        (1800.55, 1, 1800.6),
        (-0.04, 1, 0.0),
        (2 / 3, 4, 0.6667),
    ],
)
def test_rounding_serves_no_float_noise(value: float, decimals: int, served: float) -> None:
    result = round_half_even(value, decimals)

    assert result == served
    assert repr(result) == repr(served)


def test_rounding_keeps_null_and_non_finite_values() -> None:
    assert round_half_even(None, 2) is None
    assert math.isnan(round_half_even(math.nan, 2) or 0.0)


def test_an_id_is_stable_per_user_and_key_and_unique_across_users_and_types() -> None:
    ids = {
        opaque_id(kind, user, key)
        for kind in ("Kpi", "DailyMetric")
        for user in ("local", "ann", "an:n")
        for key in ("2026-01-01", "2026-01-02")
    }

    assert len(ids) == 12
    assert opaque_id("Kpi", "ann", "2026-01-01") == opaque_id("Kpi", "ann", "2026-01-01")
