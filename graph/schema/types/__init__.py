"""Strawberry types of the GraphQL API, one module per type, each built from a domain object."""
