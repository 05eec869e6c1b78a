"""The layout's import rules, over every module of every package (docs/index.md, Layers)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("domain", "persistence", "graph", "cli")


def import_graph(root: Path) -> dict[str, set[str]]:
    """Each module under ``root``'s packages (recursively), with the modules it imports.

    An import of a package counts as an import of its ``__init__``; ``from a import b``
    counts as importing ``a`` and, where ``a.b`` is a module, ``a.b`` too. Imports inside
    functions and ``TYPE_CHECKING`` blocks count like any other.
    """
    files = {
        ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__"): path
        for package in PACKAGES
        if (root / package).is_dir()
        for path in sorted((root / package).rglob("*.py"))
    }
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module)
                imported.update(f"{node.module}.{alias.name}" for alias in node.names)
        graph[name] = {
            module for module in imported if module in files or module.split(".")[0] not in files
        }
    return graph


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def violations(graph: dict[str, set[str]]) -> list[str]:
    """Every broken rule of the layout, as one line each."""
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    found: list[str] = []
    for module, imported in sorted(graph.items()):
        for target in sorted(imported):
            root = target.split(".")[0]
            if _within(module, "domain") and root not in stdlib | {"domain"}:
                found.append(f"{module} imports {target}: domain imports only the standard library")
            if _within(module, "persistence") and root in {"graph", "cli"}:
                found.append(f"{module} imports {target}: persistence never imports graph or cli")
            if _within(module, "graph.schema") and (
                _within(target, "graph.http") or _within(target, "graph.server")
            ):
                found.append(f"{module} imports {target}: schema never imports http or server")
            if _within(module, "graph.execution") and (
                _within(target, "graph.schema")
                or _within(target, "graph.http")
                or _within(target, "graph.server")
            ):
                found.append(f"{module} imports {target}: execution imports no outer room")
            if root == "cli" and not _within(module, "cli"):
                found.append(f"{module} imports {target}: nothing imports cli")
    found.extend(f"import cycle: {' -> '.join(cycle)}" for cycle in cycles(graph))
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles among the graph's own modules, one per strongly connected set.

    A package's ``__init__`` importing its own modules is not a cycle of two rooms, so
    edges from a package to the modules inside it are left out.
    """
    edges = {
        module: sorted(t for t in targets if t in graph and not _within(t, module))
        for module, targets in graph.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in edges[module]:
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            members: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                members.append(member)
                if member == module:
                    break
            if len(members) > 1:
                found.append(sorted(members))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return found


def test_every_module_of_every_package_keeps_the_layouts_import_rules() -> None:
    graph = import_graph(ROOT)

    assert len(graph) > 100
    assert any(module.startswith("domain.imports.") for module in graph)
    assert violations(graph) == []


def _plant(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"domain/imports/deep.py": "import sqlalchemy\n"},
            "domain.imports.deep imports sqlalchemy: domain imports only the standard library",
        ),
        (
            {
                "graph/schema/types/kpi.py": "from graph.http.guards import x\n",
                "graph/http/guards.py": "x = 1\n",
            },
            "graph.schema.types.kpi imports graph.http.guards: schema never imports http or server",
        ),
        (
            {"graph/server/serving.py": "def f():\n    from cli.main import main\n"},
            "graph.server.serving imports cli.main: nothing imports cli",
        ),
        (
            {"persistence/x.py": "from graph.http import app\n"},
            "persistence.x imports graph.http: persistence never imports graph or cli",
        ),
        (
            {
                "graph/server/a.py": "from graph.server.b import y\n",
                "graph/server/b.py": "from graph.server.c import z\n",
                "graph/server/c.py": "import graph.server.a\n",
            },
            "import cycle: graph.server.a -> graph.server.b -> graph.server.c",
        ),
    ],
)
def test_a_planted_violation_is_reported(
    tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    assert expected in violations(import_graph(_plant(tmp_path, files)))
