/**
 * The range controls: "30 days", "90 days", "1 year", "All" and "Custom" (two dates).
 * Ranges end on the last logged day, not today. The choice is kept in the URL's hash
 * (`#range=90`, `#range=all`, `#range=2025-01-01..2025-03-31`) so a reload keeps it.
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

/**
 * Draws the controls into #range and calls `onChange` with the chosen range now and on
 * every change.
 */
export function mountRange(first: string, last: string, onChange: (range: Range) => void): void {
  const initial = fromHash();
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
    h("input", {
      type: "radio",
      name: "range",
      value: preset.value,
      id: `range-${preset.value}`,
      checked: preset.value === initial.choice,
    }),
  );
  const presets = h(
    "fieldset",
    { class: "range-presets" },
    h("legend", {}, "Range"),
    ...PRESETS.map((preset, i) =>
      h("span", { class: "choice" }, radios[i], h("label", { for: `range-${preset.value}` }, preset.label)),
    ),
  );

  const rangeOf = (choice: Choice): Range => {
    const preset = PRESETS.find((p) => p.value === choice);
    if (choice === "all") return { start: first, end: last };
    if (preset?.days) return { start: addDays(last, 1 - preset.days), end: last };
    return { start: from.value, end: to.value };
  };
  const show = (choice: Choice, range: Range): void => {
    customForm.hidden = choice !== "custom";
    message.textContent = "";
    const hash = choice === "custom" ? `${range.start}..${range.end}` : choice;
    history.replaceState(null, "", `#range=${hash}`);
    onChange(range);
  };

  for (const radio of radios) {
    radio.addEventListener("change", () => {
      const choice = radio.value as Choice;
      if (choice === "custom") {
        customForm.hidden = false;
        from.focus();
        return;
      }
      const range = rangeOf(choice);
      from.value = range.start;
      to.value = range.end;
      show(choice, range);
    });
  }
  customForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!isIsoDate(from.value) || !isIsoDate(to.value)) {
      message.textContent = "Enter both dates.";
      return;
    }
    if (from.value > to.value) {
      message.textContent = "The start date must not be after the end date.";
      return;
    }
    show("custom", rangeOf("custom"));
  });

  fill(byId("range"), presets, customForm);
  const start = initial.custom ?? rangeOf(initial.choice);
  from.value = start.start;
  to.value = start.end;
  show(initial.choice, start);
}
