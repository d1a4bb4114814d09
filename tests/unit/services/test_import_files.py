"""Looking at an import file before importing it: encoding used, first rows, guessed columns; managers only."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from loyalty_desktop.domain.errors import BadFile, PermissionDenied
from loyalty_desktop.services import programs
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.import_files import ImportKind, import_file, preview_file
from loyalty_desktop.services.import_report import save_rejections
from loyalty_desktop.services.product_list import (
    ProductQuery,
    ProductSort,
    count_products,
    list_products,
)
from loyalty_desktop.services.products import save_product
from loyalty_desktop.services.workbooks import cell_text
from tests.conftest import FixedClock
from tests.fakes import fake_shop

PROGRAM = 'currency = "CNY"\ntimezone = "Asia/Shanghai"\n[earn]\npoints = 1\nper = "1.00"\n'
CASHIER = Actor("cashier-1", Role.CASHIER)
MANAGER = Actor("manager-1", Role.MANAGER)
BY_PRICE_DOWN = ProductQuery(sort=ProductSort.PRICE, descending=True)
CHINESE = "会员号,姓名,手机\r\nM001,张三,13800138000\r\nM002,李四,\r\n"


@pytest.fixture
def shop(clock: FixedClock) -> Shop:
    made, _ = fake_shop(clock)
    programs.load_program(made, LOCAL_ADMIN, PROGRAM, "test.toml")
    return made


def write(tmp_path: Path, data: bytes, name: str = "会员.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CHINESE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + CHINESE.encode("utf-8"), "utf-8-sig"),
        (CHINESE.encode("gbk"), "gbk"),
    ],
    ids=["utf-8", "utf-8-bom", "gbk"],
)
def test_a_preview_says_which_encoding_it_read_and_shows_the_rows_as_written(
    shop: Shop, tmp_path: Path, data: bytes, encoding: str
) -> None:
    seen = preview_file(shop, MANAGER, ImportKind.MEMBERS, write(tmp_path, data))
    assert seen.encoding == encoding
    assert seen.headers == ("会员号", "姓名", "手机")
    assert seen.rows == (("M001", "张三", "13800138000"), ("M002", "李四", ""))
    assert seen.guessed["member_no"] == "会员号"
    assert [f.name for f in seen.fields if f.required] == ["member_no", "name"]


def test_an_encoding_chosen_by_hand_is_used_exactly(shop: Shop, tmp_path: Path) -> None:
    path = write(tmp_path, CHINESE.encode("gbk"))
    with pytest.raises(BadFile) as refused:
        preview_file(shop, MANAGER, ImportKind.MEMBERS, path, "utf-8")
    assert refused.value.reason == "encoding_mismatch"
    assert preview_file(shop, MANAGER, ImportKind.MEMBERS, path, "gb18030").rows[0][1] == "张三"


def test_a_workbook_previews_with_dates_as_dates_and_numbers_without_decimals(
    shop: Shop, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["会员号", "姓名", "手机", "生日"])
    sheet.append(["M001", "张三", 13800138000, date(1990, 5, 31)])
    path = tmp_path / "members.xlsx"
    book.save(path)
    seen = preview_file(shop, MANAGER, ImportKind.MEMBERS, path)
    assert seen.encoding == "xlsx"
    assert seen.rows == (("M001", "张三", "13800138000", "1990-05-31"),)


def test_cells_read_as_a_csv_export_would_write_them() -> None:
    assert cell_text(datetime(2025, 3, 1, 9, 5)) == "2025-03-01 09:05:00"
    assert cell_text(2.5) == "2.5"
    assert cell_text(True) == "true"
    assert cell_text(None) == ""


def test_a_file_that_is_not_a_workbook_but_named_xlsx_is_refused(
    shop: Shop, tmp_path: Path
) -> None:
    path = write(tmp_path, b"PK\x03\x04 not really a zip", "members.xlsx")
    with pytest.raises(BadFile) as refused:
        preview_file(shop, MANAGER, ImportKind.MEMBERS, path)
    assert refused.value.reason == "workbook_unreadable"


def test_a_cashier_is_refused_every_import_and_catalogue_action(shop: Shop, tmp_path: Path) -> None:
    path = write(tmp_path, CHINESE.encode("utf-8"))
    refused = [
        lambda: preview_file(shop, CASHIER, ImportKind.MEMBERS, path),
        lambda: preview_file(shop, CASHIER, ImportKind.SALES, path),
        lambda: preview_file(shop, CASHIER, ImportKind.PRODUCTS, path),
        lambda: import_file(shop, CASHIER, ImportKind.MEMBERS, path, mapping={}),
        lambda: import_file(shop, CASHIER, ImportKind.SALES, path, mapping={}),
        lambda: import_file(shop, CASHIER, ImportKind.PRODUCTS, path, mapping={}),
        lambda: list_products(shop, CASHIER, ProductQuery()),
        lambda: count_products(shop, CASHIER, ProductQuery()),
        lambda: save_product(shop, CASHIER, "A1", name="x", price="1.00"),
        lambda: save_rejections(shop, CASHIER, tmp_path / "r.csv", ["row"], [[2]]),
    ]
    for action in refused:
        with pytest.raises(PermissionDenied):
            action()
    assert not (tmp_path / "r.csv").exists()


def test_the_product_list_pages_filters_and_sorts(shop: Shop) -> None:
    for n, (name, price) in enumerate([("绿茶", "3.50"), ("矿泉水", "2.00"), ("Green tea", "4")]):
        save_product(shop, MANAGER, f"A{n}", name=name, price=price, category="Tea")
    assert count_products(shop, MANAGER, ProductQuery("tea")) == 3
    assert count_products(shop, MANAGER, ProductQuery("茶")) == 1
    page = list_products(shop, MANAGER, BY_PRICE_DOWN, limit=2)
    assert [p.sku for p in page.products] == ["A2", "A0"]
    rest = list_products(shop, MANAGER, BY_PRICE_DOWN, offset=2)
    assert [p.sku for p in rest.products] == ["A1"]


def test_an_old_excel_workbook_is_refused_saying_how_to_save_it(shop: Shop, tmp_path: Path) -> None:
    path = write(tmp_path, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "会员.xls")
    with pytest.raises(BadFile) as refused:
        preview_file(shop, MANAGER, ImportKind.MEMBERS, path)
    assert refused.value.reason == "workbook_old_format"
