"""Bringing a database to the newest schema, with a backup copy before an older file is changed."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from loyalty_desktop.domain.errors import BadDatabase

MIGRATIONS = Path(__file__).with_name("migrations")
# Each upgrade leaves a whole copy of the database beside it; a shop upgrading every month
# would pile up years of copies on the till's disk. The newest few are kept.
KEEP_UPGRADE_COPIES = 3


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest schema revision this version of the program knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> frozenset[str]:
    """Every schema revision this program's migrations know (the newest and all before it)."""
    return frozenset(s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions())


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


def _refuse_unknown(current: str | None, script: ScriptDirectory, head: str) -> None:
    if current is not None and current not in {s.revision for s in script.walk_revisions()}:
        raise BadDatabase(
            f"this database has schema revision {current}, which is newer than this program "
            f"knows (up to {head}); open it with the newer version of the program",
            reason="schema_too_new",
            revision=current,
            newest_known=head,
        )


def upgrade(engine: Engine, sqlite_path: Path | None = None) -> tuple[str, Path | None]:
    """Migrate to the newest schema; an older SQLite file is backed up first. Returns (revision, backup)."""
    config = _config()
    script = ScriptDirectory.from_config(config)
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return head, None
    _refuse_unknown(current, script, head)
    backup = None
    if sqlite_path is not None and current is not None:
        backup = backup_sqlite(sqlite_path, current)
    try:
        _migrate(engine, config, script, head)
    except BadDatabase:
        raise  # refused before anything changed (newer or foreign schema, broken references)
    except Exception as exc:
        if sqlite_path is None or backup is None:
            raise
        engine.dispose()
        restore_sqlite(backup, sqlite_path)
        raise BadDatabase(
            f"the upgrade from schema {current} to {head} failed ({type(exc).__name__}: {exc}); "
            f"the database was put back exactly as it was from the copy {backup}, and the "
            "previous version of the program still opens it",
            reason="upgrade_failed",
            revision=current,
            backup=str(backup),
        ) from exc
    if sqlite_path is not None and current is not None:
        compact(sqlite_path)
        prune_upgrade_copies(sqlite_path)
    return head, backup


def _upgrade_copy_name(path: Path) -> re.Pattern[str]:
    """The names ``backup_sqlite`` gives: stem.backup-REVISION-YYYYMMDDTHHMMSS.suffix, nothing else."""
    suffix = re.escape(path.suffix or ".db")
    return re.compile(rf"{re.escape(path.stem)}\.backup-[0-9A-Za-z_]+-(\d{{8}}T\d{{6}}){suffix}")


def prune_upgrade_copies(path: Path, keep: int = KEEP_UPGRADE_COPIES) -> list[Path]:
    """Remove all but the ``keep`` newest upgrade copies of ``path``; returns those removed.

    Only files named exactly as an upgrade names its copy are touched (a shop's own
    ``shop.backup-2026.db`` stays), with their journal files.
    """
    pattern = _upgrade_copy_name(path)
    copies = []
    for found in path.parent.iterdir():  # not glob: a "[" in the shop's file name is a pattern
        named = pattern.fullmatch(found.name)
        if named and found.is_file():
            copies.append((named.group(1), found.name, found))
    copies.sort(reverse=True)
    removed = []
    for _stamp, _name, old in copies[keep:]:
        for extra in ("-wal", "-shm", "-journal"):
            old.with_name(old.name + extra).unlink(missing_ok=True)
        old.unlink(missing_ok=True)
        removed.append(old)
    return removed


def restore_sqlite(copy: Path, path: Path) -> None:
    """Write the copy's pages back over ``path`` (online backup API, so -wal files stay consistent)."""
    source = sqlite3.connect(copy)
    try:
        target = sqlite3.connect(path, timeout=30)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def _migrate(engine: Engine, config: Config, script: ScriptDirectory, head: str) -> None:
    """Every migration up to ``head`` in one write transaction, references checked before commit."""
    with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn:
        sqlite = conn.dialect.name == "sqlite"
        raw = conn.connection.driver_connection if sqlite else None
        if raw is not None:
            # Batch migrations copy a table, drop the old one and rename the copy; with
            # foreign keys on, dropping a table other rows refer to fails. SQLite ignores
            # this pragma inside a transaction, so references are checked before commit.
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():  # on SQLite, BEGIN IMMEDIATE: the write lock
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7413290001)")
                # Under the lock, look again: another program may have migrated meanwhile.
                current = MigrationContext.configure(conn).get_current_revision()
                _refuse_unknown(current, script, head)
                if current is None and inspect(conn).get_table_names():
                    raise BadDatabase(
                        "this database has tables but no schema revision; "
                        "it is not a loyalty database",
                        reason="database_not_ours",
                    )
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all() if sqlite else []
                if broken:
                    raise BadDatabase(
                        f"the migration would break {len(broken)} references "
                        f"(first: {tuple(broken[0])}); nothing was changed",
                        reason="migration_breaks_references",
                        count=len(broken),
                    )
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def compact(path: Path) -> None:
    """Rebuild a SQLite file so no free page keeps rows that migrations or deletions left behind.

    Files written before ``secure_delete`` was on may hold old rows (an erased
    member's name among them) in free space; migrations copy whole tables too.
    """
    conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
