"""The outer layer: GraphQL schema, FastAPI app, settings and the command line."""
