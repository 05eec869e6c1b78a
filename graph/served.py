"""Served objects: opaque ids and values rounded per unit (docs/api.md, "Ids and precision").

Ids and rounding are plain attributes of the objects a resolver returns, not field
resolvers, so the fast list executor (graph/fastpath.py) serves them like any field.
A field's precision is declared next to its description, as ``metadata={DECIMALS: n}``.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, TypeVar, cast

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
_b64 = base64.urlsafe_b64encode
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


def id_prefix(type_name: str, user_id: str) -> str:
    """What ``opaque_id`` encodes before the key."""
    return f"{type_name}:{user_id}:"


def opaque_id(type_name: str, user_id: str, key: str = "") -> strawberry.ID:
    """An opaque id: the URL-safe base64 of ``type:user:key``, stable and unique per user."""
    return cast(strawberry.ID, _b64(f"{type_name}:{user_id}:{key}".encode()).decode())


def precision(served_type: type) -> dict[str, int]:
    """The decimals of every rounded field of ``served_type``, by Python name."""
    definition = served_type.__strawberry_definition__  # type: ignore[attr-defined]
    return {
        field.python_name: field.metadata[DECIMALS]
        for field in definition.fields
        if DECIMALS in (field.metadata or {})
    }


def copier(
    served_type: type[_T], *, id_key: str | None = None
) -> Callable[[Iterable[Any], str], list[_T]]:
    """A function building ``served_type`` objects from domain objects with the same
    attribute names, rounding the fields that declare ``DECIMALS``.

    With ``id_key``, each object's ``id`` is ``opaque_id`` of the prefix the function
    is given (``"Type:user:"``) and the ISO text of the source's ``id_key`` attribute.
    A 3,650-day ``kpis`` answer rounds 50,000 values, so the loop is generated with
    the rounding inlined: ``round(x * 10**n) / 10**n`` (one correctly rounded division,
    which gives the shortest decimal) unless ``x * 10**n`` lies within 1e-4 of a half,
    where ``round_half_even`` decides exactly. A row holding NaN or infinity takes
    the plain path, and the executor refuses the value as it would any other.
    """
    definition = served_type.__strawberry_definition__  # type: ignore[attr-defined]
    decimals = precision(served_type)
    names = [field.python_name for field in definition.fields if field.python_name != "id"]
    entries = [f"'id': b64((prefix + source.{id_key}.isoformat()).encode()).decode()"] * bool(
        id_key
    )
    body = []
    for index, name in enumerate(names):
        if name not in decimals:
            entries.append(f"{name!r}: source.{name}")
            continue
        scale = float(10 ** decimals[name])
        body += [
            f"x{index} = source.{name}",
            f"if x{index} is not None:",
            f"    scaled = x{index} * {scale!r}",
            "    nearest = round(scaled)",
            "    if -0.4999 < scaled - nearest < 0.4999:",
            f"        x{index} = nearest / {scale!r}",
            "    else:",
            f"        x{index} = exact(x{index}, {decimals[name]})",
        ]
        entries.append(f"{name!r}: x{index}")
    body += [
        "served = new(served_type)",
        "served.__dict__ = {" + ", ".join(entries) + "}",
        "append(served)",
    ]
    lines = [
        "def copy_all(sources, prefix):",
        "    out = []",
        "    append = out.append",
        "    for source in sources:",
        "        try:",
        *(f"            {line}" for line in body),
        "        except (ValueError, OverflowError):",
        "            append(plain(source, prefix))",
        "    return out",
    ]

    def plain(source: Any, prefix: str) -> _T:
        served = object.__new__(served_type)
        values = {name: getattr(source, name) for name in names}
        for name, places in decimals.items():
            values[name] = round_half_even(values[name], places)
        if id_key:
            values["id"] = _b64((prefix + getattr(source, id_key).isoformat()).encode()).decode()
        served.__dict__ = values
        return served

    namespace: dict[str, Any] = {
        "new": object.__new__,
        "served_type": served_type,
        "exact": round_half_even,
        "b64": _b64,
        "plain": plain,
    }
    exec("\n".join(lines), namespace)  # the source is built above from field names only
    copy_all: Callable[[Iterable[Any], str], list[_T]] = namespace["copy_all"]
    return copy_all
