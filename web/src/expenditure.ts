/**
 * The adaptive expenditure estimate of a day with its 80 % interval (docs/expenditure.md),
 * or null while the API does not serve it. Adopting the served fields is this function
 * and the fields in the queries of views/headline.ts and views/charts.ts.
 */

export interface Expenditure {
  mid: number | null;
  low: number | null;
  high: number | null;
}

export function expenditureOf(_kpi: object | undefined): Expenditure | null {
  return null;
}
