"""Turning the data rows of a CSV file into days and row errors (docs/formats.md, Cells)."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import Any

from domain.cells import NO_VALUE
from domain.columns import Column, Header
from domain.dates import read_date
from domain.model import (
    INTEGER_FIELDS,
    MAX_REPORTED_ERRORS,
    METRIC_FIELDS,
    DailyMetrics,
    DateOrder,
    MetricValue,
    NumberFormat,
    ParseResult,
    RowError,
)
from domain.numbers import read_number
from domain.precision import rounded
from domain.validation import (
    BOUNDS,
    EARLIEST_DATE,
    date_problem,
    format_number,
    latest_date,
    range_text,
    value_problem,
)

_SLOTS = len(METRIC_FIELDS)
_KCAL_IN_SLOT = METRIC_FIELDS.index("kcal_in")
_JUNK_SLOT = METRIC_FIELDS.index("kcal_junk_in")
_UNREAD = object()
_DECIMAL_MARK: dict[NumberFormat | None, str] = {NumberFormat.POINT: ".", NumberFormat.COMMA: ","}
_FIELD_UNIT = {
    "weight_kg": "kg",
    "waist_cm": "cm",
    "sleep_hours": "hours",
    "kcal_in": "kcal",
    "kcal_junk_in": "kcal",
    "kcal_out_training": "kcal",
}

#: Duplicate-date warnings kept before the rest are summed up in one line.
MAX_DUPLICATE_WARNINGS = 100


class RowReader:
    """Reads data rows one by one and collects days, errors and warnings.

    A day is kept only when its whole row is valid; for the same date twice the later
    valid row wins. ``kcal_junk_in`` is capped by the row's ``kcal_in`` when that is valid.
    """

    def __init__(
        self,
        header: Header,
        *,
        delimiter: str,
        today: date,
        date_order: DateOrder,
        number_format: NumberFormat | None = NumberFormat.POINT,
        decide_dates: Callable[[int, str], DateOrder] | None = None,
    ) -> None:
        """``decide_dates``: with ``date_order`` AUTO, called once with the row number
        and cell of the first slash or dot date to decide the file's order from all
        its dates (it raises ``FileRejectedError`` when the order cannot be decided)."""
        self._header = header
        self._number_format = number_format
        self._delimiter = delimiter
        self._today = today
        self._latest = latest_date(today)
        self._date_order = date_order
        self._decide_dates = decide_dates if date_order is DateOrder.AUTO else None
        self._auto = date_order is DateOrder.AUTO
        self._date_index = header.date_index
        self._width = header.width
        # Short rows are padded only as far as a recognised column reaches, not to a
        # header of millions of unknown columns.
        self._needed = max(c.index for c in header.columns) + 1
        # Per metric column: its place in METRIC_FIELDS and the value already read from
        # each cell text, since most texts repeat from day to day.
        self._mark = _DECIMAL_MARK.get(number_format)
        self._columns: list[tuple[Column, int, int, dict[str, Any]]] = [
            (c, c.index, METRIC_FIELDS.index(c.field), dict.fromkeys(NO_VALUE))
            for c in header.columns
            if c.field is not None
        ]
        self._junk_column = next((c for c in header.columns if c.field == "kcal_junk_in"), None)
        self._kept: dict[date, tuple[int, DailyMetrics]] = {}
        self._errors: list[RowError] = []
        self._warnings: list[str] = []
        self._duplicates = 0
        self.rows_read = 0
        self._rows_rejected = 0
        self._error_count = 0
        self._warnings.extend(header.warnings)

    def read(self, number: int, raw: list[str], cells: list[str]) -> None:
        """Read one non-blank data row: ``raw`` as in the file, ``cells`` cleaned."""
        self.rows_read += 1
        width = self._width
        if len(cells) != width:
            if len(cells) > width and not NO_VALUE.issuperset(cells[width:]):
                self._reject([self._too_many_cells(number, raw)])
                return
            if len(cells) < self._needed:
                cells += [""] * (self._needed - len(cells))
        problems: list[tuple[int, RowError]] = []
        text = cells[self._date_index]
        if self._decide_dates is not None and text[4:5] != "-" and text not in NO_VALUE:
            self._date_order = self._decide_dates(number, text)
            self._decide_dates = None
        day = read_date(text, self._date_order, auto=self._auto) if text not in NO_VALUE else None
        if not (isinstance(day, date) and EARLIEST_DATE <= day <= self._latest):
            problems.append(self._date_error(number, raw, text, day))
        values: list[Any] = [None] * _SLOTS
        for column, index, slot, valid in self._columns:
            text = cells[index]
            value = valid.get(text, _UNREAD)
            if value is _UNREAD:
                value = _convert(column, text, self._number_format, self._mark)
                if isinstance(value, str):
                    problems.append((column.index, self._error(number, column, raw, value)))
                    continue
                valid[text] = value
            values[slot] = value
        junk, kcal_in = values[_JUNK_SLOT], values[_KCAL_IN_SLOT]
        if junk is not None and kcal_in is not None and junk > kcal_in:
            problem = value_problem("kcal_junk_in", junk, kcal_in=kcal_in) or ""
            junk_column = self._junk_column
            assert junk_column is not None
            problems.append((junk_column.index, self._error(number, junk_column, raw, problem)))
        if problems:
            problems.sort(key=lambda p: p[0])
            self._reject([error for _, error in problems])
        else:
            self._keep(number, DailyMetrics(day, *values))  # type: ignore[arg-type]

    def result(self, file_error: str | None = None, *, rows_read: int | None = None) -> ParseResult:
        """What was read; with ``file_error`` the file is unusable and holds no days or errors."""
        columns = self._header.columns
        fields = frozenset(c.field for c in columns if c.field is not None)
        names = tuple(c.name for c in columns)
        warnings = tuple(self._warnings)
        read = self.rows_read if rows_read is None else rows_read
        if file_error is not None:
            error = RowError(None, None, None, file_error)
            return ParseResult(
                fields=fields, columns=names, rows_read=read, warnings=warnings, file_error=error
            )
        if self._duplicates > MAX_DUPLICATE_WARNINGS:
            more = self._duplicates - MAX_DUPLICATE_WARNINGS
            warnings += (f"{more} more dates appear more than once; the later row is used",)
        return ParseResult(
            days=tuple(self._kept[day][1] for day in sorted(self._kept)),
            fields=fields,
            columns=names,
            rows_read=read,
            rows_rejected=self._rows_rejected,
            errors=tuple(self._errors),
            error_count=self._error_count,
            warnings=warnings,
        )

    def _date_error(
        self, number: int, raw: list[str], text: str, day: date | str | None
    ) -> tuple[int, RowError]:
        if day is None:
            problem = "a date is required in every row"
        elif isinstance(day, str):
            problem = day
        else:
            problem = date_problem(day, today=self._today) or ""
        index = self._date_index
        return index, RowError(number, "date", _raw(raw, index), f"date: {problem}")

    def _keep(self, number: int, day: DailyMetrics) -> None:
        previous = self._kept.get(day.date)
        if previous is not None:
            self._duplicates += 1
            if self._duplicates <= MAX_DUPLICATE_WARNINGS:
                self._warnings.append(
                    f"date {day.date.isoformat()} is in rows {previous[0]} and {number}; "
                    f"row {number} is used"
                )
        self._kept[day.date] = (number, day)

    def _reject(self, errors: list[RowError]) -> None:
        self._rows_rejected += 1
        self._error_count += len(errors)
        room = MAX_REPORTED_ERRORS - len(self._errors)
        if room > 0:
            self._errors.extend(errors[:room])

    def _error(self, number: int, column: Column, raw: list[str], problem: str) -> RowError:
        return RowError(number, column.name, _raw(raw, column.index), f"{column.name}: {problem}")

    def _too_many_cells(self, number: int, raw: list[str]) -> RowError:
        hint = "; a decimal comma in a comma-separated file must be quoted"
        return RowError(
            number,
            None,
            self._delimiter.join(raw[self._width :])[:100],
            f"the row has {len(raw)} cells but the header has {self._width}"
            + (hint if self._delimiter == "," else ""),
        )


def _convert(
    column: Column, text: str, number_format: NumberFormat | None, mark: str | None
) -> MetricValue | str:
    """The value of a cleaned, non-blank cell of a metric column, or what is wrong with it.

    A converted value is rounded half-even to its unit; a value as written is kept.
    ``mark`` is the decimal mark of ``number_format`` (``None`` when undecided).
    """
    field = column.field or ""
    if not column.factor:
        # The common cell, digits with at most one decimal mark of the file's format and
        # in range, read at once: what read_number and value_problem would make of it.
        digits = text.replace(mark, "", 1) if mark else text
        if digits.isdigit() and digits.isascii():
            quick = float(text.replace(",", ".") if mark == "," else text)
            low, high = BOUNDS[field]
            if low <= quick <= high:
                if field not in INTEGER_FIELDS:
                    return quick
                if quick.is_integer():
                    return int(quick)
    number = read_number(text, number_format)
    if isinstance(number, str):
        return number
    if math.isinf(number):
        return f'"{text[:100]}" is too large; allowed {range_text(field, kcal_in=None)}'
    value = rounded(field, number * column.factor) if column.factor else number
    problem = value_problem(field, value, kcal_in=None)
    if problem is None:
        return int(value) if field in INTEGER_FIELDS else value
    if column.factor:
        unit = _FIELD_UNIT.get(field, "")
        allowed = range_text(field, kcal_in=None)
        shown = format_number(round(value, 3))
        return f"{format_number(number)} {column.unit} is {shown} {unit}, outside {allowed} {unit}"
    return problem


def _raw(raw: list[str], index: int) -> str:
    return raw[index][:100] if index < len(raw) else ""
