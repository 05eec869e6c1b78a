"""Recognising the columns of a CSV header (docs/formats.md, "Columns").

A header name is matched case-insensitively after cleaning; a unit in brackets or
parentheses at its end (``Weight (lb)``, ``Waist [in]``) is a unit hint, removed
before matching and used to convert the column. A hint that does not fit the
column (``steps (kg)``) is a file error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from domain.cells import clean
from domain.model import WeightUnit
from domain.validation import COLUMN_OF

LB_TO_KG = 0.45359237
IN_TO_CM = 2.54
KJ_PER_KCAL = 4.184

#: How many names a header message or warning lists before "and N more".
LISTED_NAMES = 20
#: Each listed name is cut to this many characters.
LISTED_NAME_CHARS = 40

_KCAL_UNITS = {"kcal": 1.0, "kj": 1 / KJ_PER_KCAL}
_HOURS_UNITS = {
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 1.0),
    **dict.fromkeys(("min", "mins", "minute", "minutes"), 1 / 60),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 1 / 3600),
}
#: The units a hint may name for each field, with the factor to the field's unit.
UNITS: dict[str, dict[str, float]] = {
    "steps": dict.fromkeys(("count", "steps"), 1.0),
    "protein_g": {"g": 1.0},
    "kcal_in": _KCAL_UNITS,
    "kcal_junk_in": _KCAL_UNITS,
    "kcal_out_training": _KCAL_UNITS,
    "sleep_hours": _HOURS_UNITS,
    "stress": {},
    "weight_kg": {"kg": 1.0, "lb": LB_TO_KG, "lbs": LB_TO_KG},
    "waist_cm": {"cm": 1.0, "in": IN_TO_CM, "inch": IN_TO_CM, "inches": IN_TO_CM},
}

# canonical CSV name -> (domain field, unit its name states, accepted names)
_TABLE: dict[str, tuple[str | None, str | None, tuple[str, ...]]] = {
    "date": (None, None, ("date", "day")),
    "steps_n": ("steps", None, ("steps_n", "steps", "step count")),
    "proteins_g": ("protein_g", "g", ("proteins_g", "protein_g", "protein")),
    "kcal_in": ("kcal_in", None, ("kcal_in", "calories_in", "energy_in")),
    "kcal_junk_in": ("kcal_junk_in", None, ("kcal_junk_in", "junk_kcal")),
    "kcal_out_training": (
        "kcal_out_training",
        None,
        ("kcal_out_training", "training_kcal", "exercise calories"),
    ),
    "sleep_hours": ("sleep_hours", "h", ("sleep_hours", "sleep")),
    "stress_rel": ("stress", None, ("stress_rel", "stress")),
    "weight_kg": ("weight_kg", "kg", ("weight_kg",)),
    "weight": ("weight_kg", None, ("weight",)),
    "weight_lb": ("weight_kg", "lb", ("weight_lb",)),
    "waist_cm": ("waist_cm", "cm", ("waist_cm", "waist")),
    "waist_in": ("waist_cm", "in", ("waist_in",)),
}
_REPORTED_AS = {"weight": "weight_kg"}

_NAME_OF: dict[str, str] = {
    accepted: name for name, (*_, accepted_names) in _TABLE.items() for accepted in accepted_names
}
#: Bare energy names: eaten or burned? Never guessed (docs/formats.md, "Columns").
BARE_ENERGY_NAMES = frozenset({"calories", "kcal", "energy"})
ACCEPTED_DATE_NAMES = _TABLE["date"][2]
_HINT = re.compile(r"^(?P<name>.*?)\s*(?:\((?P<p>[^()]*)\)|\[(?P<b>[^\[\]]*)\])$")


@dataclass(frozen=True, slots=True)
class Column:
    """A recognised column: where it is, what it is called and what it fills.

    ``name`` is the canonical CSV name reported to the user (``weight_lb`` stays
    ``weight_lb``); ``field`` is the domain field it fills, ``None`` for the date;
    ``factor`` converts the file's unit to the field's unit (``None``: no conversion).
    """

    index: int
    name: str
    field: str | None
    factor: float | None = None
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Header:
    """The recognised columns in header order, the warnings about it and the cell count."""

    columns: tuple[Column, ...]
    warnings: tuple[str, ...]
    width: int

    @property
    def date_index(self) -> int:
        return next(c.index for c in self.columns if c.field is None)


class HeaderError(ValueError):
    """The header cannot be used; ``column`` is the canonical name at fault."""

    def __init__(self, message: str, column: str | None) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


def split_hint(label: str) -> tuple[str, str | None]:
    """``"Weight (lb)"`` -> ``("Weight", "lb")``; a label without a hint -> ``(label, None)``."""
    match = _HINT.match(label)
    if match is None or not match.group("name"):
        return label, None
    hint = match.group("p") if match.group("p") is not None else match.group("b")
    return match.group("name"), (hint or "").strip()


def name_list(names: Sequence[str], total: int | None = None) -> str:
    """At most ``LISTED_NAMES`` quoted names, each cut short, then "and N more".

    ``total`` is how many names there are when only the first few were kept.
    """
    shown = ", ".join(f'"{n[:LISTED_NAME_CHARS]}"' for n in names[:LISTED_NAMES])
    more = (len(names) if total is None else total) - min(len(names), LISTED_NAMES)
    return shown + (f" and {more} more" if more > 0 else "")


def accepted_names() -> str:
    """Every header name a canonical file may use, for messages."""
    return ", ".join(name for names in (t[2] for t in _TABLE.values()) for name in names)


def read_header(
    cells: list[str],
    *,
    weight_unit: WeightUnit | None = None,
    profile_weight_unit: WeightUnit = WeightUnit.KG,
) -> Header:
    """Match header cells to canonical columns, case-insensitively after cleaning.

    A bare ``weight`` column takes ``weight_unit`` (``weightUnit`` as sent), else
    ``profile_weight_unit``, said in a warning.

    Raises:
        HeaderError: no date column, no metric column, a bare calories column, a
            hint that contradicts its column, or two columns filling one field.
    """
    columns: list[Column] = []
    # Only the first names are kept for messages: a header may hold millions.
    ignored: list[str] = []
    ignored_count = 0
    warnings: list[str] = []
    first_for: dict[str | None, tuple[int, str]] = {}
    for index, cell in enumerate(cells):
        if not cell:  # the common case of a huge header: skip the matching work
            ignored_count += 1
            if len(ignored) < LISTED_NAMES:
                ignored.append(f"unnamed column {index + 1}")
            continue
        label = clean(cell)
        base, hint = split_hint(label)
        key = base.lower()
        if key in BARE_ENERGY_NAMES:
            raise HeaderError(
                f'column "{label[:LISTED_NAME_CHARS]}" does not say whether the energy was eaten '
                "or burned; rename it kcal_in (eaten) or kcal_out_training (burned in training)",
                None,
            )
        name = _NAME_OF.get(key)
        if name is None:
            ignored_count += 1
            if len(ignored) < LISTED_NAMES:
                ignored.append(label or f"unnamed column {index + 1}")
            continue
        field, stated, _ = _TABLE[name]
        if stated is not None and not key.endswith("_" + stated):
            stated = None  # an alias such as "sleep" or "waist" states no unit
        factor, unit = _unit(label, name, field, stated, hint)
        if field == "weight_kg" and name == "weight" and hint is None:
            if weight_unit is None:
                warnings.append(unstated_unit_warning(profile_weight_unit))
            lb = (weight_unit or profile_weight_unit) is WeightUnit.LB
            factor, unit = (LB_TO_KG, "lb") if lb else (None, "kg")
        _check_unique(first_for, field, index, label)
        columns.append(Column(index, _REPORTED_AS.get(name, name), field, factor, unit))
    if None not in first_for:
        accepted = " or ".join(f'"{n}"' for n in ACCEPTED_DATE_NAMES)
        found = name_list([clean(c) for c in cells[:LISTED_NAMES]], len(cells))
        raise HeaderError(
            f"the header has no date column; the columns found are {found}; a hub CSV "
            f"names its date column {accepted}; an app's export is recognised by its own "
            "headers, and this one is not an export the hub knows (docs/imports/index.md "
            "lists them)",
            "date",
        )
    if len(first_for) == 1:
        found = name_list([clean(c) for c in cells[:LISTED_NAMES]], len(cells))
        raise HeaderError(
            f"no metric column was recognised; the columns found are {found}; "
            f"the accepted names are {accepted_names()}; give at least one metric column "
            "one of these names (its meaning must be that name's)",
            None,
        )
    if ignored:
        warnings.insert(0, "ignored unknown columns: " + name_list(ignored, ignored_count))
    return Header(tuple(columns), tuple(warnings), len(cells))


def _unit(
    label: str, name: str, field: str | None, stated: str | None, hint: str | None
) -> tuple[float | None, str]:
    """The factor and unit of a column from the unit its name states and its hint."""
    if field is None or hint is None:
        if stated is None or field is None:
            return None, ""
        factor = UNITS[field][stated]
        return (None if factor == 1.0 else factor), stated
    units = UNITS[field]
    unit = hint.lower()
    if unit not in units or (stated is not None and units[stated] != units[unit]):
        allowed = stated or ", ".join(sorted(units)) or "no unit"
        raise HeaderError(
            f'column "{label[:LISTED_NAME_CHARS]}": the unit "{hint[:20]}" does not fit '
            f"{name}; allowed: {allowed}; write one of these, or no unit",
            COLUMN_OF[field],
        )
    factor = units[unit]
    return (None if factor == 1.0 else factor), unit


def unstated_unit_warning(unit: WeightUnit) -> str:
    """The warning for weights read in the profile's unit because the file states none."""
    name, other = ("kilograms", "LB") if unit is WeightUnit.KG else ("pounds", "KG")
    return (
        f"the file does not state the weight unit: read as {name}, your profile's weight "
        f"unit; send weightUnit {other} if they are not"
    )


def _check_unique(
    first_for: dict[str | None, tuple[int, str]], field: str | None, index: int, label: str
) -> None:
    if field in first_for:
        other_index, other_label = first_for[field]
        target = "date" if field is None else COLUMN_OF[field]
        raise HeaderError(
            f'columns "{other_label[:100]}" (column {other_index + 1}) and "{label[:100]}" '
            f"(column {index + 1}) both give {target}; keep only one of them",
            target,
        )
    first_for[field] = (index, label)
