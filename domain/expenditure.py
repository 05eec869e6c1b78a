"""The expenditure estimate: a Kalman filter over body mass, expenditure and water weight.

The method, its parameters and the reasons for them are explained in
docs/expenditure.md. In short, the filter's state on day D is

* ``m``: body mass without the day's water weight, in kg;
* ``e``: the daily energy expenditure, in kcal;
* ``w``: water weight, in kg, an AR(1) process around zero;

and each calendar day it (1) moves the state on by one day: the intake logged on
the day before changes mass by (intake − e) / 7,700 kg, ``e`` drifts as a random
walk and ``w`` fades by ``WATER_CORRELATION``; a day without logged intake carries
no energy information: the person's usual intake stands in for it, with an
uncertainty as large as a day's intake swings; (2) takes the weigh-in of day D,
if any, as an observation of m + w plus scale noise.

Three things are learnt from the person's own weigh-ins, so the interval stays
honest for people the model does not describe exactly:

* the water weight's standard deviation, from the size of the normalised
  innovations (the surprises of the weigh-ins);
* the expenditure drift, from their persistence: a filter whose expenditure
  trails a trend is surprised the same way for weeks, so the run of its
  surprises is long against their size and the drift grows (within 3–15 kcal a
  day); surprises that come and go let it shrink;
* the band's width, from the filter's own past forecasts: every 7 days it keeps
  its forecast of the body mass 21 days later, given the intake logged in
  between; at the first weigh-in 21 or more days on, the mass it reads from the
  weigh-ins is compared with that forecast. Where those forecasts miss by more
  than they said, the band is widened by the excess the expenditure part of the
  forecast must explain, by at most a factor of 2;
* steps in expenditure, from the same check: the odds that expenditure stepped
  (by about 300 kcal) since the forecast started, against none, given its miss.
  The estimate moves that share of the way to the expenditure the forecast's days
  say (the mass change over them against the intake logged), and the band takes
  the spread of the two answers. A random walk alone follows a lasting step of
  400 kcal only after months; with the check it gets 80 % of the way within
  about 50–80 days.

A filter serves until it is RESTART_DAYS old; a successor started afresh
RESTART_WARM_UP_DAYS earlier, from no older data, then takes over, so no day's data
reach an estimate 365 or more days later (a correction's reach is bounded).

The work per day is constant (at most 4 forecasts in flight, at most two filters)
and the result depends on days ≤ D only.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from domain.energy import KCAL_PER_KG

#: Day-to-day correlation of water weight (typical of people who weigh daily).
WATER_CORRELATION = 0.7
#: The water-weight standard deviation assumed before the person's own weigh-ins say more, kg.
WATER_SD_PRIOR_KG = 0.8
#: Bounds of the learnt water-weight standard deviation, kg.
WATER_SD_BOUNDS_KG = (0.2, 3.0)
#: How many weigh-ins the prior water level counts as, and the longest memory (weigh-ins).
WATER_PRIOR_WEIGH_INS = 3
WATER_MEMORY_WEIGH_INS = 90
#: Scale noise (0.1 kg) and rounding to 0.1 kg, as one standard deviation, kg.
SCALE_SD_KG = math.sqrt(0.1**2 + 0.1**2 / 12)
#: How much expenditure may wander from one day to the next (a random walk): the level
#: assumed before the person's own weigh-ins say more, and the bounds of the learnt one, kcal.
EXPENDITURE_DRIFT_SD_KCAL = 10.0
EXPENDITURE_DRIFT_BOUNDS_KCAL = (3.0, 15.0)
#: The persistence of surprises is measured over about this many weigh-ins; the learnt
#: drift takes the first weigh-ins with weight 1/(n + DRIFT_PRIOR_WEIGH_INS), then at
#: least DRIFT_SLOWEST_RATE (a memory of about 33 weigh-ins).
PERSISTENCE_WEIGH_INS = 10
DRIFT_PRIOR_WEIGH_INS = 10
DRIFT_SLOWEST_RATE = 0.03
#: The expenditure assumed before any data, and its standard deviation, kcal.
EXPENDITURE_PRIOR_KCAL = 2_500.0
EXPENDITURE_PRIOR_SD_KCAL = 800.0
#: Error of a logged day's intake, and the uncertainty of a day without logged intake, kcal.
LOGGED_INTAKE_SD_KCAL = 100.0
UNLOGGED_INTAKE_SD_KCAL = 700.0
#: The usual intake that stands in for an unlogged day: an average with this memory, days.
USUAL_INTAKE_DAYS = 14
#: Body mass is unknown before the first weigh-in: its prior standard deviation, kg.
MASS_PRIOR_SD_KG = 10.0
#: One weigh-in moves the filter at most as much as a 4-sigma outlier would.
OUTLIER_SIGMAS = 4.0
#: The band is checked against the filter's forecasts of body mass this many days ahead,
#: one forecast started every FORECAST_EVERY_DAYS days (three weeks: long enough for a
#: 400 kcal step to show as 1.1 kg, short enough to catch it within a month).
FORECAST_DAYS = 21
FORECAST_EVERY_DAYS = 7
#: The check's memory, in checked forecasts, and the most it may widen the band (a factor).
CHECK_MEMORY_FORECASTS = 12
MAX_WIDENING = 2.0
#: Each checked forecast also asks whether expenditure stepped since it started: the
#: prior probability of a step within one forecast's days, and the step's typical size
#: (a new job, a training block), kcal.
STEP_PRIOR = 0.04
STEP_SD_KCAL = 300.0
#: Below this probability a step moves the estimate but does not widen the band (the
#: band already allows for the drift that such small probabilities mostly reflect).
STEP_BAND_FROM = 0.05

#: A filter serves until this many days after its first weigh-in; its successor starts
#: afresh this many days before then (docs/expenditure.md, "When it changes").
RESTART_DAYS = 365
RESTART_WARM_UP_DAYS = 90

#: The 80 % interval is the estimate ± this many (widened) posterior standard deviations.
INTERVAL_Z = 1.2815515655446004
#: Null rules: days since the first weigh-in, intake days and weigh-ins since it.
MIN_DAYS_SINCE_FIRST_WEIGH_IN = 14
MIN_INTAKE_DAYS = 10
MIN_WEIGH_INS = 4
MAX_INTERVAL_WIDTH_KCAL = 1_000.0
PLAUSIBLE_KCAL = (600.0, 8_000.0)


@dataclass(frozen=True, slots=True)
class FilterState:
    """What the filter carries from one calendar day to the next: a constant size.

    Running the filter over days 0..k−1 and then, from the state it ends in, over
    days k.. gives exactly the estimates of one run over all the days.
    """

    started: bool = False
    mass: float = 0.0
    expenditure: float = 0.0
    water: float = 0.0
    #: The posterior covariance of (mass, expenditure, water), upper triangle by rows.
    covariance: tuple[float, float, float, float, float, float] = (0.0,) * 6
    log_water_variance: float = field(default_factory=lambda: math.log(WATER_SD_PRIOR_KG**2))
    log_drift_variance: float = field(
        default_factory=lambda: math.log(EXPENDITURE_DRIFT_SD_KCAL**2)
    )
    #: The run of normalised innovations and of their squares, each fading per weigh-in.
    innovation_run: float = 0.0
    innovation_squares: float = 0.0
    #: Σ of the mass each day's intake adds, kg, and Σ of its variance, since the start.
    intake_mass: float = 0.0
    intake_mass_variance: float = 0.0
    #: Forecasts in flight, oldest first, at most FORECAST_DAYS // FORECAST_EVERY_DAYS + 1:
    #: (day started, intake_mass and intake_mass_variance then, m, e and their covariance).
    #: The expenditure is stored less ``step_moves`` then: what the step check moved the
    #: estimate by since is added back when it is checked (as if it had been known).
    forecasts: tuple[tuple[float, float, float, float, float, float, float, float], ...] = ()
    #: Σ of what the step check moved the estimate by, kcal.
    step_moves: float = 0.0
    #: Running means over checked forecasts: the squared normalised miss, and the share of
    #: the forecasts' variance that comes from expenditure.
    forecast_miss: float = 1.0
    forecast_share: float = 0.5
    adaptations: int = 0
    days_since_first_weigh_in: int = 0
    intake_days: int = 0
    weigh_ins: int = 0
    usual_intake: float | None = None
    previous_intake: float | None = None
    #: The filter that takes over at RESTART_DAYS: started afresh RESTART_WARM_UP_DAYS
    #: earlier, from nothing older (``None`` until then).
    successor: FilterState | None = None


@dataclass(frozen=True, slots=True)
class Estimates:
    """Per calendar day: the estimate and its 80 % interval, ``None`` where null."""

    kcal: list[float | None]
    low_kcal: list[float | None]
    high_kcal: list[float | None]


def estimate_expenditure(
    intake: Sequence[float | None],
    weights: Sequence[float | None],
    state: FilterState | None = None,
) -> tuple[Estimates, FilterState]:
    """The expenditure estimate for every calendar day of two date-indexed series.

    Slot 0 is the first day (or the day after the one ``state`` ended on); a ``None``
    means no value. The estimate on slot D uses slots ≤ D only. It is null unless
    D − first weigh-in ≥ 14 days and, from the first weigh-in to D, at least 10
    days have intake and at least 4 a weight; and null when the interval is wider
    than 1,000 kcal or the estimate is outside 600–8,000 kcal (the interval is not
    clipped).

    A filter serves the days until it is RESTART_DAYS old (counted from its first
    weigh-in); a successor started afresh RESTART_WARM_UP_DAYS before then, from no
    older data, takes over. So a day's data reach at most RESTART_DAYS days on: a
    correction never changes an estimate further away.

    Returns:
        The estimates, and the filter's state after the last slot.
    """
    serving = state or FilterState()
    successor = serving.successor
    n = len(intake)
    if n == 0:
        return Estimates([], [], []), serving
    kcal: list[float | None] = []
    low: list[float | None] = []
    high: list[float | None] = []
    position = 0
    while position < n:
        if not serving.started:
            end = next((i + 1 for i in range(position, n) if weights[i] is not None), n)
        else:
            age = serving.days_since_first_weigh_in
            if age >= RESTART_DAYS:
                serving, successor = successor or FilterState(), None
                continue
            start = RESTART_DAYS - RESTART_WARM_UP_DAYS
            end = min(n, position + (start - age if age < start else RESTART_DAYS - age))
            if age >= start:
                _, successor = _run(
                    intake[position:end],
                    weights[position:end],
                    successor or FilterState(),
                    serve=False,
                )
        estimates, serving = _run(intake[position:end], weights[position:end], serving)
        kcal += estimates.kcal
        low += estimates.low_kcal
        high += estimates.high_kcal
        position = end
    if serving.successor is not successor:
        serving = dataclasses.replace(serving, successor=successor)
    return Estimates(kcal, low, high), serving


def _run(
    intake: Sequence[float | None],
    weights: Sequence[float | None],
    state: FilterState,
    serve: bool = True,
) -> tuple[Estimates, FilterState]:
    """One filter over the slots, from ``state`` (its successor is not carried); all
    estimates null unless it ``serve``s them."""
    phi = WATER_CORRELATION
    phi2, keep = phi * phi, 1.0 - phi * phi
    c = 1.0 / KCAL_PER_KG
    r_scale = SCALE_SD_KG**2
    q_logged = (LOGGED_INTAKE_SD_KCAL * c) ** 2
    q_unlogged = (UNLOGGED_INTAKE_SD_KCAL * c) ** 2
    low_v, high_v = (math.log(sd**2) for sd in WATER_SD_BOUNDS_KG)
    prior_weigh_ins, slowest = WATER_PRIOR_WEIGH_INS, 1.0 / WATER_MEMORY_WEIGH_INS
    low_q, high_q = (math.log(sd**2) for sd in EXPENDITURE_DRIFT_BOUNDS_KCAL)
    fade = 1.0 - 1.0 / PERSISTENCE_WEIGH_INS
    fade2 = fade * fade
    gate = OUTLIER_SIGMAS**2
    usual_weight = 1.0 / USUAL_INTAKE_DAYS
    horizon, every = FORECAST_DAYS, FORECAST_EVERY_DAYS
    in_flight = FORECAST_DAYS // FORECAST_EVERY_DAYS + 1
    band_from = STEP_BAND_FROM
    lowest, highest = PLAUSIBLE_KCAL
    widest_variance = (MAX_INTERVAL_WIDTH_KCAL / (2 * INTERVAL_Z)) ** 2
    min_days, min_intake, min_weigh_ins = (
        MIN_DAYS_SINCE_FIRST_WEIGH_IN,
        MIN_INTAKE_DAYS,
        MIN_WEIGH_INS,
    )

    st = state
    started, m, e, w = st.started, st.mass, st.expenditure, st.water
    pmm, pme, pmw, pee, pew, pww = st.covariance
    log_v, log_q, adaptations = st.log_water_variance, st.log_drift_variance, st.adaptations
    q_w, q_e = math.exp(log_v) * keep, math.exp(log_q)
    run, squares = st.innovation_run, st.innovation_squares
    intake_mass, intake_mass_variance = st.intake_mass, st.intake_mass_variance
    forecasts = list(st.forecasts)
    step_moves = st.step_moves
    miss, share = st.forecast_miss, st.forecast_share
    widening = _widening(miss, share)
    days_since, intake_days, weigh_ins = st.days_since_first_weigh_in, st.intake_days, st.weigh_ins
    usual, previous_intake = st.usual_intake, st.previous_intake
    kcal_out: list[float | None] = [None] * len(intake)
    low_out: list[float | None] = [None] * len(intake)
    high_out: list[float | None] = [None] * len(intake)
    for slot, (kcal, weight) in enumerate(zip(intake, weights, strict=True)):
        if started:
            days_since += 1
            # (1) One day on: mass takes the previous day's intake minus expenditure.
            if previous_intake is not None:
                u, q_m = previous_intake, q_logged
            else:
                u, q_m = (e if usual is None else usual), q_unlogged
            m += (u - e) * c
            w *= phi
            pmm += c * (c * pee - 2.0 * pme) + q_m
            pme -= c * pee
            pmw = phi * (pmw - c * pew)
            pee += q_e
            pew *= phi
            pww = phi2 * pww + q_w
            intake_mass += u * c
            intake_mass_variance += q_m
            if weight is not None:
                # (2) The weigh-in observes m + w plus scale noise.
                hm, he, hw = pmm + pmw, pme + pew, pmw + pww
                s = hm + hw + r_scale
                nu = weight - m - w
                nis = nu * nu / s
                # The water variance moves so that innovations match their predicted
                # size; the step is scaled by how much of that size is water.
                rate = 1.0 / (adaptations + prior_weigh_ins)
                if rate < slowest:
                    rate = slowest
                water = pww if pww > 0.25 * s else 0.25 * s
                log_v += rate * ((nis if nis < gate else gate) - 1.0) * s / water
                if log_v < low_v:
                    log_v = low_v
                elif log_v > high_v:
                    log_v = high_v
                q_w = math.exp(log_v) * keep
                # The drift moves so that the run of normalised innovations is as long
                # as their size allows (its square over their squares is then 1 on
                # average); a trailing expenditure makes it longer.
                z = nu / math.sqrt(s)
                if z > OUTLIER_SIGMAS:
                    z = OUTLIER_SIGMAS
                elif z < -OUTLIER_SIGMAS:
                    z = -OUTLIER_SIGMAS
                run = fade * run + z
                squares = fade2 * squares + z * z
                persistence = run * run / squares if squares > 0.0 else 1.0
                rate = 1.0 / (adaptations + DRIFT_PRIOR_WEIGH_INS)
                if rate < DRIFT_SLOWEST_RATE:
                    rate = DRIFT_SLOWEST_RATE
                log_q += rate * ((persistence if persistence < gate else gate) - 1.0)
                if log_q < low_q:
                    log_q = low_q
                elif log_q > high_q:
                    log_q = high_q
                q_e = math.exp(log_q)
                adaptations += 1
                if nis > gate:
                    s = nu * nu / gate
                km, ke, kw = hm / s, he / s, hw / s
                m += km * nu
                e += ke * nu
                w += kw * nu
                pmm -= km * hm
                pme -= km * he
                pmw -= km * hw
                pee -= ke * he
                pew -= ke * hw
                pww -= kw * hw
                weigh_ins += 1
                if forecasts and days_since - forecasts[0][0] >= horizon:
                    miss, share, p_step, target, target_variance = _check(
                        forecasts.pop(0),
                        (days_since, intake_mass, intake_mass_variance, m, pmm, q_e, step_moves),
                        miss,
                        share,
                    )
                    widening = _widening(miss, share)
                    if p_step > 0.0:
                        # Expenditure as a mixture of "no step" (the filter's) and "a step
                        # since the forecast started" (what the forecast's days say).
                        moved = p_step * (target - e)
                        if p_step > band_from:
                            p = (p_step - band_from) / (1.0 - band_from)
                            pee += p * (target_variance - pee + (1.0 - p) * (target - e) ** 2)
                            pme *= 1.0 - p
                            pew *= 1.0 - p
                        e += moved
                        # The forecasts in flight started from an expenditure now known to
                        # be off by as much: they forecast as if they had known.
                        step_moves += moved
            intake_days += kcal is not None
            if days_since % every == 0:
                if len(forecasts) == in_flight:
                    forecasts.pop(0)
                forecasts.append(
                    (
                        days_since,
                        intake_mass,
                        intake_mass_variance,
                        m,
                        e - step_moves,
                        pmm,
                        pme,
                        pee,
                    )
                )
            if not serve:
                pass
            elif (band := pee * widening) <= widest_variance and (
                days_since >= min_days
                and intake_days >= min_intake
                and weigh_ins >= min_weigh_ins
                and lowest <= e <= highest
            ):
                half = INTERVAL_Z * math.sqrt(band)
                kcal_out[slot] = e
                low_out[slot] = e - half
                high_out[slot] = e + half
        elif weight is not None:
            started = True
            v = math.exp(log_v)
            # Mass is centred on the first weigh-in, which then splits the uncertainty
            # between mass and water by their prior variances.
            pmm0 = MASS_PRIOR_SD_KG**2
            s = pmm0 + v + r_scale
            m, e, w = weight, (EXPENDITURE_PRIOR_KCAL if usual is None else usual), 0.0
            pmm, pme, pmw = pmm0 - pmm0 * pmm0 / s, 0.0, -pmm0 * v / s
            pee, pew, pww = EXPENDITURE_PRIOR_SD_KCAL**2, 0.0, v - v * v / s
            intake_days, weigh_ins = int(kcal is not None), 1
        if kcal is not None:
            usual = kcal if usual is None else usual + usual_weight * (kcal - usual)
        previous_intake = kcal
    end = FilterState(
        started,
        m,
        e,
        w,
        (pmm, pme, pmw, pee, pew, pww),
        log_v,
        log_q,
        run,
        squares,
        intake_mass,
        intake_mass_variance,
        tuple(forecasts),
        step_moves,
        miss,
        share,
        adaptations,
        days_since,
        intake_days,
        weigh_ins,
        usual,
        previous_intake,
    )
    return Estimates(kcal_out, low_out, high_out), end


def _widening(miss: float, share: float) -> float:
    """The factor on the band's variance: the excess of the forecasts' misses (``miss``,
    their mean squared normalised miss) that only expenditure explains (``share`` of
    their variance is expenditure's), from 1 to MAX_WIDENING²."""
    widening = 1.0 + (miss - 1.0) / share
    return 1.0 if widening < 1.0 else min(widening, MAX_WIDENING**2)


def _check(
    forecast: tuple[float, float, float, float, float, float, float, float],
    now: tuple[int, float, float, float, float, float, float],
    miss: float,
    share: float,
) -> tuple[float, float, float, float, float]:
    """The forecast check of one forecast.

    ``forecast`` is what the filter knew on the day it started; ``now`` is (today,
    intake_mass, intake_mass_variance, the mass read from today's and earlier
    weigh-ins, its variance, the drift variance, Σ of the step moves).

    Returns:
        The running means (``miss``, ``share``) moved by this check; the probability
        that expenditure stepped since the forecast started, and the expenditure if it
        did with its variance.
    """
    start, mass_then, variance_then, m, e, pmm, pme, pee = forecast
    today, intake_mass, intake_mass_variance, mass, mass_variance, drift, moves = now
    e += moves
    k = today - start
    kc = k / KCAL_PER_KG
    predicted = m + (intake_mass - mass_then) - kc * e
    from_expenditure = kc * kc * pee + drift * (k - 1) * k * (2 * k - 1) / 6 / KCAL_PER_KG**2
    # In a linear Gaussian model the estimate's change between the two days has the
    # forecast's variance less today's: what today's reading still leaves unknown.
    variance = pmm - 2.0 * kc * pme + from_expenditure + (intake_mass_variance - variance_then)
    variance -= mass_variance
    if variance < 0.1 * from_expenditure:
        variance = 0.1 * from_expenditure
    z2 = (mass - predicted) ** 2 / variance
    gate = OUTLIER_SIGMAS**2
    rate = 1.0 / CHECK_MEMORY_FORECASTS
    # Did expenditure step since the forecast started? A step of Δ (about STEP_SD_KCAL)
    # would make the miss −k·Δ/7,700 kg. The odds of a step against none, given the miss
    # (its variance made as large as the past checks missed by, if larger).
    calibrated = variance * (miss if miss > 1.0 else 1.0)
    spread = (kc * STEP_SD_KCAL) ** 2
    log_odds = (
        math.log(STEP_PRIOR / (1.0 - STEP_PRIOR))
        + 0.5 * math.log(calibrated / (calibrated + spread))
        + 0.5 * (mass - predicted) ** 2 * (1.0 / calibrated - 1.0 / (calibrated + spread))
    )
    p_step = 1.0 / (1.0 + math.exp(-log_odds)) if log_odds > -30.0 else 0.0
    # If it did: the expenditure the mass change over the forecast's days says, shrunk
    # toward the filter's by the step's prior size.
    shrink = spread / (calibrated + spread)
    target = e + (predicted - mass) / kc * shrink
    target_variance = calibrated / (kc * kc) * shrink
    miss += rate * ((z2 if z2 < gate else gate) - miss)
    share += rate * (from_expenditure / variance - share)
    return miss, share, p_step, target, target_variance
