/** The profile (docs/kpis.md): shown as a form; saving it recomputes every KPI. */

import { ApiError, describe, request } from "../api";
import { byId, fill, h } from "../dom";
import { graphql } from "../gql";
import type { ProfileFieldsFragment, ProfileInput, Sex, WeightUnit } from "../gql/graphql";
import { fromKg, toKg, unitSymbol, weightRange } from "../units";
import { parseTyped } from "./entry";

/** The planned rate's range, kg a week (docs/kpis.md). */
const RATE_RANGE_KG = { min: -1.5, max: 1 } as const;

/** A weight typed in the profile's unit: kg for the API, null for empty, or a message. */
function typedWeight(
  text: string,
  unit: WeightUnit,
  range: { min: number; max: number },
  what: string,
): number | null | string {
  if (text.trim() === "") return null;
  const value = parseTyped(text);
  const bounds = `from ${String(range.min)} to ${String(range.max)} ${unitSymbol(unit)}`;
  if (Number.isNaN(value) || value < range.min || value > range.max) return `${what} must be ${bounds}.`;
  return toKg(value, unit);
}

function inUnit(kg: number | null, unit: WeightUnit, digits: number): string {
  return kg === null ? "" : String(Number(fromKg(kg, unit).toFixed(digits)));
}

export const ProfileFields = graphql(`
  fragment ProfileFields on Profile {
    sex
    birthDate
    heightCm
    activityFactor
    stepsGoal
    proteinTargetGPerKg
    balanceGoalKcal
    sleepTargetHours
    goalWeightKg
    goalRateKgPerWeek
    weightUnit
    timeZone
    isDefault
  }
`);

const UpdateProfileDocument = graphql(`
  mutation UpdateProfile($input: ProfileInput!) {
    updateProfile(input: $input) {
      ...ProfileFields
    }
  }
`);

interface NumberField {
  key: "heightCm" | "activityFactor" | "stepsGoal" | "proteinTargetGPerKg" | "balanceGoalKcal" | "sleepTargetHours";
  label: string;
  step: string;
  min?: string;
  max?: string;
}

const NUMBER_FIELDS: NumberField[] = [
  { key: "heightCm", label: "Height (cm)", step: "0.1", min: "50", max: "272" },
  { key: "activityFactor", label: "Activity factor", step: "0.01", min: "1", max: "2.5" },
  { key: "stepsGoal", label: "Steps goal (steps a day)", step: "1", min: "0" },
  { key: "proteinTargetGPerKg", label: "Protein target (g per kg)", step: "0.1", min: "0" },
  { key: "balanceGoalKcal", label: "Balance goal (kcal a day)", step: "1" },
  { key: "sleepTargetHours", label: "Sleep target (hours)", step: "0.1", min: "0", max: "24" },
];

/** A labelled control with its error line, which clears as soon as the value is edited. */
function field(id: string, label: string, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
  const error = h("p", { class: "field-error", id: `${id}-error` });
  control.setAttribute("aria-describedby", `${id}-error`);
  control.addEventListener("input", () => {
    error.textContent = "";
    control.removeAttribute("aria-invalid");
  });
  return h("div", { class: "field" }, h("label", { for: id }, label), control, error);
}

/** Shows `message` under the field of `key` (an API field name); false when there is none. */
function fieldError(key: string, message: string): boolean {
  const control = document.getElementById(`profile-${key}`);
  const error = document.getElementById(`profile-${key}-error`);
  if (control === null || error === null) return false;
  error.textContent = message;
  control.setAttribute("aria-invalid", "true");
  return true;
}

