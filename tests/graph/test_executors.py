"""The fast executor runs only with the graphql-core and Strawberry releases it was written for."""

from __future__ import annotations

import logging
import re
import tomllib
from pathlib import Path

import pytest

from graph.execution.executors import (
    INSTALLED,
    WRITTEN_FOR,
    execution_context_for,
    fast_execution_context,
    unsupported_reason,
)
from graph.execution.fastpath import FastExecutionContext

ROOT = Path(__file__).resolve().parents[2]
SUPPORTED = {"graphql-core": "3.3.2", "strawberry-graphql": "0.341.2"}


def test_the_installed_versions_get_the_fast_executor() -> None:
    # Runs in CI at the lowest and at the locked (highest allowed) versions.
    assert unsupported_reason(INSTALLED) is None, INSTALLED
    assert fast_execution_context() is FastExecutionContext


def test_the_supported_range_is_the_range_pyproject_allows() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    bounds = {}
    for requirement in pyproject["project"]["dependencies"]:
        match = re.fullmatch(r"([a-z-]+)>=(\d+)\.(\d+)[.\d]*,<(\d+)\.(\d+)", requirement)
        if match and match[1] in WRITTEN_FOR:
            numbers = [int(part) for part in match.groups()[1:]]
            bounds[match[1]] = ((numbers[0], numbers[1]), (numbers[2], numbers[3]))
    assert bounds == WRITTEN_FOR


@pytest.mark.parametrize(
    ("name", "release"),
    [
        ("graphql-core", "3.2.6"),
        ("graphql-core", "3.4.0a1"),
        ("strawberry-graphql", "0.318.9"),
        ("strawberry-graphql", "0.342.0"),
        ("strawberry-graphql", "1.0.0"),
        ("strawberry-graphql", "not installed"),
    ],
)
def test_another_release_falls_back_to_the_stock_executor_and_warns_once(
    name: str, release: str, caplog: pytest.LogCaptureFixture
) -> None:
    installed = {**SUPPORTED, name: release}
    with caplog.at_level(logging.WARNING, logger="graph.execution.executors"):
        assert execution_context_for(installed) is None
        assert execution_context_for(installed) is None
    warnings = [record.getMessage() for record in caplog.records]
    assert len(warnings) == 1, warnings
    assert f"{name} {release} is installed" in warnings[0]
    assert "stock GraphQL executor" in warnings[0]


def test_the_lowest_and_the_last_supported_releases_get_the_fast_executor() -> None:
    lowest = {"graphql-core": "3.3.0", "strawberry-graphql": "0.319.0"}
    assert execution_context_for(lowest) is FastExecutionContext
    assert execution_context_for(SUPPORTED) is FastExecutionContext
