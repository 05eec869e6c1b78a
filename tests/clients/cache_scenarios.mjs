// Frontend caches against a running server (docs/api.md, "Caching with Apollo and urql"):
// each scenario prints one JSON object with what the client was answered and what its
// normalised cache holds afterwards, for tests/clients/test_clients.py to check.
// Usage: node cache_scenarios.mjs URL SCENARIO [CSV_PATH]
//   node   - a Relay-style store (records keyed by global id) fetching by node(id)
//   paging - ingestionHistory paged to the end with relayStylePagination
//   edit   - upsertDailyMetric: the day's Kpi at once, later days refetched from it
//   upload - an upload through persisted queries, in both link orders, through a
//            proxy that counts the bytes the server receives
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import http from "node:http";
import { basename } from "node:path";

import { ApolloClient, ApolloLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { relayStylePagination } from "@apollo/client/utilities";
import UploadHttpLink from "apollo-upload-client/UploadHttpLink.mjs";

const [url, scenario, csvPath] = process.argv.slice(2);
const headers = { "Apollo-Require-Preflight": "true" };
const sha256 = (query) => createHash("sha256").update(query).digest("hex");

const NODE_TYPES = ["DailyMetric", "Kpi", "KpiSummary", "Ingestion", "Profile", "DataRange"];

/** A client whose requests are counted (method, url) on `requests`. */
function client(link, cache) {
  return new ApolloClient({ cache: cache ?? new InMemoryCache(), link });
}

function countingHttp(requests, uri = url) {
  const fetchCounted = (input, init) => {
    requests.push({ method: init?.method ?? "GET", url: String(input) });
    return fetch(input, init);
  };
  return new UploadHttpLink({ uri, headers, fetch: fetchCounted });
}

async function upload(apollo, path) {
  const bytes = await readFile(path);
  const file = new File([bytes], basename(path), { type: "text/csv" });
  const result = await apollo.mutate({
    mutation: gql`
      mutation Upload($file: Upload!) {
        uploadCsv(file: $file) { id status rowsInserted kpisChangedFrom }
      }
    `,
    variables: { file },
  });
  return { report: result.data.uploadCsv, size: bytes.length };
}

// --- node: a Relay-style store ------------------------------------------------------
// Relay keys every record by its global id alone and refetches any of them with
// node(id:); the same in Apollo: dataIdFromObject = id, and Query.node reads the
// record of that id, so a node already in the store is answered without a request.
async function nodeScenario() {
  const requests = [];
  const cache = new InMemoryCache({
    possibleTypes: { Node: NODE_TYPES },
    dataIdFromObject: (object) => (typeof object.id === "string" ? object.id : undefined),
    typePolicies: {
      Query: {
        fields: {
          node: { read: (_, { args, toReference }) => toReference(args.id) },
        },
      },
    },
  });
  const apollo = client(countingHttp(requests), cache);
  const { report } = await upload(apollo, csvPath);
  const NODE = gql`
    query Node($id: ID!) {
      node(id: $id) {
        __typename
        id
        ... on Kpi { date stepsGoalRate7d }
        ... on Ingestion { status rowsInserted }
        ... on DataRange { firstDate lastDate daysLogged }
      }
    }
  `;
  const listed = await apollo.query({
    query: gql`
      query Listed {
        kpis(start: "2026-01-01", end: "2026-01-31") { __typename id date stepsGoalRate7d }
        dataRange { __typename id firstDate lastDate daysLogged }
      }
    `,
  });
  const kpiId = listed.data.kpis[1].id;
  const before = requests.length;
  const fromStore = await apollo.query({ query: NODE, variables: { id: kpiId } });
  const requestsForStoredNode = requests.length - before;
  const fetched = {};
  for (const [name, id] of [
    ["kpi", kpiId],
    ["ingestion", report.id],
    ["dataRange", listed.data.dataRange.id],
    ["unknown", "bm90LWFuLWlk"],
  ]) {
    const answer = await apollo.query({ query: NODE, variables: { id }, fetchPolicy: "network-only" });
    fetched[name] = answer.data.node;
  }
  return {
    kpis: listed.data.kpis,
    fromStore: fromStore.data.node,
    requestsForStoredNode,
    fetched,
    storeKeys: Object.keys(cache.extract()).sort(),
  };
}

// --- paging: ingestionHistory to the end ----------------------------------------------
async function pagingScenario() {
  const requests = [];
  const cache = new InMemoryCache({
    typePolicies: { Query: { fields: { ingestionHistory: relayStylePagination() } } },
  });
  const apollo = client(countingHttp(requests), cache);
  const HISTORY = gql`
    query History($first: Int!, $after: String) {
      ingestionHistory(first: $first, after: $after) {
        totalCount
        edges { cursor node { id filename createdAt } }
        pageInfo { hasNextPage endCursor }
      }
    }
  `;
  const pages = [];
  let after = null;
  for (;;) {
    const { data } = await apollo.query({
      query: HISTORY,
      variables: { first: 2, after },
      fetchPolicy: "network-only",
    });
    // relayStylePagination answers with every edge merged so far: the list grows.
    pages.push(data.ingestionHistory.edges.map((edge) => edge.node.filename));
    if (!data.ingestionHistory.pageInfo.hasNextPage) break;
    after = data.ingestionHistory.pageInfo.endCursor;
  }
  const cached = apollo.readQuery({ query: HISTORY, variables: { first: 2 } });
  return {
    pages,
    cachedFilenames: cached.ingestionHistory.edges.map((edge) => edge.node.filename),
    totalCount: cached.ingestionHistory.totalCount,
    hasNextPage: cached.ingestionHistory.pageInfo.hasNextPage,
  };
}

// --- edit: the day's KPIs at once, the later days refetched ---------------------------
async function editScenario() {
  const requests = [];
  const apollo = client(countingHttp(requests));
  await upload(apollo, csvPath);
  const KPIS = gql`
    query Kpis($start: Date!, $end: Date!) {
      kpis(start: $start, end: $end) { id date stepsGoalMet steps7dAvg }
    }
  `;
  const range = { start: "2026-01-01", end: "2026-01-31" };
  const before = (await apollo.query({ query: KPIS, variables: range })).data.kpis;
  const edited = await apollo.mutate({
    mutation: gql`
      mutation Fix($input: DailyMetricInput!) {
        upsertDailyMetric(input: $input) {
          id date steps
          kpi { id date stepsGoalMet steps7dAvg }
        }
      }
    `,
    variables: { input: { date: "2026-01-02", steps: 2000 } },
  });
  const atOnce = apollo.readQuery({ query: KPIS, variables: range }).kpis;
  // docs/api.md: an edit of day D changes KPIs from D on; D's came with the edit.
  const requestsBefore = requests.length;
  await apollo.query({
    query: KPIS,
    variables: { start: edited.data.upsertDailyMetric.date, end: range.end },
    fetchPolicy: "network-only",
  });
  const refetched = apollo.readQuery({ query: KPIS, variables: range }).kpis;
  return {
    before,
    edited: edited.data.upsertDailyMetric,
    atOnce,
    refetched,
    refetchRequests: requests.length - requestsBefore,
  };
}

// --- upload: persisted queries that send the file once -------------------------------

/** A proxy in front of the server that counts the bytes of every request body. */
async function countingProxy(upstream) {
  const received = [];
  const server = http.createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    received.push({
      method: request.method,
      multipart: (request.headers["content-type"] ?? "").startsWith("multipart/"),
      persisted: request.url.includes("persistedQuery") || body.includes("persistedQuery"),
      bytes: body.length,
    });
    const forwarded = { ...request.headers };
    for (const name of ["host", "content-length", "connection", "accept-encoding"]) {
      delete forwarded[name];
    }
    const answer = await fetch(new URL(request.url, upstream), {
      method: request.method,
      headers: forwarded,
      body: request.method === "GET" ? undefined : body,
    });
    const out = Buffer.from(await answer.arrayBuffer());
    const back = {};
    answer.headers.forEach((value, name) => {
      if (!["content-encoding", "content-length", "transfer-encoding"].includes(name)) {
        back[name] = value;
      }
    });
    response.writeHead(answer.status, back);
    response.end(out);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/graphql`, received, close: () => server.close() };
}

/** Whether the operation's variables hold a file (what apollo-upload-client extracts). */
function hasFiles(value) {
  if (value instanceof Blob) return true;
  if (value && typeof value === "object") return Object.values(value).some(hasFiles);
  return false;
}

const LINK_ORDERS = {
  // Persisted queries in front of the upload link: the first try sends only the hash,
  // with the file; the server does not know the hash yet and the link sends it all again.
  persistedFirst: (uri, requests) =>
    ApolloLink.from([
      new PersistedQueryLink({ sha256, useGETForHashedQueries: true }),
      countingHttp(requests, uri),
    ]),
  // The order that sends a file once: operations with a file go straight to the upload
  // link (the full query, once); every other operation goes through persisted queries.
  uploadsBypassPersisted: (uri, requests) => {
    const http = countingHttp(requests, uri);
    return ApolloLink.split(
      (operation) => hasFiles(operation.variables),
      http,
      ApolloLink.from([new PersistedQueryLink({ sha256, useGETForHashedQueries: true }), http]),
    );
  },
};

async function uploadScenario() {
  const upstream = new URL(url);
  const outcome = {};
  let day = 0;
  for (const [order, makeLink] of Object.entries(LINK_ORDERS)) {
    const proxy = await countingProxy(upstream);
    try {
      const requests = [];
      const apollo = client(makeLink(proxy.url, requests));
      // A fresh file per order (another day range), so each upload applies.
      const bytes = await readFile(csvPath);
      const shifted = bytes.toString("utf8").replaceAll("2026-01-", `2026-0${2 + day}-`);
      day += 1;
      const file = new File([shifted], `order-${order}.csv`, { type: "text/csv" });
      const uploaded = await apollo.mutate({
        mutation: gql`
          mutation Upload($file: Upload!) {
            uploadCsv(file: $file) { id status rowsInserted kpisChangedFrom }
          }
        `,
        variables: { file },
      });
      const kpis = await apollo.query({
        query: gql`
          query Since($start: Date!) {
            kpis(start: $start, end: "2026-12-31") { id date }
          }
        `,
        variables: { start: uploaded.data.uploadCsv.kpisChangedFrom },
      });
      outcome[order] = {
        report: uploaded.data.uploadCsv,
        fileBytes: Buffer.byteLength(shifted),
        received: proxy.received,
        kpisSinceChange: kpis.data.kpis.length,
      };
    } finally {
      proxy.close();
    }
  }
  return outcome;
}

const scenarios = {
  node: nodeScenario,
  paging: pagingScenario,
  edit: editScenario,
  upload: uploadScenario,
};
console.log(JSON.stringify(await scenarios[scenario]()));
