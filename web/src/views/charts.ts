/**
 * The charts over the chosen range: weigh-ins with the trend line, the goal and the
 * projection to the goal date (dashed); intake against the week's target; expenditure with its
 * 80 % band, the profile-formula balance with its 7-day average, steps against the goal, sleep against
 * the target. Ranges longer than the API allows in one query take several requests.
 * The days already fetched are kept: after an edit of day D only the days from D on are
 * fetched again (an edit changes KPIs from D on), and a shorter range fetches nothing.
 */

import { describe, request } from "../api";
import { chart, type ChartSpec, type Layer, type OnPick } from "../chart";
import { chunks, toDay, toIso } from "../dates";
import { byId, fill, h } from "../dom";
import { expenditureOf, type Expenditure } from "../expenditure";
import { number, quantity } from "../format";
import { graphql } from "../gql";
import type { ProfileFieldsFragment, SeriesQuery } from "../gql/graphql";
import { fromKg, unitOf, unitSymbol, weight } from "../units";
import { WEEKLY_AFTER_DAYS, weeklyAverage, weeksOf } from "../weekly";
import type { Range } from "./range";

/** The longest range the API answers in one list query (docs/api.md). */
export const MAX_DAYS_PER_REQUEST = 3660;

const SeriesDocument = graphql(`
  query Series($start: Date!, $end: Date!) {
    kpis(start: $start, end: $end) {
      date
      weightTrend
      goalEtaDate
      targetKcalIn
      balanceKcal
      balance7dAvg
      steps7dAvg
      sleep7dAvg
      expenditureKcal
      expenditureLowKcal
      expenditureHighKcal
    }
    dailyMetrics(start: $start, end: $end) {
      date
      weightKg
      kcalIn
      steps
      sleepHours
    }
  }
`);

type Kpi = SeriesQuery["kpis"][number];
type Metric = SeriesQuery["dailyMetrics"][number];

/** One row per logged day of the range, the day's metrics beside its KPIs. */
export interface Day {
  day: number;
  date: string;
  kpi: Kpi;
  metric: Metric | undefined;
  expenditure: Expenditure | null;
}

async function fetchBetween(start: number, end: number): Promise<Day[]> {
  const parts = await Promise.all(
    chunks(toIso(start), toIso(end), MAX_DAYS_PER_REQUEST).map(([from, to]) =>
      request(SeriesDocument, { start: from, end: to }),
    ),
  );
  const days: Day[] = [];
  for (const part of parts) {
    const metrics = new Map(part.dailyMetrics.map((m) => [m.date, m]));
    for (const kpi of part.kpis) {
      days.push({
        day: toDay(kpi.date),
        date: kpi.date,
        kpi,
        metric: metrics.get(kpi.date),
        expenditure: expenditureOf(kpi),
      });
    }
  }
  return days;
}

/** The fetched days, ascending, and the span [start, end] of day numbers they cover. */
let cache: { start: number; end: number; days: Day[] } | null = null;

/** Forgets the fetched days from `date` on (all of them when null): their KPIs changed. */
export function invalidateFrom(date: string | null): void {
  if (cache === null) return;
  const from = date === null ? -Infinity : toDay(date);
  cache.days = cache.days.filter((d) => d.day < from);
  cache.end = Math.min(cache.end, from - 1);
  if (cache.end < cache.start) cache = null;
}

/** The logged days of `range`, fetching only what the cache lacks. */
export async function fetchDays(range: Range): Promise<Day[]> {
  const start = toDay(range.start);
  const end = toDay(range.end);
  const held = cache;
  if (held === null || end < held.start - 1 || start > held.end + 1) {
    cache = { start, end, days: await fetchBetween(start, end) };
  } else {
    const [before, after] = await Promise.all([
      start < held.start ? fetchBetween(start, held.start - 1) : Promise.resolve([]),
      end > held.end ? fetchBetween(held.end + 1, end) : Promise.resolve([]),
    ]);
    if (cache === held) {
      cache = {
        start: Math.min(start, held.start),
        end: Math.max(end, held.end),
        days: [...before, ...held.days, ...after],
      };
    } else {
      return [...before, ...held.days, ...after].filter((d) => d.day >= start && d.day <= end);
    }
  }
  return cache.days.filter((d) => d.day >= start && d.day <= end);
}

