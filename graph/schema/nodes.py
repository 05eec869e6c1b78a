"""Node lookup: global ids read back into the served objects they name (docs/api.md, "Node").

An id is the base64 of ``Type:user:key`` (graph/execution/served.py). Every id of a
known shape goes into the lookup with its key, whoever's it names, and the lookup
reads the request's user's data only, one read per kind asked for: an id of another
user's object is looked up among the request's user's objects and its answer dropped
afterwards. So another user's id, an unknown one and a malformed one all answer
null, and neither the answer nor the work done (the same statements, on the
request's user's rows) depends on what another user has stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from domain import model, services
from graph.execution.served import read_opaque_id
from graph.schema.calls import call_service
from graph.schema.context import Context
from graph.schema.types.daily_metric import DailyMetric
from graph.schema.types.data_range import DataRange
from graph.schema.types.ingestion import Ingestion
from graph.schema.types.kpi import Kpi
from graph.schema.types.kpi_summary import KpiSummary
from graph.schema.types.node import Node
from graph.schema.types.profile import Profile

#: Random report ids are 32 hex digits (domain.services); kept loose for older ones.
_REPORT_KEY_LENGTH = 64


@dataclass(frozen=True, slots=True)
class _Ref:
    """What one well-formed id names: a kind, its key, and whether it is the user's."""

    kind: str
    key: Any
    owned: bool


def _ref(raw: str, user_id: str) -> _Ref | None:
    decoded = read_opaque_id(raw)
    if decoded is None:
        return None
    kind, owner, text = decoded
    key = _key(kind, text)
    return None if key is None else _Ref(kind, key, owner == user_id)


def _key(kind: str, text: str) -> Any:
    """The key of ``kind`` that ``text`` spells, or None when it spells none."""
    try:
        if kind in ("DailyMetric", "Kpi"):
            return date.fromisoformat(text) if len(text) == 10 else None
        if kind in ("Profile", "DataRange"):
            return "" if text == "" else None
        if kind == "Ingestion":
            ok = 0 < len(text) <= _REPORT_KEY_LENGTH and text.isalnum() and text.isascii()
            return text if ok else None
        if kind == "KpiSummary":
            period, start, end = text.split("/")
            if len(start) != 10 or len(end) != 10:
                return None
            return (model.Period[period], date.fromisoformat(start), date.fromisoformat(end))
    except (KeyError, ValueError):
        return None
    return None


def _keys(refs: Sequence[_Ref]) -> services.NodeKeys:
    def of(kind: str) -> frozenset[Any]:
        return frozenset(ref.key for ref in refs if ref.kind == kind)

    kinds = {ref.kind for ref in refs}
    return services.NodeKeys(
        days=of("DailyMetric"),
        kpis=of("Kpi"),
        ingestions=of("Ingestion"),
        summaries=of("KpiSummary"),
        profile="Profile" in kinds,
        data_range="DataRange" in kinds,
    )


def _served(ref: _Ref, found: services.FoundNodes, user_id: str) -> Node | None:
    served: Node | None = None
    if ref.kind == "DailyMetric" and ref.key in found.days:
        served = DailyMetric.from_domain(found.days[ref.key], user_id)
    elif ref.kind == "Kpi" and ref.key in found.kpis:
        served = Kpi.from_domain(found.kpis[ref.key], user_id)
    elif ref.kind == "Ingestion" and ref.key in found.ingestions:
        served = Ingestion.from_domain(found.ingestions[ref.key], user_id)
    elif ref.kind == "KpiSummary" and ref.key in found.summaries:
        served = KpiSummary.from_domain(found.summaries[ref.key], user_id, ref.key[0])
    elif ref.kind == "Profile" and found.profile is not None:
        served = Profile.from_domain(found.profile, user_id)
    elif ref.kind == "DataRange" and found.data_range is not None:
        served = DataRange.from_domain(found.data_range, user_id)
    # Decided after the lookup, which ran the same way for another user's id.
    return served if ref.owned else None


async def find(context: Context, ids: Sequence[str], kind: str | None = None) -> list[Node | None]:
    """The served object of each id, in order; None for another user's, an unknown or a
    malformed id, and for an id of another kind than ``kind`` (when given)."""
    user_id = context.user_id
    refs = [_ref(raw, user_id) for raw in ids]
    wanted = [ref if ref is not None and kind in (None, ref.kind) else None for ref in refs]
    known = [ref for ref in wanted if ref is not None]
    if not known:
        return [None] * len(ids)
    found = await call_service(context, services.find_nodes, _keys(known))
    return [None if ref is None else _served(ref, found, user_id) for ref in wanted]
