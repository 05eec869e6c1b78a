"""The validated-document cache (graph/execution/documents.py): a repeated query text is parsed and
validated once, and every refusal stays exactly what it was."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import pytest
import strawberry
import strawberry.schema.schema as strawberry_schema
from fastapi.testclient import TestClient
from graphql import DocumentNode, parse
from strawberry.extensions import ParserCache, SchemaExtension

from graph.execution.documents import MAX_QUERY_CHARS, ValidatedDocuments
from graph.http.app import create_app
from graph.http.settings import Settings
from graph.schema.build import build_schema
from tests.graph.api import KPI_FIELDS, data, local_client, post, upload

KPIS = f"query($start: Date!, $end: Date!) {{ kpis(start: $start, end: $end) {{ {KPI_FIELDS} }} }}"
CSV = (
    b"date,steps_n,kcal_in,weight_kg\n"
    b"2026-01-01,8000,2100,80.0\n2026-01-02,9000,2200,79.8\n2026-01-03,7000,1900,79.9\n"
)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The query texts Strawberry parses, in order."""
    texts: list[str] = []
    original: Callable[..., Any] = strawberry_schema.parse  # type: ignore[attr-defined]

    def counting_parse(source: Any, *args: Any, **kwargs: Any) -> Any:
        texts.append(str(source))
        return original(source, *args, **kwargs)

    monkeypatch.setattr(strawberry_schema, "parse", counting_parse)
    return texts


def test_a_repeated_query_is_parsed_once_and_answers_each_variables(
    client: TestClient, parses: list[str]
) -> None:
    upload(client, CSV)
    parses.clear()
    first = data(client, KPIS, {"start": "2026-01-01", "end": "2026-01-03"})["kpis"]
    second = data(client, KPIS, {"start": "2026-01-02", "end": "2026-01-02"})["kpis"]
    third = data(client, KPIS, {"start": "2026-01-01", "end": "2026-01-03"})["kpis"]
    assert parses == [KPIS]
    assert [row["date"] for row in first] == ["2026-01-01", "2026-01-02", "2026-01-03"]
    assert second == [first[1]]
    assert third == first


@pytest.mark.parametrize(
    "query",
    [
        "{ kpis { date } }",  # missing arguments: validation
        "{ dataRange { daysLogged nope } }",  # unknown field: validation
        '{ kpis(start: "2026-13-01", end: "2026-01-01") { date } }',  # bad literal
        "{ dataRange { daysLogged }",  # syntax
    ],
)
def test_a_refused_query_is_refused_the_same_way_every_time(
    client: TestClient, parses: list[str], query: str
) -> None:
    answers = [post(client, query) for _ in range(3)]
    assert answers[0]["errors"]
    assert answers[1] == answers[0] == answers[2]
    assert parses == [query] * 3


def test_a_query_over_the_token_limit_is_refused_every_time(client: TestClient) -> None:
    query = "{ " + " ".join(f"a{n}: dataRange {{ daysLogged }}" for n in range(1_300)) + " }"
    codes = [post(client, query)["errors"][0]["extensions"]["code"] for _ in range(2)]
    assert codes == ["QUERY_TOO_COSTLY"] * 2


def test_each_schema_keeps_its_own_documents(settings: Settings, database_url: str) -> None:
    """A document validated where introspection is on is not taken as valid where it is
    off: the rules differ, so the caches must too."""
    query = "{ __schema { queryType { name } } }"
    with local_client(create_app(settings)) as open_client:
        assert data(open_client, query) == {"__schema": {"queryType": {"name": "Query"}}}
    closed = Settings(database_url=database_url, introspection=False, _env_file=None)
    with local_client(create_app(closed)) as closed_client:
        for _ in range(2):
            body = post(closed_client, query)
            assert body.get("data") is None
            assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_the_least_recently_used_text_goes_first() -> None:
    documents = ValidatedDocuments(max_documents=2)
    for text in ("{ a }", "{ b }"):
        documents.keep(text, parse(text))
    assert documents.get("{ a }") is not None  # now the most recent
    documents.keep("{ c }", parse("{ c }"))
    assert len(documents) == 2
    assert documents.get("{ b }") is None
    assert documents.get("{ a }") is not None
    assert documents.get("{ c }") is not None


def test_a_text_longer_than_the_limit_is_not_kept() -> None:
    documents = ValidatedDocuments()
    text = "{ a }" + " " * MAX_QUERY_CHARS
    documents.keep(text, parse(text))
    assert documents.get(text) is None
    assert len(documents) == 0


def _comment_padded(size: int) -> str:
    """A valid query of about ``size`` characters: comments are not tokens, so the
    token limit lets it through."""
    return "# " + "x" * size + "\n{ __typename }"


class _Documents(SchemaExtension):
    """Records the document each execution ran."""

    seen: ClassVar[list[DocumentNode]] = []

    def on_execute(self) -> Iterator[None]:
        assert self.execution_context.graphql_document is not None
        self.seen.append(self.execution_context.graphql_document)
        yield


def _run_twice(schema: strawberry.Schema, query: str) -> list[DocumentNode]:
    _Documents.seen = []
    for _ in range(2):
        assert schema.execute_sync(query).data == {"__typename": "Query"}
    return _Documents.seen


def test_a_long_comment_padded_query_is_answered_and_never_kept() -> None:
    query = _comment_padded(2 * MAX_QUERY_CHARS)

    first, second = _run_twice(build_schema(extensions=(_Documents,)), query)

    assert first is not second  # parsed again: the text was not kept


def test_strawberrys_parser_cache_keeps_a_text_of_any_length_so_ours_stays() -> None:
    """Strawberry's ParserCache keeps every text it parsed, however long: with its
    entries the size of a request body, memory would grow to the bound times 10 MiB
    (the reason graph/execution/documents.py stays)."""
    query = _comment_padded(2 * MAX_QUERY_CHARS)
    schema = build_schema(extensions=(lambda: ParserCache(maxsize=8), _Documents))

    first, second = _run_twice(schema, query)

    assert first is second  # kept
