"""Parsing an uploaded CSV file into valid days, row errors and warnings (docs/formats.md)."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections.abc import Iterator
from datetime import date

from domain.cells import NO_VALUE, clean
from domain.columns import Header, HeaderError, read_header
from domain.dates import decide_order
from domain.model import DateOrder, NumberFormat, ParseResult, RowError, WeightUnit
from domain.numbers import decide
from domain.rows import RowReader

MAX_DATA_ROWS = 100_000
_DELIMITERS = (",", ";", "\t")
# What may fill a line before the header that still counts as blank.
_BLANK_LINE = ' \t\r\n\x0b\x0c,;"'


#: What to do with a file whose header is not CSV text.
CSV_HINT = "save the file as CSV text whose first line names the columns"


class FileRejectedError(Exception):
    """The whole file is unusable; ``error`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.error = RowError(None, None, None, message)


def parse_csv(
    data: bytes,
    *,
    today: date,
    date_order: DateOrder = DateOrder.AUTO,
    number_format: NumberFormat = NumberFormat.AUTO,
    weight_unit: WeightUnit | None = None,
    profile_weight_unit: WeightUnit = WeightUnit.KG,
    max_rows: int = MAX_DATA_ROWS,
) -> ParseResult:
    """Read the days, row errors and warnings of a CSV file; never raises.

    Row numbers count the header as row 1 and every record after it as one row, as a
    spreadsheet shows them: blank lines after the header count, a quoted cell that
    spans lines does not add rows, and blank lines before the header do not count.

    Args:
        data: the file's bytes, UTF-8 with or without a byte order mark.
        today: the current date (UTC); dates after tomorrow are invalid.
        date_order: how slash and dot dates are read.
        number_format: the decimal mark and thousands separator; ``AUTO`` decides
            once per file (docs/formats.md, "Cells").
        weight_unit: ``weightUnit`` as sent: the unit of a ``weight`` column that
            states none (None: not sent).
        profile_weight_unit: that unit when ``weightUnit`` was not sent.
        max_rows: past this many data rows the file is rejected without reading on.
    """
    try:
        lines = io.StringIO(decode_utf8(data), newline="")
        header_line = first_non_blank(lines)
        delimiter = delimiter_of(header_line)
        records = csv.reader(itertools.chain([header_line], lines), delimiter=delimiter)
        header = read_header(
            _first_record(records),
            weight_unit=weight_unit,
            profile_weight_unit=profile_weight_unit,
        )
    except FileRejectedError as rejected:
        return ParseResult(file_error=rejected.error)
    except HeaderError as error:
        return ParseResult(file_error=RowError(None, error.column, None, error.message))
    fmt: NumberFormat | None = number_format
    if number_format is NumberFormat.AUTO:
        if delimiter == ",":
            fmt = NumberFormat.POINT
        else:
            start = lines.tell()
            fmt = decide(_metric_cells(lines, delimiter, header))
            lines.seek(start)
            records = csv.reader(lines, delimiter=delimiter)
    day_first = delimiter == ";" or fmt is NumberFormat.COMMA

    def decide_dates(number: int, text: str) -> DateOrder:
        # Read the rest of the date column once, then go back to where the rows are.
        start = lines.tell()
        cells = itertools.chain([(number, text)], _date_cells(lines, delimiter, header, number))
        order = decide_order(cells, day_first=day_first)
        lines.seek(start)
        if isinstance(order, str):
            raise FileRejectedError(order)
        return order

    rows = RowReader(
        header,
        delimiter=delimiter,
        today=today,
        date_order=date_order,
        number_format=fmt,
        decide_dates=decide_dates,
    )
    return _read_rows(rows, records, max_rows)


def _date_cells(
    lines: Iterator[str], delimiter: str, header: Header, number: int
) -> Iterator[tuple[int, str]]:
    """The date cells after row ``number``, with their row numbers."""
    index = header.date_index
    try:
        for row, record in enumerate(csv.reader(lines, delimiter=delimiter), start=number + 1):
            if index < len(record):
                yield row, clean(record[index])
    except csv.Error:
        return  # the reading pass reports it


def _metric_cells(lines: Iterator[str], delimiter: str, header: Header) -> Iterator[str]:
    indexes = [c.index for c in header.columns if c.field is not None]
    try:
        for record in csv.reader(lines, delimiter=delimiter):
            for index in indexes:
                if index < len(record):
                    yield clean(record[index])
    except csv.Error:
        return  # the reading pass reports it


def _read_rows(rows: RowReader, records: Iterator[list[str]], max_rows: int) -> ParseResult:
    number = 1
    try:
        for number, record in enumerate(records, start=2):
            cells = [cell.strip() if cell.isascii() else clean(cell) for cell in record]
            if NO_VALUE.issuperset(cells):
                continue
            if rows.rows_read == max_rows:
                return rows.result(
                    f"the file has more than {max_rows} data rows; the limit is {max_rows}: "
                    "split it into smaller files (each merges by date)",
                    rows_read=max_rows + 1,
                )
            rows.read(number, record, cells)
    except csv.Error as error:
        return rows.result(f"row {number + 1} cannot be read as CSV: {error}")
    except FileRejectedError as rejected:
        return rows.result(rejected.error.message)
    return rows.result()


def decode_utf8(data: bytes) -> str:
    """The text of UTF-8 bytes without a BOM; raises ``FileRejectedError`` naming the bad byte."""
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return str(memoryview(data)[start:], "utf-8")
    except UnicodeDecodeError as error:
        offset = start + error.start
        before = data[:offset]
        line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
        raise FileRejectedError(
            f"the file is not UTF-8: byte 0x{data[offset]:02X} at byte offset {offset} "
            f"(line {line}) is not valid UTF-8; save the file as UTF-8"
        ) from None


def first_non_blank(lines: Iterator[str]) -> str:
    for line in lines:
        if clean(line).strip(_BLANK_LINE):
            return line
    raise FileRejectedError(
        "the file has no header: it is empty or blank; its first line must name the "
        'columns, one of them "date"'
    )


def delimiter_of(line: str) -> str:
    """The delimiter that occurs most outside quotes; ties go to ``,`` then ``;``."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return max(_DELIMITERS, key=counts.__getitem__)


def _first_record(records: Iterator[list[str]]) -> list[str]:
    try:
        return next(records, [])
    except csv.Error as error:
        raise FileRejectedError(f"the header cannot be read as CSV: {error}; {CSV_HINT}") from None
