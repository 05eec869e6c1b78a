// Apollo Client + apollo-upload-client against a running server, as a web app uses them:
// upload a CSV (multipart), read KPIs through automatic persisted queries over GET,
// and update the profile, whose new value the normalised cache must show by its id.
// Usage: node apollo_upload.mjs URL CSV_PATH [TOKEN]; prints one JSON object.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";

import { ApolloClient, ApolloLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import UploadHttpLink from "apollo-upload-client/UploadHttpLink.mjs";

const [url, csvPath, token] = process.argv.slice(2);
const headers = { "Apollo-Require-Preflight": "true" };
if (token) headers.Authorization = `Bearer ${token}`;

const sha256 = (query) => createHash("sha256").update(query).digest("hex");
const requests = [];
const recordingFetch = (input, init) => {
  requests.push({ method: init?.method ?? "GET", url: String(input) });
  return fetch(input, init);
};

const client = new ApolloClient({
  cache: new InMemoryCache(),
  link: ApolloLink.from([
    new PersistedQueryLink({ sha256, useGETForHashedQueries: true }),
    new UploadHttpLink({ uri: url, headers, fetch: recordingFetch }),
  ]),
});

const UPLOAD = gql`
  mutation Upload($file: Upload!) {
    uploadCsv(file: $file) { id status rowsInserted }
  }
`;
const KPIS = gql`
  query Kpis($start: Date!, $end: Date!) {
    kpis(start: $start, end: $end) { id date balanceKcal weightTrend stepsGoalRate7d }
  }
`;
const PROFILE = gql`
  query Profile { profile { id stepsGoal } }
`;
const UPDATE = gql`
  mutation Update($goal: Int!) { updateProfile(input: { stepsGoal: $goal }) { id stepsGoal } }
`;

const bytes = await readFile(csvPath);
const file = new File([bytes], basename(csvPath), { type: "text/csv" });
const upload = await client.mutate({ mutation: UPLOAD, variables: { file } });
const lines = bytes.toString("utf8").trim().split("\n");
const start = lines[1].split(",")[0];
const end = lines[lines.length - 1].split(",")[0];
const kpis = await client.query({ query: KPIS, variables: { start, end } });
const before = await client.query({ query: PROFILE });
await client.mutate({ mutation: UPDATE, variables: { goal: before.data.profile.stepsGoal + 1 } });
const cached = client.readQuery({ query: PROFILE });

console.log(
  JSON.stringify({
    upload: upload.data.uploadCsv,
    kpis: kpis.data.kpis,
    profileBefore: before.data.profile,
    profileCached: cached.profile,
    requests,
  }),
);
