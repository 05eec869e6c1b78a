"""Everything a request meets: the schema, its execution, the HTTP perimeter, the server."""
