"""schema.graphql is generated from the code and keeps the API's contract."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    print_ast,
)
from graphql import (
    build_schema as parse_sdl,
)
from strawberry.printer import print_schema

from graph.schema.build import build_schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"

#: The contract clients are written against (docs/api.md), kept here so a change
#: to the served schema is always a deliberate change to this test too.
CONTRACT = """
scalar Date
scalar DateTime
scalar Upload

enum Sex { MALE FEMALE }
enum InvalidRowPolicy { REJECT_FILE SKIP_ROW }
enum DateOrder { AUTO DMY MDY YMD }
enum IngestionStatus { APPLIED REJECTED UNCHANGED }
enum Period { WEEK MONTH }
enum ImportSource { AUTO HUB MYFITNESSPAL CRONOMETER WITHINGS GARMIN GOOGLE_FIT
  FITBIT OURA WHOOP APPLE_HEALTH UNKNOWN }
enum NumberFormat { AUTO POINT COMMA }
enum WeightUnit { KG LB }

interface Node { id: ID! }

type DailyMetric implements Node { id: ID!  date: Date!  steps: Int  proteinG: Float
  kcalIn: Float  kcalJunkIn: Float  kcalOutTraining: Float  sleepHours: Float  stress: Int
  weightKg: Float  waistCm: Float  updatedAt: DateTime!  kpi: Kpi }

type Kpi implements Node { id: ID!  date: Date!  bmrKcal: Float  kcalOutTotal: Float
  balanceKcal: Float  balance7dAvg: Float  balance7dDays: Int!  proteinPerKg: Float
  healthyFoodPct: Float  stepsGoalMet: Boolean  steps7dAvg: Float
  stepsGoalRate7d: Float  sleep7dAvg: Float  weight7dAvg: Float
  weight7dDays: Int!  weightTrend: Float  weightTrendChange7d: Float
  waistChange7d: Float
  tdeeEstimate: Float @deprecated(reason: "Use expenditureKcal.")
  expenditureKcal: Float  expenditureLowKcal: Float  expenditureHighKcal: Float }

type KpiSummary implements Node { id: ID!  periodStart: Date!  periodEnd: Date!  daysLogged: Int!
  balanceAvg: Float  stepsAvg: Float  stepsGoalRate: Float  proteinPerKgAvg: Float
  sleepAvg: Float  weightAvg: Float  weightTrendEnd: Float }

type RowError { row: Int  column: String  value: String  message: String! }

type Ingestion implements Node { id: ID!  filename: String  sha256: String!  sizeBytes: Int!
  status: IngestionStatus!  createdAt: DateTime!  rowsRead: Int!
  rowsInserted: Int!  rowsUpdated: Int!  rowsUnchanged: Int!  rowsRejected: Int!
  firstDate: Date  lastDate: Date  kpiDaysRecomputed: Int!  columns: [String!]!
  warnings: [String!]!  errors: [RowError!]!  errorCount: Int!
  rowsDeleted: Int!  source: ImportSource!  dryRun: Boolean!  kpisChangedFrom: Date }

type IngestionEdge { cursor: String!  node: Ingestion! }
type PageInfo { hasNextPage: Boolean!  hasPreviousPage: Boolean!
  startCursor: String  endCursor: String }
type IngestionConnection { edges: [IngestionEdge!]!  pageInfo: PageInfo!
  totalCount: Int! }

type Profile implements Node { id: ID!  sex: Sex  birthDate: Date  heightCm: Float
  activityFactor: Float!  stepsGoal: Int!  proteinTargetGPerKg: Float!  balanceGoalKcal: Float!
  sleepTargetHours: Float!  isDefault: Boolean! }

type DataRange implements Node { id: ID!  firstDate: Date  lastDate: Date  daysLogged: Int! }

type User { name: String!  createdAt: DateTime! }

input DailyMetricInput { date: Date!  steps: Int  proteinG: Float  kcalIn: Float
  kcalJunkIn: Float  kcalOutTraining: Float  sleepHours: Float  stress: Int
  weightKg: Float  waistCm: Float }

input ProfileInput { sex: Sex  birthDate: Date  heightCm: Float
  activityFactor: Float  stepsGoal: Int  proteinTargetGPerKg: Float
  balanceGoalKcal: Float  sleepTargetHours: Float }

