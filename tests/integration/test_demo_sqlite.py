"""The demo shop built into a real SQLite file: ``loyalty check`` passes and the reports make sense."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from loyalty_desktop.app import open_database
from loyalty_desktop.cli.main import run
from loyalty_desktop.demo.build import build_demo
from loyalty_desktop.demo.catalogue import CATALOGUE
from loyalty_desktop.services import integrity
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.conftest import FixedClock
from tests.fakes import fake_shop

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
TIMING = ("seconds", "sales_per_second")


def loyalty(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    code = run(["--db", str(db), "--json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_the_demo_command_builds_a_shop_that_checks_and_reports(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, summary = loyalty(db_path, capsys, "demo", "--members", "200", "--seed", "3")
    assert code == 0
    assert summary["members"] == 200
    assert summary["sales"] > 400

    assert loyalty(db_path, capsys, "check") == (0, {"ok": True, "problems": []})

    # The till has the shelves' products to show: packaged goods by their EAN-13 too.
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("select count(*) from products").fetchone()[0] == len(CATALOGUE)
    water = next(p for p in CATALOGUE if p.name.startswith("农夫山泉"))
    code, shown = loyalty(db_path, capsys, "product", "show", water.sku)
    assert code == 0
    assert (shown["name"], shown["price"], shown["barcode"]) == (water.name, water.price, water.sku)
    banana = next(p for p in CATALOGUE if p.weighed)
    assert loyalty(db_path, capsys, "product", "show", banana.sku)[1]["barcode"] is None
    code, listed = loyalty(db_path, capsys, "product", "list", "--search", "可乐")
    assert code == 0
    assert {"可口可乐 330ml", "百事可乐 500ml"} <= {p["name"] for p in listed["products"]}

    code, kpis = loyalty(db_path, capsys, "report", "kpis")
    assert code == 0
    assert kpis["members"] == 200
    assert 0 < kpis["repeat_members"] < kpis["buying_members"] <= 200
    assert Decimal("0.2") < Decimal(kpis["repurchase_rate"]) < Decimal("0.95")
    assert kpis["member_sales"] < kpis["sales"] <= summary["sales"]  # some walk-ins
    assert Decimal("0.5") < Decimal(kpis["member_revenue_share"]) < 1
    assert Decimal(kpis["average_order"]) > Decimal("10.00")
    assert kpis["points_earned"] > kpis["points_redeemed"] > 0
    assert kpis["points_expired"] > 0
    assert Decimal(kpis["liability"]) > 0


def test_running_the_demo_again_shows_the_demo_already_there(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert loyalty(db_path, capsys, "demo", "--members", "5")[0] == 0
    before = db_path.stat().st_size, loyalty(db_path, capsys, "report", "kpis")[1]["sales"]
    code, again = loyalty(db_path, capsys, "demo", "--members", "5")
    assert code == 0
    assert again["already_built"] is True
    assert again["members"] == 5
    assert loyalty(db_path, capsys, "report", "kpis")[1]["sales"] == before[1]


def test_a_demo_into_a_shop_with_real_members_is_refused(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert loyalty(db_path, capsys, "member", "add", "--name", "王芳")[0] == 0
    code, refused = loyalty(db_path, capsys, "demo", "--members", "5")
    assert code == 1
    assert refused["error"] == "not_empty"


def test_sqlite_and_the_in_memory_fakes_build_the_same_shop(db_path: Path, tmp_path: Path) -> None:
    opened = open_database(db_path, clock=FixedClock(NOW), keys_dir=tmp_path / "keys")
    try:
        on_sqlite = build_demo(opened.shop, LOCAL_ADMIN, members=60, seed=5)
        assert integrity.check(opened.shop, LOCAL_ADMIN, opened.integrity).ok
    finally:
        opened.engine.dispose()
    shop, _ = fake_shop(FixedClock(NOW))
    in_memory = build_demo(shop, LOCAL_ADMIN, members=60, seed=5)
    assert {k: v for k, v in on_sqlite.items() if k not in TIMING} == {
        k: v for k, v in in_memory.items() if k not in TIMING
    }
    with closing(sqlite3.connect(db_path)) as conn:
        count = {
            table: conn.execute(f"select count(*) from {table}").fetchone()[0]
            for table in ("members", "sales", "sale_lines", "refunds")
        }
    assert count == {
        "members": 60,
        "sales": on_sqlite["sales"],
        "sale_lines": on_sqlite["lines"],
        "refunds": on_sqlite["refunds"],
    }
