// Code that uses the generated types, checked by `tsc --strict --noEmit`: scalars map
// to string and File, enums to string unions, nullable fields to `| null`.
import type { ResultOf, VariablesOf } from "@graphql-typed-document-node/core";

import { CurrentProfile, FixDay, KpiRange, UpdateProfile, UploadCsv } from "./operations";

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

// The generated types are strict: each of these must be a type error.
// @ts-expect-error a Date is a string, not a number
export const numericDate: VariablesOf<typeof KpiRange> = { start: 20260101, end: "2026-01-31" };
// @ts-expect-error an Upload is a File, not a path
export const pathUpload: VariablesOf<typeof UploadCsv> = { file: "/tmp/a.csv", policy: "SKIP_ROW" };
// @ts-expect-error InvalidRowPolicy has no IGNORE value
export const badPolicy: VariablesOf<typeof UploadCsv>["policy"] = "IGNORE";
