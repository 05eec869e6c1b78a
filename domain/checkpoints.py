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

import dataclasses
import json
from collections.abc import Sequence
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
#: The version of the engine a checkpoint's text is of: a change of the KPI engine or the
#: expenditure filter changes it, so that states of the old engine are never resumed.
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
        """The state as stored: JSON, whose numbers read back exactly."""
        anchor = None
        if self.anchor is not None:
            day, weight, trend = self.anchor
            anchor = [day.isoformat(), weight, trend]
        values = [ENGINE_VERSION, _filter_values(self.expenditure), anchor]
        return json.dumps(values, separators=(",", ":"))

    @staticmethod
    def from_text(day: date, text: str) -> Checkpoint:
        """The checkpoint of ``day`` stored as ``text``.

        Raises:
            ValueError: the text is not a checkpoint of this version.
        """
        try:
            version, values, anchor = json.loads(text)
            if version != ENGINE_VERSION:
                raise ValueError(f"written by version {version} of the engine")
            state = _filter_state(values)
            kept = None
            if anchor is not None:
                anchor_day, weight, trend = anchor
                kept = (date.fromisoformat(anchor_day), float(weight), float(trend))
        except (TypeError, ValueError, KeyError) as error:
            raise ValueError(f"not a checkpoint: {error}") from None
        return Checkpoint(day, state, kept)


def is_checkpoint_date(day: date) -> bool:
    return day.toordinal() % CHECKPOINT_EVERY_DAYS == 0


def first_checkpoint_after(day: date) -> date:
    """The first checkpoint date after ``day``."""
    ordinal = day.toordinal() + 1
    return date.fromordinal(ordinal + -ordinal % CHECKPOINT_EVERY_DAYS)


_FIELDS = tuple(field.name for field in dataclasses.fields(FilterState))


def _filter_values(state: FilterState) -> list[Any]:
    values: list[Any] = []
    for name in _FIELDS:
        value = getattr(state, name)
        if name == "successor":
            value = None if value is None else _filter_values(value)
        elif name == "forecasts":
            value = [list(forecast) for forecast in value]
        elif name == "covariance":
            value = list(value)
        values.append(value)
    return values


def _filter_state(values: Sequence[Any]) -> FilterState:
    if len(values) != len(_FIELDS):
        raise ValueError(f"{len(values)} values for {len(_FIELDS)} fields")
    fields = dict(zip(_FIELDS, values, strict=True))
    fields["covariance"] = tuple(fields["covariance"])
    fields["forecasts"] = tuple(tuple(forecast) for forecast in fields["forecasts"])
    if fields["successor"] is not None:
        fields["successor"] = _filter_state(fields["successor"])
    return FilterState(**fields)
