"""Validated documents by query text; ours, as Strawberry's caches keep texts of any length.

Strawberry's ``ParserCache`` keeps every text it parsed, however long (a query padded
with comments passes the token limit: tests/graph/test_documents.py shows both), and
its ``ValidationCache`` hashes the whole document on every request (graphql-core 3.3's
nodes hash by structure: 26 µs for the dashboard's ``kpis`` query) and keeps refusals
too. This map keeps only texts up to ``MAX_QUERY_CHARS`` that validated cleanly and
finds them with one dict lookup (docs/api.md, "Performance").

Parsing and validating the dashboard's ``kpis`` query took about 1.8 ms of a 10 ms
365-day read. Queries repeat (the dashboard's, an app's, persisted ones), so the
schema keeps the parsed document of every query text that validated cleanly and
answers the same text again without parsing or validating it. A document is kept
only when validation found no error, so every refusal is reported exactly as
before; the parse options (the token limit) and the validation rules are fixed per
schema, and so is the cache. Validation never depends on variables, so a document
that validated once is valid for any variables. Bounded: the least recently used
text goes first, so a client sending endless distinct queries costs a fixed amount
of memory.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator

from graphql import DocumentNode
from strawberry.extensions import SchemaExtension

#: Query texts kept; the dashboard and an app use a handful.
MAX_DOCUMENTS = 256
#: Longer query texts are not kept (the token limit refuses far shorter ones anyway).
MAX_QUERY_CHARS = 64 * 1024


class ValidatedDocuments:
    """A bounded LRU map from query text to its validated document."""

    def __init__(self, max_documents: int = MAX_DOCUMENTS) -> None:
        self._max = max_documents
        self._documents: OrderedDict[str, DocumentNode] = OrderedDict()
        # Operations run on the event loop, but a schema may be executed from threads
        # too (``execute_sync``); the LRU order must not be reordered half-way.
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._documents)

    def get(self, query: str) -> DocumentNode | None:
        with self._lock:
            document = self._documents.get(query)
            if document is not None:
                self._documents.move_to_end(query)
            return document

    def keep(self, query: str, document: DocumentNode) -> None:
        if len(query) > MAX_QUERY_CHARS:
            return
        with self._lock:
            self._documents[query] = document
            self._documents.move_to_end(query)
            while len(self._documents) > self._max:
                self._documents.popitem(last=False)


class DocumentCache(SchemaExtension):
    """Skip parsing and validation for a query text that validated before.

    Built per request by ``extension_for`` around the schema's one cache.
    """

    def __init__(self, documents: ValidatedDocuments) -> None:
        self._documents = documents
        self._hit = False

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is None and context.query:
            document = self._documents.get(context.query)
            if document is not None:
                # Strawberry parses only when no document is set.
                context.graphql_document = document
                self._hit = True
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if self._hit and context.pre_execution_errors is None:
            # Strawberry validates only when no result of validation is set.
            context.pre_execution_errors = []
        yield
        if (
            not self._hit
            and context.query
            and context.graphql_document is not None
            and context.pre_execution_errors == []
        ):
            self._documents.keep(context.query, context.graphql_document)


def extension_for(documents: ValidatedDocuments) -> Callable[[], DocumentCache]:
    """The factory Strawberry calls per request (extensions are built per request)."""
    return lambda: DocumentCache(documents)
