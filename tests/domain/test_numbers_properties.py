"""Numbers written with thousands separators read back exactly in their own format."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from domain.model import NumberFormat
from domain.numbers import read_number

_AMOUNTS = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)


def _written(amount: object, fmt: NumberFormat) -> str:
    text = f"{amount:,.2f}"
    if fmt is NumberFormat.COMMA:
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


@given(_AMOUNTS, st.sampled_from([NumberFormat.POINT, NumberFormat.COMMA]))
def test_grouped_numbers_read_back_in_their_own_format(amount: object, fmt: NumberFormat) -> None:
    assert read_number(_written(amount, fmt), fmt) == float(amount)  # type: ignore[arg-type]


@given(st.integers(min_value=1_000, max_value=999_999))
def test_one_group_reads_by_the_chosen_format_and_is_ambiguous_undecided(number: int) -> None:
    text = f"{number:,}"  # 1,118
    assert read_number(text, NumberFormat.POINT) == number
    assert read_number(text, NumberFormat.COMMA) == number / 1000
    undecided = read_number(text, None)
    assert isinstance(undecided, str)
    assert str(number) in undecided
