"""Opaque cursors of the ingestion history (docs/api.md, "Paging").

A cursor encodes a report's position (created_at, then id: the order of the history)
with the query and the user it was served to, in the same opaque form as ids. It is
not a secret: a hand-made cursor can only name a position in the sender's own history.
"""

from __future__ import annotations

from datetime import datetime

from domain import model
from domain.errors import InvalidInputError
from graph.execution.served import opaque_id, read_opaque_id

#: The query a cursor belongs to: a cursor of another query (or an id) is refused.
HISTORY = "ingestionHistory"

_REFUSED = (
    "after: this is not a cursor ingestionHistory gave this user; send the endCursor "
    "(or an edge's cursor) of an earlier page, or leave after out for the first page"
)


def cursor_of(user_id: str, ingestion: model.Ingestion) -> str:
    """The cursor of ``ingestion`` in ``user_id``'s history."""
    return opaque_id(HISTORY, user_id, f"{ingestion.created_at.isoformat()}/{ingestion.id}")


def position_of(user_id: str, cursor: str) -> tuple[datetime, str]:
    """The (created_at, id) position ``cursor`` encodes.

    Raises:
        InvalidInputError: (naming ``after``) the cursor is malformed, of another query
            or served to another user.
    """
    decoded = read_opaque_id(cursor)
    if decoded is None or decoded[0] != HISTORY or decoded[1] != user_id:
        raise InvalidInputError(_REFUSED, field="after")
    stamp, _, key = decoded[2].partition("/")
    try:
        created_at = datetime.fromisoformat(stamp)
    except ValueError:
        raise InvalidInputError(_REFUSED, field="after") from None
    if created_at.tzinfo is None or not key:
        raise InvalidInputError(_REFUSED, field="after")
    return created_at, key
