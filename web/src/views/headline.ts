/**
 * The headline figures of the last logged day: weight trend and its weekly change,
 * expenditure with its interval, 7-day balance, steps, sleep and protein per kg; and in
 * the same request, the recent days for the table under them (views/recent.ts).
 */

import { describe, request } from "../api";
import { byId, fill, h } from "../dom";
import { expenditureOf, type Expenditure } from "../expenditure";
import { number, quantity } from "../format";
import { graphql } from "../gql";
import type { ProfileFieldsFragment } from "../gql/graphql";
import { addDays } from "../dates";
import { unitOf, weight } from "../units";
import { RECENT_DAYS, showRecent } from "./recent";

const LatestDayDocument = graphql(`
  query LatestDay($day: Date!, $recentStart: Date!) {
    recent: dailyMetrics(start: $recentStart, end: $day) {
      date
      weightKg
    }
    recentKpis: kpis(start: $recentStart, end: $day) {
      date
      weightTrend
    }
    kpis(start: $day, end: $day) {
      weightTrend
      weightTrendChange7d
      balance7dAvg
      balance7dDays
      proteinPerKg
      steps7dAvg
      sleep7dAvg
      expenditureKcal
      expenditureLowKcal
      expenditureHighKcal
    }
    dailyMetrics(start: $day, end: $day) {
      weightKg
      steps
      sleepHours
    }
  }
`);

function figure(key: string, label: string, value: string, detail: string, missing = false): HTMLElement {
  return h(
    "div",
    { class: "figure", "data-figure": key },
    h("dt", {}, label),
    h("dd", { class: missing ? "value missing" : "value" }, value),
    h("dd", { class: "detail" }, detail),
  );
}

function expenditureFigure(estimate: Expenditure | null): HTMLElement {
  if (estimate === null) {
    return figure("expenditure", "Expenditure", "No estimate", "Too little intake and weight data yet, or too uncertain", true);
  }
  const interval =
    estimate.low === null || estimate.high === null
      ? "no interval"
      : `80 % interval ${number(estimate.low, "kcal")}–${quantity(estimate.high, "kcal")}`;
  return figure("expenditure", "Expenditure", quantity(estimate.mid, "kcal"), `a day; ${interval}`, estimate.mid === null);
}

/**
 * Shows the figures of `day` (the last logged day) and, from the same request, the
 * recent-days table; `open` opens a day of the table in the entry form.
 */
export async function showHeadline(day: string, profile: ProfileFieldsFragment, open: (date: string) => void): Promise<void> {
  const target = byId("headline");
  byId("headline-day").textContent = day;
  try {
    const data = await request(LatestDayDocument, { day, recentStart: addDays(day, 1 - RECENT_DAYS) });
    showRecent(day, data.recent, data.recentKpis, unitOf(profile), open);
    const kpi = data.kpis[0];
    const metric = data.dailyMetrics[0];
    const unit = unitOf(profile);
    fill(
      target,
      figure(
        "weight-trend",
        "Weight trend",
        weight(kpi?.weightTrend, unit),
        `${weight(kpi?.weightTrendChange7d, unit, true)} in 7 days`,
      ),
      figure(
        "scale-weight",
        "Scale weight",
        weight(metric?.weightKg, unit),
        metric?.weightKg === null || metric?.weightKg === undefined ? `no weigh-in on ${day}` : `on ${day}`,
        metric?.weightKg === null || metric?.weightKg === undefined,
      ),
      expenditureFigure(expenditureOf(kpi)),
      figure(
        "balance",
        "7-day balance",
        quantity(kpi?.balance7dAvg, "kcal", true),
        `a day, over ${kpi?.balance7dDays ?? 0} of 7 days; goal ${quantity(profile.balanceGoalKcal, "kcal", true)}`,
      ),
      figure(
        "steps",
        "Steps",
        quantity(metric?.steps, "steps"),
        `7-day average ${quantity(kpi?.steps7dAvg, "steps")}; goal ${quantity(profile.stepsGoal, "steps")}`,
      ),
      figure(
        "sleep",
        "Sleep",
        quantity(metric?.sleepHours, "hours"),
        `7-day average ${quantity(kpi?.sleep7dAvg, "hours")}; target ${quantity(profile.sleepTargetHours, "hours")}`,
      ),
      figure(
        "protein",
        "Protein",
        quantity(kpi?.proteinPerKg, "perKg"),
        `target ${quantity(profile.proteinTargetGPerKg, "perKg")}`,
      ),
    );
  } catch (error) {
    fill(target, h("p", { role: "alert" }, `Could not load the latest day: ${describe(error)}`));
  }
}
