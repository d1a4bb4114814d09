# ruff: noqa: PT018  (findings are described in prose, one paragraph each)
"""Attacks on the till that held (review branch ``attack``): kept as regression tests, all pass."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import checkout, member_view, members, refunds
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.preferences import TillPreferences
from loyalty_desktop.ui.screens import checkout as checkout_screen
from loyalty_desktop.ui.screens import receipt_desk
from loyalty_desktop.ui.screens.checkout import CheckoutScreen
from tests.ui.conftest import MEMBER_NO, PIN, signed_in
from tests.unit.ui.test_scanner import scan, send_key


def _sales(opened: Opened) -> int:
    with opened.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM sales").scalar_one())


def _ready(qtbot: QtBot, till: CheckoutScreen, price: str = "30.00") -> None:
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    till.sku.setText("TEA")
    till.price.setText(price)
    till.add_line()
    qtbot.waitUntil(lambda: till.quoted is not None)


def _slowly(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, seconds: float) -> None:
    real: Callable[..., Any] = getattr(module, name)

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(seconds)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, slow)


def test_f12_pressed_five_times_while_posting_posts_once(
    qtbot: QtBot, window: MainWindow, staffed: Opened, monkeypatch: pytest.MonkeyPatch
) -> None:
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    before = _sales(staffed)
    _slowly(monkeypatch, checkout_screen.checkout, "checkout", 0.3)
    for _ in range(5):
        qtbot.keyClick(till.sku, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=5000)
    assert _sales(staffed) == before + 1


def test_f8_pressed_ten_times_prints_one_receipt(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printer = tmp_path / "printer.bin"
    window.preferences = TillPreferences(printer=str(printer))
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    with qtbot.waitSignal(till.completed, timeout=5000):
        till.complete_sale()
    qtbot.waitUntil(lambda: till.receipts.view.receipt is not None)
    _slowly(monkeypatch, receipt_desk, "send_to_printer", 0.3)
    for _ in range(10):
        qtbot.keyClick(till.sku, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: window.printer.pending == 0, timeout=5000)
    assert printer.read_bytes().count(b"\x1dVB\x00") == 1


def test_escape_mid_post_then_the_next_card_keeps_the_next_customer(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one worker runs the next lookup after the post, so the late ``start_over`` comes first."""
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    _slowly(monkeypatch, checkout_screen.checkout, "checkout", 0.3)
    till.complete_sale()
    qtbot.keyClick(till.sku, Qt.Key.Key_Escape)
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=5000)
    assert till.member is not None


