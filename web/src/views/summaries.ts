/** Week and month summaries (`kpiSummary`) over the chosen range, newest first. */

import { describe, request } from "../api";
import { chunks, toIso, weekday } from "../dates";
import { byId, fill, h } from "../dom";
import { number, quantity } from "../format";
import { graphql } from "../gql";
import type { Period, SummariesQuery } from "../gql/graphql";
import { MAX_DAYS_PER_REQUEST } from "./charts";
import { weight, type WeightUnit } from "../units";
import type { Range } from "./range";

const SummariesDocument = graphql(`
  query Summaries($start: Date!, $end: Date!, $period: Period!) {
    kpiSummary(start: $start, end: $end, period: $period) {
      periodStart
      periodEnd
      daysLogged
      weightAvg
      weightTrendEnd
      balanceAvg
      stepsAvg
      stepsGoalRate
      proteinPerKgAvg
      sleepAvg
    }
  }
`);

type Row = SummariesQuery["kpiSummary"][number];

const columns = (unit: WeightUnit): Array<[string, (row: Row) => string]> => [
  ["Days logged", (row) => number(row.daysLogged, "count")],
  ["Weight", (row) => weight(row.weightAvg, unit)],
  ["Trend at end", (row) => weight(row.weightTrendEnd, unit)],
  ["Profile-formula balance a day", (row) => quantity(row.balanceAvg, "kcal", true)],
  ["Steps a day", (row) => quantity(row.stepsAvg, "steps")],
  ["Steps goal met", (row) => quantity(row.stepsGoalRate, "percent")],
  ["Protein", (row) => quantity(row.proteinPerKgAvg, "perKg")],
  ["Sleep", (row) => quantity(row.sleepAvg, "hours")],
];

/** A cut between two requests falls before a Monday or a 1st, never inside a period. */
function startsPeriod(period: Period): (day: number) => boolean {
  return period === "WEEK" ? (day) => weekday(day) === 1 : (day) => toIso(day).endsWith("-01");
}

let current: Range | null = null;
let unit: WeightUnit = "KG";
let generation = 0;

async function load(range: Range, period: Period): Promise<void> {
  const mine = ++generation;
  const table = byId("summaries-table");
  const status = byId("summaries-status");
  try {
    const parts = await Promise.all(
      chunks(range.start, range.end, MAX_DAYS_PER_REQUEST, startsPeriod(period)).map(([start, end]) =>
        request(SummariesDocument, { start, end, period }),
      ),
    );
    if (mine !== generation) return;
    const rows = parts.flatMap((part) => part.kpiSummary).reverse();
    const noun = period === "WEEK" ? "Week" : "Month";
    const COLUMNS = columns(unit);
    fill(
      table,
      h("caption", {}, `${noun}s from ${range.start} to ${range.end}, newest first`),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, noun), ...COLUMNS.map(([title]) => h("th", { scope: "col" }, title)))),
      h(
        "tbody",
        {},
        ...rows.map((row) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, `${row.periodStart} – ${row.periodEnd}`),
            ...COLUMNS.map(([, cell]) => h("td", {}, cell(row))),
          ),
        ),
      ),
    );
    status.textContent = "";
  } catch (error) {
    if (mine === generation) status.textContent = `Could not load the summaries: ${describe(error)}`;
  }
}

function period(): Period {
  return byId<HTMLInputElement>("period-month").checked ? "MONTH" : "WEEK";
}

/** Shows the summaries of `range` for the period chosen in #period (week by default). */
export function showSummaries(range: Range, weightUnit: WeightUnit): void {
  current = range;
  unit = weightUnit;
  void load(range, period());
}

export function mountSummaries(): void {
  for (const id of ["period-week", "period-month"]) {
    byId(id).addEventListener("change", () => {
      if (current !== null) void load(current, period());
    });
  }
}
