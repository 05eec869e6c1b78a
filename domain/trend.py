"""Series derived from weight: the reference weight and the smoothed weight trend."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

#: How far back a weigh-in still serves as the reference weight RW(D), in days.
REFERENCE_WEIGHT_MAX_AGE_DAYS = 30

#: The weight trend's smoothing factor (10 %, as in The Hacker's Diet).
TREND_SMOOTHING = 0.1


def reference_weights(weights: Sequence[float | None]) -> list[float | None]:
    """RW(d) for every calendar index of a date-indexed weight series.

    Reference weight RW(D): weight on the latest day d ≤ D that has one, if
    D - d ≤ 30 days; else null.
    """
    result: list[float | None] = [None] * len(weights)
    last_weight: float | None = None
    last_index = 0
    for index, weight in enumerate(weights):
        if weight is not None:
            last_weight, last_index = weight, index
        if last_weight is not None and index - last_index <= REFERENCE_WEIGHT_MAX_AGE_DAYS:
            result[index] = last_weight
    return result


def weight_trend(
    weights: Sequence[float | None], start: tuple[int, float] | None = None
) -> list[float | None]:
    """T(d) for every calendar index of a date-indexed weight series.

    An exponentially smoothed moving average of weight with 10 % smoothing, over
    calendar days: on the first weighed day T = weight; each following day
    T(d) = T(d-1) + 0.1·(w(d) − T(d-1)), where on a day without a weight w(d) is
    linearly interpolated between the nearest weighed days before and after it, and
    T carries unchanged past the last weighed day. Null before the first weighed day.

    The trend is a recurrence over the whole history: unlike the 7-day windows it
    never fully forgets an old weigh-in, it only fades it by 0.9 a day.

    ``start`` resumes it: ``(slot, T)`` where ``slot`` is a weighed slot and ``T`` the
    trend there as the whole history gave it; the slots before it are left null.
    """
    result: list[float | None] = [None] * len(weights)
    begin = 0 if start is None else start[0]
    weighed = [
        index for index, weight in enumerate(weights) if weight is not None and index >= begin
    ]
    if not weighed:
        return result
    trend = _weight_at(weights, weighed[0]) if start is None else start[1]
    result[weighed[0]] = trend
    for before, after in itertools.pairwise(weighed):
        low, high = _weight_at(weights, before), _weight_at(weights, after)
        gap = after - before
        for index in range(before + 1, after):
            interpolated = low + (high - low) * (index - before) / gap
            trend += TREND_SMOOTHING * (interpolated - trend)
            result[index] = trend
        trend += TREND_SMOOTHING * (high - trend)
        result[after] = trend
    for index in range(weighed[-1] + 1, len(weights)):
        result[index] = trend
    return result


def _weight_at(weights: Sequence[float | None], index: int) -> float:
    weight = weights[index]
    assert weight is not None
    return weight
