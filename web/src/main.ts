/** The dashboard's entry point: loads the data range and profile, then each view. */

import { describe, request } from "./api";
import { byId } from "./dom";
import { number } from "./format";
import { graphql } from "./gql";
import { showCharts } from "./views/charts";
import { showEmpty } from "./views/empty";
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

async function load(): Promise<void> {
  const status = byId("page-status");
  try {
    const { dataRange, profile } = await request(OverviewDocument);
    showProfile(profile, () => void load());
    void showHistory();
    const { firstDate, lastDate } = dataRange;
    showEmpty(firstDate === null || lastDate === null);
    if (firstDate !== null && lastDate !== null) {
      byId("days-logged").textContent = `${number(dataRange.daysLogged, "count")} days logged, ${firstDate} to ${lastDate}`;
      void showHeadline(lastDate, profile);
      mountRange(firstDate, lastDate, (range) => {
        void showCharts(range, profile);
        showSummaries(range);
      });
    }
    status.textContent = "";
    document.body.dataset.loaded = "true";
  } catch (error) {
    status.textContent = `Could not reach the API: ${describe(error)}`;
  }
}

mountSummaries();
mountUpload(() => void load());
void load();