/** Draws the profile form; `saved` runs after a successful save (KPIs were recomputed). */
export function showProfile(profile: ProfileFieldsFragment, saved: () => void): void {
  const sex = h(
    "select",
    { id: "profile-sex", name: "sex" },
    h("option", { value: "MALE", selected: profile.sex === "MALE" }, "Male"),
    h("option", { value: "FEMALE", selected: profile.sex === "FEMALE" }, "Female"),
  );
  const birth = h("input", { type: "date", id: "profile-birthDate", name: "birthDate", value: profile.birthDate ?? "" });
  const numbers = NUMBER_FIELDS.map((spec) =>
    h("input", {
      type: "number",
      id: `profile-${spec.key}`,
      name: spec.key,
      step: spec.step,
      min: spec.min,
      max: spec.max,
      required: spec.key !== "heightCm",
      value: profile[spec.key] ?? "",
    }),
  );
  const unit = profile.weightUnit;
  const symbol = unitSymbol(unit);
  const weightUnit = h(
    "select",
    { id: "profile-weightUnit", name: "weightUnit" },
    h("option", { value: "KG", selected: unit === "KG" }, "Kilograms (kg)"),
    h("option", { value: "LB", selected: unit === "LB" }, "Pounds (lb)"),
  );
  const timeZone = h("input", {
    type: "text",
    id: "profile-timeZone",
    name: "timeZone",
    value: profile.timeZone,
    autocomplete: "off",
    placeholder: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const decimal = (key: "goalWeightKg" | "goalRateKgPerWeek", digits: number): HTMLInputElement =>
    h("input", { type: "text", inputmode: "decimal", id: `profile-${key}`, name: key, value: inUnit(profile[key] ?? null, unit, digits) });
  const goal = decimal("goalWeightKg", 1);
  const rate = decimal("goalRateKgPerWeek", 2);
  const rateRange = {
    min: Math.ceil(fromKg(RATE_RANGE_KG.min, unit) * 100) / 100,
    max: Math.floor(fromKg(RATE_RANGE_KG.max, unit) * 100) / 100,
  };
  const status = byId("profile-status");
  const form = h(
    "form",
    { id: "profile-form", class: "profile-form", novalidate: true },
    profile.isDefault ? h("p", { class: "note" }, "This is the default profile: enter your own so the KPIs fit you.") : null,
    h(
      "div",
      { class: "fields" },
      field("profile-sex", "Sex (for the BMR formula)", sex),
      field("profile-birthDate", "Birth date", birth),
      ...NUMBER_FIELDS.map((spec, i) => field(`profile-${spec.key}`, spec.label, numbers[i] ?? h("input"))),
      field("profile-weightUnit", "Weight unit", weightUnit),
      field("profile-goalWeightKg", `Goal weight (${symbol}; empty: none)`, goal),
      field("profile-goalRateKgPerWeek", `Rate (${symbol} a week, negative to lose)`, rate),
      field("profile-timeZone", "Time zone (IANA name)", timeZone),
    ),
    h("button", { type: "submit" }, "Save profile"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const input: ProfileInput = { sex: sex.value as Sex, birthDate: birth.value === "" ? null : birth.value };
    NUMBER_FIELDS.forEach((spec, i) => {
      const value = numbers[i]?.value ?? "";
      input[spec.key] = value === "" ? null : Number(value);
    });
    for (const error of form.querySelectorAll(".field-error")) error.textContent = "";
    for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
    input.weightUnit = weightUnit.value as WeightUnit;
    input.timeZone = timeZone.value.trim();
    // Goal and rate are typed in the unit the form shows (the profile's, until saved).
    const goalKg = typedWeight(goal.value, unit, weightRange(unit), "The goal weight");
    const rateKg = typedWeight(rate.value, unit, rateRange, "The rate");
    const refused = [
      typeof goalKg === "string" && fieldError("goalWeightKg", goalKg),
      typeof rateKg === "string" && fieldError("goalRateKgPerWeek", rateKg),
    ];
    if (refused.some(Boolean)) {
      status.textContent = "Not saved: correct the marked field.";
      return;
    }
    input.goalWeightKg = goalKg as number | null;
    input.goalRateKgPerWeek = rateKg as number | null;
    status.textContent = "Saving and recomputing the KPIs…";
    request(UpdateProfileDocument, { input })
      .then(() => {
        status.textContent = "Saved.";
        saved();
      })
      .catch((error: unknown) => {
        const named = error instanceof ApiError && error.field !== null && fieldError(error.field, error.message);
        status.textContent = named ? "Not saved: correct the marked field." : `Not saved: ${describe(error)}`;
      });
  });
  fill(byId("profile"), form);
}
