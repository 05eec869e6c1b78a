/**
 * The charts over the chosen range: weigh-ins with the trend line, expenditure with its
 * 80 % band, daily balance with the 7-day average, steps against the goal, sleep against
 * the target. Ranges longer than the API allows in one query take several requests.
 */

import { describe, request } from "../api";
import { chart, type ChartSpec } from "../chart";
import { chunks, toDay } from "../dates";
import { byId, fill, h } from "../dom";
import { expenditureOf, type Expenditure } from "../expenditure";
import { number, quantity } from "../format";
import { graphql } from "../gql";
import type { ProfileFieldsFragment, SeriesQuery } from "../gql/graphql";
import type { Range } from "./range";

/** The longest range the API answers in one list query (docs/api.md). */
export const MAX_DAYS_PER_REQUEST = 3660;

const SeriesDocument = graphql(`
  query Series($start: Date!, $end: Date!) {
    kpis(start: $start, end: $end) {
      date
      weightTrend
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

export async function fetchDays(range: Range): Promise<Day[]> {
  const parts = await Promise.all(
    chunks(range.start, range.end, MAX_DAYS_PER_REQUEST).map(([start, end]) =>
      request(SeriesDocument, { start, end }),
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

function column<T>(days: readonly Day[], pick: (day: Day) => T | null | undefined): Array<T | null> {
  return days.map((day) => pick(day) ?? null);
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

export function specs(range: Range, days: readonly Day[], profile: ProfileFieldsFragment): ChartSpec[] {
  const base = { start: toDay(range.start), end: toDay(range.end), days: days.map((d) => d.day) };

  const weights = column(days, (d) => d.metric?.weightKg);
  const trend = column(days, (d) => d.kpi.weightTrend);
  const lastTrend = latest(days, trend);

  const mid = column(days, (d) => d.expenditure?.mid);
  const low = column(days, (d) => d.expenditure?.low);
  const high = column(days, (d) => d.expenditure?.high);
  const lastMid = latest(days, mid);

  const balance = column(days, (d) => d.kpi.balanceKcal);
  const balanceAvg = column(days, (d) => d.kpi.balance7dAvg);
  const lastBalanceAvg = latest(days, balanceAvg);

  const steps = column(days, (d) => d.metric?.steps);
  const stepsAvg = column(days, (d) => d.kpi.steps7dAvg);
  const stepsMet = steps.filter((s) => s !== null && s >= profile.stepsGoal).length;

  const sleep = column(days, (d) => d.metric?.sleepHours);
  const sleepAvg = column(days, (d) => d.kpi.sleep7dAvg);
  const sleepNights = sleep.filter((s): s is number => s !== null);
  const sleepMean = sleepNights.length ? sleepNights.reduce((a, b) => a + b, 0) / sleepNights.length : null;

  const onDay = (entry: [string, number] | null, kind: "kg" | "kcal"): string =>
    entry === null ? "none in this range" : `${quantity(entry[1], kind)} on ${entry[0]}`;

  return [
    {
      ...base,
      id: "chart-weight",
      title: "Weight (kg)",
      unit: "kg",
      layers: [
        { kind: "dots", values: weights, className: "c-weight", label: "Weigh-ins" },
        { kind: "line", values: trend, className: "c-trend", label: "Trend" },
      ],
      summary: `${number(count(weights), "count")} weigh-ins. Trend: ${onDay(lastTrend, "kg")}.`,
    },
    {
      ...base,
      id: "chart-expenditure",
      title: "Expenditure (kcal/day)",
      unit: "kcal",
      layers: [
        { kind: "band", low, high, className: "c-band", label: "80 % interval" },
        { kind: "line", values: mid, className: "c-expenditure", label: "Estimate" },
      ],
      summary: `${number(count(mid), "count")} days with an estimate. Latest: ${onDay(lastMid, "kcal")}.`,
    },
    {
      ...base,
      id: "chart-balance",
      title: "Daily balance (kcal)",
      unit: "kcal",
      layers: [
        { kind: "bars", values: balance, className: "c-balance", label: "Balance" },
        { kind: "line", values: balanceAvg, className: "c-average", label: "7-day average" },
        { kind: "rule", value: profile.balanceGoalKcal, className: "c-goal", label: `Goal ${quantity(profile.balanceGoalKcal, "kcal")}` },
      ],
      summary: `${number(count(balance), "count")} days with a balance. 7-day average: ${onDay(lastBalanceAvg, "kcal")}.`,
    },
    {
      ...base,
      id: "chart-steps",
      title: "Steps",
      unit: "steps",
      layers: [
        { kind: "bars", values: steps, className: "c-steps", label: "Steps" },
        { kind: "line", values: stepsAvg, className: "c-average", label: "7-day average" },
        { kind: "rule", value: profile.stepsGoal, className: "c-goal", label: `Goal ${quantity(profile.stepsGoal, "steps")}` },
      ],
      summary: `${number(count(steps), "count")} days with steps, ${number(stepsMet, "count")} at or above the goal of ${quantity(profile.stepsGoal, "steps")}.`,
    },
    {
      ...base,
      id: "chart-sleep",
      title: "Sleep (hours)",
      unit: "hours",
      layers: [
        { kind: "dots", values: sleep, className: "c-sleep", label: "Nights" },
        { kind: "line", values: sleepAvg, className: "c-average", label: "7-day average" },
        { kind: "rule", value: profile.sleepTargetHours, className: "c-goal", label: `Target ${quantity(profile.sleepTargetHours, "hours")}` },
      ],
      summary: `${number(sleepNights.length, "count")} nights logged, average ${quantity(sleepMean, "hours")} against the target of ${quantity(profile.sleepTargetHours, "hours")}.`,
    },
  ];
}

let generation = 0;

/** Fetches the range and draws the charts; a newer call supersedes a running one. */
export async function showCharts(range: Range, profile: ProfileFieldsFragment): Promise<void> {
  const mine = ++generation;
  const target = byId("charts");
  const status = byId("charts-status");
  target.setAttribute("aria-busy", "true");
  status.textContent = `Loading ${range.start} to ${range.end}…`;
  try {
    const days = await fetchDays(range);
    if (mine !== generation) return;
    performance.mark("charts-data");
    fill(target, ...specs(range, days, profile).map(chart));
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
