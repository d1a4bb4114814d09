"""Shared test setup: offscreen Qt, a private config directory, a controllable clock, PostgreSQL access."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

# Set before anything imports Qt (later issues' GUI tests); pytest.ini cannot set it.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


class FixedClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture(autouse=True)
def _private_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Card keys, default databases and logs go to a temporary place, never the developer's own."""
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("LOYALTY_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("LOYALTY_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("LOYALTY_LOG_DIR", str(base / "logs"))
    monkeypatch.setenv("LOYALTY_MACHINE_CONFIG_DIR", str(base / "machine-config"))
    monkeypatch.delenv("LOYALTY_DB", raising=False)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 3, 2, 2, 0, tzinfo=UTC))  # Monday 10:00 in Shanghai


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "shop.db"


def _pg_url() -> str:
    return os.environ.get("LOYALTY_TEST_PG_URL", PG_DEFAULT_URL)


@pytest.fixture(scope="session")
def pg_url() -> str:
    """A reachable PostgreSQL URL; on CI a missing server fails the run instead of skipping."""
    import sqlalchemy

    url = _pg_url()
    try:
        engine = sqlalchemy.create_engine(url)
        with engine.connect() as conn:
            conn.exec_driver_sql("select 1")
        engine.dispose()
    except Exception as exc:
        message = f"PostgreSQL at {url} is not reachable ({type(exc).__name__}: {exc})"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must run the PostgreSQL tests", pytrace=False)
        pytest.skip(f"!!! PostgreSQL TESTS SKIPPED: {message}")
    return url
