"""Run ``healthhub`` as a person does: a new Python process, its own environment and folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_healthhub(
    args: list[str], folder: Path, **settings: str
) -> subprocess.CompletedProcess[str]:
    """``python -m cli.main ARGS`` in ``folder``, with the environment's HEALTHHUB_*
    variables replaced by ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEALTHHUB_")}
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args],
        env={**env, **settings},
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )
