"""Installing the dashboard: its manifest and service worker, the app shell and the last
figures offline, and a token that is never kept and can be forgotten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import expect

from tests.support.server import ServerProcess
from tests.web.accessibility import serious_violations
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, TOKEN, WatchedPage, token_server

FIGURES = ("weight-trend", "scale-weight", "expenditure", "balance", "steps", "sleep")

#: Every request and response the page's caches hold, as text (Cache Storage).
CACHED = """async () => {
  const out = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      out.push({ cache: name, url: request.url, headers: [...request.headers].flat().join(" "),
                 body: await response.text() });
    }
  }
  return out;
}"""


def _figures(page: Any) -> list[Any]:
    """The query answers the worker keeps."""
    return [e for e in page.evaluate(CACHED) if e["cache"] == "healthhub-figures"]


def _controlled(page: Any) -> None:
    """Waits until the service worker controls the page, then loads it again through it."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-loaded", "true")
    expect(page.locator("#charts .chart")).to_have_count(6)


def test_the_manifest_and_the_worker_are_served_for_installing(
    seeded_server: ServerProcess,
) -> None:
    manifest = httpx.get(f"{seeded_server.base_url}/assets/manifest.webmanifest")
    assert manifest.headers["content-type"] == "application/manifest+json"
    body = manifest.json()
    assert (body["start_url"], body["display"]) == ("/", "standalone")
    assert httpx.get(f"{seeded_server.base_url}{body['icons'][0]['src']}").status_code == 200
    worker = httpx.get(f"{seeded_server.base_url}/assets/sw.js")
    assert worker.headers["content-type"].startswith("text/javascript")
    # Served under /assets/, the worker may control the whole page.
    assert worker.headers["service-worker-allowed"] == "/"


def test_offline_the_installed_app_shows_its_shell_and_the_last_figures(
    seeded_server: ServerProcess, device: WatchedPage
) -> None:
    page = device.page
    page.goto(f"{seeded_server.base_url}/")
    _controlled(page)
    figures = {key: page.locator(f'[data-figure="{key}"] .value').inner_text() for key in FIGURES}
    summary = page.locator("#chart-weight .chart-summary").inner_text()
    expect(page.locator("#offline-status")).to_be_hidden()

    page.context.set_offline(True)
    try:
        page.reload()
        expect(page.locator("#offline-status")).to_contain_text(
            "Offline: the figures as last loaded"
        )
        for key, value in figures.items():
            expect(page.locator(f'[data-figure="{key}"] .value')).to_have_text(value)
        expect(page.locator("#chart-weight .chart-summary")).to_have_text(summary)
        expect(page.locator("#entry-form")).to_be_visible()
        assert serious_violations(page) == []
    finally:
        page.context.set_offline(False)
    device.forgive("ERR_INTERNET_DISCONNECTED")
    device.assert_clean()


def test_the_worker_never_keeps_the_token_and_a_forgotten_or_refused_one_drops_the_figures(
    tmp_path: Path, watched: WatchedPage
) -> None:
    with token_server(tmp_path) as server:
        page = watched.page
        page.goto(f"{server.base_url}/")
        page.get_by_label("API token").fill(TOKEN)
        page.get_by_role("button", name="Use token").click()
        expect(page.locator("body")).to_have_attribute("data-loaded", "true")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        page.reload()
        expect(page.locator("body")).to_have_attribute("data-loaded", "true")

        assert _figures(page), "the worker keeps the figures it loaded"
        for entry in page.evaluate(CACHED):
            assert TOKEN not in entry["url"] + entry["headers"] + entry["body"]
            assert "authorization" not in entry["headers"].lower()
        assert page.evaluate("localStorage.length") == 0

        page.get_by_role("button", name="Forget token").click()
        expect(page.get_by_role("dialog")).to_be_visible()
        assert page.evaluate("sessionStorage.getItem('healthhub.token')") is None
        assert _figures(page) == []

        # A refused token drops them too.
        page.get_by_label("API token").fill(TOKEN)
        page.get_by_role("button", name="Use token").click()
        expect(page.locator("body")).to_have_attribute("data-loaded", "true")
        assert _figures(page) != []
        page.evaluate("sessionStorage.setItem('healthhub.token', 'a-token-the-server-refuses')")
        page.reload()
        expect(page.locator("#token-rejected")).to_be_visible()
        assert _figures(page) == []
    watched.forgive("401")
    watched.assert_clean()


def test_chromium_finds_the_page_installable(
    seeded_server: ServerProcess, browser: Any, tmp_path: Path
) -> None:
    # A browser profile of its own: Chromium installs no app from a private context.
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
    )
    try:
        page = context.new_page()
        page.goto(f"{seeded_server.base_url}/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        session = context.new_cdp_session(page)
        assert session.send("Page.getInstallabilityErrors") == {"installabilityErrors": []}
        assert session.send("Page.getAppManifest")["errors"] == []
    finally:
        context.close()
