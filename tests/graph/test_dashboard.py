"""The dashboard's page and files are served by the app from the installed package."""

from __future__ import annotations

import tomllib
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine

from graph.http.app import create_app
from graph.http.dashboard import STATIC
from graph.http.settings import Settings


class _InlineFinder(HTMLParser):
    """Collects what a strict Content-Security-Policy would block in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.inline: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "script":
            self.scripts.append(named.get("src") or "")
        if tag == "style":
            self.inline.append("<style>")
        self.inline += [name for name in named if name == "style" or name.startswith("on")]
        for name in ("src", "href"):
            value = named.get(name) or ""
            if "//" in value or value.startswith("data:"):
                self.inline.append(f"{name}={value}")


def test_the_root_serves_the_dashboard_page(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-cache"
    assert "<title>Health Metrics Hub</title>" in response.text


def test_the_page_has_no_inline_code_and_loads_only_its_own_assets(client: TestClient) -> None:
    finder = _InlineFinder()
    finder.feed(client.get("/").text)
    assert finder.inline == []
    assert finder.scripts == ["/assets/app.js"]


def test_every_built_file_is_served_under_assets(client: TestClient) -> None:
    built = [item for item in (files("graph.http.dashboard") / STATIC).iterdir() if item.is_file()]
    assert {item.name for item in built} >= {"index.html", "app.js", "app.css", "icon.svg"}
    types = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}
    for item in built:
        response = client.get(f"/assets/{item.name}")
        assert response.status_code == 200
        assert response.content == item.read_bytes()
        suffix = item.name[item.name.rfind(".") :]
        if suffix in types:
            assert response.headers["content-type"].startswith(types[suffix])


def test_a_missing_asset_is_not_found(client: TestClient) -> None:
    assert client.get("/assets/nothing-here.js").status_code == 404
    assert client.get("/assets/../__init__.py").status_code == 404


def test_graphiql_stays_at_graphql(client: TestClient) -> None:
    response = client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


def test_every_built_file_ships_as_package_data() -> None:
    """A plain ``pip install .`` serves the dashboard only if setuptools packs its files."""
    root = Path(__file__).resolve().parents[2]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["graph.http.dashboard"]
    package = root / "graph" / "http" / "dashboard"
    built = [p.relative_to(package) for p in (package / STATIC).rglob("*") if p.is_file()]
    assert built
    assert [p for p in built if not any(p.match(pattern) for pattern in patterns)] == []


def test_the_page_and_its_files_are_open_without_the_token_but_the_api_is_not(
    settings: Settings, engine: Engine
) -> None:
    guarded = settings.model_copy(update={"api_token": SecretStr("t" * 32)})
    with TestClient(create_app(guarded, engine=engine)) as client:
        assert client.get("/").status_code == 200
        assert client.get("/assets/app.js").status_code == 200
        assert client.post("/", json={}).status_code == 401
        response = client.post("/graphql", json={"query": "{ dataRange { daysLogged } }"})
        assert response.status_code == 401
