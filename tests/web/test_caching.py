"""A reload with unchanged data costs the server almost nothing: its queries are 304s.

This needs an API that tags GET query answers with an ETag (docs/api.md); against one
that does not, there is nothing to revalidate and the test is skipped.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import expect

from tests.support.server import ServerProcess

ANSWER = re.compile(r" (GET|POST) /graphql (\d{3}) ")


def _graphql_answers(log: str) -> list[tuple[str, str]]:
    """(method, status) of each /graphql request in the server's access log."""
    return [(match[1], match[2]) for match in ANSWER.finditer(log)]


def _drawn(page: Any) -> None:
    # Every view that asks the API, the first screen's figures included.
    expect(page.locator('[data-figure="eta"] .value')).to_be_visible()
    expect(page.locator("#charts .chart")).to_have_count(6)
    expect(page.locator("#summaries-table tbody tr").first).to_be_visible()
    expect(page.locator("#history details").first).to_be_visible()


def test_a_reload_with_unchanged_data_is_answered_with_304s(
    seeded_server: ServerProcess, browser: Any
) -> None:
    probe = httpx.get(
        f"{seeded_server.base_url}/graphql", params={"query": "{ dataRange { daysLogged } }"}
    )
    if "etag" not in probe.headers:
        pytest.skip("this API does not tag GET query answers with an ETag")
    # No request routing here: Playwright turns the HTTP cache off for routed pages.
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []

    def on_request(request: Any) -> None:
        if urlsplit(request.url).hostname != "127.0.0.1":
            outside.append(request.url)

    page.on("request", on_request)
    page.goto(f"{seeded_server.base_url}/")
    _drawn(page)
    before = len(seeded_server.log_text())

    page.reload()
    _drawn(page)
    context.close()

    answers = _graphql_answers(seeded_server.log_text()[before:])
    assert answers
    assert set(answers) == {("GET", "304")}, (
        "the API answers GET queries with an ETag: set QUERIES_OVER_GET = true in "
        "web/src/api.ts and rebuild web/ (docs/dashboard.md)"
    )
    assert outside == []
