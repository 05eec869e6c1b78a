/**
 * Entry and correction: one short form for a day's weight (in the person's unit) and,
 * under "Intake, steps, sleep", the day's intake, steps and sleep (`upsertDailyMetric`).
 * It opens on today; any day can be opened into it (from a chart or the recent table),
 * edited, or deleted (`deleteDailyMetrics`). The form shows what is stored for its day:
 * a field emptied clears that value, fields the form does not show keep theirs.
 * A value out of range is refused next to its field, before anything is sent; a failed
 * save leaves every typed value in place.
 */

import { ApiError, describe, request } from "../api";
import { isIsoDate } from "../dates";
import { fill, h } from "../dom";
import { number } from "../format";
import { graphql } from "../gql";
import type { DailyMetricInput, EntryFieldsFragment } from "../gql/graphql";
import { fromKg, toKg, unitSymbol, weightRange, type WeightUnit } from "../units";

export const EntryFields = graphql(`
  fragment EntryFields on DailyMetric {
    date
    weightKg
    kcalIn
    steps
    sleepHours
  }
`);

const DayEntryDocument = graphql(`
  query DayEntry($day: Date!) {
    dailyMetrics(start: $day, end: $day) {
      ...EntryFields
    }
  }
`);

const SaveDayDocument = graphql(`
  mutation SaveDay($input: DailyMetricInput!) {
    upsertDailyMetric(input: $input) {
      ...EntryFields
    }
  }
`);

const DeleteDayDocument = graphql(`
  mutation DeleteDay($day: Date!) {
    deleteDailyMetrics(start: $day, end: $day)
  }
`);

type Stored = EntryFieldsFragment;
type Key = "weightKg" | "kcalIn" | "steps" | "sleepHours";

interface FieldSpec {
  key: Key;
  /** What the value is, in the messages. */
  noun: string;
  label: (unit: WeightUnit) => string;
  /** The allowed range in the unit typed, and whether only whole numbers are taken. */
  range: (unit: WeightUnit) => { min: number; max: number };
  whole: boolean;
  unit: (unit: WeightUnit) => string;
  /** Typed value to the API's value, and back. */
  toApi: (value: number, unit: WeightUnit) => number;
  fromApi: (value: number, unit: WeightUnit) => number;
  digits: number;
}

const same = (value: number): number => value;

const FIELDS: FieldSpec[] = [
  {
    key: "weightKg",
    noun: "Weight",
    label: (unit) => `Weight (${unitSymbol(unit)})`,
    range: weightRange,
    whole: false,
    unit: unitSymbol,
    toApi: toKg,
    fromApi: fromKg,
    digits: 1,
  },
  { key: "kcalIn", noun: "Intake", label: () => "Intake (kcal)", range: () => ({ min: 0, max: 20000 }), whole: false, unit: () => "kcal", toApi: same, fromApi: same, digits: 0 },
  { key: "steps", noun: "Steps", label: () => "Steps", range: () => ({ min: 0, max: 100000 }), whole: true, unit: () => "steps", toApi: same, fromApi: same, digits: 0 },
  { key: "sleepHours", noun: "Sleep", label: () => "Sleep (hours)", range: () => ({ min: 0, max: 24 }), whole: false, unit: () => "h", toApi: same, fromApi: same, digits: 2 },
];

