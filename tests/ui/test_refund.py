"""Refunds at the till: a cashier's refund above the limit needs a manager's PIN; the points move back once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import checkout, member_view, till_policy
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import LineRequest, SaleRequest
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.screens.refund import RefundScreen, parse_items
from tests.ui.conftest import MEMBER_NO, PIN, signed_in


def _refund_screen(qtbot: QtBot, window: MainWindow, who: str) -> RefundScreen:
    till = signed_in(qtbot, window, who)
    qtbot.keyClick(till.scan, Qt.Key.Key_F7)
    assert window.refunds is not None
    assert window.stack.currentWidget() is window.refunds
    return window.refunds


def test_a_cashiers_refund_is_approved_by_a_managers_pin_and_takes_the_points_back_once(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    shop = staffed.shop
    checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S-9", MEMBER_NO, total="100.00"))
    before = member_view.show_member(shop, LOCAL_ADMIN, MEMBER_NO).points
    screen = _refund_screen(qtbot, window, "Cai")
    assert screen.needs_manager
    screen.sale.setText("S-9")
    screen.amount.setText("40.00")
    screen.submit()  # no manager given: refused in the screen
    qtbot.waitUntil(lambda: screen.button.isEnabled())
    assert "manager" in screen.message.text()
    screen.manager.setText("Ada")
    screen.pin.setText("9999")
    screen.submit()
    qtbot.waitUntil(lambda: screen.button.isEnabled())
    assert "PIN" in screen.message.text()
    assert member_view.show_member(shop, LOCAL_ADMIN, MEMBER_NO).points == before
    screen.pin.setText(PIN)
    with qtbot.waitSignal(screen.done, timeout=5000):
        qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert "40.00" in screen.message.text()
    assert member_view.show_member(shop, LOCAL_ADMIN, MEMBER_NO).points == before - 40
    qtbot.keyClick(screen.sale, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.checkout


def test_a_manager_refunds_without_a_second_pin(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    checkout.checkout(staffed.shop, LOCAL_ADMIN, SaleRequest("S-9", MEMBER_NO, total="100.00"))
    screen = _refund_screen(qtbot, window, "Ada")
    assert not screen.needs_manager
    screen.sale.setText("S-9")
    screen.amount.setText("500.00")  # more than the sale: refused
    screen.submit()
    qtbot.waitUntil(lambda: screen.button.isEnabled())
    assert screen.message.text() != ""
    screen.amount.setText("100.00")
    with qtbot.waitSignal(screen.done, timeout=5000):
        screen.submit()


def test_refund_items_are_read_as_sku_and_quantity() -> None:
    assert parse_items("TEA:2, CUP，MUG:1.5") == (("TEA", "2"), ("CUP", "1"), ("MUG", "1.5"))
    assert parse_items(" ") == ()


def test_a_cashier_is_asked_for_a_manager_only_above_the_refund_limit(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    shop = staffed.shop
    till_policy.set_till_rules(shop, LOCAL_ADMIN, refund_limit="50.00")
    checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S-9", MEMBER_NO, total="100.00"))
    screen = _refund_screen(qtbot, window, "Cai")
    qtbot.waitUntil(lambda: screen.rules is not None)
    assert not screen.form.isRowVisible(screen.manager)
    screen.amount.setText("60.00")
    assert screen.needs_manager
    assert screen.form.isRowVisible(screen.manager)
    assert screen.form.isRowVisible(screen.pin)
    screen.amount.setText("40.00")
    assert not screen.form.isRowVisible(screen.manager)
    screen.sale.setText("S-9")
    with qtbot.waitSignal(screen.done, timeout=5000):
        screen.submit()  # the cashier alone, in their own name
    assert "40.00" in screen.message.text()


def test_goods_by_item_worth_more_than_the_limit_bring_up_the_manager_fields(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    shop = staffed.shop
    till_policy.set_till_rules(shop, LOCAL_ADMIN, refund_limit="10.00")
    lines = (LineRequest("TEA", "2", "30.00"),)
    checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S-9", MEMBER_NO, lines=lines))
    screen = _refund_screen(qtbot, window, "Cai")
    qtbot.waitUntil(lambda: screen.rules is not None)
    screen.sale.setText("S-9")
    screen.items.setText("TEA:1")
    assert not screen.form.isRowVisible(screen.manager)
    screen.submit()
    qtbot.waitUntil(lambda: screen.form.isRowVisible(screen.manager))
    assert "30.00" in screen.message.text()
    screen.manager.setText("Ada")
    screen.pin.setText(PIN)
    with qtbot.waitSignal(screen.done, timeout=5000):
        screen.submit()
    assert not screen.form.isRowVisible(screen.manager)  # the next refund starts afresh
