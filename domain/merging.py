"""The merge rule: how incoming days change the stored ones (docs/formats.md, Applying a file)."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from datetime import date

from domain.model import METRIC_FIELDS, DailyMetrics, MergeResult


def merge(
    stored: Sequence[DailyMetrics],
    incoming: Sequence[DailyMetrics],
    fields: Collection[str],
) -> MergeResult:
    """Apply ``incoming`` days to ``stored`` days, overwriting only ``fields``.

    For each date in the file, the columns present in the file overwrite the stored
    values (a blank cell, ``None``, clears the stored value); columns absent from the
    file leave stored values untouched. A new date gets the incoming values for
    ``fields`` and ``None`` for the rest.

    Args:
        stored: the stored days, one per date, in any order.
        incoming: the days to apply, in any order; when a date occurs twice the later
            one wins.
        fields: the ``METRIC_FIELDS`` names to take from ``incoming``.

    Returns:
        Every stored day after the merge, and the new version of each inserted or
        updated day in ``changed``. ``inserted`` counts new dates, ``updated`` dates
        whose values changed and ``unchanged`` incoming dates whose values did not.
        Unchanged days keep their stored ``updated_at``; a changed day carries the
        incoming day's ``updated_at`` (usually ``None``: storage stamps it on write).
        The inputs are not mutated.

    Raises:
        ValueError: ``fields`` names something that is not a metric field.
    """
    unknown = set(fields).difference(METRIC_FIELDS)
    if unknown:
        raise ValueError(f"not metric fields: {', '.join(sorted(unknown))}")
    taken = tuple(name for name in METRIC_FIELDS if name in fields)

    result: dict[date, DailyMetrics] = {day.date: day for day in stored}
    latest: dict[date, DailyMetrics] = {day.date: day for day in incoming}
    changed: list[DailyMetrics] = []
    inserted = updated = 0
    for day_date, day in latest.items():
        old = result.get(day_date)
        new = _apply(old, day, taken)
        if old is None:
            inserted += 1
        elif new == old:
            continue
        else:
            updated += 1
        result[day_date] = new
        changed.append(new)

    changed.sort(key=_by_date)
    return MergeResult(
        days=tuple(sorted(result.values(), key=_by_date)),
        changed=tuple(changed),
        inserted=inserted,
        updated=updated,
        unchanged=len(latest) - inserted - updated,
    )


def _apply(old: DailyMetrics | None, day: DailyMetrics, taken: tuple[str, ...]) -> DailyMetrics:
    if old is None and len(taken) == len(METRIC_FIELDS):
        return day  # a new date taking every field is the incoming day itself
    base = DailyMetrics(date=day.date) if old is None else old
    values = {name: getattr(day, name) for name in taken}
    return dataclasses.replace(base, updated_at=day.updated_at, **values)


def _by_date(day: DailyMetrics) -> date:
    return day.date
