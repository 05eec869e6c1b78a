/**
 * The dashboard's service worker (docs/dashboard.md, "Installing and offline").
 *
 * - The app shell (the page, its script, style sheet, icon and manifest) is fetched from
 *   the network first, so an upgrade shows at once, and kept for offline use.
 * - GET queries to /graphql are answered by the network first; each good answer is kept
 *   under its URL alone. The request's headers (the token) are never stored: the kept
 *   request is a new one built from the URL. Offline, the kept answer is replayed with
 *   an `x-healthhub-saved-at` header, so the page can say the figures are as last loaded.
 * - A 401 (token refused) drops every kept answer; the page drops them too when the
 *   person forgets the token.
 * - Mutations and uploads (POST) pass straight through: nothing is queued offline.
 */

interface WorkerEvent {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerFetchEvent extends WorkerEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: "install" | "activate", listener: (event: WorkerEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: WorkerFetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const scope = self as unknown as WorkerScope;
const SHELL_CACHE = "healthhub-shell";
const FIGURES_CACHE = "healthhub-figures";
const SHELL = ["/", "/assets/app.js", "/assets/app.css", "/assets/icon.svg", "/assets/manifest.webmanifest"];
/** How many query answers are kept (the first screen and a few ranges of charts). */
const KEEP = 40;

scope.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener("activate", (event) => {
  event.waitUntil(scope.clients.claim());
});

async function shell(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  const url = new URL(request.url);
  const key = url.pathname === "/" ? "/" : url.pathname;
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept !== undefined) return kept;
    throw error;
  }
}

async function keep(url: string, response: Response): Promise<void> {
  const body = await response.clone().text();
  // Only answers with data and no error are kept (a report's own "errors" field is data).
  try {
    if ((JSON.parse(body) as { errors?: unknown }).errors !== undefined) return;
  } catch {
    return;
  }
  const cache = await caches.open(FIGURES_CACHE);
  const headers = {
    "content-type": response.headers.get("content-type") ?? "application/json",
    "x-healthhub-saved-at": new Date().toISOString(),
  };
  await cache.put(new Request(url), new Response(body, { status: 200, headers }));
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(keys.length - KEEP, 0)).map((key) => cache.delete(key)));
}

async function query(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.status === 200) await keep(request.url, response);
    else if (response.status === 401) await caches.delete(FIGURES_CACHE);
    return response;
  } catch (error) {
    const kept = await (await caches.open(FIGURES_CACHE)).match(request.url);
    if (kept !== undefined) return kept;
    throw error;
  }
}

scope.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.location.origin) return;
  if (url.pathname === "/graphql") {
    if (url.searchParams.has("query")) event.respondWith(query(request));
    return;
  }
  if (request.mode === "navigate" && url.pathname === "/") event.respondWith(shell(request));
  else if (SHELL.includes(url.pathname)) event.respondWith(shell(request));
});
