"""Alembic environment: runs on the connection handed over by ``loyalty_desktop.db.migrate``."""

from __future__ import annotations

from alembic import context

from loyalty_desktop.db.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run migrations through loyalty_desktop.db.migrate, which passes a connection"
    )

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
