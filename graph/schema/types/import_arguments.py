"""Described arguments shared by ``uploadCsv`` and ``importFile`` (docs/imports/index.md)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.schema.types.enums import ImportSource, NumberFormat, WeightUnit

NumberFormatArgument = Annotated[
    NumberFormat,
    strawberry.argument(
        description="Decimal mark and thousands separator: AUTO decides once per file "
        "(comma-delimited files are POINT), POINT = 1,234.5, COMMA = 1.234,5."
    ),
]
SourceArgument = Annotated[
    ImportSource,
    strawberry.argument(
        description="The app the file comes from; AUTO recognises it by its signature. "
        "A file whose content contradicts it is rejected."
    ),
]
WeightUnitArgument = Annotated[
    WeightUnit | None,
    strawberry.argument(
        description="Unit of a weight column whose unit the file does not state; "
        "left out: kilograms, with a warning."
    ),
]
DryRunArgument = Annotated[
    bool,
    strawberry.argument(
        description="Run the whole import and return its report (dryRun true) without "
        "storing anything, not even the report."
    ),
]
