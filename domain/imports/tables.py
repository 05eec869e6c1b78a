"""Reading an app's CSV export as a table of named cells, and its cells as values."""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from domain.cells import NO_VALUE, clean
from domain.columns import LB_TO_KG, unstated_unit_warning
from domain.dates import decide_order, read_date
from domain.imports.records import Collector, Options, Record
from domain.model import DateOrder, NumberFormat, RowError, WeightUnit
from domain.numbers import read_number
from domain.parsing import (
    CSV_HINT,
    MAX_DATA_ROWS,
    FileRejectedError,
    decode_utf8,
    delimiter_of,
    first_non_blank,
)
from domain.validation import COLUMN_OF

#: Cells that mean "no value" in app exports, beyond the canonical ones.
APP_NO_VALUE = NO_VALUE | {"--", "None", "none"}
_OFFSET = re.compile(r"(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?$")


@dataclass
class Table:
    """A CSV file's header (cleaned, lower case) and its data rows with their numbers."""

    names: list[str]
    labels: list[str]
    delimiter: str
    rows: Iterator[tuple[int, list[str]]]
    text: str = ""

    def index(self, *names: str) -> int | None:
        """The position of the first header name among ``names`` (lower case), or None."""
        for name in names:
            if name in self.names:
                return self.names.index(name)
        return None


def header_of(data: bytes) -> list[str]:
    """The cleaned, lower-case header names of CSV bytes (empty when unreadable)."""
    try:
        text = decode_utf8(data)
    except FileRejectedError:
        return []
    lines = io.StringIO(text, newline="")
    try:
        line = first_non_blank(lines)
        record = next(csv.reader([line], delimiter=delimiter_of(line)), [])
    except (FileRejectedError, csv.Error):
        return []
    return [clean(cell).lower() for cell in record]


def open_table(data: bytes, found: Collector) -> Table | None:
    """The table in ``data``; on a file error it is recorded in ``found`` and None returned."""
    try:
        text = decode_utf8(data)
        lines = io.StringIO(text, newline="")
        line = first_non_blank(lines)
    except FileRejectedError as error:
        found.file_error = error.error
        return None
    delimiter = delimiter_of(line)
    records = csv.reader(itertools.chain([line], lines), delimiter=delimiter)
    try:
        header = [clean(cell) for cell in next(records)]
    except csv.Error as error:
        found.fail(f"the header cannot be read as CSV: {error}; {CSV_HINT}")
        return None
    return Table([h.lower() for h in header], header, delimiter, _rows(records, found), text)


def date_order(
    table: Table, index: int | None, options: Options, fmt: NumberFormat | None, found: Collector
) -> DateOrder | None:
    """The order of the file's slash and dot dates in column ``index``: as sent, else
    decided once from all of them (docs/formats.md, "Cells"); None when it cannot be
    decided (the file error is recorded in ``found``)."""
    if options.date_order is not DateOrder.AUTO:
        return options.date_order
    day_first = table.delimiter == ";" or fmt is NumberFormat.COMMA
    order = decide_order(_column(table, index), day_first=day_first)
    if isinstance(order, str):
        found.fail(order, "date")
        return None
    return order


def _column(table: Table, index: int | None) -> Iterator[tuple[int, str]]:
    if index is None:
        return
    lines = io.StringIO(table.text, newline="")
    try:
        first_non_blank(lines)
        for row, record in enumerate(csv.reader(lines, delimiter=table.delimiter), start=2):
            if index < len(record):
                yield row, clean(record[index])
    except (FileRejectedError, csv.Error):
        return  # the reading pass reports it


def _rows(records: Iterator[list[str]], found: Collector) -> Iterator[tuple[int, list[str]]]:
    number = 1
    try:
        for number, record in enumerate(records, start=2):
            cells = [clean(cell) for cell in record]
            if APP_NO_VALUE.issuperset(cells):
                continue
            if found.rows_read == MAX_DATA_ROWS * 10:
                found.fail(f"the file has more than {MAX_DATA_ROWS * 10:,} rows")
                return
            found.rows_read += 1
            yield number, cells
    except csv.Error as error:
        found.fail(f"row {number + 1} cannot be read as CSV: {error}")


