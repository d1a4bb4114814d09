"""The server's Alembic migrations (separate from the till's)."""
