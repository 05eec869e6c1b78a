"""Cleaning a CSV cell and reading a number from it (docs/formats.md, Cells)."""

from __future__ import annotations

import itertools
import re

#: Characters removed anywhere in a cell or a header name: no-break spaces, zero-width
#: space, non-joiner and joiner, word joiner, and the byte order mark.
INVISIBLE = "\u00a0\u202f\u200b\u200c\u200d\u2060\ufeff"
_DELETE_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))


def _case_variants(word: str) -> set[str]:
    return {"".join(chars) for chars in itertools.product(*({c.lower(), c.upper()} for c in word))}


#: Cleaned cell texts that mean "no value", in every mix of letter case.
NO_VALUE: frozenset[str] = frozenset().union(
    *(_case_variants(word) for word in ("", "na", "n/a", "null", "-"))
)

# Digits with at most one decimal point or comma; no exponent, no grouping.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")


def clean(text: str) -> str:
    """``text`` without invisible characters and without surrounding whitespace."""
    if not text.isascii():
        text = text.translate(_DELETE_INVISIBLE)
    return text.strip()


def read_number(text: str) -> float | None:
    """The plain decimal number written in a cleaned cell, or ``None`` if it is not one.

    The decimal separator is ``.`` or ``,``. Thousands separators, exponents, ``nan``
    and ``inf`` are not numbers here; a digit string too long for a float reads as ``inf``.
    """
    if text.isascii() and text.isdigit():
        return float(text)
    if _NUMBER.fullmatch(text) is None:
        return None
    return float(text.replace(",", "."))
