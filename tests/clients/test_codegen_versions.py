"""The dashboard (web/) and the client checks (tests/clients) generate types with one codegen."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ("@graphql-codegen/cli", "@graphql-codegen/client-preset", "graphql")


def _ranges(package: Path) -> dict[str, str]:
    manifest = json.loads(package.read_text(encoding="utf-8"))
    every = {**manifest.get("dependencies", {}), **manifest.get("devDependencies", {})}
    return {name: every[name] for name in SHARED}


def _locked(lock: Path) -> dict[str, str]:
    packages = json.loads(lock.read_text(encoding="utf-8"))["packages"]
    return {name: packages[f"node_modules/{name}"]["version"] for name in SHARED}


def test_web_and_the_client_checks_ask_for_the_same_codegen_and_graphql() -> None:
    assert _ranges(ROOT / "web/package.json") == _ranges(ROOT / "tests/clients/package.json")


def test_their_lock_files_pin_the_same_releases() -> None:
    assert _locked(ROOT / "web/package-lock.json") == _locked(
        ROOT / "tests/clients/package-lock.json"
    )
