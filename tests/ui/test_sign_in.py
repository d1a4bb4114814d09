"""Signing in: the first start makes an admin; wrong PINs lock the account with a countdown; idle locks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import staff
from loyalty_desktop.ui.main_window import MainWindow
from tests.ui.conftest import PIN


def _sign_in(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    screen = window.sign_in
    screen.name.setText(name)
    screen.pin.setFocus()
    qtbot.keyClicks(screen.pin, pin)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)


def test_a_first_start_creates_the_admin_and_signs_them_in(qtbot: QtBot, shop_db: Opened) -> None:
    window = MainWindow(shop_db.shop)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.first_run)
    screen = window.first_run
    screen.name.setText("Ada")
    screen.pin.setText("2468")
    screen.again.setText("2468")
    qtbot.keyClick(screen.again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.checkout is not None)
    assert window.actor is not None
    assert window.actor.role.value == "admin"
    assert staff.sign_in(shop_db.shop, "Ada", "2468").name == "Ada"
    window.tasks.wait()


def test_the_first_start_refuses_two_different_pins(qtbot: QtBot, shop_db: Opened) -> None:
    window = MainWindow(shop_db.shop)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.first_run)
    screen = window.first_run
    screen.name.setText("Ada")
    screen.pin.setText("2468")
    screen.again.setText("2469")
    screen.submit()
    assert "differ" in screen.message.text()
    assert window.checkout is None
    window.tasks.wait()


def test_a_cashier_signs_in_and_reaches_the_checkout(qtbot: QtBot, window: MainWindow) -> None:
    _sign_in(qtbot, window, "Cai", PIN)
    qtbot.waitUntil(lambda: window.checkout is not None)
    assert window.stack.currentWidget() is window.checkout
    assert "Cai" in window.who.text()


def test_a_wrong_pin_says_so_and_five_lock_the_account_with_a_countdown(
    qtbot: QtBot, window: MainWindow
) -> None:
    for _ in range(4):
        _sign_in(qtbot, window, "Cai", "0000")
        qtbot.waitUntil(lambda: window.sign_in.button.isEnabled())
        assert window.sign_in.message.text() == "wrong name or PIN"
    _sign_in(qtbot, window, "Cai", "0000")
    qtbot.waitUntil(lambda: "locked" in window.sign_in.message.text())
    assert "4:5" in window.sign_in.message.text() or "5:00" in window.sign_in.message.text()
    assert not window.sign_in.button.isEnabled()
    _sign_in(qtbot, window, "Cai", PIN)  # the right PIN while locked: still refused
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert window.checkout is None


def test_sign_out_and_idle_time_return_to_the_sign_in_screen(qtbot: QtBot, staffed: Opened) -> None:
    window = MainWindow(staffed.shop, idle_lock_ms=300)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.sign_in)
    _sign_in(qtbot, window, "Cai", PIN)
    qtbot.waitUntil(lambda: window.checkout is not None)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.sign_in, timeout=3000)
    assert window.actor is None
    _sign_in(qtbot, window, "Cai", PIN)
    qtbot.waitUntil(lambda: window.checkout is not None)
    assert window.checkout is not None
    qtbot.keyClick(window.checkout.scan, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    # Sign-out lets work in flight (the till rules read at sign-in) finish first.
    qtbot.waitUntil(lambda: window.actor is None)
    assert window.stack.currentWidget() is window.sign_in
    window.tasks.wait()


def test_signing_out_while_a_lookup_runs_drops_its_answer_quietly(
    qtbot: QtBot, window: MainWindow
) -> None:
    _sign_in(qtbot, window, "Cai", PIN)
    qtbot.waitUntil(lambda: window.checkout is not None)
    till = window.checkout
    assert till is not None
    till.find_member("10000001")
    till.sku.setText("TEA")
    till.price.setText("1.00")
    till.add_line()
    till._ask_quote()
    window.sign_out()  # the checkout screen goes while its lookup and quote are queued
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert window.stack.currentWidget() is window.sign_in
