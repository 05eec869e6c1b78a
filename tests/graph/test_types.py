"""The GraphQL types stay in step with the domain objects they are built from."""

from __future__ import annotations

import dataclasses
import typing
from datetime import UTC, date, datetime

import pytest
import strawberry
from graphql import GraphQLObjectType

from domain import model
from graph.schema.build import build_schema
from graph.schema.types.daily_metric import DailyMetric
from graph.schema.types.inputs import DailyMetricInput, ProfileInput
from graph.schema.types.kpi import Kpi


def _python_names(graphql_type: type, *, resolved: bool = False) -> set[str]:
    """The fields served from the object's attributes, or with ``resolved`` those with a
    resolver of their own (links to other objects, such as DailyMetric.kpi)."""
    definition = graphql_type.__strawberry_definition__  # type: ignore[attr-defined]
    return {
        field.python_name
        for field in definition.fields
        if (field.base_resolver is not None) is resolved
    }


@pytest.mark.parametrize(
    ("graphql_type", "domain_type"), [(Kpi, model.Kpi), (DailyMetric, model.DailyMetrics)]
)
def test_a_bulk_type_has_exactly_the_fields_of_its_domain_object_and_an_id(
    graphql_type: type, domain_type: type
) -> None:
    domain_names = (
        set(domain_type._fields)  # a named tuple
        if hasattr(domain_type, "_fields")
        else {field.name for field in dataclasses.fields(domain_type)}
    )

    assert _python_names(graphql_type) == {"id", *domain_names}
    assert _python_names(graphql_type, resolved=True) == LINKS.get(graphql_type, set())


#: The fields of a bulk type that fetch another object rather than serve a value.
LINKS: dict[type, set[str]] = {DailyMetric: {"kpi"}}


#: Where a bulk type is narrower than its domain object, and why that holds.
NARROWED: dict[tuple[type, str], tuple[object, object]] = {
    # The repositories set updated_at on every day they store; only stored days are served.
    (DailyMetric, "updated_at"): (datetime | None, datetime),
}


@pytest.mark.parametrize(
    ("graphql_type", "domain_type"), [(Kpi, model.Kpi), (DailyMetric, model.DailyMetrics)]
)
def test_a_bulk_type_declares_each_field_with_its_domain_type(
    graphql_type: type, domain_type: type
) -> None:
    # The served rows copy the domain values (rounded, graph/execution/served.py) and add the id:
    # the default resolvers read these attributes, so their types must be the same.
    served = typing.get_type_hints(graphql_type)
    for link in LINKS.get(graphql_type, set()):
        served.pop(link, None)
    domain = typing.get_type_hints(domain_type)
    assert served.pop("id") is strawberry.ID
    for name, annotation in served.items():
        expected = NARROWED.get((graphql_type, name), (domain[name], domain[name]))
        assert (domain[name], annotation) == expected, name


@pytest.mark.parametrize("name", ["Kpi", "DailyMetric"])
def test_the_fields_of_the_bulk_types_keep_default_resolvers(name: str) -> None:
    graphql_type = build_schema()._schema.type_map[name]
    assert isinstance(graphql_type, GraphQLObjectType)

    links = {link for kind, names in LINKS.items() if kind.__name__ == name for link in names}
    for field_name, field in graphql_type.fields.items():
        if field_name not in links:  # a link fetches another object; its values stay plain
            assert getattr(field.resolve, "_is_default", False), field_name


def test_the_inputs_name_exactly_the_domain_fields() -> None:
    assert _python_names(DailyMetricInput) == {"date", *model.METRIC_FIELDS}
    assert _python_names(ProfileInput) == set(model.PROFILE_FIELDS)


def test_only_the_sent_fields_of_a_daily_metric_input_are_changes() -> None:
    sent = DailyMetricInput(date=date(2026, 1, 1), steps=5, weight_kg=None)

    assert sent.changes() == {"steps": 5, "weight_kg": None}


def test_a_profile_input_changes_carry_the_domain_enum() -> None:
    from graph.schema.types.enums import Sex

    assert ProfileInput(sex=Sex.FEMALE, height_cm=None).changes() == {
        "sex": model.Sex.FEMALE,
        "height_cm": None,
    }


def test_a_kpi_is_served_from_the_domain_object_rounded_per_unit_with_its_id() -> None:
    kpi = model.Kpi(
        date=date(2026, 1, 1),
        bmr_kcal=1800.45,
        balance_kcal=-288.4000000000001,
        balance_7d_days=3,
        steps_goal_rate_7d=2 / 3,
        weight_trend=81.23456,
    )

    schema = strawberry.Schema(query=_kpi_query(kpi))
    result = schema.execute_sync(
        "{ kpi { id date bmrKcal balanceKcal balance7dDays stepsGoalRate7d weightTrend"
        " weight7dAvg } }"
    )

    assert result.data == {
        "kpi": {
            "id": "S3BpOmxvY2FsOjIwMjYtMDEtMDE=",
            "date": "2026-01-01",
            "bmrKcal": 1800.4,
            "balanceKcal": -288.4,
            "balance7dDays": 3,
            "stepsGoalRate7d": 0.6667,
            "weightTrend": 81.235,
            "weight7dAvg": None,
        }
    }


def _kpi_query(kpi: model.Kpi) -> type:
    @strawberry.type
    class Query:
        @strawberry.field
        def kpi(self) -> Kpi:
            return Kpi.from_domain(kpi, "local")

    return Query


def test_a_naive_stored_datetime_is_served_with_a_utc_offset() -> None:
    from graph.schema.types.scalars import DateTimeScalar

    served = DateTimeScalar.serialize(datetime(2026, 1, 1, 12, 0))  # type: ignore[misc]

    assert served == datetime(2026, 1, 1, 12, 0, tzinfo=UTC).isoformat()
