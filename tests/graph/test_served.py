"""Served values: rounded half-even as their decimal text reads, opaque stable ids."""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain import model
from domain.precision import KPI_DECIMALS, rounded_quickly
from graph.execution.served import opaque_id, precision, round_half_even
from graph.schema.types.kpi import Kpi


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


_KPI_NUMBERS = st.one_of(
    st.none(),
    st.floats(min_value=-1e6, max_value=1e6),
    st.decimals(min_value=-10_000, max_value=10_000, places=5).map(float),
)


@given(st.lists(_KPI_NUMBERS, min_size=len(precision(Kpi)), max_size=len(precision(Kpi))))
def test_a_served_kpi_holds_every_value_rounded_exactly(values: list[float | None]) -> None:
    decimals = precision(Kpi)
    fields: dict[str, Any] = dict(zip(decimals, values, strict=True))
    kpi = model.Kpi(date=date(2026, 1, 1), **fields)

    served = Kpi.from_domain(kpi, "local")

    for (name, places), value in zip(decimals.items(), values, strict=True):
        expected = round_half_even(value, places)
        assert getattr(served, name) == expected, (name, value)


def test_a_served_kpi_passes_non_finite_values_on_for_the_executor_to_refuse() -> None:
    served = Kpi.from_domain(model.Kpi(date=date(2026, 1, 1), bmr_kcal=math.inf), "u")

    assert served.bmr_kcal == math.inf


def test_kpis_are_stored_with_the_precision_the_api_serves_them_with() -> None:
    assert precision(Kpi) == KPI_DECIMALS


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9))
def test_a_value_rounded_as_stored_is_served_unchanged(value: float) -> None:
    for decimals in set(KPI_DECIMALS.values()):
        stored = rounded_quickly(value, 10.0**decimals, decimals)
        assert stored == round_half_even(value, decimals)
        assert round_half_even(stored, decimals) == stored
