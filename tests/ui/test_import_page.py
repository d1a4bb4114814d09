"""The Import page: a Chinese spreadsheet previewed, mapped and imported; bad rows listed, nothing half-done."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import staff
from loyalty_desktop.services.import_files import ImportKind
from loyalty_desktop.ui.console.import_page import ImportPage
from loyalty_desktop.ui.console.products_page import ProductsPage
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.tasks import Tasks
from tests.ui.conftest import PIN, signed_in

HEADER = "会员号,姓名,联系方式,备注\r\n"


@pytest.fixture
def page(qtbot: QtBot, staffed: Opened) -> ImportPage:
    tasks = Tasks()
    made = ImportPage(staffed.shop, tasks, staff.sign_in(staffed.shop, "Ada", PIN))
    qtbot.addWidget(made)
    made.resize(1100, 700)
    made.show()
    return made


def members_in(tmp_path: Path) -> int:
    conn = sqlite3.connect(tmp_path / "shop.db")
    try:
        return int(conn.execute("select count(*) from members").fetchone()[0])
    finally:
        conn.close()


def gbk(tmp_path: Path, text: str, name: str = "会员.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("gbk"))
    return path


def previewed(qtbot: QtBot, page: ImportPage, path: Path) -> None:
    page.preview = None
    page.choose_file(path)
    qtbot.waitUntil(lambda: page.preview is not None)


def imported(qtbot: QtBot, page: ImportPage) -> None:
    page.run()
    assert page.job is not None
    qtbot.waitUntil(lambda: page.job is None, timeout=20_000)


def test_a_gbk_file_with_chinese_headers_imports_with_a_column_chosen_by_hand(
    qtbot: QtBot, page: ImportPage, tmp_path: Path
) -> None:
    path = gbk(tmp_path, HEADER + "M001,张三,13800138000,老顾客\r\nM002,李四,,\r\n")
    previewed(qtbot, page, path)
    assert "GBK" in page.read_as.text()
    assert page.preview_model.rowCount() == 2
    assert page.mapping.mapping()["member_no"] == "会员号"
    assert page.mapping.mapping()["phone"] == ""  # 联系方式 is not a header we know
    page.mapping.choose("phone", "联系方式")
    assert "联系方式 → " in str(page.preview_model.headerData(2, Qt.Orientation.Horizontal))
    imported(qtbot, page)
    assert "2" in page.message.text()
    assert page.rejected.model.rowCount() == 0
    conn = sqlite3.connect(tmp_path / "shop.db")
    try:
        phones = dict(conn.execute("select member_no, phone from members"))
    finally:
        conn.close()
    assert (phones["M001"], phones["M002"]) == ("13800138000", None)


def test_a_file_with_bad_rows_imports_nothing_lists_each_in_chinese_and_valid_only_imports_the_rest(
    qtbot: QtBot, page: ImportPage, tmp_path: Path
) -> None:
    QLocale.setDefault(QLocale("zh_CN"))
    before = members_in(tmp_path)
    path = gbk(tmp_path, HEADER + "M001,张三,,\r\nM002,,12,\r\nM003,王五,,\r\nM001,重复,,\r\n")
    previewed(qtbot, page, path)
    page.mapping.choose("phone", "联系方式")
    imported(qtbot, page)
    assert members_in(tmp_path) == before
    lines = page.rejected.model.lines
    assert [(line.row, line.column) for line in lines] == [
        (3, "姓名"),
        (3, "联系方式"),
        (5, "会员号"),
    ]
    assert "会员姓名" in lines[0].reason  # the reason in the UI language
    assert page.tabs.currentIndex() == 1
    report = tmp_path / "rejected.csv"
    page.rejected.save_to(report)
    qtbot.waitUntil(report.exists)
    saved = report.read_text("utf-8-sig").splitlines()
    assert len(saved) == 1 + len(lines)
    assert saved[1].startswith("3,姓名,")
    page.valid_only.setChecked(True)
    imported(qtbot, page)
    assert members_in(tmp_path) == before + 2
    assert [line.row for line in page.rejected.model.lines] == [3, 3, 5]


def test_an_excel_workbook_is_previewed_and_imported(
    qtbot: QtBot, page: ImportPage, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["会员号", "姓名", "手机"])
    sheet.append(["M001", "张三", 13800138000])
    path = tmp_path / "members.xlsx"
    book.save(path)
    before = members_in(tmp_path)
    previewed(qtbot, page, path)
    assert not page.encoding.isEnabled()
    assert page.preview_model.rows == (("M001", "张三", "13800138000"),)
    imported(qtbot, page)
    assert members_in(tmp_path) == before + 1


def test_cancel_leaves_the_database_unchanged(
    qtbot: QtBot, page: ImportPage, tmp_path: Path
) -> None:
    before = members_in(tmp_path)
    rows = "".join(f"M{n:05d},会员{n},,\r\n" for n in range(3000))
    previewed(qtbot, page, gbk(tmp_path, HEADER + rows))
    page.run()
    page.stop()
    qtbot.waitUntil(lambda: page.job is None, timeout=20_000)
    assert members_in(tmp_path) == before
    assert "Nothing was imported" in page.message.text()
    assert page.start.isEnabled()


def test_a_required_column_left_unchosen_keeps_the_import_button_off(
    qtbot: QtBot, page: ImportPage, tmp_path: Path
) -> None:
    page.choose_kind(ImportKind.PRODUCTS)
    previewed(qtbot, page, gbk(tmp_path, "商品编码,名称,备注\r\nA1,水,\r\n", "商品.csv"))
    assert not page.start.isEnabled()
    assert "Price" in page.message.text()
    page.mapping.choose("price", "备注")
    assert page.start.isEnabled()


def test_an_encoding_chosen_by_hand_reads_the_file_again(
    qtbot: QtBot, page: ImportPage, tmp_path: Path
) -> None:
    previewed(qtbot, page, gbk(tmp_path, HEADER + "M001,张三,,\r\n"))
    page.preview = None
    page.encoding.setCurrentIndex(page.encoding.findData("utf-8"))
    qtbot.waitUntil(lambda: page.message.text() != "" and page.tasks.pending == 0)
    assert page.preview is None
    assert "UTF-8" in page.message.text() or "utf-8" in page.message.text()
    assert not page.start.isEnabled()


def test_the_products_page_import_button_opens_this_page_for_products(
    qtbot: QtBot, window: MainWindow
) -> None:
    signed_in(qtbot, window, "Ada")
    window.toggle_console()
    console = window.console
    assert console is not None
    products = console.open_page("products")
    assert isinstance(products, ProductsPage)
    products.import_button.click()
    shown = console.stack.currentWidget()
    assert isinstance(shown, ImportPage)
    assert shown.chosen_kind is ImportKind.PRODUCTS


def test_survey_answers_from_a_tool_without_sale_numbers_import_with_chinese_headers(
    qtbot: QtBot, page: ImportPage, tmp_path: Path
) -> None:
    page.choose_kind(ImportKind.SURVEYS)
    path = gbk(
        tmp_path, "会员号,评分,时间\r\n10000001,5,2025-03-01 10:00\r\n10000001,9,2025-03-02\r\n"
    )
    previewed(qtbot, page, path)
    chosen = page.mapping.mapping()
    assert (chosen["member_ref"], chosen["score"], chosen["sale_id"]) == ("会员号", "评分", "")
    imported(qtbot, page)
    assert page.rejected.model.rowCount() == 1  # 9 is not a star: nothing imported
    page.valid_only.setChecked(True)
    imported(qtbot, page)
    conn = sqlite3.connect(tmp_path / "shop.db")
    try:
        scores = [row[0] for row in conn.execute("select score from survey_answers")]
    finally:
        conn.close()
    assert scores == [5]
