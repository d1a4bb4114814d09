"""Storage chores: purging old row versions from the SQLite file and its write-ahead log after an erasure."""

from __future__ import annotations

import time

from sqlalchemy import Engine

_ATTEMPTS = 20


class SqlHousekeeping:
    """Chores on one engine's database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def purge_old_versions(self) -> bool:
        """Copy the write-ahead log into the database file and empty it.

        With ``secure_delete`` on, changed rows leave zeros behind in the pages;
        until a checkpoint the database file still holds the old pages and the
        log holds earlier page images, so both are brought up to date here.
        A reader in another program can hold the log for a moment: try again a
        few times, then report that the purge is still owed.
        """
        if self.engine.dialect.name != "sqlite":
            return True  # PostgreSQL's own VACUUM removes dead rows; not the shop's file
        for attempt in range(_ATTEMPTS):
            with self.engine.connect() as conn:
                busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
            if not busy:
                return True
            time.sleep(0.05 * (attempt + 1))
        return False

    def tidy_while_idle(self) -> None:
        """Copy the write-ahead log into the database file without waiting for anyone (PASSIVE).

        SQLite otherwise runs this checkpoint inside the commit that grows the
        log past 1,000 pages: a sale at the till would wait for it (about
        15 ms, and an fsync). Done when the till is idle, the log stays short.
        """
        if self.engine.dialect.name != "sqlite":
            return
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
