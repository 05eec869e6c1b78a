"""Users and tokens in the ``users`` and ``tokens`` reference tables (docs/accounts.md)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    delete,
    func,
    insert,
    literal,
    select,
    update,
)

from domain.accounts import (
    LAST_USED_RESOLUTION,
    LOCAL_USER,
    StoredToken,
    TokenOwner,
    User,
    UserSummary,
)
from persistence.tables import DAILY_METRICS, INGESTIONS, TOKENS, USERS, user_data_tables
from persistence.uow import SqlUnitOfWork

#: The reads every request makes (whether accounts exist, a token's owner): here through
#: the engine, and the same statements on the event loop (persistence/async_reads.py).
ANY_USER = select(USERS.c.id).limit(1)
TOKEN_OWNER = (
    select(TOKENS.c.user_id, TOKENS.c.last_used_at)
    .select_from(TOKENS.join(USERS, USERS.c.id == TOKENS.c.user_id))
    .where(TOKENS.c.token_sha256 == bindparam("sha256"))
)


class SqlAccountStore:
    """``domain.accounts.AccountStore`` on ``engine``; each call is one transaction."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def any_users(self) -> bool:
        with self._engine.connect() as connection:
            return connection.execute(ANY_USER).first() is not None

    def create_user(self, user: User, token: StoredToken, *, adopt_local: bool) -> bool:
        with SqlUnitOfWork(self._engine) as uow:
            connection = uow.connection
            uow.lock_user(user.name)
            if adopt_local:
                uow.lock_user(LOCAL_USER)
            if _user_exists(connection, user.name):
                return False
            connection.execute(insert(USERS), {"id": user.name, "created_at": user.created_at})
            _insert_token(connection, user.name, token)
            # A write that was already past authentication when an earlier user of this
            # name was removed may have left rows behind: a new user starts empty.
            _delete_data(connection, user.name)
            if adopt_local:
                _move_data(connection, LOCAL_USER, user.name)
            uow.commit()
        return True

    def get_user(self, name: str) -> User | None:
        with self._engine.connect() as connection:
            row = connection.execute(
                select(USERS.c.id, USERS.c.created_at).where(USERS.c.id == name)
            ).first()
        return User(row.id, row.created_at) if row is not None else None

    def first_activity(self, user_id: str) -> datetime | None:
        with self._engine.connect() as connection:
            firsts = [
                connection.execute(
                    select(func.min(INGESTIONS.c.created_at)).where(INGESTIONS.c.user_id == user_id)
                ).scalar(),
                connection.execute(
                    select(func.min(DAILY_METRICS.c.updated_at)).where(
                        DAILY_METRICS.c.user_id == user_id
                    )
                ).scalar(),
            ]
        known = [first for first in firsts if first is not None]
        return min(known) if known else None

    def list_users(self) -> list[UserSummary]:
        statement = (
            select(
                USERS.c.id,
                USERS.c.created_at,
                func.count(TOKENS.c.token_sha256),
                func.max(TOKENS.c.last_used_at),
            )
            .select_from(USERS.outerjoin(TOKENS, TOKENS.c.user_id == USERS.c.id))
            .group_by(USERS.c.id, USERS.c.created_at)
            .order_by(USERS.c.id)
        )
        with self._engine.connect() as connection:
            rows = connection.execute(statement).all()
        return [UserSummary(*row) for row in rows]

    def add_token(self, name: str, token: StoredToken) -> bool:
        with self._engine.begin() as connection:
            if not _user_exists(connection, name):
                return False
            _insert_token(connection, name, token)
        return True

    def token_prefixes(self, name: str) -> list[tuple[str, str]]:
        statement = (
            select(TOKENS.c.token_sha256, TOKENS.c.prefix)
            .where(TOKENS.c.user_id == name)
            .order_by(TOKENS.c.created_at)
        )
        with self._engine.connect() as connection:
            return [(sha, prefix) for sha, prefix in connection.execute(statement)]

    def delete_tokens(self, name: str, sha256s: Sequence[str]) -> int:
        if not sha256s:
            return 0
        statement = delete(TOKENS).where(
            TOKENS.c.user_id == name, TOKENS.c.token_sha256.in_(list(sha256s))
        )
        with self._engine.begin() as connection:
            return connection.execute(statement).rowcount

    def remove_user(self, name: str) -> bool:
        with SqlUnitOfWork(self._engine) as uow:
            uow.lock_user(name)
            connection = uow.connection
            if not _user_exists(connection, name):
                return False
            _delete_data(connection, name)
            connection.execute(delete(TOKENS).where(TOKENS.c.user_id == name))
            connection.execute(delete(USERS).where(USERS.c.id == name))
            uow.commit()
        return True

    def find_token(self, sha256: str) -> TokenOwner | None:
        with self._engine.connect() as connection:
            row = connection.execute(TOKEN_OWNER, {"sha256": sha256}).first()
        return TokenOwner(row.user_id, row.last_used_at) if row is not None else None

    def touch_token(self, sha256: str, now: datetime) -> None:
        recent = now - LAST_USED_RESOLUTION
        statement = (
            update(TOKENS)
            .where(
                TOKENS.c.token_sha256 == sha256,
                TOKENS.c.last_used_at.is_(None) | (TOKENS.c.last_used_at < recent),
            )
            .values(last_used_at=now)
        )
        with self._engine.begin() as connection:
            connection.execute(statement)


def _user_exists(connection: Connection, name: str) -> bool:
    return connection.execute(select(USERS.c.id).where(USERS.c.id == name)).first() is not None


def _insert_token(connection: Connection, name: str, token: StoredToken) -> None:
    connection.execute(
        insert(TOKENS),
        {
            "token_sha256": token.sha256,
            "user_id": name,
            "prefix": token.prefix,
            "created_at": token.created_at,
            "last_used_at": None,
        },
    )


def _move_data(connection: Connection, source: str, target: str) -> None:
    """Give ``target`` every row of ``source``: copied, then deleted (a distributed table
    cannot change the distribution column of a row in place)."""
    for table in user_data_tables():
        others = [column for column in table.columns if column.name != "user_id"]
        copied = select(literal(target).label("user_id"), *others).where(table.c.user_id == source)
        connection.execute(
            insert(table).from_select(["user_id", *(c.name for c in others)], copied)
        )
    _delete_data(connection, source)


def _delete_data(connection: Connection, user_id: str) -> None:
    for table in reversed(user_data_tables()):
        connection.execute(delete(table).where(table.c.user_id == user_id))
