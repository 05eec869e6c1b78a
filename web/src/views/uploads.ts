/**
 * Uploads: the form that previews a file as a dry run, shows the report and applies it on
 * confirmation; and the upload history, each report with its errors and warnings.
 */

import { describe, request, upload } from "../api";
import { byId, fill, h } from "../dom";
import { number, timestamp } from "../format";
import { graphql } from "../gql";
import type { DateOrder, InvalidRowPolicy, ReportFieldsFragment } from "../gql/graphql";

/** The form previews a file as a dry run (nothing stored) and applies it on confirmation. */
const PREVIEW_FIRST = true;

export const ReportFields = graphql(`
  fragment ReportFields on Ingestion {
    id
    filename
    status
    createdAt
    rowsRead
    rowsInserted
    rowsUpdated
    rowsUnchanged
    rowsRejected
    rowsDeleted
    source
    dryRun
    firstDate
    lastDate
    kpiDaysRecomputed
    columns
    warnings
    errorCount
    errors {
      row
      column
      value
      message
    }
  }
`);

const IngestionsDocument = graphql(`
  query Ingestions($limit: Int!) {
    ingestions(limit: $limit) {
      ...ReportFields
    }
  }
`);

const ImportFileDocument = graphql(`
  mutation ImportFile(
    $file: Upload!
    $onInvalidRow: InvalidRowPolicy!
    $dateOrder: DateOrder!
    $dryRun: Boolean!
  ) {
    importFile(file: $file, onInvalidRow: $onInvalidRow, dateOrder: $dateOrder, dryRun: $dryRun) {
      ...ReportFields
    }
  }
`);

/** How many reports the history shows (each carries up to 1,000 errors). */
export const HISTORY_LIMIT = 20;

const STATUS_WORDS: Record<ReportFieldsFragment["status"], string> = {
  APPLIED: "Applied",
  REJECTED: "Rejected",
  UNCHANGED: "Unchanged",
};

const SOURCE_NAMES: Record<ReportFieldsFragment["source"], string> = {
  AUTO: "detected",
  HUB: "Health Metrics Hub CSV",
  MYFITNESSPAL: "MyFitnessPal",
  CRONOMETER: "Cronometer",
  WITHINGS: "Withings",
  GARMIN: "Garmin",
  GOOGLE_FIT: "Google Fit",
  FITBIT: "Fitbit",
  OURA: "Oura",
  WHOOP: "WHOOP",
  RENPHO: "Renpho",
  APPLE_HEALTH: "Apple Health",
  UNKNOWN: "not recognised",
};

function count(value: number): string {
  return number(value, "count");
}

/** A report as people read it: the counts, the columns, the warnings and the row errors. */
export function report(ingestion: ReportFieldsFragment): HTMLElement {
  const counts: Array<[string, string]> = [
    ["Rows read", count(ingestion.rowsRead)],
    ["New days", count(ingestion.rowsInserted)],
    ["Updated days", count(ingestion.rowsUpdated)],
    ["Unchanged days", count(ingestion.rowsUnchanged)],
    ["Rejected rows", count(ingestion.rowsRejected)],
    ["Deleted days", count(ingestion.rowsDeleted)],
    ["Dates", ingestion.firstDate === null ? "—" : `${ingestion.firstDate} – ${ingestion.lastDate ?? ""}`],
    ["KPI days recomputed", count(ingestion.kpiDaysRecomputed)],
  ];
  const shown = ingestion.errors.length;
  return h(
    "div",
    { class: "report" },
    h("dl", { class: "counts" }, ...counts.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v)))),
    h("p", {}, `Format: ${SOURCE_NAMES[ingestion.source]}. Columns: `, ingestion.columns.length ? ingestion.columns.join(", ") : "none recognised"),
    ingestion.warnings.length > 0 &&
      h(
        "div",
        { class: "warnings" },
        h("h4", {}, `Warnings (${ingestion.warnings.length})`),
        h("ul", {}, ...ingestion.warnings.map((w) => h("li", {}, w))),
      ),
    ingestion.errorCount > 0 &&
      h(
        "table",
        { class: "errors" },
        h(
          "caption",
          {},
          shown < ingestion.errorCount
            ? `Errors: the first ${count(shown)} of ${count(ingestion.errorCount)}`
            : `Errors (${count(ingestion.errorCount)})`,
        ),
        h(
          "thead",
          {},
          h("tr", {}, ...["Row", "Column", "Value", "Message"].map((t) => h("th", { scope: "col" }, t))),
        ),
        h(
          "tbody",
          {},
          ...ingestion.errors.map((e) =>
            h(
              "tr",
              {},
              h("td", {}, e.row === null ? "—" : String(e.row)),
              h("td", {}, e.column ?? "—"),
              h("td", {}, h("code", {}, e.value ?? "")),
              h("td", {}, e.message),
            ),
          ),
        ),
      ),
  );
}

