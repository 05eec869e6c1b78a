"""Bounding a stored report, whatever the file held (docs/imports/index.md, "Report").

At most 100 warnings of at most 300 characters, at most 1,000 errors (``error_count``
keeps the total), each error's value cut to 100 characters and its message to 300 (2,000 for a
whole-file error),
and all the errors together within about 150 KB, so a stored report stays under
about 200 KB.
"""

from __future__ import annotations

import dataclasses

from domain.model import MAX_REPORTED_ERRORS, Ingestion, RowError

MAX_WARNINGS = 100
MAX_WARNING_CHARS = 300
MAX_MESSAGE_CHARS = 300
#: A whole-file error lists what the file held and what is accepted: it may be longer.
MAX_FILE_MESSAGE_CHARS = 2_000
MAX_COLUMN_CHARS = 40
MAX_VALUE_CHARS = 100
#: Characters all the stored errors may take together.
MAX_ERROR_CHARS = 150_000


def bounded(report: Ingestion) -> Ingestion:
    """``report`` cut to the stored bounds; counts are kept as they are."""
    warnings = tuple(_cut(w, MAX_WARNING_CHARS) for w in report.warnings[:MAX_WARNINGS])
    errors: list[RowError] = []
    budget = MAX_ERROR_CHARS
    for error in report.errors[:MAX_REPORTED_ERRORS]:
        kept = RowError(
            error.row,
            None if error.column is None else error.column[:MAX_COLUMN_CHARS],
            None if error.value is None else error.value[:MAX_VALUE_CHARS],
            _cut(error.message, MAX_MESSAGE_CHARS if error.row else MAX_FILE_MESSAGE_CHARS),
        )
        budget -= len(kept.message) + len(kept.value or "") + len(kept.column or "") + 40
        if budget < 0:
            break
        errors.append(kept)
    return dataclasses.replace(
        report,
        filename=None if report.filename is None else report.filename[:255],
        columns=tuple(c[:MAX_COLUMN_CHARS] for c in report.columns[:20]),
        warnings=warnings,
        errors=tuple(errors),
    )


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
