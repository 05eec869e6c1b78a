/**
 * "Download CSV": every logged day as a canonical CSV (docs/formats.md), the file the
 * hub imports back unchanged. Fetched in ranges the API answers (3,660 days each).
 */

import { request } from "./api";
import { chunks } from "./dates";
import { graphql } from "./gql";
import type { ExportDaysQuery } from "./gql/graphql";

const ExportDaysDocument = graphql(`
  query ExportDays($start: Date!, $end: Date!) {
    dailyMetrics(start: $start, end: $end) {
      date
      steps
      proteinG
      kcalIn
      kcalJunkIn
      kcalOutTraining
      sleepHours
      stress
      weightKg
      waistCm
    }
  }
`);

type Day = ExportDaysQuery["dailyMetrics"][number];

/** The canonical columns and the field each comes from. */
const COLUMNS: Array<[string, keyof Day]> = [
  ["date", "date"],
  ["steps_n", "steps"],
  ["proteins_g", "proteinG"],
  ["kcal_in", "kcalIn"],
  ["kcal_junk_in", "kcalJunkIn"],
  ["kcal_out_training", "kcalOutTraining"],
  ["sleep_hours", "sleepHours"],
  ["stress_rel", "stress"],
  ["weight_kg", "weightKg"],
  ["waist_cm", "waistCm"],
];

/** The CSV text of the logged days from `first` to `last`. */
export async function exportCsv(first: string, last: string, perRequest: number): Promise<string> {
  const parts = await Promise.all(chunks(first, last, perRequest).map(([start, end]) => request(ExportDaysDocument, { start, end })));
  const lines = [COLUMNS.map(([name]) => name).join(",")];
  for (const part of parts) {
    for (const day of part.dailyMetrics) {
      lines.push(COLUMNS.map(([, key]) => (day[key] === null ? "" : String(day[key]))).join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Offers `text` as a file download named `name`. */
export function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
