"""The outer layer: GraphQL schema, FastAPI app and the command line."""
