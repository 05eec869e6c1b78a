"""Calendar windows over a date-indexed series: the mean and count of each window's values."""

from __future__ import annotations

import itertools
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
    never a running total, so a result does not depend on where the series starts
    (only the counts are running totals: integers, exact).

    Returns:
        ``(means, counts)``, one entry per index in ``ends``, in the same order.
    """
    # Blanks become zeros, which leave an exact sum unchanged, so each window is one
    # slice; the counts come from a running count of values, exact as integers.
    filled = [0.0] * (size - 1)
    filled += [0.0 if value is None else value for value in series]
    seen = [0] * size
    seen += itertools.accumulate(value is not None for value in series)
    counts = [seen[end + size] - seen[end] for end in ends]
    fsum = math.fsum
    means = [
        fsum(filled[end : end + size]) / count if count else None
        for end, count in zip(ends, counts, strict=True)
    ]
    return means, counts
