"""Per-request batch loaders: the KPIs of many served days in one read (DailyMetric.kpi)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import date
from weakref import WeakKeyDictionary

from strawberry.dataloader import DataLoader

from domain import model, services
from graph.schema.calls import call_service
from graph.schema.context import Context

_Loader = DataLoader[date, model.Kpi | None]
#: One loader per request (and event loop, which a loader is bound to), so a list of
#: days reads its KPIs at once.
_DAY_KPIS: WeakKeyDictionary[Context, tuple[asyncio.AbstractEventLoop, _Loader]] = (
    WeakKeyDictionary()
)


def day_kpis(context: Context) -> _Loader:
    """The request's loader of a day's stored KPI row (None when it has none).

    It batches without caching: a mutation later in the same request (two edits of one
    day) must not be answered with the KPIs read before it.
    """
    loop = asyncio.get_running_loop()
    kept = _DAY_KPIS.get(context)
    loader = kept[1] if kept is not None and kept[0] is loop else None
    if loader is None:

        async def load(dates: Sequence[date]) -> list[model.Kpi | None]:
            keys = services.NodeKeys(kpis=frozenset(dates))
            found = await call_service(context, services.find_nodes, keys)
            return [found.kpis.get(day) for day in dates]

        loader = DataLoader(load_fn=load, cache=False, loop=loop)
        _DAY_KPIS[context] = (loop, loader)
    return loader
