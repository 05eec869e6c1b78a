"""Helpers for tests that run the real server and throwaway PostgreSQL databases."""
