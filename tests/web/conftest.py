"""Browser tests: Debian's Chromium driven by Playwright against a real ``healthhub serve``.

They skip when Chromium or Playwright is missing, unless ``CI=true`` or
``HEALTHHUB_TEST_REQUIRE_BROWSER=1``, which make them fail instead (``.ci/run``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import Engine, delete
from sqlmodel import SQLModel

from tests.support.server import PROJECT_ROOT, ServerProcess, running_server
from tests.web.client import upload

CHROMIUM = Path(os.environ.get("HEALTHHUB_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SAMPLES = PROJECT_ROOT / "samples"
#: What the page must work under: nothing inline, nothing from elsewhere.
STRICT_CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
#: The tests' token (the server refuses one under 32 characters).
TOKEN = "dashboard-test-token-0123456789abcdef"


def _browser_required() -> bool:
    return os.environ.get("CI") == "true" or os.environ.get("HEALTHHUB_TEST_REQUIRE_BROWSER") == "1"


def _unavailable(reason: str) -> None:
    if _browser_required():
        pytest.fail(reason)
    pytest.skip(reason)


#: How long an expectation waits for the page (a loaded CI machine is slower).
EXPECT_TIMEOUT_MS = 15_000


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class WatchedPage:
    """A page whose console errors and requests to anywhere but 127.0.0.1 are recorded
    (and the latter refused)."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    graphql_requests: list[dict[str, Any]] = field(default_factory=list)

    def forgive(self, fragment: str) -> None:
        """Drops the console errors that contain ``fragment`` (the browser's own lines for
        requests a test made fail on purpose)."""
        self.console_errors[:] = [e for e in self.console_errors if fragment not in e]

    def assert_clean(self) -> None:
        assert self.console_errors == []
        assert self.outside_requests == []


#: The viewports the daily-use tests run at: a desktop, and a phone with touch.
DESKTOP: dict[str, Any] = {"viewport": {"width": 1440, "height": 900}}
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "has_touch": True,
    "is_mobile": True,
}


def watch(context: Any) -> WatchedPage:
    """A new page in ``context`` whose console errors and outside requests are recorded
    (the latter refused), and whose document is served under the strict policy."""
    page = context.new_page()
    watched = WatchedPage(page)

    def route(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).hostname != "127.0.0.1":
            watched.outside_requests.append(url)
            route.abort()
        elif route.request.resource_type == "document":
            # The page must work under the strictest policy (a violation is a console error).
            try:
                response = route.fetch()
            except Exception:  # offline: the service worker answers from its cache
                route.abort("internetdisconnected")
                return
            headers = {"content-security-policy": STRICT_CSP, **response.headers}
            route.fulfill(response=response, headers=headers)
        else:
            route.continue_()

    def on_request(request: Any) -> None:
        url = urlsplit(request.url)
        if url.path != "/graphql":
            return
        if request.method == "GET":
            body: Any = {key: values[0] for key, values in parse_qs(url.query).items()}
        else:
            content_type = request.headers.get("content-type") or ""
            body = request.post_data_json if "json" in content_type else None
        watched.graphql_requests.append({"headers": request.headers, "json": body})

    def on_console(message: Any) -> None:
        if message.type == "error":
            watched.console_errors.append(message.text)

    context.route("**/*", route)
    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", lambda e: watched.console_errors.append(str(e)))
    return watched


@pytest.fixture
def watched(browser: Any) -> Iterator[WatchedPage]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield watch(context)
    context.close()


@pytest.fixture(
    params=[
        pytest.param((DESKTOP, "light"), id="desktop-light"),
        pytest.param((PHONE, "light"), id="phone-light"),
        pytest.param((DESKTOP, "dark"), id="desktop-dark"),
        pytest.param((PHONE, "dark"), id="phone-dark"),
    ]
)
def device(request: pytest.FixtureRequest, browser: Any) -> Iterator[WatchedPage]:
    """A watched page at a desktop or a phone viewport (touch), in light or dark."""
    yield from _on_device(browser, *request.param)


def _on_device(browser: Any, options: dict[str, Any], scheme: str) -> Iterator[WatchedPage]:
    context = browser.new_context(**options, color_scheme=scheme)
    yield watch(context)
    context.close()


@pytest.fixture(
    params=[
        pytest.param((PHONE, "light"), id="phone-light"),
        pytest.param((DESKTOP, "dark"), id="desktop-dark"),
    ]
)
def phone_or_desktop(request: pytest.FixtureRequest, browser: Any) -> Iterator[WatchedPage]:
    """Like ``device``, for the checks that need each viewport and each scheme once."""
    yield from _on_device(browser, *request.param)


@contextmanager
def _seeded(url: str, log_path: Path) -> Iterator[ServerProcess]:
    with running_server(url, log_path) as server:
        for name in ("year_iso.csv", "seed_sample_semicolon_dmy.csv"):
            report = upload(server, (SAMPLES / name).read_bytes(), name)
            assert report["status"] == "APPLIED", report
        yield server


@pytest.fixture(scope="module")
def seeded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server on a SQLite database that holds both samples (about 550 days)."""
    directory = tmp_path_factory.mktemp("seeded")
    with _seeded(f"sqlite:///{directory / 'healthhub.db'}", directory / "server.log") as server:
        yield server


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def seeded_server_on_each_database(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[ServerProcess]:
    """Like ``seeded_server``, once on SQLite (that same server) and once on PostgreSQL."""
    if request.param == "sqlite":
        yield request.getfixturevalue("seeded_server")
        return
    engine: Engine = request.getfixturevalue("_postgres_database")
    with engine.begin() as connection:
        for table in reversed(SQLModel.metadata.sorted_tables):
            connection.execute(delete(table))
    with _seeded(
        engine.url.render_as_string(hide_password=False), tmp_path / "server.log"
    ) as server:
        yield server


def token_server(directory: Path) -> AbstractContextManager[ServerProcess]:
    """A server on a new SQLite database in ``directory`` that asks for ``TOKEN``."""
    return running_server(
        f"sqlite:///{directory / 'healthhub.db'}",
        directory / "server.log",
        env={"HEALTHHUB_API_TOKEN": TOKEN},
    )


@pytest.fixture
def empty_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A server on a new, empty SQLite database."""
    with running_server(
        f"sqlite:///{tmp_path / 'healthhub.db'}", tmp_path / "server.log"
    ) as server:
        yield server
