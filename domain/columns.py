"""Recognising the columns of a CSV header (docs/formats.md, Columns)."""

from __future__ import annotations

from dataclasses import dataclass

from domain.cells import clean
from domain.validation import COLUMN_OF

LB_TO_KG = 0.45359237
IN_TO_CM = 2.54


@dataclass(frozen=True, slots=True)
class Column:
    """A recognised column: where it is, what it is called and what it fills.

    ``name`` is the canonical CSV name reported to the user (``weight_lb`` stays
    ``weight_lb``); ``field`` is the domain field it fills, ``None`` for the date;
    ``factor`` converts the file's unit to the field's unit.
    """

    index: int
    name: str
    field: str | None
    factor: float | None = None
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Header:
    """The recognised columns in header order, the ignored names and the cell count."""

    columns: tuple[Column, ...]
    ignored: tuple[str, ...]
    width: int

    @property
    def date_index(self) -> int:
        return next(c.index for c in self.columns if c.field is None)


# canonical CSV name -> (domain field, factor, file unit, accepted names)
_TABLE: dict[str, tuple[str | None, float | None, str, tuple[str, ...]]] = {
    "date": (None, None, "", ("date", "day")),
    "steps_n": ("steps", None, "", ("steps_n", "steps")),
    "proteins_g": ("protein_g", None, "", ("proteins_g", "protein_g", "protein")),
    "kcal_in": ("kcal_in", None, "", ("kcal_in", "calories_in", "calories")),
    "kcal_junk_in": ("kcal_junk_in", None, "", ("kcal_junk_in", "junk_kcal")),
    "kcal_out_training": (
        "kcal_out_training",
        None,
        "",
        ("kcal_out_training", "training_kcal"),
    ),
    "sleep_hours": ("sleep_hours", None, "", ("sleep_hours", "sleep")),
    "stress_rel": ("stress", None, "", ("stress_rel", "stress")),
    "weight_kg": ("weight_kg", None, "", ("weight_kg", "weight")),
    "weight_lb": ("weight_kg", LB_TO_KG, "lb", ("weight_lb",)),
    "waist_cm": ("waist_cm", None, "", ("waist_cm", "waist")),
    "waist_in": ("waist_cm", IN_TO_CM, "in", ("waist_in",)),
}

_NAME_OF: dict[str, str] = {
    accepted: name for name, (*_, accepted_names) in _TABLE.items() for accepted in accepted_names
}

ACCEPTED_DATE_NAMES = _TABLE["date"][3]


class HeaderError(ValueError):
    """The header cannot be used; ``column`` is the canonical name at fault."""

    def __init__(self, message: str, column: str | None) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


def read_header(cells: list[str]) -> Header:
    """Match header cells to canonical columns, case-insensitively after cleaning.

    Raises:
        HeaderError: no date column, or two columns fill the same field.
    """
    columns: list[Column] = []
    ignored: list[str] = []
    first_for: dict[str | None, tuple[int, str]] = {}
    for index, cell in enumerate(cells):
        label = clean(cell)
        name = _NAME_OF.get(label.lower())
        if name is None:
            ignored.append(f'"{label[:100]}"' if label else f"unnamed column {index + 1}")
            continue
        field, factor, unit, _ = _TABLE[name]
        if field in first_for:
            other_index, other_label = first_for[field]
            target = "date" if field is None else COLUMN_OF[field]
            raise HeaderError(
                f'columns "{other_label[:100]}" (column {other_index + 1}) and "{label[:100]}" '
                f"(column {index + 1}) both give {target}; keep only one of them",
                target,
            )
        first_for[field] = (index, label)
        columns.append(Column(index, name, field, factor, unit))
    if None not in first_for:
        accepted = " or ".join(f'"{n}"' for n in ACCEPTED_DATE_NAMES)
        raise HeaderError(f"the header has no date column; name one {accepted}", "date")
    return Header(tuple(columns), tuple(ignored), len(cells))
