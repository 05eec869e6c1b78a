"""Reading the date cell of a CSV row (docs/formats.md, Cells)."""

from __future__ import annotations

from datetime import date, datetime

from domain.model import DateOrder

_FORMATS = {
    DateOrder.AUTO: "YYYY-MM-DD, D/M/YYYY, D.M.YYYY or YYYY/M/D",
    DateOrder.DMY: "YYYY-MM-DD, D/M/YYYY or D.M.YYYY",
    DateOrder.MDY: "YYYY-MM-DD, M/D/YYYY or M.D.YYYY",
    DateOrder.YMD: "YYYY-MM-DD, YYYY/M/D or YYYY.M.D",
}


def read_date(text: str, order: DateOrder) -> date | str:
    """The date written in a cleaned cell, or what is wrong with it.

    ``YYYY-MM-DD`` is always accepted, also as the start of an ISO date-time, whose
    date part is kept as written. Slash and dot dates follow ``order``; ``AUTO`` reads
    a four-digit first part as the year (Y/M/D) and anything else as D/M/Y. Years
    have four digits, days and months one or two.
    """
    if len(text) == 10:
        iso = _as_iso(text, order)
        if iso is not None:
            try:
                return date.fromisoformat(iso)
            except ValueError:
                pass  # the general path below says what is wrong
    if text[4:5] == "-":
        return _read_iso(text, order)
    separator = "/" if "/" in text else "."
    parts = text.split(separator)
    if len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts):
        return _not_a_date(text, order)
    first, second, third = parts
    if order is DateOrder.AUTO:
        order = DateOrder.YMD if len(first) == 4 else DateOrder.DMY
    if order is DateOrder.YMD:
        year, month, day = first, second, third
    elif order is DateOrder.DMY:
        day, month, year = first, second, third
    else:
        month, day, year = first, second, third
    if len(year) != 4 or len(month) > 2 or len(day) > 2:
        return _not_a_date(text, order)
    return _calendar_date(int(year), int(month), int(day), text)


def _as_iso(text: str, order: DateOrder) -> str | None:
    """``YYYY-MM-DD`` rearranged from a ten-character date, for the fast common case."""
    if text[4] == "-" == text[7]:
        return text
    separator = text[2]
    if separator in "/." and text[5] == separator:
        if order is DateOrder.MDY:
            return f"{text[6:]}-{text[:2]}-{text[3:5]}"
        if order is not DateOrder.YMD:
            return f"{text[6:]}-{text[3:5]}-{text[:2]}"
    separator = text[4]
    if separator in "/." and text[7] == separator and order in (DateOrder.AUTO, DateOrder.YMD):
        return f"{text[:4]}-{text[5:7]}-{text[8:]}"
    return None


def _read_iso(text: str, order: DateOrder) -> date | str:
    head, rest = text[:10], text[10:]
    digits = head[:4] + head[5:7] + head[8:]
    if len(head) != 10 or head[7] != "-" or not (digits.isascii() and digits.isdigit()):
        return _not_a_date(text, order)
    if rest:
        if rest[0] not in "Tt ":
            return _not_a_date(text, order)
        try:
            datetime.fromisoformat(f"{head}T{rest[1:]}")
        except ValueError:
            # The date-time may fail on its date part alone: say which.
            day = _calendar_date(int(head[:4]), int(head[5:7]), int(head[8:]), text)
            return day if isinstance(day, str) else _not_a_date(text, order)
    return _calendar_date(int(head[:4]), int(head[5:7]), int(head[8:]), text)


def _calendar_date(year: int, month: int, day: int, text: str) -> date | str:
    try:
        return date(year, month, day)
    except ValueError:
        return f'"{text[:100]}" is not a date that exists'


def _not_a_date(text: str, order: DateOrder) -> str:
    return f'"{text[:100]}" is not a date; use {_FORMATS[order]}'
