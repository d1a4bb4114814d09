"""The Products page: 20,000 products open a page at a time, filter and sort in the database, edit and add."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.products import Product
from loyalty_desktop.services import products, staff
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.ui.console.product_model import PAGE_SIZE
from loyalty_desktop.ui.console.products_page import ProductsPage
from loyalty_desktop.ui.tasks import Tasks
from tests.ui.conftest import PIN

CATALOGUE = 20_000


@pytest.fixture
def page(qtbot: QtBot, staffed: Opened) -> ProductsPage:
    made = ProductsPage(staffed.shop, Tasks(), staff.sign_in(staffed.shop, "Ada", PIN))
    qtbot.addWidget(made)
    made.resize(1100, 700)
    made.show()
    return made


def opened(qtbot: QtBot, page: ProductsPage) -> None:
    page.shown()
    qtbot.waitUntil(lambda: page.model.total is not None and not page.model.loading)


def test_twenty_thousand_products_open_one_page_at_a_time(
    qtbot: QtBot, page: ProductsPage, staffed: Opened
) -> None:
    shelves = [Product(f"P{n:05d}", f"商品 {n}", 100 + n) for n in range(CATALOGUE)]
    products.stock_products(staffed.shop, LOCAL_ADMIN, shelves, "test")
    opened(qtbot, page)
    model = page.model
    assert model.total == CATALOGUE
    assert model.rowCount() == PAGE_SIZE
    assert "20000" in page.count.text().replace(",", "")
    assert model.canFetchMore(QModelIndex())
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE)
    assert model.rowCount() < CATALOGUE
    page.filter.setText("1999")
    page.apply_filter()
    found = sum("1999" in f"P{n:05d}" for n in range(CATALOGUE))  # P01999, P11999, P19990…
    qtbot.waitUntil(lambda: model.total == found and model.rowCount() == found)
    assert not model.canFetchMore(QModelIndex())
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.rowCount() == found and model.product(0).sku == "P19999")


def test_the_price_column_is_money_on_the_right(
    qtbot: QtBot, page: ProductsPage, staffed: Opened
) -> None:
    products.save_product(staffed.shop, LOCAL_ADMIN, "A1", name="绿茶", price="3.5")
    opened(qtbot, page)
    index = page.model.index(0, 2)
    assert page.model.data(index) == "3.50"
    alignment = page.model.data(index, Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & int(Qt.AlignmentFlag.AlignRight)


def test_a_product_is_edited_from_the_list_and_a_new_one_added(
    qtbot: QtBot, page: ProductsPage, staffed: Opened
) -> None:
    shop = staffed.shop
    products.save_product(shop, LOCAL_ADMIN, "A1", name="绿茶", price="3.50", category="Tea")
    opened(qtbot, page)
    page.table.selectRow(0)
    editor = page.editor
    assert editor.sku.text() == "A1"
    assert editor.sku.isReadOnly()
    editor.price.setText("4.20")
    editor.barcode.setText("6901234567892")
    editor.submit()
    qtbot.waitUntil(lambda: editor.save.isEnabled() and editor.message.text() != "")
    found = products.find_product(shop, LOCAL_ADMIN, "6901234567892")
    assert (found.sku, found.price, found.category) == ("A1", 420, "Tea")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.product(0).price == 420)

    editor.new_product()
    assert not editor.sku.isReadOnly()
    editor.sku.setText("B2")
    editor.name.setText("矿泉水")
    editor.price.setText("abc")
    editor.submit()
    qtbot.waitUntil(lambda: editor.save.isEnabled() and editor.message.text() != "")
    assert page.model.total == 1  # refused: the price is not money
    editor.price.setText("2")
    editor.submit()
    qtbot.waitUntil(lambda: page.model.total == 2)
    assert products.find_product(shop, LOCAL_ADMIN, "B2").price == int(
        Decimal("2") * Currency.of("CNY").scale
    )
