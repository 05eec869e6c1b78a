/**
 * The plan's words: why a goal has no projected date, the changes of the trend over the
 * last days, and the current ISO week (docs/dashboard.md, docs/kpis.md "The plan").
 */

import { addDays, toDay, weekday } from "./dates";

/** Within this many kg of the goal it is reached (docs/kpis.md, goalEtaDate). */
export const REACHED_KG = 0.1;
/** Slower than this many kg a week gives no date. */
export const SLOWEST_KG_PER_WEEK = 0.05;

/** Why `goalEtaDate` is what it is: a date, or the rule that made it null. */
export type Eta =
  | { kind: "date"; date: string }
  | { kind: "no-goal" }
  | { kind: "no-rate" }
  | { kind: "reached" }
  | { kind: "moving-away" }
  | { kind: "too-slow" }
  | { kind: "too-far" };

/**
 * The projected date, or the reason there is none, from the served values. The API
 * decides on full-precision values; the reason is read from the served ones in the
 * rule's order, so a case that is too slow and moving away reads "moving away".
 */
export function etaOf(
  etaDate: string | null | undefined,
  goalKg: number | null | undefined,
  trendKg: number | null | undefined,
  rateKgPerWeek: number | null | undefined,
): Eta {
  if (etaDate !== null && etaDate !== undefined) return { kind: "date", date: etaDate };
  if (goalKg === null || goalKg === undefined) return { kind: "no-goal" };
  if (trendKg === null || trendKg === undefined) return { kind: "no-rate" };
  if (Math.abs(goalKg - trendKg) <= REACHED_KG) return { kind: "reached" };
  if (rateKgPerWeek === null || rateKgPerWeek === undefined) return { kind: "no-rate" };
  if (rateKgPerWeek === 0 || Math.sign(rateKgPerWeek) !== Math.sign(goalKg - trendKg)) return { kind: "moving-away" };
  if (Math.abs(rateKgPerWeek) < SLOWEST_KG_PER_WEEK) return { kind: "too-slow" };
  return { kind: "too-far" };
}

/** The days back that the first screen shows the trend's change over. */
export const CHANGE_DAYS = [1, 7, 14, 30] as const;

/**
 * The trend's change since `days` days before `last`: T(last) − T(last − days), from the
 * stored KPI rows (null when that day is not logged: no row holds its trend).
 */
export function trendChange(
  trends: ReadonlyMap<string, number | null>,
  last: string,
  days: number,
): number | null {
  const now = trends.get(last) ?? null;
  const then = trends.get(addDays(last, -days)) ?? null;
  return now === null || then === null ? null : now - then;
}

/** The Monday of the ISO week of `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekday(toDay(date)));
}
