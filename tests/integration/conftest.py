"""Every integration test runs on a real SQLite file and on PostgreSQL (a fresh schema per test)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from loyalty_desktop.app import Opened
from loyalty_desktop.demo.build import build_demo
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.conftest import FixedClock
from tests.databases import Database, postgres_database, sqlite_database

PROGRAM = """\
currency = "CNY"
timezone = "Asia/Shanghai"

[earn]
points = 1
per = "1.00"

[expiry]
days = 365

[redeem]
point_value = "0.01"
max_share = "0.5"
"""


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The same test on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        with sqlite_database(tmp_path / "shop.db") as db:
            yield db
    else:
        with postgres_database(request.getfixturevalue("pg_url")) as db:
            yield db


@pytest.fixture
def opened(database: Database, clock: FixedClock) -> Opened:
    """The test's database, opened and migrated, on the test's clock."""
    return database.open(clock)


@pytest.fixture
def demo(opened: Opened) -> Opened:
    """A demo shop of 150 members with its history up to the test's clock (the reports' tests)."""
    build_demo(opened.shop, LOCAL_ADMIN, members=150, seed=5)
    return opened


@pytest.fixture
def program_file(tmp_path: Path) -> Path:
    """A programme: 1 point per 1.00, lots live 365 days, points pay up to half a sale."""
    path = tmp_path / "program.toml"
    path.write_text(PROGRAM, encoding="utf-8")
    return path