type Query {
  dailyMetrics(start: Date!, end: Date!): [DailyMetric!]!
  kpis(start: Date!, end: Date!): [Kpi!]!
  kpiSummary(start: Date!, end: Date!, period: Period! = WEEK): [KpiSummary!]!
  dataRange: DataRange!
  profile: Profile!
  ingestions(limit: Int! = 20): [Ingestion!]!
  ingestionHistory(first: Int! = 20, after: String): IngestionConnection!
  ingestion(id: ID!): Ingestion
  node(id: ID!): Node
  nodes(ids: [ID!]!): [Node]!
  me: User!
}

type Mutation {
  uploadCsv(file: Upload!, onInvalidRow: InvalidRowPolicy! = REJECT_FILE,
            dateOrder: DateOrder! = AUTO, numberFormat: NumberFormat! = AUTO,
            source: ImportSource! = AUTO, weightUnit: WeightUnit,
            dryRun: Boolean! = false): Ingestion!
  importFile(file: Upload!, onInvalidRow: InvalidRowPolicy! = REJECT_FILE,
             dateOrder: DateOrder! = AUTO, numberFormat: NumberFormat! = AUTO,
             source: ImportSource! = AUTO, weightUnit: WeightUnit,
             dryRun: Boolean! = false): Ingestion!
  upsertDailyMetric(input: DailyMetricInput!): DailyMetric!
  deleteDailyMetrics(start: Date!, end: Date!): Int!
  updateProfile(input: ProfileInput!): Profile!
}
"""


def _shape(schema: GraphQLSchema) -> dict[str, object]:
    """Every named type with its kind, interfaces, fields, field types, arguments,
    defaults and deprecations."""
    shape: dict[str, object] = {}
    for name, named in schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Float", "Boolean", "ID"}:
            continue
        if isinstance(named, GraphQLEnumType):
            shape[name] = ("enum", sorted(named.values))
        elif isinstance(named, GraphQLScalarType):
            shape[name] = ("scalar",)
        elif isinstance(named, GraphQLInputObjectType):
            shape[name] = ("input", {f: str(field.type) for f, field in named.fields.items()})
        elif isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            shape[name] = (
                "type" if isinstance(named, GraphQLObjectType) else "interface",
                sorted(interface.name for interface in named.interfaces),
                {
                    f: (
                        str(field.type),
                        {a: (str(arg.type), _default(arg)) for a, arg in field.args.items()},
                        field.deprecation_reason,
                    )
                    for f, field in named.fields.items()
                },
            )
    return shape


def _default(argument: GraphQLArgument) -> str | None:
    node = argument.ast_node
    return print_ast(node.default_value) if node and node.default_value else None


def test_schema_graphql_is_what_the_code_prints() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == print_schema(build_schema()) + "\n", (
        "schema.graphql is stale: run `healthhub export-schema > schema.graphql`"
    )


def test_the_code_has_exactly_the_types_fields_and_arguments_of_the_contract() -> None:
    expected = _shape(parse_sdl(CONTRACT))

    actual = _shape(parse_sdl(print_schema(build_schema())))

    assert actual.keys() == expected.keys()
    for name, shape in expected.items():
        assert actual[name] == shape, name


@pytest.mark.parametrize(
    ("contract_text", "drift", "name"),
    [
        ("stepsGoalRate7d: Float", "", "Kpi"),
        ("period: Period! = WEEK", "period: Period! = MONTH", "Query"),
        (
            "stress: Int\n  weightKg: Float  waistCm: Float }",
            "stress: Float\n  weightKg: Float  waistCm: Float }",
            "DailyMetricInput",
        ),
        ("enum DateOrder { AUTO DMY MDY YMD }", "enum DateOrder { AUTO DMY }", "DateOrder"),
        ("type Profile implements Node {", "type Profile {", "Profile"),
    ],
)
def test_the_contract_comparison_notices_a_drift(contract_text: str, drift: str, name: str) -> None:
    assert contract_text in CONTRACT
    drifted = CONTRACT.replace(contract_text, drift)

    assert _shape(parse_sdl(drifted))[name] != _shape(parse_sdl(CONTRACT))[name]
