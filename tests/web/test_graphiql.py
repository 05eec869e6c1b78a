"""GraphiQL at /graphql in a real browser cut off from everything but the server
(docs/api.md, "GraphiQL offline"): no CDN, the session's token, the schema at once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import expect

from tests.support.server import ServerProcess, running_server
from tests.web.client import gql
from tests.web.conftest import TOKEN

#: The dashboard's sessionStorage key for the token (web/src/token.ts).
TOKEN_KEY = "healthhub.token"
SERIOUS = {"serious", "critical"}
QUERY = "{ dataRange { firstDate lastDate daysLogged } }"
#: Every write to localStorage, recorded before any script of the page runs.
RECORD_LOCAL_STORAGE = """
window.__localStorageWrites = [];
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (this === window.localStorage) window.__localStorageWrites.push([key, value]);
  return setItem.call(this, key, value);
};
"""
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
    "color_scheme": "dark",
}


@dataclass
class OfflinePage:
    """A page that reaches the server on 127.0.0.1 and nothing else: every other request
    is aborted as if the machine had no network, and recorded. Offline here means what
    it means for a person whose hub runs on their own machine: the server answers, the
    internet does not (no CDN, no font service, nothing)."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    graphql_headers: list[dict[str, str]] = field(default_factory=list)

    def local_storage_writes(self) -> list[list[str]]:
        writes: list[list[str]] = self.page.evaluate("window.__localStorageWrites")
        return writes

    def assert_clean(self) -> None:
        assert self.console_errors == []
        assert self.outside_requests == []
        assert self.local_storage_writes() == []
        assert self.page.evaluate("localStorage.length") == 0


def _offline_page(context: Any) -> OfflinePage:
    context.add_init_script(RECORD_LOCAL_STORAGE)
    page = context.new_page()
    offline = OfflinePage(page)

    def route(route: Any) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            offline.outside_requests.append(route.request.url)
            route.abort("internetdisconnected")

    def on_request(request: Any) -> None:
        if urlsplit(request.url).path == "/graphql" and request.method == "POST":
            offline.graphql_headers.append(request.headers)

    def on_console(message: Any) -> None:
        if message.type == "error":
            offline.console_errors.append(message.text)

    context.route("**/*", route)
    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", lambda error: offline.console_errors.append(str(error)))
    return offline


@pytest.fixture(
    params=[pytest.param(DESKTOP, id="desktop-light"), pytest.param(PHONE, id="phone-dark")]
)
def offline(browser: Any, request: pytest.FixtureRequest) -> Iterator[OfflinePage]:
    context = browser.new_context(**request.param)
    yield _offline_page(context)
    context.close()


@pytest.fixture
def token_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """A server on an empty database that needs ``TOKEN`` for the API."""
    with running_server(
        f"sqlite:///{tmp_path / 'healthhub.db'}",
        tmp_path / "server.log",
        env={"HEALTHHUB_API_TOKEN": TOKEN},
    ) as server:
        yield server


def _serious_violations(page: Any) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]


def _run(page: Any, query: str) -> Any:
    """Types ``query`` into GraphiQL, runs it and returns the JSON GraphiQL shows."""
    editor = page.locator(".graphiql-query-editor .CodeMirror")
    expect(editor).to_be_visible()
    editor.evaluate("(node, text) => node.CodeMirror.setValue(text)", query)
    run = page.get_by_role("button", name="Execute query (Ctrl-Enter)")
    # On a touch screen the button is tapped, as a person on a phone would.
    if page.evaluate("matchMedia('(pointer: coarse)').matches"):
        run.tap()
    else:
        run.click()
    # CodeMirror draws only the lines in view: read the result from the editor itself.
    result = page.wait_for_function(
        """() => {
            const text = document.querySelector(".result-window .CodeMirror").CodeMirror.getValue();
            return text.includes('"data"') && text;
        }"""
    )
    return json.loads(result.json_value())


