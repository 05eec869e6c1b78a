"""With introspection off, error messages name no fields, types or values the client
did not write: graphql-core's "Did you mean …?" hints are taken out (docs/security.md)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

#: graphql-core appends its hints as one sentence at the end of a message.
_SUGGESTION = re.compile(r" ?Did you mean [^?]*\?")


class NoSuggestions(SchemaExtension):
    """Removes "Did you mean …?" from every error of the result."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        for error in getattr(result, "errors", None) or ():
            error.message = _SUGGESTION.sub("", error.message)
