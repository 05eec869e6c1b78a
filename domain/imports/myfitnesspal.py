"""MyFitnessPal: Nutrition, Measurement and Exercise summaries (docs/imports/myfitnesspal.md).

Nutrition-Summary has a row per meal (or per food entry): intake and protein are
the day's sums. Measurement-Summary states no weight unit: ``weightUnit`` gives it.
Exercise-Summary: training energy is the sum of the exercises, leaving out the
"calorie adjustment" rows a linked tracker adds (all-day energy, not training);
steps are the largest total of one source (the exercise name).
"""

from __future__ import annotations

from domain.imports.records import Collector, Options, Record
from domain.imports.tables import (
    Table,
    cell,
    date_order,
    day_of,
    number,
    number_format,
    open_table,
    remember,
    rows_to_records,
    weight_factor,
)
from domain.model import DateOrder, RowError

NUTRITION = frozenset({"date", "meal", "calories"})
EXERCISE = frozenset({"date", "exercise", "type", "exercise calories"})
MEASUREMENT = frozenset({"date", "weight"})
_ADJUSTMENT = "calorie adjustment"


def read(data: bytes, options: Options) -> Collector:
    """The records of one MyFitnessPal summary CSV."""
    found = Collector()
    table = open_table(data, found)
    if table is None:
        return found
    fmt = number_format(table, options)
    date_at = table.index("date")
    # MyFitnessPal writes ISO dates; slash dates come from a spreadsheet that re-saved
    # the file and fix no order: decided from all of them like any CSV.
    order = date_order(table, date_at, options, fmt, found)
    if order is None:
        return found
    names = set(table.names)
    if names >= NUTRITION:
        kcal, protein = table.index("calories"), table.index("protein (g)")
        remember(found, table, {"calories": "kcal_in", "protein (g)": "protein_g"})

        def nutrition(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
            day = day_of(cell(cells, date_at), "date", row, order, errors)
            energy = number(cell(cells, kcal), "kcal_in", row, fmt, errors)
            grams = number(cell(cells, protein), "proteins_g", row, fmt, errors)
            if day is None:
                return []
            records = [] if energy is None else [Record("kcal_in", day, energy, row)]
            return records + ([] if grams is None else [Record("protein_g", day, grams, row)])

        rows_to_records(table, found, nutrition)
    elif names >= EXERCISE:
        _exercise(table, options, order, found)
    else:
        weight = table.index("weight")
        factor = weight_factor(None, options, found)
        remember(found, table, {"weight": "weight_kg"})

        def measurement(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
            day = day_of(cell(cells, date_at), "date", row, order, errors)
            value = number(cell(cells, weight), "weight_kg", row, fmt, errors)
            if day is None or value is None:
                return []
            return [Record("weight_kg", day, value * factor, row, derived=factor != 1.0)]

        rows_to_records(table, found, measurement)
    return found


def _exercise(table: Table, options: Options, order: DateOrder, found: Collector) -> None:
    fmt = number_format(table, options)
    date_at, name_at = table.index("date"), table.index("exercise")
    kcal, steps = table.index("exercise calories"), table.index("steps")
    remember(found, table, {"exercise calories": "kcal_out_training", "steps": "steps"})
    adjustments = 0

    def exercise(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        nonlocal adjustments
        day = day_of(cell(cells, date_at), "date", row, order, errors)
        name = cell(cells, name_at)
        energy = number(cell(cells, kcal), "kcal_out_training", row, fmt, errors)
        count = number(cell(cells, steps), "steps_n", row, fmt, errors)
        if day is None:
            return []
        records = [] if count is None else [Record("steps", day, count, row, source=name)]
        if _ADJUSTMENT in name.lower():
            adjustments += energy is not None
        elif energy is not None:
            records.append(Record("kcal_out_training", day, energy, row))
        return records

    rows_to_records(table, found, exercise)
    if adjustments:
        found.warn(
            f"{adjustments} calorie adjustment rows were left out: they are all-day energy "
            "from a tracker, not training"
        )