def cell(cells: list[str], index: int | None) -> str:
    """The cell at ``index``, blank when the row is short or the column missing."""
    if index is None or index >= len(cells):
        return ""
    text = cells[index]
    return "" if text in APP_NO_VALUE else text


def number(
    text: str, column: str, row: int, fmt: NumberFormat | None, errors: list[RowError]
) -> float | None:
    """A non-negative number from a cell, or None (blank or wrong, the error noted)."""
    if not text:
        return None
    value = read_number(text, fmt)
    if isinstance(value, str):
        errors.append(RowError(row, column, text[:100], f"{column}: {value}"))
        return None
    if not value >= 0 or value == float("inf"):
        errors.append(RowError(row, column, text[:100], f"{column}: {text[:100]} is not allowed"))
        return None
    return value


def day_of(
    text: str, column: str, row: int, order: DateOrder, errors: list[RowError]
) -> date | None:
    """The calendar date a cell starts with (an ISO date-time keeps its date part)."""
    head = text.split(" ")[0] if " " in text else text
    # A four-digit first part is the year whatever the order: nothing to mistake.
    value = read_date(head, order, auto=True) if text else None
    if isinstance(value, date):
        return value
    errors.append(
        RowError(row, column, text[:100], f"{column}: {value or 'a date is required in every row'}")
    )
    return None


def moment(text: str, column: str, row: int, errors: list[RowError]) -> datetime | None:
    """An ISO date-time cell (``2024-03-01 07:12:33``, with or without an offset)."""
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        errors.append(
            RowError(row, column, text[:100], f'{column}: "{text[:100]}" is not a date and time')
        )
        return None


def zone(text: str) -> timezone | None:
    """A fixed offset written as ``UTC-08:00``, ``+0100`` or ``GMT+1``; None if unreadable."""
    match = _OFFSET.search(text.strip())
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    return timezone(-delta if sign == "-" else delta)


def zone_of(name: str) -> tzinfo:
    """The IANA time zone ``name`` (the profile's, checked when it was saved)."""
    return ZoneInfo(name)


def remember(found: Collector, table: Table, columns: dict[str, str]) -> None:
    """Note the metric fields and canonical column names the file supplies."""
    for label, field in columns.items():
        if label in table.names:
            found.fields.add(field)
    found.columns.extend(sorted({COLUMN_OF[f] for f in found.fields}))


def number_format(table: Table, options: Options) -> NumberFormat | None:
    """The file's number format: as sent, else POINT for a comma-delimited file, else
    undecided (a cell such as ``1,118`` is then ambiguous)."""
    if options.number_format is not NumberFormat.AUTO:
        return options.number_format
    return NumberFormat.POINT if table.delimiter == "," else None


def rows_to_records(
    table: Table,
    found: Collector,
    read_row: Callable[[int, list[str], list[RowError]], list[Record]],
) -> None:
    """Run ``read_row`` on every data row: a row with errors is rejected whole."""
    for row, cells in table.rows:
        errors: list[RowError] = []
        records = read_row(row, cells, errors)
        if errors:
            found.reject(errors)
        else:
            found.records.extend(records)


def weight_factor(unit: str | None, options: Options, found: Collector) -> float:
    """kg per unit of a weight column: from its hint, else ``weightUnit``, else the
    profile's weight unit (said in a warning)."""
    if unit:
        return LB_TO_KG if unit.lower() in ("lb", "lbs") else 1.0
    if options.weight_unit is None:
        found.warn(unstated_unit_warning(options.profile_weight_unit))
    return LB_TO_KG if options.unstated_weight_unit is WeightUnit.LB else 1.0
