"""GraphQL enums: the domain enums themselves, registered with Strawberry.

Their names and values are the contract of schema.graphql in both layers, so one
definition serves both and resolvers pass them through unconverted; the
descriptions, which the domain has no business holding, are attached here.
"""

from __future__ import annotations

import enum

import strawberry

from domain import model

Sex = model.Sex
InvalidRowPolicy = model.InvalidRowPolicy
DateOrder = model.DateOrder
IngestionStatus = model.IngestionStatus
Period = model.Period
ImportSource = model.ImportSource
NumberFormat = model.NumberFormat
WeightUnit = model.WeightUnit

_DESCRIPTIONS: dict[type[enum.Enum], tuple[str, dict[str, str]]] = {
    Sex: (
        "Sex, as the BMR formula (Mifflin-St Jeor) distinguishes it.",
        {"MALE": "Male: BMR + 5 kcal.", "FEMALE": "Female: BMR − 161 kcal."},
    ),
    InvalidRowPolicy: (
        "What an upload does with a file that has invalid rows.",
        {
            "REJECT_FILE": "Store nothing when any row is invalid (the default).",
            "SKIP_ROW": "Store the valid rows and report the invalid ones.",
        },
    ),
    DateOrder: (
        "How to read a date such as 03/04/2025 whose order the file does not state.",
        {
            "AUTO": "Detect the order from the file's dates; ambiguous files are refused.",
            "DMY": "Day, month, year.",
            "MDY": "Month, day, year.",
            "YMD": "Year, month, day.",
        },
    ),
    IngestionStatus: (
        "The outcome of an upload.",
        {
            "APPLIED": "At least one day was inserted or changed.",
            "REJECTED": "Nothing was stored; errors say why.",
            "UNCHANGED": "The file was valid and equal to what was stored.",
        },
    ),
    Period: (
        "The length of a summary period.",
        {"WEEK": "ISO week, Monday to Sunday.", "MONTH": "Calendar month."},
    ),
    ImportSource: (
        "The app an import comes from (docs/imports/index.md); AUTO is input only "
        "(recognise by signature), UNKNOWN output only, HUB the canonical CSV.",
        {
            "AUTO": "Input only: recognise the format by its signature.",
            "HUB": "This hub's canonical CSV (docs/formats.md).",
            "MYFITNESSPAL": "A MyFitnessPal export.",
            "CRONOMETER": "A Cronometer export.",
            "WITHINGS": "A Withings export.",
            "GARMIN": "A Garmin Connect export.",
            "GOOGLE_FIT": "A Google Fit (Takeout) export.",
            "FITBIT": "A Fitbit export.",
            "OURA": "An Oura export.",
            "WHOOP": "A WHOOP export.",
            "APPLE_HEALTH": "An Apple Health export (XML or its ZIP).",
            "UNKNOWN": "Output only: no format was recognised.",
        },
    ),
    NumberFormat: (
        "A file's decimal mark and thousands separator.",
        {
            "AUTO": "Decide once per file (comma-delimited files are POINT).",
            "POINT": "A decimal point: 1,234.5.",
            "COMMA": "A decimal comma: 1.234,5.",
        },
    ),
    WeightUnit: (
        "The unit of a weight column whose unit the file does not state.",
        {"KG": "Kilograms.", "LB": "Pounds (converted to kilograms when stored)."},
    ),
}

for _enum, (_description, _values) in _DESCRIPTIONS.items():
    _definition = strawberry.enum(_enum, description=_description).__strawberry_definition__  # type: ignore[attr-defined]
    for _value in _definition.values:
        _value.description = _values[_value.name]
