"""Imports on a real SQLite file: all or nothing, Chinese text kept, the ledger consistent afterwards."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.services import integrity, member_view, members, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.imports import import_members, import_sales
from tests.conftest import FixedClock

PROGRAM = """
currency = "CNY"
timezone = "Asia/Shanghai"
[earn]
points = 1
per = "1.00"
[expiry]
days = 365
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Gold"
threshold = "1000"
earn_multiplier = "2"
"""
SALES_HEADER = "sale_id,member_ref,at,sku,qty,unit_price,category\n"
TABLES = ("members", "sales", "sale_lines", "movements", "lots", "allocations", "outbox", "audit")


@pytest.fixture
def opened(db_path: Path, clock: FixedClock, tmp_path: Path) -> Iterator[Opened]:
    shop = open_database(db_path, clock=clock, keys_dir=tmp_path / "keys")
    programs.load_program(shop.shop, LOCAL_ADMIN, PROGRAM, "test.toml")
    yield shop
    shop.engine.dispose()


def fingerprint(path: Path) -> tuple[Any, ...]:
    conn = sqlite3.connect(path)
    try:
        counts = tuple(conn.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES)
        balances = tuple(conn.execute("select member_no, balance, lifetime_spend from members"))
        return counts, balances
    finally:
        conn.close()


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def points(opened: Opened, ref: str) -> int:
    shown = member_view.show_member(opened.shop, LOCAL_ADMIN, ref)
    return int(shown.points)


def test_a_refused_sales_import_leaves_the_database_file_as_it_was(
    opened: Opened, db_path: Path, tmp_path: Path
) -> None:
    members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember(name="张三", member_no="M001"))
    before = fingerprint(db_path)
    sales = write(
        tmp_path,
        "sales.csv",
        SALES_HEADER
        + "S1,M001,2025-03-01,A,1,100,\n"
        + "S2,17850,2025-03-02,A,1,10,\n"
        + "S3,M001,2025-03-03,A,1,oops,\n",
    )
    report = import_sales(opened.shop, LOCAL_ADMIN, sales, create_members=True, skip_invalid=False)
    assert [r.row for r in report.rejected] == [4]
    assert (report.imported, report.created_members) == (0, 0)
    assert fingerprint(db_path) == before


def test_gbk_member_names_are_stored_and_read_back_correctly(
    opened: Opened, db_path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    text = (
        "member_no,name,phone,email,birthday,consent\r\n"
        "M001,张三丰,13800138000,,1990-05-31,是\r\n"
        "M002,欧阳娜娜,,,,否\r\n"
    )
    report = import_members(opened.shop, LOCAL_ADMIN, write(tmp_path, "会员.csv", text, "gbk"))
    assert report.imported == 2
    reopened = open_database(db_path, clock=clock, keys_dir=tmp_path / "keys")
    try:
        shown = member_view.show_member(reopened.shop, LOCAL_ADMIN, "13800138000")
        assert (shown.member_no, shown.name, shown.consent) == ("M001", "张三丰", True)
        assert member_view.show_member(reopened.shop, LOCAL_ADMIN, "M002").name == "欧阳娜娜"
    finally:
        reopened.engine.dispose()


def test_imported_sales_and_returns_keep_the_ledger_consistent_and_reimport_skips(
    opened: Opened, db_path: Path, tmp_path: Path
) -> None:
    sales = write(
        tmp_path,
        "sales.csv",
        SALES_HEADER
        + "536365,17850,2025-12-01 08:26:00,85123A,6,2.55,\n"
        + "536365,17850,2025-12-01 08:26:00,71053,6,3.39,\n"
        + "536366,,2025-12-01 09:00:00,22633,6,1.85,\n"
        + "536367,13047,2025-12-02 10:00:00,84879,32,1.69,\n"
        + "C536379,17850,2025-12-03 09:41:00,85123A,-2,2.55,\n"
        + "536380,13047,2025-12-04 10:00:00,22745,-1,10,\n"
        + "536381,13047,4 December 2025,22745,1,10,\n",
    )
    report = import_sales(opened.shop, LOCAL_ADMIN, sales, create_members=True, skip_invalid=True)
    assert [r.row for r in report.rejected] == [8]
    assert (report.imported, report.created_members) == (6, 2)
    # 17850 bought 35.64 (35 points) and returned 5.10 of it (5 points back).
    assert points(opened, "17850") == 30
    # 13047 bought 54.08 (54 points); a lone return line takes back what 10.00 earns.
    assert points(opened, "13047") == 44
    assert integrity.check(opened.shop, LOCAL_ADMIN, opened.integrity).ok
    before = fingerprint(db_path)
    again = import_sales(opened.shop, LOCAL_ADMIN, sales, create_members=True, skip_invalid=True)
    assert (again.imported, again.skipped, again.created_members) == (0, 6, 0)
    assert fingerprint(db_path)[0][:-1] == before[0][:-1]  # only the audit log grew
    assert fingerprint(db_path)[1] == before[1]
