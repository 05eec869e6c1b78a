"""The plan a person acts on: the weight rate, the goal date and the weekly intake target.

The rules are stated in docs/kpis.md ("The plan"). Every function works on
date-indexed series (one slot per calendar day from the first stored day, ``None``
for no value) at full precision; the KPI engine rounds what it stores.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from datetime import date, timedelta

from domain.energy import KCAL_PER_KG
from domain.precision import KCAL_DECIMALS, rounded_values
from domain.rolling import WEEK_DAYS

#: The weight rate is the least-squares slope of the trend over D-13..D ...
RATE_WINDOW_DAYS = 14
#: ... and needs the trend on at least this many of those days.
RATE_MIN_DAYS = 8
#: A trend this close to the goal has reached it: no goal date.
GOAL_REACHED_KG = 0.1
#: Slower than this (kg a week) projects no goal date: the date would mean nothing.
SLOWEST_RATE_KG_PER_WEEK = 0.05
#: A goal date further than this many days (5 years) after D is not given.
FURTHEST_GOAL_DAYS = 1_826
#: A day count this close above a whole number is that number: (70 - 74.2) / (-0.42 / 7)
#: is 70.00000000000006 in binary floating point, and the goal is reached on day 70.
_WHOLE_DAY_NOISE = 1e-9
#: A trend this close to the goal (kg), or past it, sets the week's target to maintain.
HOLD_WITHIN_KG = 0.5
#: The intake target is never below this (kcal a day): docs/kpis.md, "Why never below
#: 1,200 kcal".
TARGET_FLOOR_KCAL = 1_200.0

# The full window's slope: sum over pairs k of (6.5 - k) * (y[D-k] - y[D-13+k]) divided
# by sum((i - 6.5)^2) = 227.5; differences of neighbouring trend values lose nothing.
_FULL_SCALE = 7.0 / 227.5


def weight_rates(trend: Sequence[float | None], ends: Sequence[int]) -> list[float | None]:
    """weight_rate_kg_per_week at each slot of ``ends``: the least-squares slope of
    T(d) over the slots D-13..D where T is defined, times 7; null with fewer than 8.

    T is defined on every slot from the first weighed day on, so those slots are one
    run, max(first, D-13)..D.
    """
    first = next((index for index, value in enumerate(trend) if value is not None), None)
    if first is None:
        return [None] * len(ends)
    y = trend
    full_from = first + RATE_WINDOW_DAYS - 1
    # The full windows' slopes for every slot from the first one asked for, read as 14
    # shifted slices side by side (a0 = T(D), a13 = T(D-13)) rather than 14 subscripts.
    low = max(full_from, min(ends, default=full_from))
    # (None asked for: no slices, whose negative ends would wrap round.)
    backs = range(RATE_WINDOW_DAYS) if low < len(y) else range(0)
    slots = zip(*(y[low - back : len(y) - back] for back in backs), strict=True)
    scale = _FULL_SCALE
    full = [
        (
            6.5 * (a0 - a13)
            + 5.5 * (a1 - a12)
            + 4.5 * (a2 - a11)
            + 3.5 * (a3 - a10)
            + 2.5 * (a4 - a9)
            + 1.5 * (a5 - a8)
            + 0.5 * (a6 - a7)
        )
        * scale
        for a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13 in slots
    ]
    return [full[e - low] if e >= full_from else _partial_rate(y, first, e) for e in ends]


def _partial_rate(trend: Sequence[float | None], first: int, end: int) -> float | None:
    """The rate over the slots first..end, fewer than 14 (the start of the history)."""
    count = end - first + 1
    if count < RATE_MIN_DAYS:
        return None
    middle = (count - 1) / 2
    spread = count * (count * count - 1) / 12  # sum((i - middle)^2) over 0..count-1
    moment = math.fsum((i - middle) * trend[first + i] for i in range(count))  # type: ignore[operator]
    return moment / spread * WEEK_DAYS


def goal_dates(
    dates: Sequence[date],
    trends: Sequence[float | None],
    rates: Sequence[float | None],
    goal: float | None,
) -> list[date | None]:
    """goal_eta_date of each day: D + ceil((goal - T(D)) / (rate / 7)) days when the
    rate points toward the goal, |rate| ≥ 0.05 kg a week and that is at most 1,826
    days on; else null (no goal, reached within 0.1 kg, moving away, too slow, too far).
    """
    if goal is None:
        return [None] * len(dates)
    reached, slowest, furthest = GOAL_REACHED_KG, SLOWEST_RATE_KG_PER_WEEK, FURTHEST_GOAL_DAYS
    ceil, week, noise = math.ceil, float(WEEK_DAYS), _WHOLE_DAY_NOISE
    # One expression per day: this runs for every stored day of every recompute.
    return [
        None
        if trend is None
        or rate is None
        or abs(to_go := goal - trend) <= reached
        or abs(rate) < slowest
        or (to_go > 0) != (rate > 0)  # moving away
        or (days := ceil(to_go / (rate / week) - noise)) > furthest
        else day + _DAYS[days]
        for day, trend, rate in zip(dates, trends, rates, strict=True)
    ]


# Built once: adding a made timedelta is a third of the cost of making one per day.
_DAYS = [timedelta(days=n) for n in range(FURTHEST_GOAL_DAYS + 1)]


class WeeklyTargets:
    """target_kcal_in by week: set once a week from the days before its Monday.

    The target of the ISO week whose Monday is slot M is the expenditure on the latest
    logged day of M-7..M-1 that has one, plus plan · 7,700 / 7 kcal, never below 1,200;
    null without such a day. plan is the goal rate (0 without one), or 0 when the
    trend as known on Sunday M-1 (from weigh-ins up to that Sunday only) is within
    0.5 kg of the goal or past it in the plan's direction.

    Args:
        logged: the slots of the stored days, ascending.
        expenditure: the expenditure estimate by slot.
        weights: the weigh-ins by slot.
        trend: the weight trend by slot.
        first_weekday: the weekday (Monday 0) of slot 0.
        goal_kg, rate_kg_per_week: the profile's plan.
    """

    def __init__(
        self,
        logged: Sequence[int],
        expenditure: Sequence[float | None],
        weights: Sequence[float | None],
        trend: Sequence[float | None],
        first_weekday: int,
        goal_kg: float | None,
        rate_kg_per_week: float | None,
    ) -> None:
        self._logged, self._expenditure = logged, expenditure
        self._weights, self._trend = weights, trend
        self._first_weekday = first_weekday
        self._goal, self._rate = goal_kg, rate_kg_per_week

    def at(self, ends: Sequence[int]) -> list[float | None]:
        """The target of the week of each slot in ``ends`` (ascending), rounded half-even
        to 1 decimal as it is stored."""
        # Weeks are numbered from the Monday on or before slot 0: slot s is in week
        # (s + weekday) // 7, whose Monday is slot 7 * week - weekday.
        weekday = self._first_weekday
        of_end = [(end + weekday) // WEEK_DAYS for end in ends]
        weeks = list(dict.fromkeys(of_end))
        targets = rounded_values(
            (self._target(WEEK_DAYS * week - weekday) for week in weeks), KCAL_DECIMALS
        )
        by_week = dict(zip(weeks, targets, strict=True))
        return [by_week[week] for week in of_end]

    def _target(self, monday: int) -> float | None:
        logged, expenditure = self._logged, self._expenditure
        index = bisect.bisect_left(logged, monday) - 1
        while index >= 0 and logged[index] >= monday - WEEK_DAYS:
            kcal = expenditure[logged[index]]
            if kcal is not None:
                target = kcal + self._plan(monday - 1) * KCAL_PER_KG / WEEK_DAYS
                return max(target, TARGET_FLOOR_KCAL)
            index -= 1
        return None

    def _plan(self, sunday: int) -> float:
        rate, goal = self._rate, self._goal
        if rate is None or rate == 0:
            return 0.0
        if goal is None:
            return rate
        known = self._known_trend(sunday)
        if known is None:
            return rate
        if abs(known - goal) <= HOLD_WITHIN_KG or (known < goal if rate < 0 else known > goal):
            return 0.0
        return rate

    def _known_trend(self, sunday: int) -> float | None:
        """The trend on ``sunday`` computed from weigh-ins up to it: the trend on the
        last weigh-in on or before it, carried (it depends on no later weigh-in)."""
        weights = self._weights
        index = min(sunday, len(weights) - 1)
        while index >= 0 and weights[index] is None:
            index -= 1
        return None if index < 0 else self._trend[index]
