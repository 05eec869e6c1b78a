"""The domain imports only the standard library and itself (docs/index.md, Layers)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

DOMAIN = Path(__file__).resolve().parents[2] / "domain"


def _imported_roots(source: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_every_domain_module_imports_only_the_standard_library_or_domain() -> None:
    modules = sorted(DOMAIN.glob("*.py"))
    allowed = set(sys.stdlib_module_names) | {"domain", "__future__"}

    offenders = {
        f"{module.name}: {root}"
        for module in modules
        for root in _imported_roots(module)
        if root not in allowed
    }

    assert len(modules) >= 4
    assert offenders == set()


def test_the_import_check_catches_a_third_party_import(tmp_path: Path) -> None:
    module = tmp_path / "leaky.py"
    module.write_text("import sqlalchemy\nfrom strawberry import type\nimport json\n")

    assert _imported_roots(module) == {"sqlalchemy", "strawberry", "json"}