/**
 * The projection of the weight chart: from the trend of the range's last logged day to
 * the goal on that day's goalEtaDate, a straight line (the rate is held). A date far
 * beyond the range is cut at as many days past its end as the range holds (30 at least),
 * so the range itself stays readable. Null without a goal or a date.
 */
function projectionOf(
  days: readonly Day[],
  goal: number | null,
  end: number,
): { from: [number, number]; to: [number, number]; eta: string } | null {
  const last = days.at(-1);
  const trend = last?.kpi.weightTrend ?? null;
  const eta = last?.kpi.goalEtaDate ?? null;
  if (last === undefined || goal === null || trend === null || eta === null) return null;
  const to = toDay(eta);
  // A date far beyond the range is drawn up to the range's length past its end.
  const reach = Math.min(to, end + Math.max(end - (days[0]?.day ?? end), 30));
  const value = trend + ((goal - trend) * (reach - last.day)) / (to - last.day);
  return { from: [last.day, trend], to: [reach, value], eta };
}

function count(values: ReadonlyArray<number | null>): number {
  return values.filter((v) => v !== null).length;
}

/** The last non-null value and its date. */
function latest(days: readonly Day[], values: ReadonlyArray<number | null>): [string, number] | null {
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i];
    const day = days[i];
    if (value !== null && value !== undefined && day !== undefined) return [day.date, value];
  }
  return null;
}

function column<T>(days: readonly Day[], pick: (day: Day) => T | null | undefined): Array<T | null> {
  return days.map((day) => pick(day) ?? null);
}

