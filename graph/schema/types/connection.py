"""The ingestion history as a connection (Relay's cursor connection spec; docs/api.md, "Paging")."""

from __future__ import annotations

import strawberry

from graph.schema.types.ingestion import Ingestion


@strawberry.type(description="Where a page lies in its connection (Relay's PageInfo).")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="True when older items follow this page: ask again with after: endCursor."
    )
    has_previous_page: bool = strawberry.field(
        description="True when newer items come before this page, that is when after was sent."
    )
    start_cursor: str | None = strawberry.field(
        description="The cursor of the first edge; null on an empty page."
    )
    end_cursor: str | None = strawberry.field(
        description="The cursor of the last edge, to send as after for the next page; null "
        "on an empty page."
    )


@strawberry.type(description="One upload report in the history, with its cursor.")
class IngestionEdge:
    cursor: str = strawberry.field(
        description="Opaque position of this report: after: cursor pages on from here."
    )
    node: Ingestion = strawberry.field(description="The upload report.")


@strawberry.type(description="A page of the upload history, newest first.")
class IngestionConnection:
    edges: list[IngestionEdge] = strawberry.field(
        description="The reports of this page, newest first (at most first of them)."
    )
    page_info: PageInfo = strawberry.field(description="Where this page lies in the history.")
    total_count: int = strawberry.field(
        description="How many upload reports the user has in all, on every page."
    )
