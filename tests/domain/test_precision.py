"""Rounding to stored precision equals half-even rounding of each value's decimal text."""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from domain.model import KPI_FIELDS, Kpi
from domain.precision import KPI_DECIMALS, rounded_quickly, rounded_values, stored_kpis

# KPI-sized values of both signs and ties written in decimal (2.675, -80.0125): there
# the rule is the decimal text's. Around 2**51 once scaled, and huge, NaN or infinite:
# there the rule is ``rounded_quickly``'s (``round`` of the scaled value).
_TIES = st.builds(
    lambda whole, digits, places, sign: sign * float(f"{whole}.{digits:0{places}d}5"),
    st.integers(0, 10**6),
    st.integers(0, 999),
    st.integers(0, 3),
    st.sampled_from([1, -1]),
)
_SIZED = st.one_of(st.none(), st.floats(-1e7, 1e7), _TIES)
_EDGES = st.builds(
    lambda power, step, places, sign: sign * (2.0**power + step * 0.5) / 10.0**places,
    st.integers(49, 54),
    st.integers(-4, 4),
    st.integers(0, 4),
    st.sampled_from([1.0, -1.0]),
)
# (A finite value whose scaled form overflows, past 1e304, is no KPI: left out.)
_ANY = st.one_of(
    st.none(), st.floats(-1e300, 1e300), st.sampled_from([math.nan, math.inf, -math.inf])
)
_ANY = st.one_of(_ANY, _EDGES, _SIZED)


def _expected(value: float | None, places: int) -> float | None:
    """Half-even on the shortest decimal text, -0.0 as 0.0: the rule of docs/kpis.md."""
    if value is None or not math.isfinite(value):
        return value
    text = Decimal(repr(value))
    return float(text.quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN)) + 0.0


def _same(got: float | None, wanted: float | None) -> bool:
    if got is None or wanted is None:
        return got is wanted
    if math.isnan(wanted):
        return math.isnan(got)
    return got == wanted and math.copysign(1, got) == math.copysign(1, wanted)


def _rows(values: list[float | None]) -> list[Kpi]:
    return [Kpi(date(2024, 1, 1), *([value] * len(KPI_FIELDS))) for value in values]  # type: ignore[arg-type]


@given(st.lists(_SIZED, min_size=1, max_size=30))
@example([2.675, 80.0125, -0.0004, -2.5e-5, 0.00005, -0.0])
def test_stored_kpis_round_every_field_half_even_as_its_text_reads(
    values: list[float | None],
) -> None:
    stored = stored_kpis(_rows(values))
    for row, value in zip(stored, values, strict=True):
        for name in KPI_FIELDS:
            got = getattr(row, name)
            if name in KPI_DECIMALS:
                assert _same(got, _expected(value, KPI_DECIMALS[name])), (name, value, got)
            else:
                assert got is value


@given(st.lists(_ANY, min_size=1, max_size=30))
@example([2.675, -(2.0**51) - 0.5, -(2.0**51) - 1.5, 2.0**52 + 1.0, 1e300])
@example([float("nan"), -(2.0**51) - 0.5])
@example([-(2.0**51) - 0.5, float("inf")])
@example([-225179981368.52563, -225179981368525.66])  # (x + R) - R is x there
def test_stored_kpis_round_any_float_as_rounded_quickly(values: list[float | None]) -> None:
    stored = stored_kpis(_rows(values))
    for row, value in zip(stored, values, strict=True):
        for name, places in KPI_DECIMALS.items():
            got = getattr(row, name)
            assert _same(got, rounded_quickly(value, 10.0**places, places)), (name, value, got)


@given(st.lists(_SIZED, max_size=30))
@example([2.675, -0.04, 0.05, -0.0])
def test_rounded_values_round_half_even_as_the_text_reads(values: list[float | None]) -> None:
    for places in (1, 3):
        got = rounded_values(iter(values), places)
        wanted = [_expected(value, places) for value in values]
        assert all(map(_same, got, wanted)), (places, values, got)