def _expect_schema_loaded(page: Any) -> None:
    """The docs explorer lists the root query type: the schema was fetched."""
    page.get_by_role("button", name="Show Documentation Explorer").click()
    explorer = page.locator(".graphiql-doc-explorer")
    expect(explorer).to_be_visible()
    expect(explorer.get_by_role("link", name="Query", exact=True)).to_be_visible()
    explorer.get_by_role("link", name="Query", exact=True).click()
    expect(explorer).to_contain_text("dataRange")
    page.get_by_role("button", name="Hide Documentation Explorer").click()
    expect(explorer).to_be_hidden()


def test_graphiql_runs_a_query_offline_on_a_hub_that_needs_no_token(
    seeded_server: ServerProcess, offline: OfflinePage
) -> None:
    page = offline.page
    page.goto(f"{seeded_server.base_url}/graphql")
    expect(page.locator("#token-state")).to_have_text("This hub needs no token.")
    expect(page.get_by_role("dialog")).to_be_hidden()

    _expect_schema_loaded(page)
    assert _run(page, QUERY) == {"data": gql(seeded_server, QUERY)}
    assert _serious_violations(page) == []
    offline.assert_clean()
    # GraphiQL's tabs live in this tab's session instead.
    assert page.evaluate("Object.keys(sessionStorage).some(k => k.startsWith('graphiql:'))")


def test_graphiql_asks_for_a_token_then_loads_the_schema_and_keeps_it_for_the_session(
    token_server: ServerProcess, offline: OfflinePage
) -> None:
    page = offline.page
    page.goto(f"{token_server.base_url}/graphql")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(page.locator("#token-rejected")).to_be_hidden()
    assert _serious_violations(page) == []

    page.get_by_label("API token").fill("not-the-token-but-long-enough-0123456789")
    page.get_by_role("button", name="Use token").click()
    expect(page.locator("#token-rejected")).to_be_visible()
    assert page.evaluate(f"sessionStorage.getItem('{TOKEN_KEY}')") is None

    page.get_by_label("API token").fill(TOKEN)
    page.get_by_role("button", name="Use token").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#token-state")).to_have_text("Using this session's token.")
    # The schema arrives without the person touching the headers pane.
    _expect_schema_loaded(page)
    assert _run(page, QUERY) == {"data": gql(token_server, QUERY, token=TOKEN)}
    assert offline.graphql_headers[-1].get("authorization") == f"Bearer {TOKEN}"
    assert page.evaluate(f"sessionStorage.getItem('{TOKEN_KEY}')") == TOKEN
    assert _serious_violations(page) == []

    page.reload()
    expect(page.locator("#token-state")).to_have_text("Using this session's token.")
    expect(dialog).to_be_hidden()
    _expect_schema_loaded(page)

    # Another browser session has no token: it is asked for again.
    other = _offline_page(page.context.browser.new_context())
    other.page.goto(f"{token_server.base_url}/graphql")
    expect(other.page.get_by_role("dialog")).to_be_visible()
    other.page.context.close()
    # The 401s answered before a token was given are the browser's own console lines.
    offline.console_errors[:] = [e for e in offline.console_errors if "401" not in e]
    offline.assert_clean()


def test_graphiql_uses_the_token_the_dashboard_holds_and_forgets_it(
    token_server: ServerProcess, offline: OfflinePage
) -> None:
    page = offline.page
    # The dashboard keeps the token in this tab's sessionStorage (web/src/token.ts).
    page.goto(f"{token_server.base_url}/healthz")
    page.evaluate("([key, token]) => sessionStorage.setItem(key, token)", [TOKEN_KEY, TOKEN])

    page.goto(f"{token_server.base_url}/graphql")
    expect(page.locator("#token-state")).to_have_text("Using this session's token.")
    expect(page.get_by_role("dialog")).to_be_hidden()
    _expect_schema_loaded(page)
    assert _run(page, QUERY)["data"]["dataRange"]["daysLogged"] == 0
    assert all(h.get("authorization") == f"Bearer {TOKEN}" for h in offline.graphql_headers)

    page.get_by_role("button", name="Forget token").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    assert page.evaluate(f"sessionStorage.getItem('{TOKEN_KEY}')") is None
    offline.console_errors[:] = [e for e in offline.console_errors if "401" not in e]
    offline.assert_clean()
