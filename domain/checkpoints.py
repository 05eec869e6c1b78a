"""Checkpoints: the state the KPI engine carries across a day, kept so a change can
recompute from shortly before it and stop where its effect has faded (docs/kpis.md,
"Checkpoints").

Every KPI of a day depends on the raw days of the 14 before it and on two recurrences
over the whole history: the weight trend and the expenditure filter. A checkpoint
holds both as they stand before its date: the filter's state (``FilterState``) and the
last weigh-in before the date with the trend on it. From a checkpoint at P and the
stored days from min(that weigh-in, P − 14) on, the KPI engine computes every day from
P + 21 on exactly as from the whole history (``compute_kpis(resume=...)``): by then
each 7- and 14-day window, the weight rate's 14 days of trend and the week's intake
target read only values computed after P.

Checkpoints fall on every 28th day (``is_checkpoint_date``). Two states of the same
date are compared by their text: when a recompute's state on a date matches the one
stored for it and no changed day lies within the 14 days before it, nothing after that
date can change, and the recompute stops (domain.services).
"""

from __future__ import annotations

import base64
import dataclasses
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.expenditure import FilterState

#: A checkpoint every this many days (by the date's ordinal).
CHECKPOINT_EVERY_DAYS = 28
#: Raw days before a checkpoint that a computation resumed from it reads.
WINDOW_DAYS = 14
#: A computation resumed from a checkpoint at P is exact from P + SETTLE_DAYS on.
SETTLE_DAYS = 21
#: The version of the engine a checkpoint's text is of: a change of the KPI engine, of the
#: expenditure filter or of ``FilterState`` changes it, so that states of an older engine
#: are never resumed.
ENGINE_VERSION = 1


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """The engine's state before ``day``: after the day before it."""

    day: date
    #: The expenditure filter after the day before ``day``.
    expenditure: FilterState
    #: The last weigh-in before ``day`` (its date, weight and weight trend), if any.
    anchor: tuple[date, float, float] | None

    def text(self) -> str:
        """The state as stored: the engine's version, then every number as the 8 bytes
        of its double in base64 (so it reads back bit for bit, and two states are the
        same exactly when their texts are)."""
        numbers: list[float] = []
        _flatten(self.expenditure, numbers)
        if self.anchor is None:
            numbers.append(0.0)
        else:
            day, weight, trend = self.anchor
            numbers += (1.0, float(day.toordinal()), weight, trend)
        packed = struct.pack(f"<{len(numbers)}d", *numbers)
        return f"{ENGINE_VERSION}:{base64.b64encode(packed).decode()}"

    @staticmethod
    def from_text(day: date, text: str) -> Checkpoint:
        """The checkpoint of ``day`` stored as ``text``.

        Raises:
            ValueError: the text is not a checkpoint of this version of the engine.
        """
        version, _, packed = text.partition(":")
        if version != str(ENGINE_VERSION):
            raise ValueError(f"not a checkpoint of this engine: version {version[:20]!r}")
        try:
            raw = base64.b64decode(packed, validate=True)
            numbers = iter(struct.unpack(f"<{len(raw) // 8}d", raw))
            state = _unflatten(numbers)
            anchor = None
            if next(numbers):
                anchor_day = date.fromordinal(int(next(numbers)))
                anchor = (anchor_day, next(numbers), next(numbers))
            if next(numbers, None) is not None:
                raise ValueError("numbers left over")
        except (ValueError, StopIteration, struct.error, OverflowError) as error:
            raise ValueError(f"not a checkpoint: {error!r}") from None
        return Checkpoint(day, state, anchor)


def is_checkpoint_date(day: date) -> bool:
    return day.toordinal() % CHECKPOINT_EVERY_DAYS == 0


def first_checkpoint_after(day: date) -> date:
    """The first checkpoint date after ``day``."""
    ordinal = day.toordinal() + 1
    return date.fromordinal(ordinal + -ordinal % CHECKPOINT_EVERY_DAYS)


_FIELDS = tuple(field.name for field in dataclasses.fields(FilterState))
#: How each field of ``FilterState`` is written as numbers (floats are written as they
#: are): a flag, an int, a flag then a float (0 for none), a fixed tuple, a count then
#: tuples of 8, a flag then a whole state.
_FLAGS = frozenset({"started"})
_INTS = frozenset({"adaptations", "days_since_first_weigh_in", "intake_days", "weigh_ins"})
_OPTIONAL = frozenset({"usual_intake", "previous_intake"})
_COVARIANCE, _FORECASTS, _SUCCESSOR = "covariance", "forecasts", "successor"
_COVARIANCE_SIZE, _FORECAST_SIZE = 6, 8


def _flatten(state: FilterState, numbers: list[float]) -> None:
    for name in _FIELDS:
        value = getattr(state, name)
        if name == _COVARIANCE:
            numbers += value
        elif name == _FORECASTS:
            numbers.append(float(len(value)))
            for forecast in value:
                numbers += forecast
        elif name == _SUCCESSOR:
            numbers.append(0.0 if value is None else 1.0)
            if value is not None:
                _flatten(value, numbers)
        elif name in _OPTIONAL:
            numbers += (0.0, 0.0) if value is None else (1.0, value)
        else:
            numbers.append(float(value))


def _unflatten(numbers: Iterator[float]) -> FilterState:
    fields: dict[str, Any] = {}
    for name in _FIELDS:
        value: Any
        if name == _COVARIANCE:
            value = tuple(next(numbers) for _ in range(_COVARIANCE_SIZE))
        elif name == _FORECASTS:
            count = int(next(numbers))
            value = tuple(tuple(next(numbers) for _ in range(_FORECAST_SIZE)) for _ in range(count))
        elif name == _SUCCESSOR:
            value = _unflatten(numbers) if next(numbers) else None
        elif name in _OPTIONAL:
            present, number = next(numbers), next(numbers)
            value = number if present else None
        elif name in _FLAGS:
            value = bool(next(numbers))
        elif name in _INTS:
            value = int(next(numbers))
        else:
            value = next(numbers)
        fields[name] = value
    return FilterState(**fields)
