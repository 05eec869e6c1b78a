"""The Node interface: every object with an id (Relay's global object identification)."""

from __future__ import annotations

import strawberry


@strawberry.interface(
    description="An object with a global id, which node(id) and nodes(ids) fetch again "
    '(Relay\'s global object identification; docs/api.md, "Node").'
)
class Node:
    id: strawberry.ID = strawberry.field(
        description="Opaque global id: unique across types and users, stable for the object."
    )
