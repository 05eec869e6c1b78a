"""Recomputing a user's stored KPIs after a change of their days (docs/kpis.md,
"Checkpoints").

After every change the stored KPIs equal ``compute_kpis`` over all the stored days and
the profile. Two ways get there:

* ``recompute_all`` reads every stored day, computes the KPIs from the first affected
  day on, and writes every checkpoint of the history (the first change after an
  upgrade, a change spanning more than a year, a dry run without the writes);
* ``recompute_resumed`` starts from the last stored checkpoint at least 21 days before
  the first affected day and reads the days from there on, a chunk at a time. It stops
  at the first checkpoint date, at least 15 days after the last changed day, whose
  newly computed state is the stored one: from 21 days after it on, every KPI comes
  out as stored, so neither those days nor their rows are read. The trend and the
  expenditure filter forget a change within about a year, so a correction in the
  middle of ten years reads and computes about 500 days instead of ten years.

Checkpoints are used only while they were written for the data as it stands (the
unit of work stamps them with the data version its commit makes); any write that does
not keep them up to date leaves them unused until the next ``recompute_all``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from domain.checkpoints import SETTLE_DAYS, WINDOW_DAYS, Checkpoint
from domain.kpi_changes import kpi_changes
from domain.kpis import compute_kpis, first_affected_date
from domain.model import DEFAULT_PROFILE, DailyMetrics
from domain.ports import UnitOfWork

#: A resumed recompute reads this many days after the change at a time (16 checkpoints).
CHUNK_DAYS = 448
#: A change of the days over a longer span than this recomputes everything.
MAX_RESUMED_SPAN_DAYS = 366

_DAY = timedelta(days=1)
_SETTLED = timedelta(days=SETTLE_DAYS)
_WINDOW = timedelta(days=WINDOW_DAYS)
_CHUNK = timedelta(days=CHUNK_DAYS)


def resume_point(uow: UnitOfWork, user_id: str, first: date, last: date) -> Checkpoint | None:
    """The checkpoint from which a change of the stored days ``first``..``last`` can be
    recomputed (``recompute_resumed``); None when everything must be."""
    if (last - first).days > MAX_RESUMED_SPAN_DAYS:
        return None
    # The change reaches back to the day after the last weigh-in before it.
    weighed = uow.metrics.last_weigh_in_before(user_id, first)
    since = first if weighed is None else min(first, weighed + _DAY)
    return uow.checkpoints.latest_on_or_before(user_id, since - _SETTLED)


def recompute_all(
    uow: UnitOfWork,
    user_id: str,
    days: Sequence[DailyMetrics],
    changed: date,
    now: datetime,
    write: bool = True,
) -> tuple[int, date | None]:
    """Recompute the KPIs from what a change on ``changed`` can alter, over all the
    stored ``days`` (after the change), and store every checkpoint; returns the KPI
    days recomputed and the first date whose stored row was created, changed or deleted
    (None when every row came out as it was). Without ``write`` (a dry run) nothing is
    written: the same comparison from reads alone."""
    since = first_affected_date(days, changed)
    profile = uow.profiles.get(user_id) or DEFAULT_PROFILE
    if not write:
        kpis = compute_kpis(days, profile, since)
        stored = uow.kpis.between(user_id, since, date.max)
        return len(kpis), kpi_changes(stored, kpis).first_date
    checkpoints: list[Checkpoint] = []
    kpis = compute_kpis(days, profile, since, checkpoints=checkpoints)
    changed_from = uow.kpis.replace_from(user_id, since, kpis, computed_at=now)
    uow.checkpoints.delete_from(user_id, None)
    uow.checkpoints.put(user_id, checkpoints, new=True)
    uow.checkpoints.stamp(user_id)
    return len(kpis), changed_from


def recompute_resumed(
    uow: UnitOfWork,
    user_id: str,
    resume: Checkpoint,
    changed: date,
    last_changed: date,
    now: datetime,
) -> tuple[int, date | None]:
    """What ``recompute_all`` returns for a change of the stored days ``changed`` to
    ``last_changed`` (already written), resumed from ``resume`` (``resume_point``)."""
    profile = uow.profiles.get(user_id) or DEFAULT_PROFILE
    end = max(changed, last_changed + _DAY) + _CHUNK  # the chunk's days are before it
    days = uow.metrics.between(user_id, _window_start(resume), end - _DAY)
    since = first_affected_date(days, changed)
    if since < resume.day + _SETTLED:  # resume_point rules this out
        raise ValueError(f"a change from {since} cannot resume from {resume.day}")
    if not _anchored(resume, days):  # the stamp rules this out: recompute all the same
        return recompute_all(uow, user_id, uow.metrics.all_days(user_id), changed, now)
    # A state equal to the stored one settles everything after it only when no changed
    # day is among the raw days a day after it reads.
    settles_from = last_changed + _WINDOW + _DAY
    firsts: list[date] = []
    # The stored checkpoints from this date on are those of the data before the change
    # (the earlier ones this recompute has already written).
    unchecked = resume.day + _DAY
    following, weighed = uow.metrics.after(user_id, end)
    # Every day from ``since`` on counts as recomputed: those after the stop are known to
    # come out as stored.
    recomputed = sum(day.date >= since for day in days) + following
    while True:
        last = following == 0
        checkpoints: list[Checkpoint] = []
        # The next weigh-in is read too: the trend of the days before it leads to it.
        read = [*days, weighed] if weighed is not None else days
        kpis = compute_kpis(read, profile, since, resume=resume, checkpoints=checkpoints)
        if not last:
            kpis = [kpi for kpi in kpis if kpi.date < end]
            checkpoints = [checkpoint for checkpoint in checkpoints if checkpoint.day <= end]
        checkpoints = [checkpoint for checkpoint in checkpoints if checkpoint.day >= unchecked]
        stored = uow.checkpoints.texts_between(user_id, unchecked, date.max if last else end)
        texts = {checkpoint.day: checkpoint.text() for checkpoint in checkpoints}
        settled = next(
            (
                checkpoint
                for checkpoint in checkpoints
                if checkpoint.day >= settles_from
                and (last or checkpoint.day + _SETTLED <= end)
                and stored.get(checkpoint.day) == texts[checkpoint.day]
            ),
            None,
        )
        if settled is not None:
            until = settled.day + _SETTLED - _DAY
            kpis = [kpi for kpi in kpis if kpi.date <= until]
            checkpoints = [c for c in checkpoints if c.day < settled.day]
        elif last:
            until = None
        else:
            until = end - _DAY
        first = uow.kpis.replace_from(user_id, since, kpis, computed_at=now, until=until)
        if first is not None:
            firsts.append(first)
        uow.checkpoints.put(user_id, [c for c in checkpoints if stored.get(c.day) != texts[c.day]])
        if settled is not None:
            break
        if last:
            if stored.keys() - texts.keys():
                uow.checkpoints.delete_from(user_id, max(texts, default=unchecked - _DAY) + _DAY)
            break
        # The next chunk resumes from the last checkpoint whose KPIs 21 days on are not
        # yet compared (or from the same one, when the chunk held no later day).
        resume = next((c for c in reversed(checkpoints) if c.day + _SETTLED <= end), resume)
        since, unchecked, end = end, end + _DAY, end + _CHUNK
        days = uow.metrics.between(user_id, _window_start(resume), end - _DAY)
        following, weighed = uow.metrics.after(user_id, end)
    uow.checkpoints.stamp(user_id)
    return recomputed, min(firsts, default=None)


def keep_checkpoints(uow: UnitOfWork, user_id: str) -> None:
    """A write that changes no stored day keeps the checkpoints usable."""
    if uow.checkpoints.usable(user_id):
        uow.checkpoints.stamp(user_id)


def _anchored(checkpoint: Checkpoint, days: Sequence[DailyMetrics]) -> bool:
    """Whether the stored days hold the checkpoint's last weigh-in as it holds it."""
    if checkpoint.anchor is None:
        return True
    day, weight, _ = checkpoint.anchor
    return any(stored.date == day and stored.weight_kg == weight for stored in days)


def _window_start(checkpoint: Checkpoint) -> date:
    """The first stored day a computation resumed from ``checkpoint`` reads."""
    start = checkpoint.day - _WINDOW
    if checkpoint.anchor is not None:
        start = min(start, checkpoint.anchor[0])
    return start
