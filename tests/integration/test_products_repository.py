"""The product catalogue on SQLite and PostgreSQL: round trip, unique barcodes, the till's search."""

from __future__ import annotations

from pathlib import Path

import pytest

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.products import Product
from loyalty_desktop.services import products
from loyalty_desktop.services.auth import Actor, Role
from loyalty_desktop.services.ports import Conflict

MANAGER = Actor("Mia", Role.MANAGER)


def _add(opened: Opened, *items: Product) -> None:
    with opened.shop.uow() as uow:
        for item in items:
            uow.products.add(item)
        uow.commit()


def test_a_product_comes_back_exactly_as_stored(opened: Opened) -> None:
    stored = Product("6921168509256", "农夫山泉饮用天然水 550ml", 200, "drinks", "6921168509256")
    bare = Product("GC100", "礼品卡 100元", 10_000_000_000_000, None, None, active=False)
    _add(opened, stored, bare)
    with opened.shop.uow(write=False) as uow:
        assert uow.products.get(stored.sku) == stored
        assert uow.products.by_barcode("6921168509256") == stored
        assert uow.products.get("GC100") == bare
        assert uow.products.get("gc100") is None  # exact, as a scan is
        assert uow.products.by_code_any_case("gc100", 2) == [bare]
        assert uow.products.by_code_any_case("6921168509256", 2) == [stored]
        assert uow.products.by_code_any_case("gc10", 2) == []
        assert uow.products.all() == [stored, bare]


def test_a_barcode_is_unique_but_many_products_have_none(opened: Opened) -> None:
    _add(
        opened, Product("A1", "one", 1, None, "111"), Product("B2", "two", 1), Product("C3", "x", 1)
    )
    with pytest.raises(Conflict):
        _add(opened, Product("D4", "four", 1, None, "111"))
    with pytest.raises(Conflict):
        _add(opened, Product("A1", "again", 1))
    with opened.shop.uow(write=False) as uow:
        assert [p.sku for p in uow.products.all()] == ["A1", "B2", "C3"]


def test_search_by_sku_prefix_or_name_any_case_with_wildcards_taken_literally(
    opened: Opened,
) -> None:
    _add(
        opened,
        Product("COLA-1", "Coca-Cola 330ml", 300, "drinks"),
        Product("PEP-1", "Pepsi cola 500ml", 350, "drinks"),
        Product("OLD-1", "Cola Classic", 300, active=False),
        Product("T-1", "100%_tea", 400),
        Product("T-2", "100 tea", 400),
        Product("M-1", "可口可乐 330ml", 300),
    )
    with opened.shop.uow(write=False) as uow:
        assert [p.sku for p in uow.products.search("cola", 10)] == ["COLA-1", "PEP-1"]
        assert [p.sku for p in uow.products.search("PEP", 10)] == ["PEP-1"]
        assert [p.sku for p in uow.products.search("%_", 10)] == ["T-1"]
        assert [p.sku for p in uow.products.search("可乐", 10)] == ["M-1"]
        assert len(uow.products.search("", 3)) == 3
        assert len(uow.products.search("", 100)) == 5


def test_a_whole_import_and_a_barcode_moving_between_products(
    opened: Opened, tmp_path: Path
) -> None:
    products.save_product(opened.shop, MANAGER, "A1", name="one", price="1.00", barcode="111")
    path = tmp_path / "products.csv"
    path.write_text(
        "sku,name,price,category,barcode\nA1,one,1.00,,222\nB2,two,2.50,snacks,111\n",
        encoding="utf-8",
    )
    report = products.import_products(opened.shop, MANAGER, path)
    assert (report.imported, report.rejected) == (2, [])
    found = products.find_product(opened.shop, MANAGER, "111")
    assert (found.sku, found.price, found.category) == ("B2", 250, "snacks")
    assert products.find_product(opened.shop, MANAGER, "222").sku == "A1"
