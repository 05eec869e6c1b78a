"""Which graphql-core execution context the schema runs with: the fast one or the stock one.

The fast executor (``graph/execution/fastpath.py``) subclasses Strawberry's execution context and
uses graphql-core internals, so it is used only with the releases it was written and
tested for. With any other release the stock executor runs and a warning says why, once.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from graphql.execution import Executor

logger = logging.getLogger(__name__)

#: Distribution -> (lowest, first unsupported) release, as (major, minor) pairs; the
#: same bounds as pyproject.toml. CI runs the differential test at both ends.
WRITTEN_FOR: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "graphql-core": ((3, 3), (3, 4)),
    "strawberry-graphql": ((0, 319), (0, 342)),
}

_warned: set[str] = set()


def installed_versions() -> dict[str, str]:
    """The installed version of each distribution the fast executor depends on."""
    found: dict[str, str] = {}
    for name in WRITTEN_FOR:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def unsupported_reason(installed: Mapping[str, str]) -> str | None:
    """Why the fast executor cannot run with these versions, or None when it can."""
    for name, (lowest, limit) in WRITTEN_FOR.items():
        text = installed.get(name, "not installed")
        match = re.match(r"(\d+)\.(\d+)", text)
        release = (int(match[1]), int(match[2])) if match else None
        if release is None or not lowest <= release < limit:
            return (
                f"{name} {text} is installed; the fast executor was written for "
                f">={_dotted(lowest)},<{_dotted(limit)}"
            )
    return None


def execution_context_for(installed: Mapping[str, str]) -> type[Executor[Any]] | None:
    """The fast execution context when ``installed`` versions support it, else None
    (Strawberry's own), with a warning logged once per reason."""
    reason = unsupported_reason(installed)
    if reason is not None:
        if reason not in _warned:
            _warned.add(reason)
            logger.warning("Using the stock GraphQL executor: %s", reason)
        return None
    from graph.execution.fastpath import FastExecutionContext

    return FastExecutionContext


#: Checked once, when this module is imported.
INSTALLED = installed_versions()


def fast_execution_context() -> type[Executor[Any]] | None:
    """The fast execution context for the installed versions (None: the stock one)."""
    return execution_context_for(INSTALLED)


def _dotted(release: tuple[int, int]) -> str:
    return ".".join(map(str, release))
