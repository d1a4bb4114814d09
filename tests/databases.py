"""Databases for tests that need real storage: a SQLite file, or a PostgreSQL schema of their own.

The PostgreSQL variant works in a schema created for the test and dropped
afterwards, so tests never see each other's rows and nothing is left in
``public``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, make_url

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.db.engine import sqlite_url
from loyalty_desktop.services.ports import Clock, UnitOfWork
from tests.conftest import FixedClock


def schema_url(base_url: str, schema: str) -> str:
    """``base_url`` with every connection's search_path set to ``schema`` (psycopg ``options``)."""
    url = make_url(base_url).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


@contextmanager
def postgres_schema(base_url: str) -> Iterator[str]:
    """A fresh, empty schema for one test; yields a URL whose connections work inside it."""
    schema = f"t_{uuid.uuid4().hex}"
    admin = create_engine(base_url)
    try:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        yield schema_url(base_url, schema)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


@dataclass
class Database:
    """One test's database: what ``open_database`` takes, and every engine opened on it."""

    kind: str  # "sqlite" or "postgres"
    target: str | Path
    path: Path | None = None
    opened: list[Opened] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The SQLAlchemy URL of the database."""
        return sqlite_url(self.path) if self.path is not None else str(self.target)

    def open(self, clock: Clock | None = None) -> Opened:
        """Open (creating or migrating) the database; the engine is disposed after the test."""
        opened = open_database(
            self.target, clock=clock or FixedClock(datetime(2026, 3, 2, tzinfo=UTC))
        )
        self.opened.append(opened)
        return opened

    def close(self) -> None:
        """Dispose every engine, so no connection outlives the test (or blocks DROP SCHEMA)."""
        for opened in self.opened:
            opened.engine.dispose()
        self.opened.clear()


@contextmanager
def sqlite_database(path: Path) -> Iterator[Database]:
    """A SQLite file database."""
    database = Database("sqlite", path, path)
    try:
        yield database
    finally:
        database.close()


@contextmanager
def postgres_database(base_url: str) -> Iterator[Database]:
    """A PostgreSQL database in a schema of its own."""
    with postgres_schema(base_url) as url:
        database = Database("postgres", url)
        try:
            yield database
        finally:
            database.close()


def commit(opened: Opened, *changes: Callable[[UnitOfWork], object]) -> None:
    """Make the changes in one unit of work and commit it."""
    with opened.shop.uow() as uow:
        for change in changes:
            change(uow)
        uow.commit()
