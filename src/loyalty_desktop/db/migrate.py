"""Bringing a database to the newest schema, with a backup copy before an older file is changed."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest schema revision this version of the program knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision a database is at (None for an empty one)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite(path: Path, label: str) -> Path:
    """Copy a live SQLite file safely (online backup API) next to it; returns the copy's path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{label}-{stamp}{path.suffix or '.db'}")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


def upgrade(engine: Engine, sqlite_path: Path | None = None) -> tuple[str, Path | None]:
    """Migrate to the newest schema; an older SQLite file is backed up first. Returns (revision, backup)."""
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return head, None
    backup = None
    if sqlite_path is not None and current is not None:
        backup = backup_sqlite(sqlite_path, current)
    elif current is None and inspect(engine).get_table_names():
        raise RuntimeError(
            "this database has tables but no schema revision; it is not a loyalty database"
        )
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return head, backup
