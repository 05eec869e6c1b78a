"""Every type, field, argument and enum value of the schema explains itself (docs/api.md)."""

from __future__ import annotations

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    specified_scalar_types,
)

from graph.schema.build import build_schema


def _undescribed(schema: GraphQLSchema) -> list[str]:
    missing = []
    for name, named in schema.type_map.items():
        if name.startswith("__") or name in specified_scalar_types:
            continue
        if not (named.description or "").strip():
            missing.append(name)
        if isinstance(named, GraphQLObjectType | GraphQLInputObjectType):
            for field_name, field in named.fields.items():
                if not (field.description or "").strip():
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not (arg.description or "").strip():
                        missing.append(f"{name}.{field_name}({arg_name})")
        if isinstance(named, GraphQLEnumType):
            missing.extend(
                f"{name}.{value_name}"
                for value_name, value in named.values.items()
                if not (value.description or "").strip()
            )
    return missing


def test_every_type_field_argument_and_enum_value_has_a_description() -> None:
    assert _undescribed(build_schema()._schema) == []


def test_the_walk_finds_a_missing_description() -> None:
    schema = build_schema()._schema
    kpi = schema.type_map["Kpi"]
    assert isinstance(kpi, GraphQLObjectType)
    kpi.fields["bmrKcal"].description = None

    assert _undescribed(schema) == ["Kpi.bmrKcal"]


def test_the_custom_scalars_name_their_specification() -> None:
    schema = build_schema()._schema
    for name in ("Date", "DateTime", "Upload"):
        scalar = schema.type_map[name]
        assert isinstance(scalar, GraphQLScalarType)
        assert (scalar.specified_by_url or "").startswith("https://"), name
