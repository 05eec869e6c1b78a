"""Storage: SQLModel tables, repositories and the unit of work over SQLite or PostgreSQL."""
