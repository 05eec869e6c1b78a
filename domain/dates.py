"""Reading the date cell of a CSV row and deciding a file's date order (docs/formats.md, Cells)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from domain.model import DateOrder

_FORMATS = {
    DateOrder.AUTO: "YYYY-MM-DD, D/M/YYYY, M/D/YYYY, D.M.YYYY or YYYY/M/D",
    DateOrder.DMY: "YYYY-MM-DD, D/M/YYYY or D.M.YYYY",
    DateOrder.MDY: "YYYY-MM-DD, M/D/YYYY or M.D.YYYY",
    DateOrder.YMD: "YYYY-MM-DD, YYYY/M/D or YYYY.M.D",
}
#: How a message names the order a slash or dot date was read in.
ORDER_NAMES = {
    DateOrder.DMY: "day first (D/M/YYYY)",
    DateOrder.MDY: "month first (M/D/YYYY)",
    DateOrder.YMD: "year first (YYYY/M/D)",
}


def read_date(text: str, order: DateOrder, *, auto: bool = False) -> date | str:
    """The date written in a cleaned cell, or what is wrong with it.

    ``YYYY-MM-DD`` is always accepted, also as the start of an ISO date-time, whose
    date part is kept as written. Slash and dot dates follow ``order``; ``AUTO``
    (a file with no date to decide on) reads a four-digit first part as the year
    (Y/M/D) and anything else as D/M/Y. ``auto``: the order was decided by
    ``decide_order``, so a four-digit first part is still the year. Years have four
    digits, days and months one or two.
    """
    if len(text) == 10:
        iso = _as_iso(text, order, auto)
        if iso is not None:
            try:
                return date.fromisoformat(iso)
            except ValueError:
                pass  # the general path below says what is wrong
    if text[4:5] == "-":
        return _read_iso(text, order)
    parts = slash_parts(text)
    if parts is None:
        return _not_a_date(text, order)
    first, second, third = parts
    if order is DateOrder.AUTO or (auto and len(first) == 4):
        order = DateOrder.YMD if len(first) == 4 else DateOrder.DMY
    if order is DateOrder.YMD:
        year, month, day = first, second, third
    elif order is DateOrder.DMY:
        day, month, year = first, second, third
    else:
        month, day, year = first, second, third
    if len(year) != 4 or len(month) > 2 or len(day) > 2:
        return _not_a_date(text, order)
    return _calendar_date(int(year), int(month), int(day), text, order)


def slash_parts(text: str) -> tuple[str, str, str] | None:
    """The three digit groups of a slash or dot date, or None when it is not one."""
    separator = "/" if "/" in text else "."
    parts = text.split(separator)
    if len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts):
        return None
    return parts[0], parts[1], parts[2]


def decide_order(cells: Iterable[tuple[int, str]], *, day_first: bool) -> DateOrder | str:
    """The order of a file's slash and dot dates, decided once from all of them, or
    why it cannot be decided (the file is then refused).

    A four-digit first part is the year and decides nothing else. A first part
    above 12 anywhere means day first, a second part above 12 month first; both in
    one file cannot be read. When every date fits both orders, ``day_first`` (the
    file follows the original format's conventions: ``;`` delimiter or decimal
    commas) reads them day first; otherwise nothing is guessed.

    Args:
        cells: each date cell with its row number, as written (a time after a space
            or ``T`` is ignored).
        day_first: the file is in the original format's conventions.
    """
    day_row: tuple[int, str] | None = None
    month_row: tuple[int, str] | None = None
    example: tuple[int, str, tuple[str, str, str]] | None = None
    for row, text in cells:
        parts = slash_parts(text.split(" ", 1)[0].split("T", 1)[0])
        if parts is None or len(parts[0]) == 4 or len(parts[2]) != 4:
            continue
        first, second = int(parts[0]), int(parts[1])
        if first > 12 and day_row is None:
            day_row = row, text
        elif second > 12 and month_row is None:
            month_row = row, text
        elif example is None and first != second and 0 < first <= 12 and 0 < second <= 12:
            example = row, text, parts
        if day_row is not None and month_row is not None:
            return (
                f'the file writes dates in two orders: row {day_row[0]} has "{day_row[1][:40]}" '
                f'(day first) and row {month_row[0]} has "{month_row[1][:40]}" (month first); '
                "write every date the same way (YYYY-MM-DD is never ambiguous) and send the "
                "file again"
            )
    if day_row is not None:
        return DateOrder.DMY
    if month_row is not None:
        return DateOrder.MDY
    if example is None or day_first:
        return DateOrder.DMY
    row, text, (first_text, second_text, year) = example
    day_first_reading = date(int(year), int(second_text), int(first_text))
    month_first_reading = date(int(year), int(first_text), int(second_text))
    return (
        f'every date in the file fits both day first and month first: "{text[:40]}" '
        f"(row {row}) is {day_first_reading.isoformat()} read day first (D/M/YYYY) or "
        f"{month_first_reading.isoformat()} read month first (M/D/YYYY); send dateOrder DMY "
        "or MDY to say which"
    )


def _as_iso(text: str, order: DateOrder, auto: bool) -> str | None:
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
    if separator in "/." and text[7] == separator and (auto or order in _YEAR_FIRST):
        return f"{text[:4]}-{text[5:7]}-{text[8:]}"
    return None


_YEAR_FIRST = (DateOrder.AUTO, DateOrder.YMD)


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
            day = _calendar_date(int(head[:4]), int(head[5:7]), int(head[8:]), text, None)
            return day if isinstance(day, str) else _not_a_date(text, order)
    return _calendar_date(int(head[:4]), int(head[5:7]), int(head[8:]), text, None)


def _calendar_date(
    year: int, month: int, day: int, text: str, order: DateOrder | None
) -> date | str:
    try:
        return date(year, month, day)
    except ValueError:
        if order is None:
            return f'"{text[:100]}" is not a date that exists'
        return (
            f'"{text[:100]}" is not a date that exists read {ORDER_NAMES[order]}; if the '
            "file writes dates another way, send dateOrder DMY, MDY or YMD"
        )


def _not_a_date(text: str, order: DateOrder) -> str:
    return f'"{text[:100]}" is not a date; use {_FORMATS[order]}'
