/**
 * The adaptive expenditure estimate of a day with its 80 % interval (docs/expenditure.md).
 * Null when the day has no estimate (too little data yet, or too uncertain).
 */

export interface Expenditure {
  mid: number | null;
  low: number | null;
  high: number | null;
}

interface Served {
  expenditureKcal?: number | null;
  expenditureLowKcal?: number | null;
  expenditureHighKcal?: number | null;
}

export function expenditureOf(kpi: Served | undefined): Expenditure | null {
  if (kpi?.expenditureKcal === null || kpi?.expenditureKcal === undefined) return null;
  return { mid: kpi.expenditureKcal, low: kpi.expenditureLowKcal ?? null, high: kpi.expenditureHighKcal ?? null };
}
