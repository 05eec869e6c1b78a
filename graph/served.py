"""Served objects: opaque ids and values rounded per unit (docs/api.md, "Ids and precision").

Ids and rounding are plain attributes of the objects a resolver returns, not field
resolvers, so the fast list executor (graph/fastpath.py) serves them like any field.
A field's precision is declared next to its description, as ``metadata={DECIMALS: n}``.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, TypeVar

import strawberry

#: The metadata key of a field's number of decimals.
DECIMALS = "decimals"

#: Decimals per unit; every derived value of the API is served with these.
KCAL = 1
KG = 3
CM = 2
HOURS = 3
PROTEIN_G_PER_KG = 3
PERCENT = 2
RATE = 4
STEPS_AVG = 1

_T = TypeVar("_T")
_QUANTA = {n: Decimal(1).scaleb(-n) for n in range(8)}
_TIE_TOLERANCE = 1e-6


def round_half_even(value: float | None, decimals: int) -> float | None:
    """``value`` rounded half-even to ``decimals`` places, as its decimal text reads.

    Python's ``round`` rounds the binary value, so ``round(2.675, 2)`` is 2.67; a value
    whose shortest text is a tie is rounded as that text instead (2.675 -> 2.68), and
    -0.0 becomes 0.0.
    """
    if value is None or not math.isfinite(value):
        return value
    scaled = value * 10.0**decimals
    if abs(abs(scaled - math.floor(scaled)) - 0.5) < _TIE_TOLERANCE:
        exact = Decimal(repr(value)).quantize(_QUANTA[decimals], rounding=ROUND_HALF_EVEN)
        return float(exact) + 0.0
    return round(value, decimals) + 0.0


def opaque_id(type_name: str, user_id: str, key: str = "") -> strawberry.ID:
    """An opaque id: the URL-safe base64 of ``type:user:key``, stable and unique per user."""
    raw = f"{type_name}:{user_id}:{key}".encode()
    return strawberry.ID(base64.urlsafe_b64encode(raw).decode("ascii"))


def precision(served_type: type) -> dict[str, int]:
    """The decimals of every rounded field of ``served_type``, by Python name."""
    definition = served_type.__strawberry_definition__  # type: ignore[attr-defined]
    return {
        field.python_name: field.metadata[DECIMALS]
        for field in definition.fields
        if DECIMALS in (field.metadata or {})
    }


def copier(served_type: type[_T]) -> Callable[[Any, dict[str, Any]], _T]:
    """A function building ``served_type`` from a domain object with the same attribute
    names, rounding the fields that declare ``DECIMALS``; ``extra`` supplies the rest
    (``id``)."""
    definition = served_type.__strawberry_definition__  # type: ignore[attr-defined]
    rounded = list(precision(served_type).items())
    plain = [
        field.python_name
        for field in definition.fields
        if field.python_name != "id" and DECIMALS not in (field.metadata or {})
    ]
    new = object.__new__

    def copy(source: Any, extra: dict[str, Any]) -> _T:
        served = new(served_type)
        values = served.__dict__
        for name in plain:
            values[name] = getattr(source, name)
        for name, decimals in rounded:
            values[name] = round_half_even(getattr(source, name), decimals)
        values.update(extra)
        return served

    return copy
