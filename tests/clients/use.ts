// Code that uses the generated types, checked by `tsc --strict --noEmit`: scalars map
// to string and File, enums to string unions, nullable fields to `| null`.
import type { ResultOf, VariablesOf } from "@graphql-typed-document-node/core";

import {
  CurrentProfile,
  FixDay,
  FixDayWithKpi,
  History,
  KpiRange,
  NodeById,
  UpdateProfile,
  UploadCsv,
} from "./operations";

type KpiRow = ResultOf<typeof KpiRange>["kpis"][number];

export function describeDay(row: KpiRow): string {
  const date: string = row.date;
  const balance: number | null | undefined = row.balanceKcal;
  const healthy = row.healthyFoodPct == null ? "n/a" : `${row.healthyFoodPct.toFixed(2)} %`;
  const rate = row.stepsGoalRate7d == null ? "n/a" : `${Math.round(row.stepsGoalRate7d * 100)} %`;
  return `${row.id} ${date}: ${balance ?? "n/a"} kcal, ${healthy} healthy, steps goal ${rate}`;
}

export function uploadVariables(file: File): VariablesOf<typeof UploadCsv> {
  return { file, policy: "SKIP_ROW" };
}

export function profileChange(goal: number): VariablesOf<typeof UpdateProfile> {
  return { input: { stepsGoal: goal, sex: "FEMALE" } };
}

export function stepsGoalOf(result: ResultOf<typeof CurrentProfile>): number {
  return result.profile.stepsGoal;
}

export function fix(date: string, weightKg: number | null): VariablesOf<typeof FixDay> {
  return { input: { date, weightKg } };
}

export function rangeOf(start: string, end: string): VariablesOf<typeof KpiRange> {
  return { start, end };
}

// An edit brings the day's KPIs back; it may be null only where the day has no KPI row.
export function editedGoalMet(result: ResultOf<typeof FixDayWithKpi>): boolean | null {
  return result.upsertDailyMetric.kpi?.stepsGoalMet ?? null;
}

// Paging: the next page's variables, or null at the end; the day to refetch KPIs from.
export function nextPage(result: ResultOf<typeof History>): VariablesOf<typeof History> | null {
  const { pageInfo } = result.ingestionHistory;
  return pageInfo.hasNextPage ? { first: 20, after: pageInfo.endCursor } : null;
}

export function refetchFrom(result: ResultOf<typeof History>): string | null {
  const dates = result.ingestionHistory.edges
    .map((edge) => edge.node.kpisChangedFrom)
    .filter((date): date is string => date !== null && date !== undefined);
  return dates.length ? dates.sort()[0] : null;
}

// A node is a union of the Node types, told apart by __typename.
export function describeNode(result: ResultOf<typeof NodeById>): string {
  const node = result.node;
  if (node === null || node === undefined) return "not found";
  switch (node.__typename) {
    case "Kpi":
      return `KPIs of ${node.date}`;
    case "Ingestion":
      return `upload ${node.status}`;
    case "KpiSummary":
      return `${node.periodStart}–${node.periodEnd}`;
    default:
      return node.id;
  }
}

// The generated types are strict: each of these must be a type error.
// @ts-expect-error a Date is a string, not a number
export const numericDate: VariablesOf<typeof KpiRange> = { start: 20260101, end: "2026-01-31" };
// @ts-expect-error an Upload is a File, not a path
export const pathUpload: VariablesOf<typeof UploadCsv> = { file: "/tmp/a.csv", policy: "SKIP_ROW" };
// @ts-expect-error first is an Int, not a string
export const textFirst: VariablesOf<typeof History> = { first: "20" };
// @ts-expect-error InvalidRowPolicy has no IGNORE value
export const badPolicy: VariablesOf<typeof UploadCsv>["policy"] = "IGNORE";
