"""An in-memory unit of work for service tests: same protocol, no database."""

from __future__ import annotations

import copy
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import TracebackType

from domain.checkpoints import Checkpoint
from domain.kpi_changes import kpi_changes
from domain.model import DailyMetrics, DataRange, Ingestion, Kpi, Profile


@dataclass
class _State:
    days: dict[str, dict[date, DailyMetrics]] = field(default_factory=dict)
    kpis: dict[str, dict[date, Kpi]] = field(default_factory=dict)
    profiles: dict[str, Profile] = field(default_factory=dict)
    ingestions: dict[str, list[Ingestion]] = field(default_factory=dict)
    checkpoints: dict[str, dict[date, str]] = field(default_factory=dict)
    #: The commit count each user's checkpoints were stamped for.
    stamps: dict[str, int] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)


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

    def last_weigh_in_before(self, user_id: str, day: date) -> date | None:
        return max(
            (d for d, m in self._of(user_id).items() if d < day and m.weight_kg), default=None
        )

    def after(self, user_id: str, day: date) -> tuple[int, DailyMetrics | None]:
        later = [d for d in self.all_days(user_id) if d.date >= day]
        weighed = [d for d in later if d.weight_kg is not None]
        first = DailyMetrics(weighed[0].date, weight_kg=weighed[0].weight_kg) if weighed else None
        return len(later), first

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
        self,
        user_id: str,
        since: date | None,
        kpis: Sequence[Kpi],
        *,
        computed_at: datetime,
        until: date | None = None,
    ) -> date | None:
        rows = self._s.kpis.setdefault(user_id, {})
        stored = [
            rows[d]
            for d in sorted(rows)
            if (since is None or d >= since) and (until is None or d <= until)
        ]
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


class _Checkpoints:
    def __init__(self, state: _State, commits: int) -> None:
        self._s = state
        self._commits = commits

    def _of(self, user_id: str) -> dict[date, str]:
        return self._s.checkpoints.setdefault(user_id, {})

    def usable(self, user_id: str) -> bool:
        return self._s.stamps.get(user_id) == self._commits

    def latest_on_or_before(self, user_id: str, day: date) -> Checkpoint | None:
        earlier = [d for d in self._of(user_id) if d <= day]
        if not earlier or not self.usable(user_id):
            return None
        return Checkpoint.from_text(max(earlier), self._of(user_id)[max(earlier)])

    def texts_between(self, user_id: str, start: date, end: date) -> dict[date, str]:
        return {d: t for d, t in self._of(user_id).items() if start <= d <= end}

    def put(self, user_id: str, checkpoints: Sequence[Checkpoint], *, new: bool = False) -> None:
        self._of(user_id).update({c.day: c.text() for c in checkpoints})

    def delete_from(self, user_id: str, day: date | None) -> None:
        for d in [d for d in self._of(user_id) if day is None or d >= day]:
            del self._of(user_id)[d]

    def stamp(self, user_id: str) -> None:
        self._s.kept.add(user_id)


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
        self.checkpoints = _Checkpoints(self._work, self.commits)
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
        self.commits += 1
        # A commit changes the data version: checkpoints kept usable are stamped with it.
        for user_id in self._work.kept:
            self._work.stamps[user_id] = self.commits
        self._work.kept.clear()
        self.committed = self._work

    def rollback(self) -> None:
        self.__enter__()
