"""Engines for the shop's SQLite file (WAL, durable commits, write lock taken up front) and PostgreSQL."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import Connection
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from loyalty_desktop.domain.errors import BadDatabase

# FULL makes every acknowledged sale survive a power cut, not only a crash.
DEFAULT_SYNCHRONOUS = "FULL"
BUSY_SECONDS = 30  # how long a writer waits for the write lock before it gives up
# A writer waiting for the lock looks again this often. SQLite's own busy handler backs
# off to 100 ms between looks, so a till could miss every short gap an import leaves
# between its transactions and wait for seconds.
BUSY_POLL_SECONDS = 0.002
# A transaction that need not wait for the disk (an import's chunk) leaves the copying of
# its pages into the database file until the log holds this many (about 40 MB); with
# SQLite's 1,000 every chunk ended in a checkpoint and its fsync.
LAX_CHECKPOINT_PAGES = 10_000


def _begin_writer(raw: sqlite3.Connection) -> bool:
    """Take the write lock, looking every few ms; False if it stayed busy (BEGIN it the usual way)."""
    deadline = time.monotonic() + BUSY_SECONDS
    raw.execute("PRAGMA busy_timeout=0")
    try:
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return True
            except sqlite3.OperationalError as exc:
                busy = "locked" in str(exc) or "busy" in str(exc)
                if not busy or time.monotonic() > deadline:
                    return False
                time.sleep(BUSY_POLL_SECONDS)
    finally:
        raw.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite+pysqlite:///{path}"


def make_engine(url: str, *, synchronous: str = DEFAULT_SYNCHRONOUS) -> Engine:
    """An engine for ``url``; SQLite connections get WAL, foreign keys and a busy timeout."""
    if not url.startswith("sqlite"):
        try:
            return create_engine(url, pool_pre_ping=True)
        except (ImportError, NoSuchModuleError, ArgumentError):
            shown = make_url(url).render_as_string(hide_password=True) if "://" in url else url
            raise BadDatabase(
                f"cannot use the database {shown}: its driver is not installed or the URL is "
                "not understood. For PostgreSQL install loyalty-desktop[postgres] and write "
                "postgresql+psycopg://user@host:5432/database",
                code="no_driver",
            ) from None
    engine = create_engine(url, connect_args={"timeout": BUSY_SECONDS})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself (pysqlite's own is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Deleted and overwritten rows are zeroed, not left in free space: an erased
        # member's name must not be readable from the file afterwards.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A writer (execution option sqlite_begin="IMMEDIATE") takes the lock at BEGIN, so
        # two tills posting the same sale id queue up instead of both reading "not posted
        # yet". Everything else only reads (reports, checks) and must not hold up the tills.
        options = conn.get_execution_options()
        mode = options.get("sqlite_begin", "DEFERRED")
        raw = conn.connection.driver_connection
        if isinstance(raw, sqlite3.Connection):
            # Checked at every transaction, so a pooled connection never keeps a lax setting;
            # changed only when it differs (a till's sales pay no extra statements).
            durable = options.get("sqlite_durable", True)
            if conn.connection.info.get("sqlite_durable", True) != durable:
                raw.execute(f"PRAGMA synchronous={synchronous if durable else 'NORMAL'}")
                pages = 1000 if durable else LAX_CHECKPOINT_PAGES
                raw.execute(f"PRAGMA wal_autocheckpoint={pages}")
                conn.connection.info["sqlite_durable"] = durable
        if mode == "IMMEDIATE" and isinstance(raw, sqlite3.Connection) and _begin_writer(raw):
            return
        conn.exec_driver_sql(f"BEGIN {mode}")  # errors (and a lock held too long) as SQLAlchemy's

    return engine
