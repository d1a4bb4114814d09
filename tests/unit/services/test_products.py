"""The product catalogue on fakes: find by SKU or barcode, search, save and import (all or nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from loyalty_desktop.domain.errors import (
    BadFile,
    InvalidAmount,
    InvalidRequest,
    PermissionDenied,
    UnknownProduct,
)
from loyalty_desktop.domain.products import MAX_PRODUCT_TEXT, Product
from loyalty_desktop.services import products, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.context import Shop
from tests.conftest import FixedClock
from tests.fakes import FakeDatabase, fake_shop

CASHIER = Actor("Cai", Role.CASHIER)
MANAGER = Actor("Mia", Role.MANAGER)
JPY = 'currency = "JPY"\ntimezone = "Asia/Tokyo"\n[earn]\npoints = 1\nper = "100"\n'


@pytest.fixture
def shop(clock: FixedClock) -> tuple[Shop, FakeDatabase]:
    return fake_shop(clock)


def _water(shop: Shop, **changes: str) -> products.SavedProduct:
    values = {"name": "农夫山泉 550ml", "price": "2.00", "category": "drinks", "barcode": None}
    values.update(changes)
    return products.save_product(shop, MANAGER, "6921168509256", **values)  # type: ignore[arg-type]


def test_a_saved_product_is_found_by_sku_and_by_barcode(shop: tuple[Shop, FakeDatabase]) -> None:
    s, _ = shop
    saved = products.save_product(
        s,
        MANAGER,
        " Ａ１０ ",
        name="Cola  330ml",
        price="3.50",
        category="drinks",
        barcode="690123",
    )
    assert (saved.created, saved.changed) == (True, True)
    view = products.find_product(s, CASHIER, "A10")
    assert (view.sku, view.name, view.price, view.currency.code) == (
        "A10",
        "Cola 330ml",
        350,
        "CNY",
    )
    assert (view.category, view.barcode, view.active) == ("drinks", "690123", True)
    assert products.find_product(s, CASHIER, "６９０１２３") == view


def test_a_code_in_the_wrong_case_finds_the_one_product_it_can_be(
    shop: tuple[Shop, FakeDatabase],
) -> None:
    s, _ = shop
    products.save_product(s, MANAGER, "Cola-1", name="cola", price="3", barcode="ab12")
    assert products.find_product(s, CASHIER, "cOLA-1").sku == "Cola-1"
    assert products.find_product(s, CASHIER, "AB12").sku == "Cola-1"
    products.save_product(s, MANAGER, "COLA-1", name="other cola", price="3")
    assert products.find_product(s, CASHIER, "COLA-1").name == "other cola"  # exact wins
    with pytest.raises(UnknownProduct):
        products.find_product(s, CASHIER, "cola-1")  # two it could be: no guess


def test_an_unknown_code_is_refused_with_its_reason(shop: tuple[Shop, FakeDatabase]) -> None:
    s, _ = shop
    _water(s)
    for code in ("nope", "", "69211685092"):
        with pytest.raises(UnknownProduct) as refused:
            products.find_product(s, CASHIER, code)
        assert (refused.value.code, refused.value.reason) == ("unknown_product", "unknown_product")


def test_prices_are_exact_in_the_programme_currency(shop: tuple[Shop, FakeDatabase]) -> None:
    s, _ = shop
    assert _water(s, price="0.10").product.price == 10
    for bad in ("2.005", "-1.00", "1e2", "two", ""):
        with pytest.raises(InvalidAmount) as refused:
            _water(s, price=bad)
        assert refused.value.details["field"] == "price"
    programs.load_program(s, LOCAL_ADMIN, JPY, "jpy.toml")
    assert _water(s, price="150").product.price == 150
    with pytest.raises(InvalidAmount):
        _water(s, price="150.5")


def test_codes_and_names_are_checked(shop: tuple[Shop, FakeDatabase]) -> None:
    s, _ = shop
    too_long = "X" * (MAX_PRODUCT_TEXT + 1)
    for sku, name, field in [
        (too_long, "ok", "sku"),
        ("  ", "ok", "sku"),
        ("A\x07", "ok", "sku"),
        ("A1", "  ", "product_name"),
        ("A1", "!!!", "product_name"),
    ]:
        with pytest.raises(InvalidRequest) as refused:
            products.save_product(s, MANAGER, sku, name=name, price="1")
        assert refused.value.details["field"] == field
    with pytest.raises(InvalidRequest) as refused:
        products.save_product(s, MANAGER, "A1", name="ok", price="1", category=too_long)
    assert refused.value.details["field"] == "category"
    saved = products.save_product(
        s, MANAGER, "X" * MAX_PRODUCT_TEXT, name="ok", price="1", category=" "
    )
    assert saved.product.category is None


def test_an_edit_replaces_the_values_and_is_audited(shop: tuple[Shop, FakeDatabase]) -> None:
    s, database = shop
    _water(s)
    again = _water(s)
    assert (again.created, again.changed) == (False, False)
    edited = _water(s, price="2.50", barcode="6921168509256")
    assert (edited.created, edited.changed, edited.product.price) == (False, True, 250)
    actions = [(e.action, e.subject, e.actor) for e in database.store.audit]
    assert actions == [
        ("product.add", "product:6921168509256", "Mia"),
        ("product.edit", "product:6921168509256", "Mia"),
    ]
    assert database.store.audit[-1].details["price"] == 250


def test_a_barcode_belongs_to_one_product(shop: tuple[Shop, FakeDatabase]) -> None:
    s, _ = shop
    products.save_product(s, MANAGER, "A1", name="one", price="1", barcode="111")
    with pytest.raises(InvalidRequest) as refused:
        products.save_product(s, MANAGER, "B2", name="two", price="1", barcode="111")
    assert (refused.value.reason, refused.value.details["sku"]) == ("barcode_taken", "A1")
    with pytest.raises(UnknownProduct):
        products.find_product(s, CASHIER, "B2")


def test_search_matches_sku_prefix_or_name_any_case_active_only(
    shop: tuple[Shop, FakeDatabase],
) -> None:
    s, _ = shop
    products.save_product(s, MANAGER, "COLA-1", name="Coca-Cola 330ml", price="3")
    products.save_product(s, MANAGER, "PEP-1", name="Pepsi Cola 500ml", price="3.5")
    products.save_product(s, MANAGER, "OLD-1", name="Cola Classic", price="3", active=False)
    products.save_product(s, MANAGER, "T-1", name="100%_tea", price="4")
    found = products.search_products(s, CASHIER, "cola")
    assert [p.sku for p in found] == ["COLA-1", "PEP-1"]  # prefix first; inactive left out
    assert [p.sku for p in products.search_products(s, CASHIER, "pep")] == ["PEP-1"]
    assert [p.sku for p in products.search_products(s, CASHIER, "%_")] == ["T-1"]
    assert len(products.search_products(s, CASHIER, "", limit=2)) == 2
    with pytest.raises(InvalidRequest):
        products.search_products(s, CASHIER, "", limit=0)


def test_search_limit_is_capped(shop: tuple[Shop, FakeDatabase]) -> None:
    s, _ = shop
    for n in range(products.MAX_SEARCH + 5):
        products.save_product(s, MANAGER, f"S{n:03d}", name=f"item {n:03d}", price="1")
    assert len(products.search_products(s, CASHIER, "s", limit=1000)) == products.MAX_SEARCH


def test_roles(shop: tuple[Shop, FakeDatabase]) -> None:
    s, _ = shop
    with pytest.raises(PermissionDenied):
        products.save_product(s, CASHIER, "A1", name="one", price="1")
    _water(s)
    assert products.search_products(s, CASHIER, "农夫")


HEADER = "sku,name,price,category,barcode\n"


def _csv(tmp_path: Path, rows: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "products.csv"
    path.write_bytes((HEADER + rows).encode(encoding))
    return path


def test_an_import_adds_and_replaces_products(
    shop: tuple[Shop, FakeDatabase], tmp_path: Path
) -> None:
    s, database = shop
    _water(s)
    products.save_product(s, MANAGER, "OLD", name="old", price="1", active=False)
    rows = "6921168509256,农夫山泉 550ml,2.00,drinks,\nA1,可乐,3.5,,690001\nOLD,old,1,,\n"
    report = products.import_products(s, MANAGER, _csv(tmp_path, rows))
    assert (report.imported, report.skipped, report.rejected) == (2, 1, [])
    assert products.find_product(s, CASHIER, "690001").price == 350
    assert products.find_product(s, CASHIER, "OLD").active is True
    assert database.store.audit[-1].action == "import.products"
    assert database.store.audit[-1].details["imported"] == 2


def test_an_import_with_a_bad_row_imports_nothing_and_reports_every_row(
    shop: tuple[Shop, FakeDatabase], tmp_path: Path
) -> None:
    s, database = shop
    products.save_product(s, MANAGER, "KEEP", name="keeps its barcode", price="1", barcode="777")
    rows = (
        "A1,fine,1.00,,\n"
        "B2,,1.005,,\n"  # no name, too precise
        "A1,again,1,,\n"  # twice in the file
        "C3,barcode of KEEP,1,,777\n"
        "D4,fine too,1,,888\n"
        "E5,same barcode as D4,1,,888\n"
    )
    before = list(database.store.audit)
    report = products.import_products(s, MANAGER, _csv(tmp_path, rows))
    assert report.imported == 0
    assert [(p.row, p.error.split(":")[0]) for p in report.rejected] == [
        (3, "name"),
        (4, "sku"),
        (5, "barcode"),
        (7, "barcode"),
    ]
    assert "price" in report.rejected[0].error
    assert report.rejected[0].code == "invalid_request"
    assert database.store.audit == before
    with pytest.raises(UnknownProduct):
        products.find_product(s, CASHIER, "A1")


def test_a_barcode_can_move_between_products_in_one_import(
    shop: tuple[Shop, FakeDatabase], tmp_path: Path
) -> None:
    s, _ = shop
    products.save_product(s, MANAGER, "A1", name="one", price="1", barcode="111")
    rows = "A1,one,1,,222\nB2,two,1,,111\n"
    report = products.import_products(s, MANAGER, _csv(tmp_path, rows))
    assert report.imported == 2
    assert products.find_product(s, CASHIER, "111").sku == "B2"


def test_an_import_reads_gbk_and_refuses_wrong_columns(
    shop: tuple[Shop, FakeDatabase], tmp_path: Path
) -> None:
    s, _ = shop
    report = products.import_products(
        s, MANAGER, _csv(tmp_path, "A1,康师傅冰红茶,3.50,饮料,\n", "gbk")
    )
    assert report.imported == 1
    assert products.find_product(s, CASHIER, "A1").category == "饮料"
    path = tmp_path / "wrong.csv"
    path.write_text("sku,name,price\nA1,x,1\n", encoding="utf-8")
    with pytest.raises(BadFile) as refused:
        products.import_products(s, MANAGER, path)
    assert refused.value.reason == "csv_columns"
    with pytest.raises(PermissionDenied):
        products.import_products(s, CASHIER, path)


def test_stocking_many_products_is_one_audited_transaction(
    shop: tuple[Shop, FakeDatabase],
) -> None:
    s, database = shop
    shelves = [Product("A1", "one", 100, "x", "111"), Product("B2", "two", 250)]
    assert products.stock_products(s, MANAGER, shelves, "demo catalogue") == 2
    assert products.stock_products(s, MANAGER, shelves, "demo catalogue") == 0
    assert [e.action for e in database.store.audit] == ["product.stock", "product.stock"]
    assert products.find_product(s, CASHIER, "111").sku == "A1"
    with pytest.raises(InvalidRequest) as refused:
        products.stock_products(s, MANAGER, [Product("C3", "three", 1, None, "111")], "x")
    assert (refused.value.reason, refused.value.details["sku"]) == ("barcode_taken", "A1")
    with pytest.raises(PermissionDenied):
        products.stock_products(s, CASHIER, shelves, "x")
