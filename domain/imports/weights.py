"""The pounds check: a file's weights against the person's stored ones (docs/imports/index.md).

Pounds read as kilograms are 2.2 times too large, kilograms read as pounds 2.2
times too small. When the median of a file's weights and the median of the
person's stored weights differ by a factor between 2.0 and 2.5, the file is
refused with both readings, unless ``weightUnit`` was sent: a body does not
double or halve between weigh-ins.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import date, timedelta

from domain.columns import LB_TO_KG
from domain.validation import format_number

#: The stored weights compared with: the days before the file's first date ...
WINDOW_DAYS = 60
#: ... else the person's latest weigh-ins.
LATEST_WEIGH_INS = 10
LOW_FACTOR = 2.0
HIGH_FACTOR = 2.5


def window(first: date) -> tuple[date, date]:
    """The dates ``since <= date < before`` whose stored weights are compared first."""
    return first - timedelta(days=WINDOW_DAYS), first


def unit_problem(
    weights: Sequence[float], stored: Sequence[tuple[date, float]], first: date
) -> str | None:
    """Why the file's weights look like the wrong unit, or None.

    Args:
        weights: the file's weights in kg, as they would be stored.
        stored: the stored weights from ``recent_weights`` (the window before
            ``first`` and the latest weigh-ins), sorted by date.
        first: the file's first date.
    """
    if not weights or not stored:
        return None
    since, before = window(first)
    compared = [w for day, w in stored if since <= day < before]
    described = f"the {WINDOW_DAYS} days before {first.isoformat()}"
    if not compared:
        compared = [w for _, w in stored[-LATEST_WEIGH_INS:]]
        described = f"your last {len(compared)} weigh-ins"
    mine, theirs = statistics.median(weights), statistics.median(compared)
    factor = max(mine, theirs) / min(mine, theirs)
    if not LOW_FACTOR <= factor <= HIGH_FACTOR:
        return None
    other, other_unit = (mine * LB_TO_KG, "pounds") if mine > theirs else (mine / LB_TO_KG, "kg")
    return (
        f"weight_kg: the file's weights (median {_kg(mine)} kg as read) are {factor:.1f} times "
        f"your stored weights (median {_kg(theirs)} kg over {described}), as between pounds "
        f"and kilograms; read as {other_unit} they would be {_kg(other)} kg. Nothing was "
        "stored: send weightUnit LB if the file's weights are pounds or KG if they are "
        "kilograms (a header that states its unit keeps it; weightUnit then confirms it)"
    )


def _kg(value: float) -> str:
    return format_number(round(value, 1))
