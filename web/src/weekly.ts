/**
 * Weekly aggregates for long ranges: beyond 400 days a chart draws one point per ISO week
 * (Monday to Sunday), the average of the week's values, at the week's Thursday.
 */

import { weekday } from "./dates";

/** Ranges longer than this many days are drawn as weekly averages. */
export const WEEKLY_AFTER_DAYS = 400;

/**
 * Groups `days` (ascending day numbers) by ISO week. Returns each week's middle day and,
 * for each week, the indexes of its days.
 */
export function weeksOf(days: readonly number[]): { middles: number[]; members: number[][] } {
  const middles: number[] = [];
  const members: number[][] = [];
  days.forEach((day, i) => {
    const monday = day - (weekday(day) - 1);
    if (middles.at(-1) !== monday + 3) {
      middles.push(monday + 3);
      members.push([]);
    }
    members.at(-1)?.push(i);
  });
  return { middles, members };
}

/** The average of each week's non-null values (null for a week with none). */
export function weeklyAverage(values: ReadonlyArray<number | null>, members: readonly number[][]): Array<number | null> {
  return members.map((indexes) => {
    let sum = 0;
    let n = 0;
    for (const i of indexes) {
      const v = values[i];
      if (v !== null && v !== undefined) {
        sum += v;
        n += 1;
      }
    }
    return n === 0 ? null : sum / n;
  });
}
