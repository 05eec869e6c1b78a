"""An in-memory unit of work for service tests: same protocol, no database."""

from __future__ import annotations

import copy
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import TracebackType

from domain.kpi_changes import kpi_changes
from domain.model import DailyMetrics, DataRange, Ingestion, Kpi, Profile


@dataclass
class _State:
    days: dict[str, dict[date, DailyMetrics]] = field(default_factory=dict)
    kpis: dict[str, dict[date, Kpi]] = field(default_factory=dict)
    profiles: dict[str, Profile] = field(default_factory=dict)
    ingestions: dict[str, list[Ingestion]] = field(default_factory=dict)


class _Metrics:
    def __init__(self, state: _State) -> None:
        self._s = state

    def _of(self, user_id: str) -> dict[date, DailyMetrics]:
        return self._s.days.setdefault(user_id, {})

    def all_days(self, user_id: str) -> list[DailyMetrics]:
        return sorted(self._of(user_id).values(), key=lambda d: d.date)

    def between(self, user_id: str, start: date, end: date) -> list[DailyMetrics]:
        return [d for d in self.all_days(user_id) if start <= d.date <= end]

    def on_dates(self, user_id: str, dates: Collection[date]) -> list[DailyMetrics]:
        return [d for d in self.all_days(user_id) if d.date in dates]

    def upsert(
        self,
        user_id: str,
        days: Sequence[DailyMetrics],
        *,
        updated_at: datetime,
        ingestion_id: str | None,
        new: bool = False,
    ) -> None:
        for day in days:
            self._of(user_id)[day.date] = replace(day, updated_at=updated_at)

    def delete_between(self, user_id: str, start: date, end: date) -> int:
        return self.delete_dates(user_id, [d for d in self._of(user_id) if start <= d <= end])

    def delete_dates(self, user_id: str, dates: Sequence[date]) -> int:
        doomed = [d for d in set(dates) if d in self._of(user_id)]
        for d in doomed:
            del self._of(user_id)[d]
        return len(doomed)

    def recent_weights(
        self, user_id: str, *, since: date, before: date, last: int
    ) -> list[tuple[date, float]]:
        weighed = [(d.date, d.weight_kg) for d in self.all_days(user_id) if d.weight_kg]
        latest = {day for day, _ in weighed[-last:]}
        return [(d, w) for d, w in weighed if since <= d < before or d in latest]

    def data_range(self, user_id: str) -> DataRange:
        dates = sorted(self._of(user_id))
        return DataRange(dates[0] if dates else None, dates[-1] if dates else None, len(dates))


class _Kpis:
    def __init__(self, state: _State) -> None:
        self._s = state

    def replace_from(
        self, user_id: str, since: date | None, kpis: Sequence[Kpi], *, computed_at: datetime
    ) -> date | None:
        rows = self._s.kpis.setdefault(user_id, {})
        stored = [rows[d] for d in sorted(rows) if since is None or d >= since]
        changes = kpi_changes(stored, kpis)
        for d in changes.deleted:
            del rows[d]
        rows.update({k.date: k for k in changes.written})
        return changes.first_date

    def between(self, user_id: str, start: date, end: date) -> list[Kpi]:
        rows = self._s.kpis.get(user_id, {})
        return [rows[d] for d in sorted(rows) if start <= d <= end]

    def on_dates(self, user_id: str, dates: Collection[date]) -> list[Kpi]:
        rows = self._s.kpis.get(user_id, {})
        return [rows[d] for d in sorted(rows) if d in dates]


class _Profiles:
    def __init__(self, state: _State) -> None:
        self._s = state

    def get(self, user_id: str) -> Profile | None:
        return self._s.profiles.get(user_id)

    def save(self, user_id: str, profile: Profile, *, updated_at: datetime) -> None:
        self._s.profiles[user_id] = profile


class _Ingestions:
    def __init__(self, state: _State) -> None:
        self._s = state

    def add(self, user_id: str, ingestion: Ingestion) -> None:
        self._s.ingestions.setdefault(user_id, []).append(ingestion)

    def latest(self, user_id: str, limit: int) -> list[Ingestion]:
        return list(reversed(self._s.ingestions.get(user_id, [])))[:limit]

    def older_than(
        self, user_id: str, position: tuple[datetime, str] | None, limit: int
    ) -> list[Ingestion]:
        newest_first = sorted(
            self._s.ingestions.get(user_id, []), key=lambda i: (i.created_at, i.id), reverse=True
        )
        return [i for i in newest_first if position is None or (i.created_at, i.id) < position][
            :limit
        ]

    def by_ids(self, user_id: str, ids: Collection[str]) -> list[Ingestion]:
        return [i for i in self._s.ingestions.get(user_id, []) if i.id in ids]

    def count(self, user_id: str) -> int:
        return len(self._s.ingestions.get(user_id, []))


class FakeUnitOfWork:
    """Works on a copy of the committed state; ``commit`` publishes the copy."""

    def __init__(self) -> None:
        self.committed = _State()
        self.commits = 0
        self.locked: list[str] = []

    def __enter__(self) -> FakeUnitOfWork:
        self._work = copy.deepcopy(self.committed)
        self.metrics = _Metrics(self._work)
        self.kpis = _Kpis(self._work)
        self.profiles = _Profiles(self._work)
        self.ingestions = _Ingestions(self._work)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._work = _State()

    def lock_user(self, user_id: str) -> None:
        self.locked.append(user_id)

    def data_version(self, user_id: str) -> int:
        return self.commits

    def commit(self) -> None:
        self.committed = self._work
        self.commits += 1

    def rollback(self) -> None:
        self.__enter__()
