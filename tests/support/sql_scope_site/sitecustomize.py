"""Loaded by a ``healthhub serve`` subprocess that has this folder on its PYTHONPATH:
with ``HEALTHHUB_TEST_SQL_SCOPE=raise`` every statement on user data that does not
filter by user_id fails there and then (tests/support/sql_scope.py), so a test of the
real server sees an error instead of a leak."""

from __future__ import annotations

import os

if os.environ.get("HEALTHHUB_TEST_SQL_SCOPE") == "raise":
    from tests.support import sql_scope

    sql_scope.RECORDER.raise_on_violation = True
    sql_scope.install()
