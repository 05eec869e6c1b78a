/** The dashboard's entry point: loads the data range and profile, then each view. */

import { describe, request, watchSource } from "./api";
import { byId } from "./dom";
import { download, exportCsv } from "./export";
import { number, timestamp } from "./format";
import { graphql } from "./gql";
import type { ProfileFieldsFragment } from "./gql/graphql";
import { forgetOfflineFigures, registerWorker } from "./offline";
import { currentToken, forgetToken } from "./token";
import { unitOf } from "./units";
import { MAX_DAYS_PER_REQUEST, onChartPick, showCharts } from "./views/charts";
import { showEmpty } from "./views/empty";
import { mountEntry, type Entry } from "./views/entry";
import { showHeadline } from "./views/headline";
import { showProfile } from "./views/profile";
import { mountRange } from "./views/range";
import { mountSummaries, showSummaries } from "./views/summaries";
import { mountUpload, showHistory } from "./views/uploads";

const OverviewDocument = graphql(`
  query Overview {
    dataRange {
      firstDate
      lastDate
      daysLogged
    }
    profile {
      ...ProfileFields
    }
  }
`);

let entry: Entry | null = null;
let logged: { first: string; last: string } | null = null;
let shownProfile: ProfileFieldsFragment | null = null;
const openDay = (date: string): void => entry?.open(date);

/**
 * After a day is saved the last logged day is known without asking (the later of the
 * saved day and the last one before), so the first screen's figures are fetched at once,
 * beside the overview, instead of after it: the new trend shows one round trip sooner.
 */
function saved(date: string): void {
  const profile = shownProfile;
  if (logged === null || profile === null) {
    void load(date);
    return;
  }
  const last = date > logged.last ? date : logged.last;
  // The overview, charts and summaries follow, so they do not compete with it.
  void showHeadline(last, profile, openDay).then(() => load(date, last));
}

/**
 * Loads the overview and redraws the views. `changedFrom`: the first day whose KPIs
 * changed (an entry, an edit or a deletion of that day), "all" after a profile change or
 * an upload, null on the first load: the charts fetch again only from that day on.
 */
async function load(changedFrom: string | null, shownLast: string | null = null): Promise<void> {
  const status = byId("page-status");
  try {
    const { dataRange, profile } = await request(OverviewDocument);
    const unit = unitOf(profile);
    shownProfile = profile;
    if (changedFrom === null || changedFrom === "all") {
      // An entry or edit of one day changes neither the profile nor the upload history.
      showProfile(profile, () => void load("all"));
      void showHistory();
    }
    entry ??= mountEntry(byId("entry"), unit, (date, kind) => (kind === "saved" ? saved(date) : void load(date)));
    entry.setUnit(unit);
    const { firstDate, lastDate } = dataRange;
    showEmpty(firstDate === null || lastDate === null);
    logged = firstDate === null || lastDate === null ? null : { first: firstDate, last: lastDate };
    byId("download-csv").hidden = logged === null;
    if (firstDate !== null && lastDate !== null) {
      byId("days-logged").textContent = `${number(dataRange.daysLogged, "count")} days logged, ${firstDate} to ${lastDate}`;
      if (lastDate !== shownLast) void showHeadline(lastDate, profile, openDay);
      showViews(firstDate, lastDate, profile, changedFrom);
    } else byId("days-logged").textContent = "Nothing logged yet";
    status.textContent = "";
    byId("forget-token").hidden = currentToken() === null;
    document.body.dataset.loaded = "true";
  } catch (error) {
    status.textContent = `Could not reach the API: ${describe(error)}`;
  }
}

function showViews(first: string, last: string, profile: ProfileFieldsFragment, changedFrom: string | null): void {
  let pending = changedFrom;
  mountRange(first, last, (range) => {
    // Only the first draw after a change refetches; a later range change uses the cache.
    void showCharts(range, profile, pending);
    pending = null;
    showSummaries(range, unitOf(profile));
  });
}

function mountHeader(): void {
  // On a phone the form sits under the figures: the link brings it up, ready to type.
  byId("log-link").addEventListener("click", (event) => {
    event.preventDefault();
    byId("today-section").scrollIntoView({ block: "start" });
    document.getElementById("entry-weightKg")?.focus({ preventScroll: true });
  });
  byId("forget-token").addEventListener("click", () => {
    forgetToken();
    void forgetOfflineFigures().then(() => location.reload());
  });
  byId("download-csv").addEventListener("click", () => {
    if (logged === null) return;
    const { first, last } = logged;
    const status = byId("download-status");
    status.textContent = "Preparing the file…";
    exportCsv(first, last, MAX_DAYS_PER_REQUEST).then(
      (text) => {
        download(text, `healthhub-${first}-to-${last}.csv`);
        status.textContent = `Downloaded the days from ${first} to ${last}.`;
      },
      (error: unknown) => {
        status.textContent = `Could not download: ${describe(error)}`;
      },
    );
  });
  watchSource((savedAt) => {
    const banner = byId("offline-status");
    banner.hidden = savedAt === null;
    if (savedAt !== null) banner.textContent = `Offline: the figures as last loaded, ${timestamp(savedAt)}. Changes need the network.`;
  });
}

onChartPick(openDay);
mountHeader();
mountSummaries();
mountUpload(() => void load("all"));
registerWorker();
void load(null);
