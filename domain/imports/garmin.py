"""Garmin Connect: the Activities CSV, in English and Garmin Connect's other languages
(docs/imports/garmin.md).

A row per activity with its start date-time; the calories column is the energy
the activity burned, summed per day as training energy (quoted thousands such as
``"1,118"`` are 1118). The steps of an activity are not the day's steps: not
imported. The header's language is recognised by the activity-type, date and
calories names of each language; the date-times are ISO in every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.imports.records import Collector, Options, Record
from domain.imports.tables import cell, moment, number, number_format, open_table, rows_to_records
from domain.model import NumberFormat, RowError
from domain.numbers import read_number


@dataclass(frozen=True, slots=True)
class Language:
    """The header names of one language's Activities CSV (lower case)."""

    name: str
    activity_type: str
    date: str
    calories: tuple[str, ...]
    steps: str


LANGUAGES = (
    Language("English", "activity type", "date", ("calories",), "steps"),
    Language("German", "aktivitätstyp", "datum", ("kalorien",), "schritte"),
    Language("French", "type d'activité", "date", ("calories",), "pas"),
    Language("Spanish", "tipo de actividad", "fecha", ("calorías",), "pasos"),
    Language("Italian", "tipo di attività", "data", ("calorie",), "passi"),
    Language("Portuguese", "tipo de atividade", "data", ("calorias",), "passos"),
    Language("Dutch", "activiteittype", "datum", ("calorieën", "calorieen"), "stappen"),
)
# Whole kilocalories with a point between groups of three digits ("1.118"): a German
# thousands point or a decimal point? Garmin's calories are whole numbers, but the
# file cannot tell, so the cell is refused naming both readings.
_POINT_GROUPS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")


def language_of(names: list[str] | set[str]) -> Language | None:
    """The language whose activity-type and date names the header has (lower case)."""
    present = {name.replace("\u2019", "'") for name in names}
    return next((lang for lang in LANGUAGES if {lang.activity_type, lang.date} <= present), None)


def read(data: bytes, options: Options) -> Collector:
    """One record of training energy per activity."""
    found = Collector()
    table = open_table(data, found)
    if table is None:
        return found
    table.names = [name.replace("\u2019", "'") for name in table.names]
    language = language_of(table.names)
    assert language is not None  # detection matched it
    kcal_at = table.index(*language.calories)
    if kcal_at is None:
        accepted = " or ".join(f'"{n.capitalize()}"' for n in language.calories)
        found.fail(
            f"this Garmin Connect Activities CSV ({language.name} headers) has no calories "
            f"column ({accepted}), the only value the hub imports from it (training energy); "
            "export the activities list again with the Calories column"
        )
        return found
    fmt = number_format(table, options)
    sent = options.number_format is not NumberFormat.AUTO
    date_at = table.index(language.date)
    found.supplies("kcal_out_training")
    if language.steps in table.names:
        found.warn("activity steps were not imported: they are not the day's steps")

    def activity(row: int, cells: list[str], errors: list[RowError]) -> list[Record]:
        at = moment(cell(cells, date_at), "date", row, errors)
        text = cell(cells, kcal_at)
        if not sent and _POINT_GROUPS.fullmatch(text):
            problem = read_number(text, None)
            errors.append(RowError(row, "kcal_out_training", text, f"kcal_out_training: {problem}"))
            return []
        energy = number(text, "kcal_out_training", row, fmt, errors)
        if at is None or energy is None:
            return []
        return [Record("kcal_out_training", at.date(), energy, row, at=at)]

    rows_to_records(table, found, activity)
    return found
