/**
 * The first screen's figures, of the last logged day: how the weight is doing (scale
 * weight, trend, its change since 1, 7, 14 and 30 days, the rate a week), where the plan
 * leads (the weight to go, the projected date or why there is none), this week's intake
 * against its target, the expenditure and the energy balance against it; then steps,
 * sleep, protein and the profile-formula balance, named as such. In the same request, the
 * recent days for the table under them (views/recent.ts). docs/dashboard.md lists each.
 */

import { describe, request } from "../api";
import { byId, fill, h } from "../dom";
import { expenditureOf, type Expenditure } from "../expenditure";
import { number, quantity } from "../format";
import { graphql } from "../gql";
import type { LatestDayQuery, ProfileFieldsFragment } from "../gql/graphql";
import { addDays } from "../dates";
import { CHANGE_DAYS, etaOf, mondayOf, REACHED_KG, SLOWEST_KG_PER_WEEK, trendChange, type Eta } from "../plan";
import { fromKg, unitOf, unitSymbol, weight, weightNumber, weightRate, type WeightUnit } from "../units";
import { RECENT_DAYS, showRecent } from "./recent";

/** How far back the request reaches: the longest change shown (30 days) and its day. */
const LOOK_BACK_DAYS = 30;

const LatestDayDocument = graphql(`
  query LatestDay($day: Date!, $since: Date!, $monday: Date!) {
    recent: dailyMetrics(start: $since, end: $day) {
      date
      weightKg
      kcalIn
    }
    recentKpis: kpis(start: $since, end: $day) {
      date
      weightTrend
    }
    kpis(start: $day, end: $day) {
      weightTrend
      weightTrendChange7d
      weightRateKgPerWeek
      goalEtaDate
      targetKcalIn
      energyBalanceKcal
      energyBalance7dAvg
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
    week: kpiSummary(start: $monday, end: $day, period: WEEK) {
      kcalInAvg
    }
  }
`);

type Kpi = LatestDayQuery["kpis"][number];

