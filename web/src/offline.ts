/**
 * Installing and offline use: registers the service worker (web/src/sw.ts), which keeps
 * the app shell and the figures as last loaded, never the token, and tells it to drop
 * those figures when the token is forgotten or refused.
 */

/** The service worker's script; served from /assets/ with `Service-Worker-Allowed: /`. */
const WORKER = "/assets/sw.js";

export function registerWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(WORKER, { scope: "/" }).catch(() => {
    // Without a worker the page still works online; nothing to tell the person.
  });
}

/** Drops the figures the service worker keeps for offline use. */
export async function forgetOfflineFigures(): Promise<void> {
  if (!("caches" in window)) return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith("healthhub-figures")).map((name) => caches.delete(name)));
}