def test_f12_while_the_quote_for_a_changed_basket_is_pending_posts_nothing(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    before = _sales(staffed)
    till.discount.setFocus()
    qtbot.keyClicks(till.discount, "5")  # the quote is now stale
    qtbot.wait(60)  # the scanner lets a typed key through after 35 ms (see test_attack_till)
    qtbot.keyClick(till.discount, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.tasks.pending == 0 and not till._quote_timer.isActive())
    assert _sales(staffed) == before


def test_the_language_is_not_switched_while_a_quote_is_pending(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = signed_in(qtbot, window, "Ada")
    _ready(qtbot, till)
    till.sku.setText("CUP")
    till.price.setText("1.00")
    till.add_line()  # a quote on its way
    window.open_settings()
    assert window.settings is not None
    window.settings.language.setCurrentIndex(window.settings.language.findData("zh_CN"))
    window.settings.submit()
    assert window.checkout is till and len(till.basket.lines) == 2
    qtbot.waitUntil(lambda: window.tasks.pending == 0)


@pytest.mark.parametrize(
    "typed", ["NaN", "Infinity", "1e9", "1E+2", "12.345", "-1", "−1", "0x10", " ", "1,000"]
)
def test_impossible_order_discounts_are_refused_in_the_screen(
    qtbot: QtBot, window: MainWindow, staffed: Opened, typed: str
) -> None:
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    before = _sales(staffed)
    till.discount.setText(typed)
    till._pay_changed(typed)  # what textEdited does
    qtbot.waitUntil(lambda: window.tasks.pending == 0 and not till._quote_timer.isActive())
    till.complete_sale()
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    if typed.strip():
        assert not till.complete.isEnabled()
        assert _sales(staffed) == before


@pytest.mark.parametrize(("typed", "off"), [("-0", 0), ("５.００", 500), ("0.00", 0)])
def test_odd_but_exact_line_discounts_are_taken_exactly(
    qtbot: QtBot, window: MainWindow, typed: str, off: int
) -> None:
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    till.choose_line_discount()
    till.line_off.setText(typed)
    till.discount_line()
    qtbot.waitUntil(lambda: till.quoted is not None)
    assert till.quoted.subtotal == 3000 - off


def test_a_discount_on_a_fractional_quantity_line_refunds_to_exactly_what_was_paid(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    """0.333 kg at 3.3333 (1.11), 0.50 off, 0.10 off the order, points: refund it all at F7."""
    till = signed_in(qtbot, window, "Ada")
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    for sku, qty, price in (("NUT", "0.333", "3.3333"), ("TEA", "1", "7.77")):
        till.sku.setText(sku)
        till.qty.setText(qty)
        till.price.setText(price)
        till.add_line()
    till.table.selectRow(0)
    till.choose_line_discount()
    till.line_off.setText("0.50")
    till.discount_line()
    till.discount.setText("0.10")
    till._changed()
    till.use_points()
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.redeemed > 0)
    before = member_view.show_member(staffed.shop, LOCAL_ADMIN, MEMBER_NO).points
    with qtbot.waitSignal(till.completed, timeout=5000) as done:
        till.complete_sale()
    sale = done.args[0]
    back = [
        refunds.refund(staffed.shop, LOCAL_ADMIN, refunds.RefundRequest(f"R{n}", sale.sale_no, lines=((sku, qty),)))
        for n, (sku, qty) in enumerate((("NUT", "0.111"), ("TEA", "1"), ("NUT", "0.222")))
    ]  # fmt: skip
    assert sum(r.paid_back for r in back) == sale.paid
    assert sum(r.restored for r in back) == sale.redeemed
    assert sum(r.reversed for r in back) == sale.earned
    assert member_view.show_member(staffed.shop, LOCAL_ADMIN, MEMBER_NO).points == before
    qtbot.waitUntil(lambda: window.tasks.pending == 0)


def test_a_cashier_cannot_approve_their_own_refund(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    checkout.checkout(staffed.shop, LOCAL_ADMIN, SaleRequest("S-9", MEMBER_NO, total="100.00"))
    signed_in(qtbot, window, "Cai")
    window.open_refunds()
    screen = window.refunds
    assert screen is not None
    screen.sale.setText("S-9")
    screen.amount.setText("100.00")
    screen.manager.setText("Cai")  # their own name and PIN as "manager"
    screen.pin.setText(PIN)
    screen.submit()
    qtbot.waitUntil(lambda: screen.button.isEnabled())
    with staffed.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM refunds").scalar_one() == 0


def test_scans_on_the_settings_screen_never_reach_its_fields(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    card = members.member_card(
        staffed.shop, LOCAL_ADMIN, MEMBER_NO, deliver=lambda _m, code, _s: code
    )
    till = signed_in(qtbot, window, "Ada")
    window.open_settings()
    screen = window.settings
    assert screen is not None
    screen.printer.setFocus()
    scan(screen.printer, card, start=20_000)
    scan(screen.printer, "T20261205-142501-3f9a", start=40_000)
    for char in "96123456789":  # an input method's commits
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(screen.printer, event)
    send_key(screen.printer, Qt.Key.Key_Return.value, "\r", 60_000)  # ... ending in Enter: a scan
    window.scanner.flush()
    assert screen.printer.text() == ""
    assert till.member is None and window.stack.currentWidget() is screen


def test_a_receipt_scanned_for_a_sale_of_another_till_opens_its_refund(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    other = "T20261101-101010-beef"  # made by another till of the shop on the same database
    checkout.checkout(staffed.shop, LOCAL_ADMIN, SaleRequest(other, MEMBER_NO, total="10.00"))
    till = signed_in(qtbot, window, "Ada")
    scan(till.scan, other.upper())
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.refunds)
    assert window.refunds is not None and window.refunds.sale.text() == other


def test_a_receipt_with_control_characters_in_names_sends_no_printer_commands() -> None:
    from datetime import UTC, datetime
    from decimal import Decimal

    from loyalty_desktop.domain.money import Currency
    from loyalty_desktop.services.receipts import Receipt, ReceiptLine

    line = ReceiptLine("S", "Tea\x1bp\x00\x19\xfa\x10\x14\x01\x01\x1dV\x00" + "长" * 120, Decimal("1.5"),
                       Decimal("3.3333"), 500, 500)  # fmt: skip
    receipt = Receipt(
        "T20261205-142501-3f9a", "Shop", datetime(2026, 1, 1, tzinfo=UTC), Currency.of("CNY"),
        (line,) * 500, 250_000, 0, 0, 250_000, 0, 250_000, 5, 0, "****0001", 10, None,
    )  # fmt: skip
    for encoding in ("gb18030", "gbk", "utf-8"):
        data = receipt_desk.receipt_bytes(receipt, TillPreferences(encoding=encoding), "en")
        assert b"\x1bp" not in data and b"\x10\x14" not in data and b"\x1dV\x00" not in data


@pytest.mark.parametrize("which", ["db", "wal", "keys", "heads", "backup"])
def test_the_till_refuses_a_printer_target_named_as_one_of_the_shops_files(
    qtbot: QtBot, window: MainWindow, staffed: Opened, which: str
) -> None:
    assert staffed.path is not None
    if which == "backup":
        backup = staffed.path.with_name("shop.backup-20260101")
        backup.write_bytes(staffed.path.read_bytes())
    target = {
        "db": staffed.path,
        "wal": staffed.path.with_name(staffed.path.name + "-wal"),
        "keys": staffed.keys_dir / "card-keys.json",
        "heads": next(staffed.keys_dir.glob("audit-heads.json*")),
        "backup": staffed.path.with_name("shop.backup-20260101"),
    }[which]
    before = target.read_bytes()
    window.preferences = TillPreferences(printer=str(target))
    till = signed_in(qtbot, window, "Ada")
    _ready(qtbot, till)
    with qtbot.waitSignal(till.completed, timeout=5000):
        till.complete_sale()
    qtbot.waitUntil(lambda: till.receipts.view.receipt is not None)
    till.receipts.print_receipt()
    qtbot.waitUntil(lambda: not till.receipts.printing, timeout=5000)
    assert b"\x1b@\x1c&" not in target.read_bytes()[len(before) - 1 :] or which == "wal"
    assert "Printed" not in till.receipts.view.status.text()


def test_a_receipt_of_a_sale_rung_up_as_a_total_prints(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    from loyalty_desktop.services import receipts

    checkout.checkout(staffed.shop, LOCAL_ADMIN, SaleRequest("S-T", MEMBER_NO, total="12.34"))
    receipt = receipts.receipt_for(staffed.shop, LOCAL_ADMIN, "S-T")
    for encoding in ("gb18030", "raster"):
        data = receipt_desk.receipt_bytes(
            receipt, TillPreferences(encoding=encoding, paper=58), "zh_CN"
        )
        assert data.startswith(b"\x1b@")
    del window