export function specs(range: Range, days: readonly Day[], profile: ProfileFieldsFragment): ChartSpec[] {
  const unit = unitOf(profile);
  const start = toDay(range.start);
  const end = toDay(range.end);
  const weekly = end - start + 1 > WEEKLY_AFTER_DAYS;
  const weeks = weekly ? weeksOf(days.map((d) => d.day)) : null;
  // What a chart draws: each day's value, or each week's average over long ranges.
  const drawn = (values: ReadonlyArray<number | null>): Array<number | null> =>
    weeks === null ? [...values] : weeklyAverage(values, weeks.members);
  const base = { start, end, days: weeks === null ? days.map((d) => d.day) : weeks.middles, weekly };

  const weights = column(days, (d) => d.metric?.weightKg);
  const trend = column(days, (d) => d.kpi.weightTrend);
  const lastTrend = latest(days, trend);
  const inUnit = (values: Array<number | null>): Array<number | null> =>
    values.map((v) => (v === null ? null : fromKg(v, unit)));
  const goal = profile.goalWeightKg ?? null;
  const projection = projectionOf(days, goal, end);
  const weightEnd = projection === null ? end : Math.max(end, projection.to[0]);
  const goalLayers: Layer[] = [];
  if (goal !== null) {
    goalLayers.push({ kind: "rule", value: fromKg(goal, unit), className: "c-goal", label: `Goal ${weight(goal, unit)}` });
  }
  if (projection !== null) {
    goalLayers.push({
      kind: "segment",
      from: [projection.from[0], fromKg(projection.from[1], unit)],
      to: [projection.to[0], fromKg(projection.to[1], unit)],
      className: "c-projection",
      label: `Projection to ${projection.eta}`,
    });
  }

  const kcalIn = column(days, (d) => d.metric?.kcalIn);
  const targets = column(days, (d) => d.kpi.targetKcalIn);
  const lastTarget = latest(days, targets);
  const eatenDays = kcalIn.filter((v): v is number => v !== null);
  const eatenMean = eatenDays.length ? eatenDays.reduce((a, b) => a + b, 0) / eatenDays.length : null;

  const mid = column(days, (d) => d.expenditure?.mid);
  const low = column(days, (d) => d.expenditure?.low);
  const high = column(days, (d) => d.expenditure?.high);
  const lastMid = latest(days, mid);

  const balance = column(days, (d) => d.kpi.balanceKcal);
  const balanceAvg = column(days, (d) => d.kpi.balance7dAvg);
  const lastBalanceAvg = latest(days, balanceAvg);
  const balanceDrawn = drawn(balance);

  const steps = column(days, (d) => d.metric?.steps);
  const stepsAvg = column(days, (d) => d.kpi.steps7dAvg);
  const stepsMet = steps.filter((s) => s !== null && s >= profile.stepsGoal).length;

  const sleep = column(days, (d) => d.metric?.sleepHours);
  const sleepAvg = column(days, (d) => d.kpi.sleep7dAvg);
  const sleepNights = sleep.filter((s): s is number => s !== null);
  const sleepMean = sleepNights.length ? sleepNights.reduce((a, b) => a + b, 0) / sleepNights.length : null;

  const kcal = { tick: (v: number) => number(v, "kcal"), value: (v: number) => quantity(v, "kcal") };
  const onDay = (entry: [string, number] | null, show: (v: number) => string): string =>
    entry === null ? "none in this range" : `${show(entry[1])} on ${entry[0]}`;

  return [
    {
      ...base,
      end: weightEnd,
      id: "chart-weight",
      title: `Weight (${unitSymbol(unit)})`,
      tick: (v) => number(v, "kg"),
      value: (v) => `${number(v, "kg")} ${unitSymbol(unit)}`,
      layers: [
        { kind: "dots", values: inUnit(drawn(weights)), className: "c-weight", label: "Weigh-ins" },
        { kind: "line", values: inUnit(drawn(trend)), className: "c-trend", label: "Trend" },
        ...goalLayers,
      ],
      summary:
        `${number(count(weights), "count")} weigh-ins. Trend: ${onDay(lastTrend, (v) => weight(v, unit))}.` +
        (goal === null ? "" : ` Goal ${weight(goal, unit)}` + (projection === null ? ", no projected date." : `, projected for ${projection.eta}.`)),
    },
    {
      ...base,
      id: "chart-intake",
      title: "Intake and the week's target (kcal/day)",
      ...kcal,
      layers: [
        { kind: "bars", values: drawn(kcalIn), className: "c-intake", label: "Intake" },
        { kind: "step", values: drawn(targets), className: "c-target", label: "Target of the week" },
      ],
      summary: `${number(eatenDays.length, "count")} days with intake, average ${quantity(eatenMean, "kcal")}. Target: ${onDay(lastTarget, kcal.value)}.`,
    },
    {
      ...base,
      id: "chart-expenditure",
      title: "Expenditure (kcal/day)",
      ...kcal,
      layers: [
        { kind: "band", low: drawn(low), high: drawn(high), className: "c-band", label: "80 % interval" },
        { kind: "line", values: drawn(mid), className: "c-expenditure", label: "Estimate" },
      ],
      summary: `${number(count(mid), "count")} days with an estimate. Latest: ${onDay(lastMid, kcal.value)}.`,
    },
    {
      ...base,
      id: "chart-balance",
      title: "Profile-formula balance (kcal/day)",
      ...kcal,
      layers: [
        { kind: "bars", values: balanceDrawn.map((v) => (v !== null && v < 0 ? v : null)), className: "c-deficit", label: "Deficit" },
        { kind: "bars", values: balanceDrawn.map((v) => (v !== null && v >= 0 ? v : null)), className: "c-surplus", label: "Surplus" },
        { kind: "line", values: drawn(balanceAvg), className: "c-average", label: "7-day average" },
        { kind: "rule", value: profile.balanceGoalKcal, className: "c-goal", label: `Goal ${quantity(profile.balanceGoalKcal, "kcal")}` },
      ],
      summary: `${number(count(balance), "count")} days with a balance. 7-day average: ${onDay(lastBalanceAvg, kcal.value)}.`,
    },
    {
      ...base,
      id: "chart-steps",
      title: "Steps",
      tick: (v) => number(v, "steps"),
      value: (v) => `${number(v, "steps")} steps`,
      layers: [
        { kind: "bars", values: drawn(steps), className: "c-steps", label: "Steps" },
        { kind: "line", values: drawn(stepsAvg), className: "c-average", label: "7-day average" },
        { kind: "rule", value: profile.stepsGoal, className: "c-goal", label: `Goal ${quantity(profile.stepsGoal, "steps")}` },
      ],
      summary: `${number(count(steps), "count")} days with steps, ${number(stepsMet, "count")} at or above the goal of ${quantity(profile.stepsGoal, "steps")}.`,
    },
    {
      ...base,
      id: "chart-sleep",
      title: "Sleep (hours)",
      tick: (v) => number(v, "hours"),
      value: (v) => quantity(v, "hours"),
      layers: [
        { kind: "dots", values: drawn(sleep), className: "c-sleep", label: "Nights" },
        { kind: "line", values: drawn(sleepAvg), className: "c-average", label: "7-day average" },
        { kind: "rule", value: profile.sleepTargetHours, className: "c-goal", label: `Target ${quantity(profile.sleepTargetHours, "hours")}` },
      ],
      summary: `${number(sleepNights.length, "count")} nights logged, average ${quantity(sleepMean, "hours")} against the target of ${quantity(profile.sleepTargetHours, "hours")}.`,
    },
  ];
}

