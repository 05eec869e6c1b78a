"""Calendar windows over a date-indexed series: the mean and count of each window's values."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

#: W(D) is the 7 calendar days D-6..D.
WEEK_DAYS = 7


def window_means(
    series: Sequence[float | None], ends: Iterable[int], size: int = WEEK_DAYS
) -> tuple[list[float | None], list[int]]:
    """The mean and the number of values of each ``size``-day window ending at ``ends``.

    ``series`` holds one slot per calendar day (index 0 is the first day); each window
    covers the calendar days end-size+1..end, not the last ``size`` rows. A missing
    day and a blank cell are both ``None`` and mean "no value": the mean is over the
    days that have a value and is ``None`` when none has. Days before index 0 hold no
    value. Each window sums its own few values (correctly rounded by ``math.fsum``),
    never a running total, so a result does not depend on where the series starts.

    Returns:
        ``(means, counts)``, one entry per index in ``ends``, in the same order.
    """
    padded = [None] * (size - 1) + list(series)
    fsum = math.fsum
    means: list[float | None] = []
    counts: list[int] = []
    for end in ends:
        values = padded[end : end + size]
        if None in values:
            values = [value for value in values if value is not None]
        count = len(values)
        means.append(fsum(values) / count if count else None)  # type: ignore[arg-type]
        counts.append(count)
    return means, counts
