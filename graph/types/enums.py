"""GraphQL enums: the domain enums themselves, registered with Strawberry.

Their names and values are the contract of schema.graphql in both layers, so
one definition serves both and resolvers pass them through unconverted.
"""

from __future__ import annotations

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

for _enum in (
    Sex,
    InvalidRowPolicy,
    DateOrder,
    IngestionStatus,
    Period,
):
    strawberry.enum(_enum)

strawberry.enum(
    ImportSource,
    description="The app an import comes from (docs/imports/index.md); AUTO is input "
    "only (recognise by signature), UNKNOWN output only, HUB the canonical CSV.",
)
strawberry.enum(NumberFormat, description="A file's decimal mark and thousands separator.")
strawberry.enum(WeightUnit, description="Kilograms or pounds.")
