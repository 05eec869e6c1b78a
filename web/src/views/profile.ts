/** The profile (docs/kpis.md): shown as a form; saving it recomputes every KPI. */

import { ApiError, describe, request } from "../api";
import { byId, fill, h } from "../dom";
import { graphql } from "../gql";
import type { ProfileFieldsFragment, ProfileInput, Sex } from "../gql/graphql";

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
