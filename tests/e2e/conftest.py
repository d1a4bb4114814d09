"""Running the ``loyalty`` command in-process (fast) or as a real console script (exit codes, stdout)."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from loyalty_desktop.cli.main import run

PROGRAM = """
shop_name = "好邻居便利店"
currency = "CNY"
timezone = "Asia/Shanghai"
[earn]
points = 1
per = "1.00"
exclude_categories = ["tobacco"]
[activity]
review = 10
check_in = 1
[expiry]
days = 365
[redeem]
point_value = "0.01"
max_share = "0.5"
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Gold"
threshold = "1000"
discount_pct = "5"
earn_multiplier = "1.5"
[[campaigns]]
name = "Double weekend"
start = "2020-01-01"
end = "2099-12-31"
multiplier = "2"
weekdays = ["sat", "sun"]
"""

Loyalty = Callable[..., tuple[int, dict[str, Any]]]

SHOP_ZONE = ZoneInfo("Asia/Shanghai")


def days_ago(days: int, *, weekday: int | None = None, time: str | None = None) -> str:
    """A shop date ``days`` before today (the command runs on the real clock), as ``--at`` text.

    With ``weekday`` (0 = Monday) the date moves further back to that weekday.
    Tests that redeem, refund or correct points post recent sales, because
    points that have lapsed by now can never be spent or taken back.
    """
    day = datetime.now(SHOP_ZONE).date() - timedelta(days=days)
    if weekday is not None:
        day -= timedelta(days=(day.weekday() - weekday) % 7)
    return f"{day.isoformat()}T{time}+08:00" if time else day.isoformat()


@pytest.fixture
def program_file(tmp_path: Path) -> Path:
    path = tmp_path / "programme.toml"
    path.write_text(PROGRAM, encoding="utf-8")
    return path


@pytest.fixture
def loyalty(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Loyalty:
    """``loyalty --db <tmp> --json ARGS`` in this process; returns (exit code, the one JSON object)."""

    def call(*args: str, stdin: str | None = None) -> tuple[int, dict[str, Any]]:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = run(["--db", str(db_path), "--json", *args])
        out = capsys.readouterr().out
        lines = [line for line in out.splitlines() if line.strip()]
        assert len(lines) == 1, f"expected exactly one JSON object, got {out!r}"
        return code, json.loads(lines[0])

    return call


@pytest.fixture
def shop_cli(loyalty: Loyalty, program_file: Path) -> Loyalty:
    """The command on a database initialised with the test programme."""
    code, _ = loyalty("init", "--program", str(program_file))
    assert code == 0
    return loyalty


def console_script() -> str:
    """The installed ``loyalty`` script next to this Python."""
    return str(Path(sys.executable).with_name("loyalty"))


def run_script(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real console script."""
    return subprocess.run(
        [console_script(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
        check=False,
    )


def db_fingerprint(path: Path) -> tuple[Any, ...]:
    """Row counts and balances: enough to see that a refused request changed nothing."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            "members",
            "sales",
            "sale_lines",
            "refunds",
            "movements",
            "lots",
            "allocations",
            "outbox",
            "audit",
            "programs",
            "staff",
        ]
        counts = tuple(conn.execute(f"select count(*) from {t}").fetchone()[0] for t in tables)
        balances = tuple(
            conn.execute(
                "select member_no, balance, lifetime_spend, status from members order by 1"
            )
        )
        lots = tuple(conn.execute("select id, remaining from lots order by 1"))
        return counts, balances, lots
    finally:
        conn.close()
