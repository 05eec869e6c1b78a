"""Calendar windows over a date-indexed series: the mean and count of each window's values."""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Sequence

#: W(D) is the 7 calendar days D-6..D.
WEEK_DAYS = 7


def window_means(
    series: Sequence[float | None], ends: Sequence[int], size: int = WEEK_DAYS
) -> tuple[list[float | None], list[int]]:
    """The mean and the number of values of each ``size``-day window ending at ``ends``.

    ``series`` holds one slot per calendar day (index 0 is the first day); each window
    covers the calendar days end-size+1..end, not the last ``size`` rows. A missing
    day and a blank cell are both ``None`` and mean "no value": the mean is over the
    days that have a value and is ``None`` when none has. Days before index 0 hold no
    value. Each window sums its own few values (correctly rounded by ``math.fsum``),
    never a running total, so a result does not depend on where the series starts
    (only the counts are running totals: integers, exact).

    Returns:
        ``(means, counts)``, one entry per index in ``ends``, in the same order.
    """
    # Only the slots the windows cover are read: from the first end's window on (a
    # recompute from a date needs the last years only).
    low = min(ends, default=0) - (size - 1)
    if low > 0:
        series, ends = series[low:], [end - low for end in ends]
    # Blanks become zeros, which leave an exact sum unchanged, so each window is one
    # slice; the counts come from a running count of values, exact as integers.
    filled = [0.0] * (size - 1)
    filled += [0.0 if value is None else value for value in series]
    seen = [0] * size
    seen += itertools.accumulate(map(operator.is_not, series, itertools.repeat(None)))
    counts = [seen[end + size] - seen[end] for end in ends]
    totals = _whole_totals(filled)
    if totals is not None:
        # Whole numbers below 2**53 in sum: every running total is exact, and so is
        # each window's difference of two, which is what math.fsum would return.
        return [
            (totals[end + size] - totals[end]) / count if count else None
            for end, count in zip(ends, counts, strict=True)
        ], counts
    fsum = math.fsum
    means = [
        fsum(filled[end : end + size]) / count if count else None
        for end, count in zip(ends, counts, strict=True)
    ]
    return means, counts


#: Whole numbers whose sum stays below this in size add up exactly in floats.
_EXACT_SUM_LIMIT = 2.0**53


def _whole_totals(filled: list[float]) -> list[float] | None:
    """The running totals of ``filled`` (0 first), when its values are all whole numbers
    whose sizes add up to less than 2**53 (steps, the steps goal, kcal often): then each
    total is exact. ``None`` otherwise."""
    if not filled:
        return None
    try:
        whole = all(map(float.is_integer, filled))
    except TypeError:  # ints (steps): as floats they are the same numbers below 2**53
        filled = list(map(float, filled))
        whole = all(map(float.is_integer, filled))
    if not whole or max(max(filled), -min(filled)) * len(filled) >= _EXACT_SUM_LIMIT:
        return None
    totals = [0.0]
    totals += itertools.accumulate(filled)
    return totals
