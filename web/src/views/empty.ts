/** An empty database: the figures, charts and summaries give way to how to load data. */

import { byId } from "../dom";

const DATA_SECTIONS = ["latest-section", "recent-section", "charts-section", "summaries-section"];

export function showEmpty(empty: boolean): void {
  byId("empty").hidden = !empty;
  for (const id of DATA_SECTIONS) byId(id).hidden = empty;
}
