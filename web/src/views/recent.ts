/**
 * Recent days: the last 14 days up to the last logged one, newest first: date, scale
 * weight, trend and their difference, each with an "Edit" button that opens the day in
 * the entry form.
 */

import { describe, request } from "../api";
import { addDays } from "../dates";
import { byId, fill, h } from "../dom";
import { graphql } from "../gql";
import { unitSymbol, weight, type WeightUnit } from "../units";

/** How many calendar days the table looks back over. */
export const RECENT_DAYS = 14;

const RecentDocument = graphql(`
  query Recent($start: Date!, $end: Date!) {
    dailyMetrics(start: $start, end: $end) {
      date
      weightKg
    }
    kpis(start: $start, end: $end) {
      date
      weightTrend
    }
  }
`);

export async function showRecent(last: string, unit: WeightUnit, open: (date: string) => void): Promise<void> {
  const table = byId("recent-table");
  try {
    const data = await request(RecentDocument, { start: addDays(last, 1 - RECENT_DAYS), end: last });
    const trends = new Map(data.kpis.map((k) => [k.date, k.weightTrend]));
    const rows = [...data.dailyMetrics].reverse().map((day) => {
      const trend = trends.get(day.date) ?? null;
      const difference = day.weightKg === null || trend === null ? null : day.weightKg - trend;
      const edit = h("button", { type: "button", class: "secondary small", "aria-label": `Edit ${day.date}` }, "Edit");
      edit.addEventListener("click", () => open(day.date));
      return h(
        "tr",
        { "data-date": day.date },
        h("th", { scope: "row" }, day.date),
        h("td", { "data-label": "Scale" }, weight(day.weightKg, unit)),
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
        h("tr", {}, ...["Day", "Scale", "Trend", "Difference"].map((t) => h("th", { scope: "col" }, t)), h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Edit"))),
      ),
      h("tbody", {}, ...rows),
    );
  } catch (error) {
    fill(table, h("caption", { role: "alert" }, `Could not load the recent days: ${describe(error)}`));
  }
}
