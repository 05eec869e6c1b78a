"""GraphiQL's page and files: served by the app from installed packages, open without a
token, naming no other origin (docs/api.md, "GraphiQL offline")."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine

from graph.http import graphiql
from graph.http.app import create_app
from graph.http.settings import Settings
from tests.graph.api import local_client

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "graphiql-test-token-0123456789abcdef"
PAGE_HEADERS = {"Accept": "text/html"}
#: Folders that hold installed packages, not the repository's files.
_NOT_OURS = (".git", ".venv", "node_modules", "__pycache__")
#: An absolute URL, or one relative to the scheme ("//host/..."): another origin.
OTHER_ORIGIN = re.compile(r"(?:https?:)?//[^\s\"')]+", re.IGNORECASE)


class _References(HTMLParser):
    """Every URL an HTML page loads or links to, and any inline script or style."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.scripts: list[str] = []
        self.inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append(named.get("src") or "")
        if tag == "style":
            self.inline.append("<style>")
        self.inline += [name for name in named if name == "style" or name.startswith("on")]
        self.urls += [
            value
            for name in ("src", "href", "action", "formaction", "poster")
            if (value := named.get(name))
        ]

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append(f"<script>{data.strip()[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


@pytest.fixture
def guarded(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    """The app on a hub that needs a token for everything but the public requests."""
    with_token = settings.model_copy(update={"api_token": SecretStr(TOKEN)})
    with local_client(create_app(with_token, engine=engine)) as client:
        yield client


def _page(client: TestClient) -> _References:
    response = client.get("/graphql", headers=PAGE_HEADERS)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    references = _References()
    references.feed(response.text)
    return references


def test_the_graphiql_page_and_every_file_it_loads_are_served_without_a_token(
    guarded: TestClient,
) -> None:
    page = _page(guarded)
    loaded = [url for url in page.urls if not url.startswith("data:")]
    assert [url for url in loaded if url.endswith(".js")] == page.scripts
    assert any(url.endswith(".css") for url in loaded)

    for url in loaded:
        response = guarded.get(url)
        assert response.status_code == 200, url
        assert response.headers["x-content-type-options"] == "nosniff"
        if url.endswith(".js"):
            assert response.headers["content-type"].startswith("text/javascript"), url
        elif url.endswith(".css"):
            assert response.headers["content-type"].startswith("text/css"), url
    # The API itself still needs the token.
    assert guarded.post("/graphql", json={"query": "{ __typename }"}).status_code == 401


def test_no_served_graphiql_page_references_another_origin(guarded: TestClient) -> None:
    page = _page(guarded)

    assert page.inline == []
    for url in page.urls:
        assert url.startswith(("/", "data:")), url
        assert not url.startswith("//"), url
    for url in page.urls:
        if not url.startswith(f"{graphiql.PREFIX}/"):
            continue
        text = guarded.get(url).text
        if url.endswith(".css"):
            # A stylesheet loads what its url() and @import name: only data: URLs here.
            named = re.findall(r"url\(\s*['\"]?([^'\")\s]+)", text) + re.findall(
                r"@import\s+['\"]([^'\"]+)", text
            )
            assert [u for u in named if not u.startswith("data:")] == [], url
        elif url.startswith(f"{graphiql.PREFIX}/graphiql-page"):
            # Ours names no URL at all; GraphiQL's and React's scripts carry links in
            # their error messages, which the browser tests show are never requested.
            assert OTHER_ORIGIN.findall(text) == [], url


def test_the_graphiql_page_allows_no_other_origin_and_no_inline_script(
    client: TestClient,
) -> None:
    response = client.get("/graphql", headers=PAGE_HEADERS)

    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"
    policy = dict(
        [*directive.split(" ", 1), ""][:2]
        for directive in response.headers["content-security-policy"].split("; ")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    for directive, sources in policy.items():
        for source in sources.split():
            assert source in ("'self'", "'none'", "data:"), (directive, source)


def test_an_unknown_graphiql_file_is_not_found(client: TestClient) -> None:
    assert client.get(f"{graphiql.PREFIX}/nothing-here.js").status_code == 404
    assert client.get(f"{graphiql.PREFIX}/graphiql.html").status_code == 404
    assert client.get(f"{graphiql.PREFIX}/%2e%2e/graphiql.py").status_code == 404
    assert client.get(f"{graphiql.PREFIX}/%2e%2e/%2e%2e/app.py").status_code == 404


def test_the_page_reads_the_token_under_the_dashboards_key() -> None:
    """The dashboard keeps the token in sessionStorage (web/src/token.ts); GraphiQL's
    page must read the same key to use it."""
    dashboard = (ROOT / "web" / "src" / "token.ts").read_text(encoding="utf-8")
    page = (
        ROOT / "graph" / "http" / graphiql.PAGE_DIRECTORY / "static" / "graphiql-page.js"
    ).read_text(encoding="utf-8")
    key = re.search(r'const KEY = "([^"]+)"', dashboard)
    assert key is not None
    assert f'const TOKEN_KEY = "{key.group(1)}";' in page


def test_the_graphiql_page_ships_as_package_data() -> None:
    """A plain ``pip install .`` serves the page only if setuptools packs its files."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"][graphiql.PACKAGE]
    package = ROOT / Path(*graphiql.PACKAGE.split("."))
    shipped = [
        p.relative_to(package)
        for p in (package / graphiql.PAGE_DIRECTORY).rglob("*")
        if p.is_file()
    ]
    assert shipped
    assert [p for p in shipped if not any(p.match(pattern) for pattern in patterns)] == []


def test_graphiqls_built_files_come_from_the_locked_package(client: TestClient) -> None:
    """GraphiQL arrives through pip: bounded, locked, and never copied into the repository."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    distribution = graphiql.VENDOR_PACKAGE.replace("_", "-")
    assert any(d.startswith(f"{distribution}>=") for d in config["project"]["dependencies"])
    for lock in ("requirements.lock", "requirements-runtime.lock"):
        assert f"\n{distribution}==" in (ROOT / lock).read_text(encoding="utf-8"), lock
    vendor = {
        url.rsplit("/", 1)[1]
        for url in _page(client).urls
        if url.startswith(f"{graphiql.PREFIX}/") and "/graphiql-page." not in url
    }
    assert {"graphiql.min.js", "graphiql.min.css", "react.production.min.js"} <= vendor
    assert _files_named(vendor) == []


def _files_named(names: set[str]) -> list[Path]:
    """The repository's files with one of these names (installed packages aside)."""
    found: list[Path] = []
    for directory, subdirectories, file_names in os.walk(ROOT):
        subdirectories[:] = [d for d in subdirectories if not d.startswith(_NOT_OURS)]
        found += [Path(directory, name) for name in file_names if name in names]
    return found
