"""Alembic environment: runs on the connection handed over by ``loyalty_desktop.server.migrate``."""

from __future__ import annotations

from alembic import context

from loyalty_desktop.server.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through loyalty_desktop.server.migrate")

context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table="server_alembic_version",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
