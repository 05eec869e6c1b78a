"""The User type: who the request acts as (docs/accounts.md)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from domain import accounts


@strawberry.type(description="The person a request acts as: the owner of its token.")
class User:
    name: str = strawberry.field(
        description="The user's name; `local` for the implicit user of a hub without accounts."
    )
    created_at: datetime = strawberry.field(
        description="When the user was created (the implicit user: its first stored data)."
    )

    @classmethod
    def from_domain(cls, user: accounts.User) -> User:
        return cls(name=user.name, created_at=user.created_at)
