"""Exceptions raised by the domain.

    HealthHubError            base of every error the domain raises on purpose
    ├── InvalidInputError          an argument a caller sent is not allowed (code BAD_USER_INPUT)
    └── BusyError                  the write could not run now; nothing changed (code BUSY)

Bad data inside an uploaded file is not an exception: it is reported in the
``Ingestion`` record.
"""

from __future__ import annotations


class HealthHubError(Exception):
    """Base class; ``code`` is stable and safe to show a client."""

    code = "INTERNAL"


class InvalidInputError(HealthHubError):
    """A caller's argument is outside what is allowed.

    Args:
        message: what is wrong and what is allowed, e.g. ``stress: 11 is outside 1–10``.
        field: the argument or input field at fault, when there is one.
    """

    code = "BAD_USER_INPUT"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class BusyError(HealthHubError):
    """A write could not take its turn in time, or the server is stopping; nothing was
    changed and the same request can be sent again later."""

    code = "BUSY"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