/** Today in the browser's time zone, as `YYYY-MM-DD`. */
export function today(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A typed number: a decimal point or comma, no thousands separators. NaN when it is not one. */
export function parseTyped(text: string): number {
  const clean = text.trim().replace(",", ".");
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(clean) ? Number(clean) : NaN;
}

function shown(value: number, digits: number): string {
  // The stored value, rounded for typing (1 decimal of a weight in pounds), no separators.
  return String(Number(value.toFixed(digits)));
}

export interface Entry {
  /** Opens `date` in the form (loading what is stored) and brings the form into view. */
  open(date: string): void;
  /** The unit of the weight field changed (the profile's unit). */
  setUnit(unit: WeightUnit): void;
}

/**
 * Draws the form into `target`. `changed(date, kind)` runs after a save or delete of `date`
 * (its KPIs and every later day's changed).
 */
export function mountEntry(
  target: HTMLElement,
  initialUnit: WeightUnit,
  changed: (date: string, kind: "saved" | "deleted") => void,
): Entry {
  let unit = initialUnit;
  let stored: Stored | null = null;
  let loadedDate = "";
  const date = h("input", { type: "date", id: "entry-date", name: "date", required: true, max: today() });
  const inputs = new Map<Key, HTMLInputElement>();
  const errors = new Map<Key, HTMLElement>();
  const labels = new Map<Key, HTMLLabelElement>();
  const fieldOf = (spec: FieldSpec): HTMLElement => {
    const id = `entry-${spec.key}`;
    const input = h("input", {
      type: "text",
      inputmode: spec.whole ? "numeric" : "decimal",
      id,
      name: spec.key,
      autocomplete: "off",
      "aria-describedby": `${id}-error`,
    });
    const label = h("label", { for: id }, spec.label(unit));
    const error = h("p", { class: "field-error", id: `${id}-error` });
    inputs.set(spec.key, input);
    errors.set(spec.key, error);
    labels.set(spec.key, label);
    input.addEventListener("input", () => {
      typed.add(spec.key);
      error.textContent = "";
      input.removeAttribute("aria-invalid");
    });
    return h("div", { class: `field field-${spec.key}` }, label, input, error);
  };
  const [weightSpec, ...moreSpecs] = FIELDS;
  const weightField = weightSpec === undefined ? null : fieldOf(weightSpec);
  const more = h("details", { class: "entry-more" }, h("summary", {}, "Intake, steps, sleep"), h("div", { class: "entry-more-fields" }, ...moreSpecs.map(fieldOf)));
  const save = h("button", { type: "submit", id: "entry-save" }, "Save");
  const remove = h("button", { type: "button", id: "entry-delete", class: "secondary", hidden: true }, "Delete this day");
  const confirm = h("button", { type: "button", id: "entry-delete-confirm", class: "danger", hidden: true }, "Delete");
  const keep = h("button", { type: "button", id: "entry-delete-keep", class: "secondary", hidden: true }, "Keep it");
  const status = h("p", { id: "entry-status", class: "status", role: "status" });
  const form = h(
    "form",
    { id: "entry-form", class: "entry-form", novalidate: true, "aria-labelledby": "entry-title" },
    h("div", { class: "entry-row" }, h("div", { class: "field field-date" }, h("label", { for: "entry-date" }, "Day"), date), weightField),
    more,
    h("div", { class: "actions" }, save, remove, confirm, keep),
    status,
  );
  fill(target, form);

  const clearErrors = (): void => {
    for (const [key, error] of errors) {
      error.textContent = "";
      inputs.get(key)?.removeAttribute("aria-invalid");
    }
  };
  const showError = (key: Key, message: string): void => {
    const error = errors.get(key);
    const input = inputs.get(key);
    if (error === undefined || input === undefined) return;
    if (key !== "weightKg") more.open = true;
    error.textContent = message;
    input.setAttribute("aria-invalid", "true");
  };
  // Fields typed in since the day was loaded keep what was typed when another day loads.
  const typed = new Set<Key>();
  const showStored = (day: Stored | null, keepTyped = false): void => {
    stored = day;
    for (const spec of FIELDS) {
      const value = day?.[spec.key];
      const input = inputs.get(spec.key);
      if (keepTyped && typed.has(spec.key)) continue;
      typed.delete(spec.key);
      if (input !== undefined) input.value = value === null || value === undefined ? "" : shown(spec.fromApi(value, unit), spec.digits);
    }
    remove.hidden = day === null;
    confirm.hidden = true;
    keep.hidden = true;
  };
  const load = async (day: string, keepTyped: boolean): Promise<void> => {
    loadedDate = day;
    clearErrors();
    status.textContent = "";
    try {
      const data = await request(DayEntryDocument, { day });
      if (loadedDate !== day) return;
      showStored(data.dailyMetrics[0] ?? null, keepTyped);
      status.textContent = data.dailyMetrics[0] === undefined ? `Nothing logged on ${day} yet.` : `${day} as stored.`;
    } catch (error) {
      if (loadedDate === day) status.textContent = `Could not load ${day}: ${describe(error)}`;
    }
  };

  /** The values to send, or null when a field is refused (its message is shown). */
  const collect = (): DailyMetricInput | null => {
    const input: DailyMetricInput = { date: date.value };
    let valid = true;
    for (const spec of FIELDS) {
      const text = inputs.get(spec.key)?.value ?? "";
      if (text.trim() === "") {
        // Emptied: clears a stored value; never typed: left out, so the stored one stays.
        if (stored !== null && stored[spec.key] !== null) input[spec.key] = null;
        continue;
      }
      const value = parseTyped(text);
      const { min, max } = spec.range(unit);
      const kind = spec.digits === 0 ? "count" : "kg";
      const bounds = `from ${number(min, kind)} to ${number(max, kind)} ${spec.unit(unit)}`;
      const rule = `${spec.noun} must be ${spec.whole ? "a whole number " : ""}${bounds}.`;
      if (Number.isNaN(value)) {
        showError(spec.key, `"${text}" is not a number. ${rule}`);
        valid = false;
      } else if (value < min || value > max || (spec.whole && !Number.isInteger(value))) {
        showError(spec.key, `Out of range. ${rule}`);
        valid = false;
      } else {
        input[spec.key] = spec.toApi(value, unit);
      }
    }
    return valid ? input : null;
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearErrors();
    if (!isIsoDate(date.value)) {
      status.textContent = "Choose a day first.";
      return;
    }
    const input = collect();
    if (input === null) {
      status.textContent = "Not saved: correct the marked field.";
      return;
    }
    const day = date.value;
    save.disabled = true;
    status.textContent = "Saving…";
    performance.mark("entry-save");
    request(SaveDayDocument, { input })
      .then((data) => {
        if (loadedDate === day) showStored(data.upsertDailyMetric);
        status.textContent = `Saved ${day}.`;
        changed(day, "saved");
      })
      .catch((error: unknown) => {
        // Everything typed stays in the form; the message says what went wrong.
        const field = error instanceof ApiError ? (error.field as Key | null) : null;
        if (field !== null && inputs.has(field)) showError(field, error instanceof Error ? error.message : String(error));
        status.textContent = `Not saved: ${describe(error)}`;
      })
      .finally(() => {
        save.disabled = false;
      });
  });
  remove.addEventListener("click", () => {
    remove.hidden = true;
    confirm.hidden = false;
    keep.hidden = false;
    confirm.textContent = `Delete ${date.value} and all its values`;
    confirm.focus();
  });
  keep.addEventListener("click", () => {
    remove.hidden = false;
    confirm.hidden = true;
    keep.hidden = true;
    remove.focus();
  });
  confirm.addEventListener("click", () => {
    const day = date.value;
    confirm.disabled = true;
    status.textContent = "Deleting…";
    request(DeleteDayDocument, { day })
      .then((deleted) => {
        showStored(null);
        status.textContent = deleted.deleteDailyMetrics > 0 ? `Deleted ${day}.` : `Nothing was logged on ${day}.`;
        changed(day, "deleted");
      })
      .catch((error: unknown) => {
        status.textContent = `Not deleted: ${describe(error)}`;
        keep.hidden = true;
        confirm.hidden = true;
        remove.hidden = false;
      })
      .finally(() => {
        confirm.disabled = false;
      });
  });
  date.addEventListener("change", () => {
    if (isIsoDate(date.value)) void load(date.value, true);
  });

  date.value = today();
  void load(date.value, true);
  return {
    open(day: string): void {
      date.value = day;
      void load(day, false);
      form.scrollIntoView({ block: "start" });
      inputs.get("weightKg")?.focus({ preventScroll: true });
    },
    setUnit(next: WeightUnit): void {
      if (next === unit) return;
      unit = next;
      for (const spec of FIELDS) {
        const label = labels.get(spec.key);
        if (label !== undefined) label.textContent = spec.label(unit);
      }
      showStored(stored);
    },
  };
}
