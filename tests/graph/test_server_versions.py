"""The uvicorn releases graph/server/limits.py was written for are the ones pyproject allows."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from graph.server.limits import WRITTEN_FOR

ROOT = Path(__file__).resolve().parents[2]


def test_pyproject_allows_the_uvicorn_releases_the_protocol_subclasses_were_written_for() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (requirement,) = [
        line for line in pyproject["project"]["dependencies"] if line.startswith("uvicorn")
    ]
    match = re.fullmatch(r"uvicorn>=(\d+)\.(\d+),<(\d+)\.(\d+)", requirement)

    assert match is not None, f"{requirement!r}: a floor and a cap at a minor release"
    floor, cap = (int(match[1]), int(match[2])), (int(match[3]), int(match[4]))
    assert (floor, cap) == WRITTEN_FOR


def test_the_floor_is_the_lowest_version_ci_installs() -> None:
    lowest = (ROOT / "constraints-lowest.txt").read_text(encoding="utf-8")
    (pin,) = re.findall(r"^uvicorn==(\d+)\.(\d+)\.\d+$", lowest, re.MULTILINE)

    assert (int(pin[0]), int(pin[1])) == WRITTEN_FOR[0]
