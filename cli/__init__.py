"""The ``healthhub`` command: an entry point beside the app, wiring the same services."""
