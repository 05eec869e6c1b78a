"""Served objects: opaque ids and values rounded per unit (docs/api.md, "Ids and precision").

Ids and rounding are attributes of the objects a resolver returns (views over the
domain objects, see ``copier``), not field resolvers: Strawberry's default resolver
reads them like any field, and the fast list executor (graph/execution/fastpath.py) computes the
same values inline from each view's source. A field's precision is declared next to
its description, as ``metadata={DECIMALS: n}``.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

import strawberry

from domain.precision import CM as CM
from domain.precision import HOURS as HOURS
from domain.precision import KCAL as KCAL
from domain.precision import KG as KG
from domain.precision import PERCENT as PERCENT
from domain.precision import PROTEIN_G_PER_KG as PROTEIN_G_PER_KG
from domain.precision import RATE as RATE
from domain.precision import STEPS_AVG as STEPS_AVG
from domain.precision import round_half_even as round_half_even
from domain.precision import rounded_quickly

#: The metadata key of a field's number of decimals.
DECIMALS = "decimals"

_T = TypeVar("_T")
_b64 = base64.urlsafe_b64encode


def id_prefix(type_name: str, user_id: str) -> str:
    """What ``opaque_id`` encodes before the key."""
    return f"{type_name}:{user_id}:"


def opaque_id(type_name: str, user_id: str, key: str = "") -> strawberry.ID:
    """An opaque id: the URL-safe base64 of ``type:user:key``, stable and unique per user."""
    return cast(strawberry.ID, _b64(f"{type_name}:{user_id}:{key}".encode()).decode())


#: No id or cursor the API serves is longer; a longer text is not decoded at all.
MAX_ID_LENGTH = 400


def read_opaque_id(raw: str) -> tuple[str, str, str] | None:
    """The (type, user, key) an ``opaque_id`` encodes, or None when ``raw`` is not
    exactly the text ``opaque_id`` would serve for them. User names hold no colon
    (docs/accounts.md), so the user ends at the second one."""
    if len(raw) > MAX_ID_LENGTH:
        return None
    try:
        text = base64.urlsafe_b64decode(raw.encode("ascii")).decode("utf-8")
    except (ValueError, UnicodeError):  # binascii.Error is a ValueError
        return None
    parts = text.split(":", 2)
    if len(parts) != 3 or opaque_id(*parts) != raw:
        return None
    return parts[0], parts[1], parts[2]


def precision(served_type: type) -> dict[str, int]:
    """The decimals of every rounded field of ``served_type``, by Python name."""
    definition = served_type.__strawberry_definition__  # type: ignore[attr-defined]
    return {
        field.python_name: field.metadata[DECIMALS]
        for field in definition.fields
        if DECIMALS in (field.metadata or {})
    }


#: How a view serves one attribute: (source attribute, scale, decimals); scale and
#: decimals are None for a value served as it is.
ServedField = tuple[str, float | None, int | None]


#: The fast executor (graph/execution/fastpath.py) inlines exactly the steps of this
#: function (domain/precision.py, which also rounds the KPIs as stored); the
#: differential test (tests/graph/test_fastpath.py) holds them equal.
rounded = rounded_quickly


def served_id(prefix: str, *keys: Any) -> str:
    """The opaque id of the object whose key is ``keys`` (dates, joined by ``/``), after
    ``prefix`` (``id_prefix``); the fast executor inlines the same expression."""
    return _b64((prefix + "/".join(key.isoformat() for key in keys)).encode()).decode()


def copier(
    served_type: type[_T], *, id_key: str | tuple[str, ...] | None = None
) -> Callable[[Iterable[Any], str], list[_T]]:
    """A function serving domain objects with the same attribute names as
    ``served_type`` objects, rounding the fields that declare ``DECIMALS``.

    With ``id_key`` (one attribute name or several), each object's ``id`` is
    ``opaque_id`` of the prefix the function is given (``"Type:user:"``) and the ISO
    texts of the source's ``id_key`` attributes, joined by ``/``. Fields with a
    resolver of their own (``DailyMetric.kpi``) are left to it.

    Each served object is a view: an instance of a subclass of ``served_type`` that
    holds its source and computes each attribute when it is read (``rounded``,
    ``served_id``). So serving a 3,650-day answer makes no copy of 80,000 values: the
    fast executor reads ``__served_fields__`` and computes every value of a row in
    the one function it generates for the selection (graph/execution/fastpath.py), and any
    other reader (the stock executor, a test) gets the same values from the
    attributes.
    """
    view = _view_class(served_type, id_key)
    new = object.__new__

    def copy_all(sources: Iterable[Any], prefix: str) -> list[_T]:
        served: list[_T] = []
        append = served.append
        for source in sources:
            item: Any = new(view)
            item._source = source
            item._prefix = prefix
            append(item)
        return served

    return copy_all


def _view_class(served_type: type[_T], id_key: str | tuple[str, ...] | None) -> type[_T]:
    definition = served_type.__strawberry_definition__  # type: ignore[attr-defined]
    id_keys = (id_key,) if isinstance(id_key, str) else id_key or ()
    decimals = precision(served_type)
    fields: dict[str, ServedField] = {}
    namespace: dict[str, Any] = {
        "__slots__": ("_source", "_prefix"),
        "__module__": served_type.__module__,
        "__qualname__": served_type.__qualname__,
        "__doc__": served_type.__doc__,
    }
    for field in definition.fields:
        name = field.python_name
        if (name == "id" and id_keys) or field.base_resolver is not None:
            continue
        if name in decimals:
            scale = 10.0 ** decimals[name]
            fields[name] = (name, scale, decimals[name])
            namespace[name] = property(_rounded_reader(name, scale, decimals[name]))
        else:
            fields[name] = (name, None, None)
            namespace[name] = property(_plain_reader(name))
    if id_keys:
        namespace["id"] = property(_id_reader(id_keys))
    namespace["__served_fields__"] = fields
    namespace["__served_id_key__"] = id_keys
    return type(served_type.__name__, (served_type,), namespace)


def _rounded_reader(name: str, scale: float, decimals: int) -> Callable[[Any], float | None]:
    def read(self: Any) -> float | None:
        return rounded(getattr(self._source, name), scale, decimals)

    return read


def _plain_reader(name: str) -> Callable[[Any], Any]:
    def read(self: Any) -> Any:
        return getattr(self._source, name)

    return read


def _id_reader(id_keys: tuple[str, ...]) -> Callable[[Any], str]:
    def read(self: Any) -> str:
        return served_id(self._prefix, *(getattr(self._source, key) for key in id_keys))

    return read
