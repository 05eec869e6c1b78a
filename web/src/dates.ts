/** Calendar dates as the API serves them (`YYYY-MM-DD`, no time zone) and day arithmetic. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date. */
export function toDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/** The ISO date of a day number. */
export function toIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return toIso(toDay(iso) + days);
}

/** Whether a string is a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && toIso(toDay(value)) === value;
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday. */
export function weekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * Splits [start, end] into consecutive ranges of at most `maxDays` days (the API refuses
 * longer ones). A cut is moved back to just before a day for which `startsPeriod` holds,
 * so that no week or month is split across two requests.
 */
export function chunks(
  start: string,
  end: string,
  maxDays: number,
  startsPeriod: (day: number) => boolean = () => true,
): Array<[string, string]> {
  const last = toDay(end);
  const out: Array<[string, string]> = [];
  let from = toDay(start);
  while (from <= last) {
    let to = Math.min(from + maxDays - 1, last);
    if (to < last) {
      let cut = to;
      while (cut > from && !startsPeriod(cut + 1)) cut -= 1;
      if (cut > from) to = cut;
    }
    out.push([toIso(from), toIso(to)]);
    from = to + 1;
  }
  return out;
}