function figure(key: string, label: string, value: string | Node, detail: string | null, missing = false): HTMLElement {
  const kind = missing ? "value missing" : typeof value === "string" ? "value" : "value changes-value";
  return h(
    "div",
    { class: "figure", "data-figure": key },
    h("dt", {}, label),
    h("dd", { class: kind }, value),
    detail === null ? null : h("dd", { class: "detail" }, detail),
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
 * The trend's change since 1, 7, 14 and 30 days, each with its span. The 7 days are the
 * API's weightTrendChange7d (known on every calendar day), so this card and the trend's
 * own "in 7 days" are one number even when D−7 is not logged.
 */
function changesFigure(trends: ReadonlyMap<string, number | null>, day: string, week: number | null, unit: WeightUnit): HTMLElement {
  const items = CHANGE_DAYS.map((days) =>
    h(
      "span",
      { class: "change", "data-since": days },
      h("span", { class: "amount" }, weightNumber(days === 7 ? week : trendChange(trends, day, days), unit, true)),
      h("span", { class: "span" }, days === 1 ? "1 day" : `${days} days`),
    ),
  );
  return figure("changes", `Trend change (${unitSymbol(unit)})`, h("span", { class: "changes" }, ...items), null);
}

/** What the projected-date figure says: the date, or why there is none, in words. */
export function etaWords(eta: Eta, unit: WeightUnit): [string, string] {
  switch (eta.kind) {
    case "date":
      return [eta.date, "at the current rate"];
    case "no-goal":
      return ["No goal", "set one under Profile"];
    case "no-rate":
      return ["Not yet", "the rate needs 8 days of trend"];
    case "reached":
      return ["Reached", `the trend is within ${weight(REACHED_KG, unit)} of it`];
    case "moving-away":
      return ["Moving away", "the trend moves away from the goal"];
    case "too-slow":
      return ["Too slow", `slower than ${number(fromKg(SLOWEST_KG_PER_WEEK, unit), "rate")} ${unitSymbol(unit)} a week: no date`];
    case "too-far":
      return ["Over 5 years", "away at this rate"];
  }
}

function goalFigures(kpi: Kpi | undefined, profile: ProfileFieldsFragment, unit: WeightUnit): HTMLElement[] {
  const goal = profile.goalWeightKg ?? null;
  const trend = kpi?.weightTrend ?? null;
  const eta = etaOf(kpi?.goalEtaDate, goal, trend, kpi?.weightRateKgPerWeek);
  const [etaValue, etaDetail] = etaWords(eta, unit);
  let toGo: HTMLElement;
  if (goal === null) {
    toGo = figure("to-go", "To go", "No goal", "set one under Profile", true);
  } else if (trend === null) {
    toGo = figure("to-go", "To go", "—", `goal ${weight(goal, unit)}; no trend yet`, true);
  } else {
    const left = goal - trend;
    const verb = Math.abs(left) <= REACHED_KG ? "reached" : left < 0 ? "to lose" : "to gain";
    toGo = figure("to-go", "To go", weight(Math.abs(left), unit), `${verb}, to ${weight(goal, unit)}`);
  }
  return [toGo, figure("eta", "Goal date", etaValue, etaDetail, eta.kind !== "date")];
}

/**
 * This week's target against what was eaten: the average intake a day over the week's
 * days so far that have one (the week summary's kcalInAvg), beside the target a day.
 */
function intakeFigure(kpi: Kpi | undefined, eaten: number | null, days: number): HTMLElement {
  const target = kpi?.targetKcalIn ?? null;
  const ate =
    eaten === null
      ? "nothing eaten logged since Monday"
      : `eaten ${quantity(eaten, "kcal")} a day over ${days} ${days === 1 ? "day" : "days"} since Monday` +
        (target === null ? "" : ` (${quantity(eaten - target, "kcal", true)})`);
  if (target === null) return figure("intake", "Target this week", "No target", `no expenditure the week before; ${ate}`, true);
  return figure("intake", "Target this week", quantity(target, "kcal"), `a day; ${ate}`);
}

/**
 * Shows the figures of `day` (the last logged day) and, from the same request, the
 * recent-days table; `open` opens a day of the table in the entry form.
 */
export async function showHeadline(day: string, profile: ProfileFieldsFragment, open: (date: string) => void): Promise<void> {
  const target = byId("headline");
  byId("headline-day").textContent = day;
  try {
    const monday = mondayOf(day);
    const data = await request(LatestDayDocument, { day, since: addDays(day, -LOOK_BACK_DAYS), monday });
    const unit = unitOf(profile);
    const shown = addDays(day, 1 - RECENT_DAYS);
    showRecent(
      day,
      data.recent.filter((d) => d.date >= shown),
      data.recentKpis,
      unit,
      open,
    );
    const trends = new Map(data.recentKpis.map((k) => [k.date, k.weightTrend ?? null]));
    const kpi = data.kpis[0];
    const metric = data.dailyMetrics[0];
    const noWeighIn = metric?.weightKg === null || metric?.weightKg === undefined;
    const eatenDays = data.recent.filter((d) => d.date >= monday && d.kcalIn !== null && d.kcalIn !== undefined).length;
    const plan = profile.goalRateKgPerWeek ?? null;
    fill(
      target,
      figure("scale-weight", "Scale weight", weight(metric?.weightKg, unit), noWeighIn ? `no weigh-in on ${day}` : `on ${day}`, noWeighIn),
      figure("weight-trend", "Weight trend", weight(kpi?.weightTrend, unit), `${weight(kpi?.weightTrendChange7d, unit, true)} in 7 days`),
      figure(
        "rate",
        "Rate",
        weightRate(kpi?.weightRateKgPerWeek, unit),
        `over 14 days; ${plan === null ? "no planned rate" : `plan ${weightRate(plan, unit)}`}`,
        kpi?.weightRateKgPerWeek === null || kpi?.weightRateKgPerWeek === undefined,
      ),
      changesFigure(trends, day, kpi?.weightTrendChange7d ?? null, unit),
      ...goalFigures(kpi, profile, unit),
      intakeFigure(kpi, data.week[0]?.kcalInAvg ?? null, eatenDays),
      expenditureFigure(expenditureOf(kpi)),
      figure(
        "energy-balance",
        "Energy balance",
        quantity(kpi?.energyBalance7dAvg, "kcal", true),
        `a day, 7-day average of intake − expenditure; ${quantity(kpi?.energyBalanceKcal, "kcal", true)} on the day`,
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
      figure("protein", "Protein", quantity(kpi?.proteinPerKg, "perKg"), `target ${quantity(profile.proteinTargetGPerKg, "perKg")}`),
      figure(
        "balance",
        "Profile-formula balance",
        quantity(kpi?.balance7dAvg, "kcal", true),
        `a day over ${kpi?.balance7dDays ?? 0} of 7 days, intake − BMR × activity; goal ${quantity(profile.balanceGoalKcal, "kcal", true)}`,
      ),
    );
    // The frame after this one is when the first screen is seen (tests/bench).
    requestAnimationFrame(() => setTimeout(() => performance.mark("first-screen-drawn"), 0));
  } catch (error) {
    fill(target, h("p", { role: "alert" }, `Could not load the latest day: ${describe(error)}`));
  }
}