/** The width a chart's drawing gets inside #charts, px. */
function plotWidth(target: HTMLElement): number {
  const probe = h("figure", { class: "chart" });
  target.append(probe);
  const style = getComputedStyle(probe);
  const width = probe.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  probe.remove();
  return Math.floor(width);
}

let generation = 0;
let drawn: { specs: ChartSpec[]; width: number } | null = null;
let pick: OnPick | null = null;

/** What "Edit this day" (or Enter on a chart) does. */
export function onChartPick(handler: OnPick): void {
  pick = handler;
}

function draw(target: HTMLElement, charts: ChartSpec[]): void {
  const width = plotWidth(target);
  fill(target, ...charts.map((spec) => chart(spec, width, pick)));
  drawn = { specs: charts, width };
}

// A new width (a phone turned, a window resized) redraws at the new size, fetching nothing.
let resizing = 0;
addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = window.setTimeout(() => {
    const target = document.getElementById("charts");
    if (drawn === null || target === null) return;
    if (Math.abs(plotWidth(target) - drawn.width) > 4) draw(target, drawn.specs);
  }, 150);
});

/**
 * Fetches what the range needs and draws the charts; a newer call supersedes a running
 * one. `changedFrom`: the first day whose KPIs changed since the last call (null: none;
 * "all" after a profile change).
 */
export async function showCharts(range: Range, profile: ProfileFieldsFragment, changedFrom: string | null = null): Promise<void> {
  const mine = ++generation;
  const target = byId("charts");
  const status = byId("charts-status");
  if (changedFrom !== null) invalidateFrom(changedFrom === "all" ? null : changedFrom);
  target.setAttribute("aria-busy", "true");
  status.textContent = `Loading ${range.start} to ${range.end}…`;
  try {
    const days = await fetchDays(range);
    if (mine !== generation) return;
    performance.mark("charts-data");
    draw(target, specs(range, days, profile));
    status.textContent = `${number(days.length, "count")} logged days from ${range.start} to ${range.end}.`;
    // The next frame comes after layout and paint: that is when the charts are seen.
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    performance.mark("charts-drawn");
    target.dataset.range = `${range.start}..${range.end}`;
  } catch (error) {
    if (mine === generation) status.textContent = `Could not load the charts: ${describe(error)}`;
  } finally {
    if (mine === generation) target.removeAttribute("aria-busy");
  }
}
