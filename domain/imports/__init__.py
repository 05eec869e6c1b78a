"""Imports from the apps people use (docs/imports/index.md).

Each app has one adapter module: a pure function from the file's bytes (or a
stream) to dated records. ``days`` aggregates records to days by the rules every
format shares; ``detection`` recognises a file's format; ``pipeline`` ties them
together and yields the same ``ParseResult`` the canonical CSV parser gives.
"""
