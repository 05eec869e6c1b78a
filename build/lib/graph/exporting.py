"""Reading a user's stored days out as a CSV file that ``ingest`` takes back unchanged."""

from __future__ import annotations

from datetime import date

from domain.exporting import to_csv
from domain.model import DailyMetrics
from domain.ports import UnitOfWork


def export_days(
    uow: UnitOfWork, user_id: str, start: date | None = None, end: date | None = None
) -> bytes:
    """Every stored day of the user in ``start..end`` (either bound open when None) as CSV.

    Unlike the list queries, an export takes any range: a person can always take all
    their data out in one file.
    """
    with uow:
        if start is None and end is None:
            days: list[DailyMetrics] = uow.metrics.all_days(user_id)
        else:
            days = uow.metrics.between(user_id, start or date.min, end or date.max)
    return to_csv(days)
