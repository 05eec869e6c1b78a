/**
 * Every number the dashboard shows is formatted here, as people read them:
 * kg and hours with 1 decimal, rates of weight (a week) with 2, kcal and steps whole
 * (docs/dashboard.md).
 * Rounding is half away from zero on the value as served (Intl's "halfExpand", on the
 * number's shortest decimal form, as JavaScript prints it).
 */

/** What a missing value looks like. */
export const MISSING = "—";

/** Decimals per kind of figure. */
export const DIGITS = {
  kg: 1,
  /** A weight's rate per week: 0.42 kg a week is 0.4 kg at kg's 1 decimal, too coarse. */
  rate: 2,
  hours: 1,
  kcal: 0,
  steps: 0,
  perKg: 2,
  percent: 0,
  count: 0,
} as const;

export type Kind = keyof typeof DIGITS;

const UNITS: Record<Kind, string> = {
  kg: " kg",
  rate: " kg/week",
  hours: " h",
  kcal: " kcal",
  steps: "",
  perKg: " g/kg",
  percent: " %",
  count: "",
};

const cache = new Map<string, Intl.NumberFormat>();

function formatter(digits: number, signed: boolean): Intl.NumberFormat {
  const key = `${digits}:${signed}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      roundingMode: "halfExpand",
      signDisplay: signed ? "exceptZero" : "negative",
    });
    cache.set(key, found);
  }
  return found;
}

/** The bare number, e.g. `72.4` or `12,345`; `signed` adds a `+` to positive values. */
export function number(value: number | null | undefined, kind: Kind, signed = false): string {
  if (value === null || value === undefined) return MISSING;
  return formatter(DIGITS[kind], signed).format(kind === "percent" ? value * 100 : value);
}

/** The number with its unit, e.g. `72.4 kg`, `-288 kcal`, `7.5 h`, `71 %`. */
export function quantity(value: number | null | undefined, kind: Kind, signed = false): string {
  if (value === null || value === undefined) return MISSING;
  return number(value, kind, signed) + UNITS[kind];
}

const clock = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
});

/**
 * A served timestamp (ISO 8601 with offset) in the browser's time zone, to the minute,
 * with the zone's short name: `2026-03-18 08:05 GMT+1`, `2026-03-18 07:05 UTC`.
 */
export function timestamp(iso: string): string {
  const parts = Object.fromEntries(clock.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}
