"""On PostgreSQL one user's write never waits for another user's lock (docs/accounts.md)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from domain import services
from domain.errors import BusyError
from domain.model import DateOrder, Ingestion, InvalidRowPolicy
from persistence.database import create_engine_for
from persistence.uow import SqlUnitOfWork

NOW = datetime(2026, 3, 1, tzinfo=UTC)
CSV = b"date,steps\n2026-02-01,1000\n2026-02-02,2000\n"


def _upload(engine: Engine, user_id: str) -> Ingestion:
    # Lock waits give up after one second: a write queued behind alice's lock would fail.
    return services.upload_csv(
        SqlUnitOfWork(engine, lock_wait_seconds=1),
        user_id,
        CSV,
        filename=f"{user_id}.csv",
        policy=InvalidRowPolicy.REJECT_FILE,
        date_order=DateOrder.AUTO,
        now=NOW,
    )


@pytest.mark.postgres
def test_a_write_goes_ahead_while_another_user_holds_their_lock(postgres_url: str) -> None:
    engine = create_engine_for(postgres_url)
    try:
        with SqlUnitOfWork(engine) as alice:
            alice.lock_user("alice")

            assert _upload(engine, "bob").status.value == "APPLIED"
            with pytest.raises(BusyError, match="held the lock"):
                _upload(engine, "alice")
    finally:
        engine.dispose()
