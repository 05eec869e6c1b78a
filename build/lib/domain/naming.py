"""How domain field names read in the API (camelCase, DESIGN.md section 6)."""

from __future__ import annotations

import re

_DIGIT_OR_WORD = re.compile(r"_([a-z0-9])")


def api_name(name: str) -> str:
    """``protein_g`` -> ``proteinG``, ``balance_7d_avg`` -> ``balance7dAvg``."""
    return _DIGIT_OR_WORD.sub(lambda m: m.group(1).upper(), name)
