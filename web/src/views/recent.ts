/**
 * Recent days: the last 14 days up to the last logged one, newest first: date, scale
 * weight, trend and their difference, each with an "Edit" button that opens the day in
 * the entry form. Its data comes with the latest day's (views/headline.ts). On a phone
 * it fits the screen, Edit buttons included: the dates' year is hidden (still read out).
 */

import { byId, fill, h } from "../dom";
import { unitSymbol, weight, type WeightUnit } from "../units";

/** How many calendar days the table looks back over. */
export const RECENT_DAYS = 14;

/** Draws the table of the days up to `last` from their weights and trends. */
export function showRecent(
  last: string,
  days: ReadonlyArray<{ date: string; weightKg?: number | null }>,
  kpis: ReadonlyArray<{ date: string; weightTrend?: number | null }>,
  unit: WeightUnit,
  open: (date: string) => void,
): void {
  const table = byId("recent-table");
  const trends = new Map(kpis.map((k) => [k.date, k.weightTrend ?? null]));
  const rows = [...days].reverse().map((day) => {
    const trend = trends.get(day.date) ?? null;
    const scale = day.weightKg ?? null;
    const difference = scale === null || trend === null ? null : scale - trend;
    const edit = h("button", { type: "button", class: "secondary small", "aria-label": `Edit ${day.date}` }, "Edit");
    edit.addEventListener("click", () => open(day.date));
    return h(
      "tr",
      { "data-date": day.date },
      // On a phone the year is hidden (the caption has it), so the row fits the screen.
      h("th", { scope: "row" }, h("span", { class: "year" }, day.date.slice(0, 5)), day.date.slice(5)),
      h("td", { "data-label": "Scale" }, weight(scale, unit)),
      h("td", { "data-label": "Trend" }, weight(trend, unit)),
      h("td", { "data-label": "Difference" }, difference === null ? "—" : weight(difference, unit, true)),
      h("td", {}, edit),
    );
  });
  const symbol = unitSymbol(unit);
  fill(
    table,
    h("caption", {}, `The last ${RECENT_DAYS} days to ${last}, newest first (${symbol})`),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ...["Day", "Scale", "Trend"].map((t) => h("th", { scope: "col" }, t)),
        // "Diff." on the smallest phones, where "Difference" is read out but not shown.
        h("th", { scope: "col" }, h("span", { class: "long" }, "Difference"), h("span", { class: "short", "aria-hidden": "true" }, "Diff.")),
        h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Edit")),
      ),
    ),
    h("tbody", {}, ...rows),
  );
}
