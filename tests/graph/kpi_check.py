"""The from-scratch rule: KPIs served by the API equal ``compute_kpis`` over the stored days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi.testclient import TestClient
from strawberry.utils.str_converters import to_camel_case

from domain.kpis import compute_kpis
from domain.model import DEFAULT_PROFILE, KPI_FIELDS
from domain.ports import UnitOfWork
from domain.services import LOCAL_USER
from graph.execution.served import precision, round_half_even
from graph.schema.types.kpi import Kpi
from tests.graph.api import kpis

SOME_RANGE = ("2020-01-01", "2029-12-31")
KPI_DECIMALS = precision(Kpi)


def assert_kpis_are_from_scratch(
    client: TestClient, uow_factory: Callable[[], UnitOfWork]
) -> list[dict[str, Any]]:
    """Assert the served KPIs of every stored day equal a from-scratch computation,
    rounded per unit (docs/api.md)."""
    with uow_factory() as uow:
        stored = uow.metrics.all_days(LOCAL_USER)
        profile = uow.profiles.get(LOCAL_USER) or DEFAULT_PROFILE
    expected = compute_kpis(stored, profile)
    if stored:
        served = kpis(client, stored[0].date.isoformat(), stored[-1].date.isoformat())
    else:
        served = kpis(client, *SOME_RANGE)
    assert [kpi["date"] for kpi in served] == [kpi.date.isoformat() for kpi in expected]
    for got, want in zip(served, expected, strict=True):
        for name in KPI_FIELDS:
            wanted = getattr(want, name)
            if isinstance(wanted, float):
                wanted = round_half_even(wanted, KPI_DECIMALS[name])
            elif isinstance(wanted, date):
                wanted = wanted.isoformat()
            assert got[to_camel_case(name)] == wanted, (want.date, name)
    return served
