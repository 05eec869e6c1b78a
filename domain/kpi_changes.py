"""What a recompute writes: only the KPI rows whose stored values change (docs/kpis.md).

KPIs are stored rounded to the precision the API serves (``domain.precision``). A
change on day D recomputes every later day at full precision, but the weight trend
and the expenditure filter forget a change geometrically: a few weeks on, the
recomputed values round to what is stored, and those rows are left as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from domain.model import Kpi
from domain.precision import stored_kpis


@dataclass(frozen=True, slots=True)
class KpiChanges:
    """The rows to write (rounded as stored) and the stored dates that have no KPIs now."""

    written: list[Kpi]
    deleted: list[date]

    @property
    def first_date(self) -> date | None:
        """The first date whose stored KPI row is created, changed or deleted."""
        firsts = [self.written[0].date] if self.written else []
        firsts += self.deleted[:1]
        return min(firsts, default=None)

    def __bool__(self) -> bool:
        return bool(self.written or self.deleted)


def kpi_changes(stored: Sequence[Kpi], computed: Sequence[Kpi]) -> KpiChanges:
    """Compare the KPIs just computed with the stored rows of the same span of dates.

    Args:
        stored: the stored rows of the span, sorted by date.
        computed: the full-precision KPIs of the span (``compute_kpis``), sorted by date.

    Returns:
        The computed rows, rounded as stored, that differ from the stored row of their
        date or have none; and the stored dates without a computed row (days deleted).
    """
    by_date = {kpi.date: kpi for kpi in stored}
    pop = by_date.pop
    written = [kpi for kpi in stored_kpis(computed) if pop(kpi.date, None) != kpi]
    return KpiChanges(written=written, deleted=sorted(by_date))
