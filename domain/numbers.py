"""Reading numbers with a decimal mark and thousands separator (docs/formats.md, "Cells").

``POINT`` reads ``1,234.5``, ``COMMA`` reads ``1.234,5``. A separator is a thousands
separator only between groups of exactly three digits; any other use of the
thousands separator is refused with both readings named, so ``"1,118"`` kcal is
never silently read as 1.118. ``None`` stands for a file whose format could not be
decided (``AUTO`` on a file showing neither): then every cell with a separator
followed by exactly three digits is ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from domain.model import NumberFormat

_PLAIN = {
    NumberFormat.POINT: re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"),
    NumberFormat.COMMA: re.compile(r"[+-]?(?:[0-9]+(?:,[0-9]*)?|,[0-9]+)"),
}
_GROUPED = {
    NumberFormat.POINT: re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?"),
    NumberFormat.COMMA: re.compile(r"[+-]?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]*)?"),
}
_OTHER = {NumberFormat.POINT: NumberFormat.COMMA, NumberFormat.COMMA: NumberFormat.POINT}
_MARK = {NumberFormat.POINT: ".", NumberFormat.COMMA: ","}
_NAME = {NumberFormat.POINT: "POINT (1,234.5)", NumberFormat.COMMA: "COMMA (1.234,5)"}
_NUMERIC = re.compile(r"[+-]?[0-9.,]*[0-9][0-9.,]*")
# A separator that is not followed by exactly three digits: a decimal mark for sure.
_DECIMAL_COMMA = re.compile(r",(?![0-9]{3}(?![0-9]))")
_DECIMAL_POINT = re.compile(r"\.(?![0-9]{3}(?![0-9]))")


def read_number(text: str, fmt: NumberFormat | None) -> float | str:
    """The number in a cleaned, non-blank cell, or what is wrong with it.

    Args:
        text: the cell, without surrounding or invisible spaces.
        fmt: ``POINT`` or ``COMMA``; ``None`` when the file's format is undecided.
            (``AUTO`` must be decided per file first, see ``decide``.)

    Returns:
        A float (``inf`` for a digit string too long for one), or a message body such
        as ``"1,5" is ambiguous: 1.5 with a decimal comma or 15 ...``.
    """
    if text.isascii() and text.isdigit():
        return float(text)
    if fmt is None or fmt is NumberFormat.AUTO:
        if _PLAIN[NumberFormat.POINT].fullmatch(text) and "." not in text:
            return float(text)
        sep = "," if "," in text else "."
        by_comma = sep == ","
        thousands = _reading(text, NumberFormat.POINT if by_comma else NumberFormat.COMMA)
        decimal = _reading(text, NumberFormat.COMMA if by_comma else NumberFormat.POINT)
        if thousands is not None and decimal is not None:
            return (
                f'"{text[:100]}" is ambiguous: {_show(thousands)} if "{sep}" separates '
                f"thousands, or {_show(decimal)} if it is the decimal mark; send numberFormat "
                "POINT (1,234.5) or COMMA (1.234,5)"
            )
        value = thousands if thousands is not None else decimal
        return value if value is not None else f'"{text[:100]}" is not a number'
    value = _reading(text, fmt)
    if value is not None:
        return value
    other = _reading(text, _OTHER[fmt])
    if other is not None and _MARK[_OTHER[fmt]] in text:
        as_thousands = text.replace(_MARK[_OTHER[fmt]], "")
        return (
            f'"{text[:100]}" is ambiguous: {_show(other)} if "{_MARK[_OTHER[fmt]]}" is the '
            f"decimal mark, or {as_thousands[:100]} if it separates thousands; this file's "
            f"numbers are {_NAME[fmt]}: write {_written(other, fmt)}, "
            "or send the right numberFormat"
        )
    return f'"{text[:100]}" is not a number'


def decide(cells: Iterable[str]) -> NumberFormat | None:
    """``AUTO`` for a ``;``- or tab-delimited file: ``COMMA`` when some numeric cell has a
    comma not followed by exactly three digits, else ``POINT`` when some has such a
    point, else ``None`` (undecided: ``1,118`` and ``1.118`` cells stay ambiguous)."""
    point = False
    for cell in cells:
        if not _NUMERIC.fullmatch(cell):
            continue
        if "," in cell and _DECIMAL_COMMA.search(cell):
            return NumberFormat.COMMA
        if not point and "." in cell and _DECIMAL_POINT.search(cell):
            point = True
    return NumberFormat.POINT if point else None


def _reading(text: str, fmt: NumberFormat) -> float | None:
    if _PLAIN[fmt].fullmatch(text):
        return float(text.replace(",", "."))
    if _GROUPED[fmt].fullmatch(text):
        thousands = _MARK[_OTHER[fmt]]
        return float(text.replace(thousands, "").replace(",", "."))
    return None


def _show(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)


def _written(value: float, fmt: NumberFormat) -> str:
    shown = _show(value)
    return shown.replace(".", ",") if fmt is NumberFormat.COMMA else shown
