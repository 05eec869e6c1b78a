"""The GraphQL schema: Strawberry types, thin resolvers, upload arguments, error mapping."""
