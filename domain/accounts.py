"""Accounts: users, their access tokens, and which user a token acts as (docs/accounts.md).

Without users the hub serves one implicit user, ``local``. A token is ``hh_`` and
32 random bytes (URL-safe base64); only its SHA-256 is stored, with the first
characters kept to tell a user's tokens apart.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from domain.errors import InvalidInputError

#: The one implicit user until accounts exist, and the user HEALTHHUB_API_TOKEN acts as.
LOCAL_USER = "local"
TOKEN_PREFIX = "hh_"
TOKEN_BYTES = 32
#: ``hh_`` and the first 8 characters of the random part: shown, stored, revoked by.
SHOWN_PREFIX_LENGTH = len(TOKEN_PREFIX) + 8
#: The shortest prefix ``users revoke --token`` takes: ``hh_`` and 4 characters.
MIN_REVOKE_PREFIX_LENGTH = len(TOKEN_PREFIX) + 4
#: ``last_used_at`` is written at most this often per token.
LAST_USED_RESOLUTION = timedelta(hours=1)

_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_TOKEN = re.compile(r"hh_[A-Za-z0-9_-]{43}")


@dataclass(frozen=True, slots=True)
class User:
    name: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class UserSummary:
    """A line of ``users list``."""

    name: str
    created_at: datetime
    token_count: int
    last_used_at: datetime | None


@dataclass(frozen=True, slots=True)
class StoredToken:
    """What is stored of a token: never the token itself."""

    sha256: str
    prefix: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class IssuedToken:
    """A new token, shown once to the person and then only its hash is kept."""

    user: str
    token: str

    @property
    def prefix(self) -> str:
        return self.token[:SHOWN_PREFIX_LENGTH]


@dataclass(frozen=True, slots=True)
class TokenOwner:
    """The user a presented token belongs to, and when the token was last recorded used."""

    user_id: str
    last_used_at: datetime | None


class AccountStore(Protocol):
    """Storage of users and tokens; each method is one transaction."""

    def any_users(self) -> bool: ...

    def create_user(self, user: User, token: StoredToken, *, adopt_local: bool) -> bool:
        """Create the user with its first token; False (nothing done) if it exists.
        With ``adopt_local`` the data of the implicit user moves to the new user."""

    def get_user(self, name: str) -> User | None: ...

    def first_activity(self, user_id: str) -> datetime | None:
        """When the user's data was first written (the implicit user has no account row)."""

    def list_users(self) -> list[UserSummary]:
        """Every user by name."""

    def add_token(self, name: str, token: StoredToken) -> bool:
        """Store another token of the user; False if there is no such user."""

    def token_prefixes(self, name: str) -> list[tuple[str, str]]:
        """(sha256, prefix) of each of the user's tokens."""

    def delete_tokens(self, name: str, sha256s: Sequence[str]) -> int: ...

    def remove_user(self, name: str) -> bool:
        """Delete the user, its tokens and all its data; False if there is no such user."""

    def find_token(self, sha256: str) -> TokenOwner | None: ...

    def touch_token(self, sha256: str, now: datetime) -> None:
        """Record that the token was used at ``now`` unless that was recorded less than
        ``LAST_USED_RESOLUTION`` ago."""


def check_name(name: str) -> str:
    """The name, if it is one a user may have.

    Raises:
        InvalidInputError: the name is reserved or has characters outside the allowed set.
    """
    if name == LOCAL_USER:
        raise InvalidInputError(
            f"{LOCAL_USER!r} is reserved for the implicit user; choose another name "
            f"(use --adopt-local to give the new user the {LOCAL_USER!r} data)",
            field="name",
        )
    if not _NAME.fullmatch(name):
        raise InvalidInputError(
            f"user name {name!r} is not allowed: use 1–64 characters, lowercase letters, "
            "digits, '.', '_' or '-', starting with a letter or digit",
            field="name",
        )
    return name


def new_token(user: str) -> IssuedToken:
    """A fresh random token of ``user``."""
    return IssuedToken(user=user, token=TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES))


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def looks_like_token(token: str) -> bool:
    """Whether ``token`` has the shape of an issued token (worth looking up at all)."""
    return _TOKEN.fullmatch(token) is not None


def stored(token: IssuedToken, now: datetime) -> StoredToken:
    return StoredToken(sha256=token_sha256(token.token), prefix=token.prefix, created_at=now)


def add_user(store: AccountStore, name: str, *, now: datetime, adopt_local: bool) -> IssuedToken:
    """Create a user and its first token.

    Raises:
        InvalidInputError: the name is not allowed or is taken.
    """
    check_name(name)
    token = new_token(name)
    if not store.create_user(User(name, now), stored(token, now), adopt_local=adopt_local):
        raise InvalidInputError(f"user {name!r} already exists", field="name")
    return token


def issue_token(store: AccountStore, name: str, *, now: datetime) -> IssuedToken:
    """Another token of an existing user (the earlier ones stay valid)."""
    token = new_token(name)
    if not store.add_token(name, stored(token, now)):
        raise _unknown(name)
    return token


def revoke(store: AccountStore, name: str, prefix: str | None) -> int:
    """Revoke the user's token that starts with ``prefix``, or all its tokens; returns
    how many were revoked.

    Raises:
        InvalidInputError: no such user, a prefix too short, or a prefix matching no
            token or several.
    """
    if store.get_user(name) is None:
        raise _unknown(name)
    tokens = store.token_prefixes(name)
    if prefix is None:
        return store.delete_tokens(name, [sha for sha, _ in tokens])
    if not prefix.startswith(TOKEN_PREFIX) or len(prefix) < MIN_REVOKE_PREFIX_LENGTH:
        raise InvalidInputError(
            f"--token takes the start of a token: {TOKEN_PREFIX!r} and at least "
            f"{MIN_REVOKE_PREFIX_LENGTH - len(TOKEN_PREFIX)} more characters",
            field="token",
        )
    if looks_like_token(prefix):
        matches = [sha for sha, _ in tokens if sha == token_sha256(prefix)]
    else:
        shown = prefix[:SHOWN_PREFIX_LENGTH]
        matches = [sha for sha, stored_prefix in tokens if stored_prefix.startswith(shown)]
    if not matches:
        raise InvalidInputError(f"no token of {name!r} starts with {prefix!r}", field="token")
    if len(matches) > 1:
        raise InvalidInputError(
            f"{len(matches)} tokens of {name!r} start with {prefix!r}; give more characters",
            field="token",
        )
    return store.delete_tokens(name, matches)


def remove_user(store: AccountStore, name: str) -> None:
    if not store.remove_user(name):
        raise _unknown(name)


def me(store: AccountStore, user_id: str, *, now: datetime) -> User:
    """The user a request acts as. The implicit user was created with its first data
    (now, if it has none yet)."""
    user = store.get_user(user_id)
    if user is not None:
        return user
    return User(user_id, store.first_activity(user_id) or now)


def resolve_user(store: AccountStore, name: str | None) -> str:
    """The user id a command acts as: ``name``'s, which must exist, or the implicit user.

    Raises:
        InvalidInputError: there is no user ``name``.
    """
    if name is None or name == LOCAL_USER:
        return LOCAL_USER
    if store.get_user(name) is None:
        raise _unknown(name)
    return name


def _unknown(name: str) -> InvalidInputError:
    return InvalidInputError(
        f"there is no user {name!r}; `healthhub users list` shows the users", field="name"
    )
