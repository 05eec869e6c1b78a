"""What the commands print: JSON, CSV and tables, with KPIs rounded as the API serves them."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable
from datetime import date
from typing import IO, Any

from domain.model import KPI_FIELDS, Kpi
from graph.execution.served import precision, round_half_even
from graph.schema.types.kpi import Kpi as ServedKpi

#: The decimals of each KPI the API rounds (graph/schema/types/kpi.py; docs/api.md,
#: "Ids and precision").
KPI_DECIMALS = precision(ServedKpi)


def kpi_row(kpi: Kpi) -> dict[str, Any]:
    """One day's KPIs as the API serves them: ISO date, values rounded per unit."""
    row: dict[str, Any] = {"date": kpi.date.isoformat()}
    for field in KPI_FIELDS:
        value = getattr(kpi, field)
        decimals = KPI_DECIMALS.get(field)
        row[field] = round_half_even(value, decimals) if decimals is not None else value
    return row


def plain(obj: Any) -> Any:
    """A dataclass or named tuple as JSON-ready values (dates ISO, enums by name)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return {name: plain(getattr(obj, name)) for name in obj._fields}
    if isinstance(obj, tuple | list):
        return [plain(item) for item in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    if hasattr(obj, "value") and hasattr(obj, "name"):
        return obj.name
    return obj


def write_csv(out: IO[str], columns: list[str], rows: list[dict[str, Any]]) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in columns])


def print_table(
    columns: list[str],
    rows: list[dict[str, Any]],
    align: Callable[[str, int], str] = str.rjust,
) -> None:
    def cell(value: object) -> str:
        if value is None:
            return "-"
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    cells = [[cell(row[c]) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    print("  ".join(align(c, w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for r in cells:
        print("  ".join(align(v, w) for v, w in zip(r, widths, strict=True)).rstrip())
