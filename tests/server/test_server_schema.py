"""The server's migrations build exactly the tables server/tables.py describes."""

from __future__ import annotations

import sqlalchemy
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from loyalty_desktop.server.migrate import head_revision, upgrade
from loyalty_desktop.server.tables import metadata


def test_the_migrated_schema_matches_the_tables_the_code_uses(server_db: str) -> None:
    engine = sqlalchemy.create_engine(server_db)
    try:
        assert upgrade(engine) == head_revision()
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    # Alembic's own version table is the only one the code does not describe.
    assert [
        d for d in diffs if not (d[0] == "remove_table" and d[1].name.endswith("version"))
    ] == []
