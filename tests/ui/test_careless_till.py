"""What a careless or hurried cashier does at the till, found by trying it: each must change nothing it should not."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import checkout, member_view
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import LineRequest, SaleRequest
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.screens import checkout as checkout_screen
from tests.ui.conftest import MEMBER_NO, PIN, signed_in
from tests.unit.ui.test_scanner import scan

PAYMENT_CODE = "134567890123456789"  # the shape of a WeChat Pay code


def _points(opened: Opened) -> int:
    return member_view.show_member(opened.shop, LOCAL_ADMIN, MEMBER_NO).points


def test_a_second_enter_after_a_refund_refunds_nothing(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    checkout.checkout(staffed.shop, LOCAL_ADMIN, SaleRequest("S-9", MEMBER_NO, total="100.00"))
    before = _points(staffed)
    signed_in(qtbot, window, "Ada")
    window.open_refunds()
    screen = window.refunds
    assert screen is not None
    screen.sale.setText("S-9")
    screen.amount.setText("40.00")
    with qtbot.waitSignal(screen.done, timeout=5000):
        qtbot.keyClick(screen.amount, Qt.Key.Key_Return)
    qtbot.keyClick(screen.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert before - _points(staffed) == 40


def test_a_cashier_cannot_pay_money_out_with_a_negative_line(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = signed_in(qtbot, window)
    till.sku.setText("TV")
    till.qty.setText("-1")
    till.price.setText("999.00")
    till.add_line()
    assert till.basket.lines == ()
    assert "F7" in till.message.text()


def test_lines_rung_up_while_the_sale_posts_are_refused_and_the_success_stays(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    till = signed_in(qtbot, window)
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    till.basket.add(LineRequest("TEA", "1", "10.00"))
    till._changed()
    qtbot.waitUntil(lambda: till.quoted is not None)
    real = checkout.checkout

    def slow(*args: object, **kwargs: object) -> object:
        time.sleep(0.3)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checkout_screen.checkout, "checkout", slow)
    till.complete_sale()
    till.sku.setText("CUP")
    till.price.setText("5.00")
    till.add_line()
    till.use_points()
    assert "wait" in till.message.text()
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=5000)
    qtbot.wait(300)  # a late quote, if one was asked, would have answered by now
    assert "done" in till.message.text()


def test_a_payment_code_scanned_anywhere_is_never_kept_or_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = signed_in(qtbot, window)
    till.sku.setFocus()
    scan(till.sku, PAYMENT_CODE)
    qtbot.waitUntil(lambda: "payment code" in till.message.text())
    assert till.sku.text() == ""
    assert till.basket.lines == ()
    till.scan.setFocus()
    scan(till.scan, PAYMENT_CODE, start=30_000)
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    till.open_enrolment()
    assert till.enrolment.phone.text() == ""


def test_a_product_scanned_while_the_price_field_waits_is_an_item_not_a_member(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = signed_in(qtbot, window)
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    till.sku.setText("4006381333931")
    till.lookup_item()  # unknown: the price field takes focus
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    till.price.setFocus()
    till.scanned("5012345678900")
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert till.sku.text() == "5012345678900"
    assert till.member is not None
    assert "member" not in till.message.text()


def test_one_accounts_lockout_does_not_lock_the_screen_for_others(
    qtbot: QtBot, window: MainWindow
) -> None:
    screen = window.sign_in
    screen.name.setText("Cai")
    for _ in range(5):
        screen.pin.setText("0000")
        screen.submit()
        qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert not screen.button.isEnabled()
    screen.name.setText("Ada")
    assert screen.button.isEnabled()
    screen.pin.setText(PIN)
    screen.submit()
    qtbot.waitUntil(lambda: window.checkout is not None)
    window.sign_out()
    screen.name.setText("Ada")
    assert screen.button.isEnabled()
    screen.name.setText("Cai")
    screen.pin.setText(PIN)
    screen.submit()  # still locked: nothing is asked
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert window.checkout is None


def test_a_receipt_number_scanned_on_the_refund_screen_fills_the_sale_number(
    qtbot: QtBot, window: MainWindow
) -> None:
    signed_in(qtbot, window, "Ada")
    window.open_refunds()
    screen = window.refunds
    assert screen is not None
    scan(screen.sale, "T20261205-142501-3f9a")
    assert screen.sale.text() == "T20261205-142501-3f9a"


def test_a_receipt_scanned_at_the_checkout_opens_its_refund_even_with_capslock_on(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = signed_in(qtbot, window, "Ada")
    scan(till.scan, "t20261205-142501-3F9A")  # CapsLock flipped the letters
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.refunds)
    assert window.refunds is not None
    assert window.refunds.sale.text() == "T20261205-142501-3f9a"
    assert till.member is None
