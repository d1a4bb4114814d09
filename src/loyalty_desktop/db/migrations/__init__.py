"""Alembic migrations of the shop database."""