function headline(ingestion: ReportFieldsFragment): string {
  const name = ingestion.filename ?? "(no file name)";
  return `${timestamp(ingestion.createdAt)} · ${name} · ${STATUS_WORDS[ingestion.status]} · ${count(ingestion.rowsRead)} rows read, ${count(ingestion.errorCount)} errors`;
}

/** Loads and draws the upload history. */
export async function showHistory(): Promise<void> {
  const target = byId("history");
  try {
    const { ingestions } = await request(IngestionsDocument, { limit: HISTORY_LIMIT });
    if (ingestions.length === 0) {
      fill(target, h("p", {}, "No uploads yet."));
      return;
    }
    fill(
      target,
      ...ingestions.map((ingestion) =>
        h(
          "details",
          { class: `ingestion status-${ingestion.status}`, "data-id": ingestion.id },
          h("summary", {}, headline(ingestion)),
          report(ingestion),
        ),
      ),
    );
  } catch (error) {
    fill(target, h("p", { role: "alert" }, `Could not load the upload history: ${describe(error)}`));
  }
}

/** Wires the upload form; `applied` runs after a file changed the stored data. */
export function mountUpload(applied: () => void): void {
  const form = byId<HTMLFormElement>("upload-form");
  const fileInput = byId<HTMLInputElement>("upload-file");
  const policy = byId<HTMLSelectElement>("upload-policy");
  const dateOrder = byId<HTMLSelectElement>("upload-date-order");
  const submit = byId<HTMLButtonElement>("upload-submit");
  const result = byId("upload-result");
  submit.textContent = PREVIEW_FIRST ? "Preview" : "Upload";

  const send = (file: File, dryRun: boolean): Promise<ReportFieldsFragment> =>
    upload(ImportFileDocument, {
      file,
      onInvalidRow: policy.value as InvalidRowPolicy,
      dateOrder: dateOrder.value as DateOrder,
      dryRun,
    }).then((data) => data.importFile);

  const showFinal = (ingestion: ReportFieldsFragment): void => {
    fill(
      result,
      h("h3", {}, `${STATUS_WORDS[ingestion.status]}: ${ingestion.filename ?? ""}`),
      report(ingestion),
    );
    if (ingestion.status === "APPLIED") applied();
    else void showHistory();
  };

  const check = (file: File): void => {
    fill(result, h("p", { role: "status" }, PREVIEW_FIRST ? "Checking the file…" : "Uploading…"));
    send(file, PREVIEW_FIRST).then(
      (ingestion) => (PREVIEW_FIRST ? showPreview(file, ingestion) : showFinal(ingestion)),
      (error: unknown) => fill(result, h("p", { role: "alert" }, `Not uploaded: ${describe(error)}`)),
    );
  };

  const showPreview = (file: File, preview: ReportFieldsFragment): void => {
    const apply = h("button", { type: "button", id: "upload-apply", disabled: preview.status === "REJECTED" }, "Apply");
    // Rejected for some rows only, with valid rows left: skipping the invalid ones would import the rest.
    const skippable =
      preview.status === "REJECTED" &&
      policy.value === "REJECT_FILE" &&
      preview.rowsRejected > 0 &&
      preview.rowsRejected < preview.rowsRead;
    const skip = h("button", { type: "button", id: "upload-skip" }, `Skip the ${count(preview.rowsRejected)} invalid rows and preview again`);
    skip.addEventListener("click", () => {
      policy.value = "SKIP_ROW";
      check(file);
    });
    const cancel = h("button", { type: "button", class: "secondary" }, "Cancel");
    apply.addEventListener("click", () => {
      apply.disabled = true;
      fill(result, h("p", { role: "status" }, "Applying…"));
      send(file, false).then(showFinal, (error: unknown) => {
        fill(result, h("p", { role: "alert" }, `Not applied: ${describe(error)}`));
      });
    });
    cancel.addEventListener("click", () => fill(result));
    fill(
      result,
      h("h3", {}, `Preview: ${file.name} would be ${STATUS_WORDS[preview.status].toLowerCase()}`),
      h("p", {}, "Nothing is stored yet."),
      report(preview),
      skippable &&
        h("p", {}, `${count(preview.rowsRead - preview.rowsRejected)} of ${count(preview.rowsRead)} rows are valid.`),
      h("div", { class: "actions" }, skippable && skip, apply, cancel),
    );
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const file = fileInput.files?.[0];
    if (file === undefined) {
      fill(result, h("p", { role: "alert" }, "Choose a file first."));
      return;
    }
    check(file);
  });
  fileInput.addEventListener("change", () => fill(result));
}
