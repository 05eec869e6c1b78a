/**
 * The range controls: "30 days", "90 days", "1 year", "All" and "Custom" (two dates,
 * limited to the logged days). Ranges end on the last logged day, not today. The choice
 * is kept in the URL's hash (`#range=90`, `#range=all`, `#range=2025-01-01..2025-03-31`)
 * so a reload keeps it.
 */

import { addDays, isIsoDate } from "../dates";
import { byId, fill, h } from "../dom";

export interface Range {
  start: string;
  end: string;
}

const PRESETS = [
  { value: "30", label: "30 days", days: 30 },
  { value: "90", label: "90 days", days: 90 },
  { value: "365", label: "1 year", days: 365 },
  { value: "all", label: "All", days: null },
  { value: "custom", label: "Custom", days: null },
] as const;

type Choice = (typeof PRESETS)[number]["value"];

function fromHash(): { choice: Choice; custom: Range | null } {
  const value = new URLSearchParams(location.hash.slice(1)).get("range") ?? "90";
  const custom = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (custom?.[1] !== undefined && custom[2] !== undefined) {
    return { choice: "custom", custom: { start: custom[1], end: custom[2] } };
  }
  const preset = PRESETS.find((p) => p.value === value && p.value !== "custom");
  return { choice: preset?.value ?? "90", custom: null };
}

interface Controls {
  from: HTMLInputElement;
  to: HTMLInputElement;
  message: HTMLElement;
  customForm: HTMLFormElement;
}

let controls: Controls | null = null;
let bounds = { first: "", last: "" };
let choice: Choice = "90";
let custom: Range | null = null;
let listener: (range: Range) => void = () => undefined;

function rangeOf(chosen: Choice): Range {
  const preset = PRESETS.find((p) => p.value === chosen);
  if (chosen === "all") return { start: bounds.first, end: bounds.last };
  if (preset?.days) return { start: addDays(bounds.last, 1 - preset.days), end: bounds.last };
  return custom ?? { start: bounds.first, end: bounds.last };
}

function show(): void {
  if (controls === null) return;
  const range = rangeOf(choice);
  controls.customForm.hidden = choice !== "custom";
  controls.message.textContent = "";
  controls.from.value = range.start;
  controls.to.value = range.end;
  const hash = choice === "custom" ? `${range.start}..${range.end}` : choice;
  history.replaceState(null, "", `#range=${hash}`);
  listener(range);
}

function build(): Controls {
  const from = h("input", { type: "date", id: "range-from", name: "from", required: true });
  const to = h("input", { type: "date", id: "range-to", name: "to", required: true });
  const message = h("p", { class: "form-error", role: "alert" });
  const customForm = h(
    "form",
    { id: "range-custom-form", class: "range-custom", novalidate: true },
    h("label", { for: "range-from" }, "From"),
    from,
    h("label", { for: "range-to" }, "To"),
    to,
    h("button", { type: "submit" }, "Show"),
    message,
  );
  const radios = PRESETS.map((preset) =>
    h("input", { type: "radio", name: "range", value: preset.value, id: `range-${preset.value}`, checked: preset.value === choice }),
  );
  const presets = h(
    "fieldset",
    { class: "range-presets" },
    h("legend", {}, "Range"),
    ...PRESETS.map((preset, i) =>
      h("span", { class: "choice" }, radios[i], h("label", { for: `range-${preset.value}` }, preset.label)),
    ),
  );
  for (const radio of radios) {
    radio.addEventListener("change", () => {
      if (radio.value === "custom") {
        customForm.hidden = false;
        from.focus();
        return;
      }
      choice = radio.value as Choice;
      show();
    });
  }
  customForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const { first, last } = bounds;
    if (!isIsoDate(from.value) || !isIsoDate(to.value)) {
      message.textContent = "Enter both dates.";
    } else if (from.value > to.value) {
      message.textContent = "The start date must not be after the end date.";
    } else if (from.value > last || to.value < first) {
      message.textContent = `Nothing is logged then: choose days from ${first} to ${last}.`;
    } else {
      // A range reaching past the data is limited to it.
      custom = { start: from.value < first ? first : from.value, end: to.value > last ? last : to.value };
      choice = "custom";
      show();
    }
  });
  fill(byId("range"), presets, customForm);
  return { from, to, message, customForm };
}

/**
 * Draws the controls into #range (once) for the logged days [first, last] and calls
 * `onChange` with the chosen range now and on every change. Called again with new
 * bounds (after an entry or a deletion), it keeps the choice and calls `onChange` again.
 */
export function mountRange(first: string, last: string, onChange: (range: Range) => void): void {
  bounds = { first, last };
  listener = onChange;
  if (controls === null) {
    const initial = fromHash();
    choice = initial.choice;
    custom = initial.custom;
    controls = build();
    // A link or a typed address with another range (#range=all) shows that range.
    // (The section links' hashes, #charts-section, leave it alone.)
    addEventListener("hashchange", () => {
      if (!location.hash.includes("range=")) return;
      const next = fromHash();
      choice = next.choice;
      custom = next.custom;
      const radio = document.getElementById(`range-${choice}`);
      if (radio instanceof HTMLInputElement) radio.checked = true;
      show();
    });
  }
  for (const input of [controls.from, controls.to]) {
    input.min = first;
    input.max = last;
  }
  show();
}

/** The range shown now (null before the first mount). */
export function currentRange(): Range | null {
  return controls === null ? null : rangeOf(choice);
}
