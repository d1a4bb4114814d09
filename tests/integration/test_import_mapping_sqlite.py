"""The import page's use cases on a real SQLite file: nothing written on a bad row or a cancel, every bad row listed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.services import programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.import_files import ImportKind, import_file
from loyalty_desktop.services.long_jobs import Job, JobCancelled, Progress
from tests.conftest import FixedClock

PROGRAM = 'currency = "CNY"\ntimezone = "Asia/Shanghai"\n[earn]\npoints = 1\nper = "1.00"\n'
TABLES = ("members", "products", "sales", "movements", "outbox", "audit")
HEADER = "会员号,姓名,手机,备注\r\n"
CHINESE_MAP = {"member_no": "会员号", "name": "姓名", "phone": "手机"}


@pytest.fixture
def opened(db_path: Path, clock: FixedClock, tmp_path: Path) -> Iterator[Opened]:
    shop = open_database(db_path, clock=clock, keys_dir=tmp_path / "keys")
    programs.load_program(shop.shop, LOCAL_ADMIN, PROGRAM, "test.toml")
    yield shop
    shop.engine.dispose()


def fingerprint(path: Path) -> tuple[Any, ...]:
    conn = sqlite3.connect(path)
    try:
        return tuple(conn.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES)
    finally:
        conn.close()


def gbk(tmp_path: Path, text: str, name: str = "会员.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("gbk"))
    return path


def many_members(count: int) -> str:
    return HEADER + "".join(f"M{n:05d},会员{n},,\r\n" for n in range(count))


def test_a_file_with_bad_rows_leaves_the_database_unchanged_and_lists_every_bad_row(
    opened: Opened, db_path: Path, tmp_path: Path
) -> None:
    before = fingerprint(db_path)
    path = gbk(
        tmp_path,
        HEADER
        + "M001,张三,13800138000,\r\nM002,,12,\r\nM003,王五,,\r\nM001,重复,,\r\nM004,赵六\r\n",
    )
    report = import_file(opened.shop, LOCAL_ADMIN, ImportKind.MEMBERS, path, mapping=CHINESE_MAP)
    assert report.imported == 0
    assert fingerprint(db_path) == before
    assert [p.row for p in report.rejected] == [3, 5, 6]
    assert [i.column for i in report.rejected[0].issues] == ["name", "phone"]
    assert report.rejected[1].issues[0].reason == "import_member_twice"
    assert report.rejected[2].issues[0].reason == "import_row_short"


def test_valid_rows_only_imports_the_rest_and_still_lists_the_bad(
    opened: Opened, db_path: Path, tmp_path: Path
) -> None:
    path = gbk(tmp_path, HEADER + "M001,张三,13800138000,\r\nM002,,,\r\nM003,王五,,\r\n")
    report = import_file(
        opened.shop,
        LOCAL_ADMIN,
        ImportKind.MEMBERS,
        path,
        mapping=CHINESE_MAP,
        skip_invalid=True,
    )
    assert (report.imported, [p.row for p in report.rejected]) == (2, [3])


def cancel_when(phase: str) -> Job:
    holder: list[Job] = []

    def heard(progress: Progress) -> None:
        if progress.phase == phase and progress.done > 0:
            holder[0].cancel()

    job = Job(heard, every=0)
    holder.append(job)
    return job


def test_cancelling_a_members_import_while_checking_leaves_nothing(
    opened: Opened, db_path: Path, tmp_path: Path
) -> None:
    before = fingerprint(db_path)
    path = gbk(tmp_path, many_members(600))
    job = cancel_when("checking")
    with pytest.raises(JobCancelled):
        import_file(
            opened.shop, LOCAL_ADMIN, ImportKind.MEMBERS, path, mapping=CHINESE_MAP, job=job
        )
    assert fingerprint(db_path) == before


def test_a_members_import_cancelled_while_writing_keeps_its_chunks_and_a_rerun_finishes_it(
    opened: Opened, db_path: Path, tmp_path: Path
) -> None:
    path = gbk(tmp_path, many_members(1_200))
    job = cancel_when("writing")
    with pytest.raises(JobCancelled):
        import_file(
            opened.shop, LOCAL_ADMIN, ImportKind.MEMBERS, path, mapping=CHINESE_MAP, job=job
        )
    assert job.last is not None
    assert job.last.phase == "writing"
    with sqlite3.connect(db_path) as conn:
        written = conn.execute("SELECT count(*) FROM members").fetchone()[0]
    assert 0 < written < 1_200, "whole chunks were written before the cancel"
    again = import_file(opened.shop, LOCAL_ADMIN, ImportKind.MEMBERS, path, mapping=CHINESE_MAP)
    assert (again.imported, again.skipped, again.rejected) == (1_200 - written, written, [])
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(DISTINCT member_no) FROM members").fetchone()[0] == 1_200
        # each member's enrolment and profile, none twice
        assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 2 * 1_200


def test_cancelling_a_products_import_leaves_the_catalogue_as_it_was(
    opened: Opened, db_path: Path, tmp_path: Path
) -> None:
    before = fingerprint(db_path)
    rows = "".join(f"P{n},商品{n},{n}.50\r\n" for n in range(1200))
    path = gbk(tmp_path, "商品编码,名称,价格\r\n" + rows, "商品.csv")
    job = cancel_when("checking")
    with pytest.raises(JobCancelled):
        import_file(opened.shop, LOCAL_ADMIN, ImportKind.PRODUCTS, path, mapping={}, job=job)
    assert fingerprint(db_path) == before
    report = import_file(opened.shop, LOCAL_ADMIN, ImportKind.PRODUCTS, path, mapping={})
    assert report.imported == 1200


def test_a_workbook_of_past_sales_imports_with_its_own_headers(
    opened: Opened, db_path: Path, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["小票号", "会员号", "销售时间", "货号", "数量", "单价", "备注"])
    sheet.append(["S1", None, "2026-03-01 10:00:00", "A1", 2, 3.5, "x"])
    sheet.append(["S1", None, "2026-03-01 10:01:00", "A2", 1, 10, None])
    path = tmp_path / "sales.xlsx"
    book.save(path)
    report = import_file(opened.shop, LOCAL_ADMIN, ImportKind.SALES, path, mapping={})
    assert (report.imported, report.rejected) == (2, [])
    assert fingerprint(db_path)[2] == 1
