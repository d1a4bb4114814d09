# ruff: noqa: D205, PT018  (findings are described in prose, one paragraph each)
"""Attacks on the till (review branch ``attack``): each test is a finding and fails until it is fixed.

Run with ``.venv/bin/pytest -q tests/ui/test_attack_till.py``. Every test says what a cashier,
a careless shop or an attacker does, and what should have happened instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import checkout, member_view, members, products
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.preferences import TillPreferences
from loyalty_desktop.ui.screens import checkout as checkout_screen
from loyalty_desktop.ui.screens.checkout import CheckoutScreen
from tests.ui.conftest import MEMBER_NO, PIN, signed_in
from tests.unit.ui.test_scanner import scan

PAYMENT_CODE = "134567890123456789"  # the shape of a WeChat Pay code


def _points(opened: Opened) -> int:
    return member_view.show_member(opened.shop, LOCAL_ADMIN, MEMBER_NO).points


def _sales(opened: Opened) -> int:
    with opened.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM sales").scalar_one())


def _ready(qtbot: QtBot, till: CheckoutScreen, *lines: tuple[str, str, str]) -> None:
    """Member attached, the lines rung up by hand and quoted."""
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    for sku, qty, price in lines or (("TEA", "1", "30.00"),):
        till.sku.setText(sku)
        till.qty.setText(qty)
        till.price.setText(price)
        till.add_line()
    qtbot.waitUntil(lambda: till.quoted is not None)


def _slow(monkeypatch: pytest.MonkeyPatch, seconds: float = 0.4) -> None:
    """Posting a sale takes a while (a busy disk, a lock held by an import)."""
    real: Callable[..., Any] = checkout.checkout

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(seconds)
        return real(*args, **kwargs)

    monkeypatch.setattr(checkout_screen.checkout, "checkout", slow)


# --- security: a cashier reaching a manager's action ---------------------------------------


def test_a_cashier_cannot_ring_up_a_return_through_the_catalogue_either(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    """``add_line`` refuses a cashier's negative quantity (returns need F7 and a manager), but a
    catalogue product found by its code (``lookup_item`` → ``_add_product``) takes the quantity
    field as it is: ``-1`` + item code + Enter puts a return line in the basket, and the sale
    posts, paying money out against other goods with no manager's PIN.
    """
    products.save_product(staffed.shop, LOCAL_ADMIN, "TV", name="TV", price="999.00")
    products.save_product(staffed.shop, LOCAL_ADMIN, "GUM", name="Gum", price="1000.00")
    till = signed_in(qtbot, window)  # Cai, a cashier
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    till.sku.setText("GUM")
    till.lookup_item()
    qtbot.waitUntil(lambda: len(till.basket.lines) == 1)
    till.qty.setText("-1")
    till.sku.setText("TV")
    till.lookup_item()
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    qtbot.wait(50)
    assert [line.quantity for line in till.basket.lines] == ["1"], (
        "a cashier's -1 TV went into the basket through the catalogue"
    )


# --- wrong money / lost receipts: work in flight when the screen goes away -----------------


def test_signing_out_while_the_sale_posts_still_prints_its_receipt(
    qtbot: QtBot,
    window: MainWindow,
    staffed: Opened,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """F12 then Ctrl+L (or the idle lock) before the post answers: the sale is in the database,
    but the checkout screen was deleted, so its answer is dropped. No receipt is printed (even with
    "print every sale"), no "Sale done" is shown, and the next sign-in shows an empty basket: the
    cashier believes the sale was lost and rings it up again (a second sale, double points).
    """
    printer = tmp_path / "printer.bin"
    window.preferences = TillPreferences(printer=str(printer), print_every_sale=True)
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    before = _sales(staffed)
    _slow(monkeypatch)
    till.complete_sale()
    window.sign_out()  # Ctrl+L, or the idle timer
    qtbot.waitUntil(lambda: window.tasks.pending == 0 and window.printer.pending == 0, timeout=5000)
    qtbot.wait(200)
    assert _sales(staffed) == before + 1  # the sale was posted
    assert printer.exists() and printer.stat().st_size > 0, "the paid sale's receipt never printed"


def test_the_idle_lock_does_not_fire_while_the_cashier_is_scanning_items(
    qtbot: QtBot, staffed: Opened
) -> None:
    """Scanner keys are swallowed by the ScanListener, which is installed after (so runs before)
    the window's activity filter: a cashier who only scans items is "idle" and the lock signs
    them out mid-basket, dropping the basket (``sign_out`` discards it).
    """
    products.save_product(staffed.shop, LOCAL_ADMIN, "TEA-500", name="Tea", price="3.00",
                          barcode="6901234567892")  # fmt: skip
    shown = MainWindow(staffed.shop, idle_lock_ms=600)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.stack.currentWidget() is shown.sign_in)
    till = signed_in(qtbot, shown)
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    shown.scanner.timing = type(shown.scanner.timing)(duplicate_seconds=0)
    start = 50_000
    for _ in range(6):  # a scan every 250 ms for 1.5 s: never 600 ms without input
        assert shown.checkout is not None, "signed out while scanning"
        shown.checkout.sku.setFocus()
        start = scan(shown.checkout.sku, "6901234567892", start=start) + 1_000
        qtbot.wait(250)
    assert shown.actor is not None, "signed out while scanning"
    assert shown.checkout is not None and len(shown.checkout.basket.lines) == 6
    shown.tasks.wait()


# --- UX: the basket table -----------------------------------------------------------------


@pytest.mark.parametrize("typed", ["1e999999999", "9" * 40 + "e999999"])
def test_a_silly_line_discount_does_not_break_the_basket_table(
    qtbot: QtBot, window: MainWindow, typed: str
) -> None:
    """F5 accepts any text; the basket model formats ``Decimal(qty) * Decimal(price) -
    Decimal(discount)`` and catches only ``InvalidOperation``: an exponent overflows
    (``decimal.Overflow``) inside ``BasketModel.data``, raised on every repaint of the table.
    """
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    model = till.basket
    model.set_discount(0, typed)  # what F5, the text and Enter store
    try:
        amount = model.data(model.index(0, 4))  # what every repaint of the table asks
    except ArithmeticError as exc:
        amount = repr(exc)
    finally:
        model.set_discount(0, "")  # before the event loop paints it
    assert amount == "", f"the Amount cell raised {amount}"


def test_a_huge_line_discount_is_not_laid_out_as_a_million_digits(
    qtbot: QtBot, window: MainWindow
) -> None:
    """``1e999999`` (a slip on the keypad, or a paste) is shown in the Amount cell as a
    1,000,004-character string, re-formatted and laid out on every paint.
    """
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    model = till.basket
    model.set_discount(0, "1e999999")
    amount = model.data(model.index(0, 4))
    model.set_discount(0, "")
    assert isinstance(amount, str) and len(amount) < 40, f"{len(amount)} characters in one cell"


# --- privacy: payment codes -----------------------------------------------------------------


def test_a_payment_code_scanned_on_the_refund_screen_is_not_typed_into_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    """At the checkout a WeChat/Alipay code is named and dropped; on the refund screen
    ``MainWindow._scanned`` puts any scan (payment code, member card) into the sale field, where
    it is shown, and Enter sends it to the refund service.
    """
    signed_in(qtbot, window)
    window.open_refunds()
    screen = window.refunds
    assert screen is not None
    scan(screen.sale, PAYMENT_CODE)
    assert PAYMENT_CODE not in screen.sale.text()


def test_a_payment_code_keyed_as_an_item_is_never_stored_in_a_sale(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    """A scanner slower than 35 ms a character (Bluetooth scanners often are) is typing, not a
    scan: the customer's payment code lands in the item field, "unknown item — type its price",
    the cashier types a price, and the code is stored as the line's SKU in ``sale_lines`` and in
    the outbox event. Neither the till nor ``basket_lines`` refuses a payment-shaped SKU.
    """
    till = signed_in(qtbot, window)
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    till.sku.setText(PAYMENT_CODE)
    till.lookup_item()
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    till.price.setText("5.00")
    till.add_line()
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    qtbot.wait(200)
    if till.quoted is not None:
        with qtbot.waitSignal(till.completed, timeout=5000):
            till.complete_sale()
        qtbot.waitUntil(lambda: window.tasks.pending == 0)
    with staffed.engine.connect() as conn:
        stored = conn.exec_driver_sql(
            "SELECT count(*) FROM sale_lines WHERE sku = ?", (PAYMENT_CODE,)
        ).scalar_one()
        events = conn.exec_driver_sql(
            "SELECT count(*) FROM outbox WHERE payload LIKE ?", (f"%{PAYMENT_CODE}%",)
        ).scalar_one()
    assert (stored, events) == (0, 0)


# --- UX: keys that do nothing and say nothing ------------------------------------------------


def test_f12_pressed_right_after_the_last_scan_completes_the_sale_or_says_why_not(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The quote is asked 150 ms after the last change; F12 before it answers returns silently
    (``quoted is None``). The cashier hears nothing, sees nothing, and must notice and press again.
    """
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    till.sku.setText("CUP")
    till.price.setText("5.00")
    till.add_line()
    qtbot.keyClick(till.sku, Qt.Key.Key_F12)  # at once, as a quick cashier does
    qtbot.waitUntil(lambda: window.tasks.pending == 0 and not till._quote_timer.isActive())
    qtbot.wait(100)
    assert till.basket.lines == () or till.message.text() != "", "F12 did nothing and said nothing"


def test_a_double_enter_on_a_wrong_pin_counts_one_wrong_pin(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    """``pin.returnPressed`` calls ``submit`` without checking that a sign-in is already on its
    way (the button is disabled, the Enter key is not): a bouncing Enter on a wrong PIN counts
    two of the five tries, three such slips lock the cashier out for five minutes.
    """
    screen = window.sign_in
    screen.name.setText("Cai")
    for _ in range(3):
        screen.pin.setText("0000")
        qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
        qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.tasks.pending == 0)
    screen.pin.setText(PIN)
    screen.submit()
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert window.checkout is not None, "three double-Enters locked the account"


# --- wrong money: what the screen shows is not what F12 posts -------------------------------


def test_a_line_discount_typed_but_not_entered_is_not_silently_dropped_by_f12(
    qtbot: QtBot, window: MainWindow
) -> None:
    """F5, type 5.00, F12 (instead of Enter): the order discount box (F6) applies on every key,
    the line discount box only on Enter. The quote was made without it and is still "fresh", so
    F12 posts the sale at full price while the box visibly holds 5.00; the discount the cashier
    promised is lost (and the box is cleared, so nobody notices).
    """
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    qtbot.keyClick(till.sku, Qt.Key.Key_F5)
    assert till.line_off.hasFocus()
    qtbot.keyClicks(till.line_off, "5.00")
    qtbot.keyClick(till.line_off, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    qtbot.wait(300)
    assert "done" not in till.message.text() or "25.00" in till.message.text(), (
        f"posted at full price with 5.00 typed in the line discount: {till.message.text()}"
    )


def test_an_item_typed_with_its_price_but_not_entered_is_not_silently_left_out_by_f12(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Item code and price typed, F12 instead of Enter: the sale posts without the line that is
    still showing in the entry row; the customer walks out with an item not rung up.
    """
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    till.sku.setText("CUP")
    till.price.setText("5.00")
    qtbot.keyClick(till.price, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    qtbot.wait(300)
    assert "done" not in till.message.text() or "35.00" in till.message.text(), (
        f"posted without the typed CUP line: {till.message.text()}"
    )


def test_points_chosen_for_one_member_are_not_spent_from_the_next_member_scanned(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    """Member A attached, F9 (use points), then the cashier sees it is the wrong card and scans
    member B: ``_found`` keeps the points box at A's value (only clamped to B's balance), so B pays
    with points nobody asked them about, and F12 spends them.
    """
    other = members.enrol(staffed.shop, LOCAL_ADMIN, members.NewMember(name="李雷")).member_no
    checkout.checkout(staffed.shop, LOCAL_ADMIN, SaleRequest("S-B", other, total="800.00"))
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    qtbot.keyClick(till.sku, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.redeemed > 0)
    till.find_member(other)
    qtbot.waitUntil(lambda: till.member is not None and till.member.member_no == other)
    qtbot.waitUntil(lambda: till.quoted is not None)
    assert till.redeem.value() == 0, f"member B would pay {till.redeem.value()} points unasked"


def test_the_basket_shows_each_line_at_the_amount_it_is_charged(
    qtbot: QtBot, window: MainWindow
) -> None:
    """``line_amount`` rounds half up (2.345 → 2.35); the basket's Amount column formats the
    Decimal with Python's default half-even (2.345 → 2.34). The cashier reads 2.34 on the line,
    the customer is charged 2.35; with qty 0.5 × 0.25 the line shows 0.12 and costs 0.13.
    """
    till = signed_in(qtbot, window)
    _ready(qtbot, till, ("TEA", "1", "2.345"), ("NUT", "0.5", "0.25"))
    shown = [till.basket.data(till.basket.index(row, 4)) for row in range(2)]
    assert till.quoted is not None
    assert shown == ["2.35", "0.13"], f"basket shows {shown}, subtotal {till.quoted.subtotal}"


# --- lost state: a rebuilt screen forgets the last receipt, a crash forgets the basket ----


def test_the_last_receipt_can_still_be_printed_after_the_language_is_switched(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """After a sale a Chinese-reading colleague switches the language (allowed: no sale is in
    progress); ``_respeak`` rebuilds the checkout and its ReceiptDesk, so F8 answers "No receipt
    yet: complete a sale first" to the customer still waiting for it. The till offers no other
    way to reprint a sale (only ``loyalty receipt`` on the command line).
    """
    printer = tmp_path / "printer.bin"
    window.preferences = TillPreferences(printer=str(printer))
    till = signed_in(qtbot, window, "Ada")
    _ready(qtbot, till)
    with qtbot.waitSignal(till.completed, timeout=5000):
        till.complete_sale()
    qtbot.waitUntil(lambda: till.receipts.view.receipt is not None)
    window._apply_settings(TillPreferences(language="zh_CN", printer=str(printer)))
    assert window.checkout is not None and window.checkout is not till
    window.checkout.receipts.print_receipt()
    qtbot.waitUntil(lambda: window.printer.pending == 0)
    qtbot.wait(100)
    assert printer.exists(), window.checkout.receipts.view.status.text()


def test_the_basket_in_progress_survives_a_crash(qtbot: QtBot, staffed: Opened) -> None:
    """TILL.md §12: "the basket survives a crash". Nothing keeps it: a till killed (or locked by
    the idle timer, or signed out) with ten lines rung up starts again from an empty basket.
    """
    first = MainWindow(staffed.shop)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(lambda: first.stack.currentWidget() is first.sign_in)
    till = signed_in(qtbot, first)
    _ready(qtbot, till, *[(f"ITEM{n}", "1", "1.00") for n in range(10)])
    first.tasks.wait()
    first.scanner.uninstall()  # the process dies: no closeEvent, nothing saved
    first.hide()
    second = MainWindow(staffed.shop)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.stack.currentWidget() is second.sign_in)
    again = signed_in(qtbot, second)
    qtbot.wait(200)
    assert len(again.basket.lines) == 10
    second.tasks.wait()


def test_a_key_typed_just_before_f12_is_not_left_for_the_next_customer(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    """The ScanListener holds every typed key back for up to 35 ms (it might be a scan). F12 is a
    QShortcut: Qt fires it from the ShortcutOverride stage, which ``_on_shortcut_override`` lets
    through without flushing, so F12 acts *before* the key typed just ahead of it. Typing "5" in the
    order discount and rolling onto F12: the sale posts on the old quote without the 5.00 off, and
    then the held "5" is replayed into the cleared discount box, so the *next* customer's basket
    starts with 5.00 off. The same for F9, F5, F6 and Esc.
    """
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    till.discount.setFocus()
    qtbot.keyClicks(till.discount, "5")
    qtbot.keyClick(till.discount, Qt.Key.Key_F12)  # within 35 ms of the "5"
    qtbot.waitUntil(lambda: window.tasks.pending == 0 and not window.scanner.pending)
    qtbot.wait(300)
    assert "paid 30.00" not in till.message.text(), till.message.text()
    assert till.discount.text() == "" or till.basket.lines, (
        f"the next customer starts with discount {till.discount.text()!r}"
    )


# --- data: a duplicate member from one enrolment --------------------------------------------


def test_an_enrolment_whose_card_cannot_be_drawn_does_not_enrol_twice_on_retry(
    qtbot: QtBot, window: MainWindow, staffed: Opened, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F4, name 𠮷田 (no font draws 𠮷), Enter: ``members.enrol`` commits, then ``member_card``
    refuses with ``font_missing``; the whole task counts as refused, the Enrol button comes back,
    the panel shows only the font message and no member is attached. The cashier presses Enter
    again (or fixes the name to 吉田) and a second member is enrolled: duplicates to merge later,
    points split between them.
    """
    from loyalty_desktop.printing.fonts import FontMissing
    from loyalty_desktop.ui.widgets import enrol_panel

    def no_font(*_args: object, **_kwargs: object) -> bytes:  # a PC without a font for 𠮷
        raise FontMissing("no font on this computer can draw 𠮷 (U+20BB7)", missing=["𠮷"])

    monkeypatch.setattr(enrol_panel, "card_png", no_font)
    till = signed_in(qtbot, window)
    till.open_enrolment()
    panel = till.enrolment
    panel.name.setText("𠮷田")
    panel.phone.setText("13800138000")
    for _ in range(2):
        panel.submit()
        qtbot.waitUntil(lambda: window.tasks.pending == 0)
    with staffed.engine.connect() as conn:
        enrolled = conn.exec_driver_sql(
            "SELECT count(*) FROM members WHERE member_no != ?", (MEMBER_NO,)
        ).scalar_one()
    assert enrolled == 1, f"{enrolled} members from one enrolment ({panel.message.text()})"


# --- a damaged settings file stops the till from starting ----------------------------------


@pytest.mark.parametrize("geometry", ["a, b", "12"])
def test_a_damaged_window_geometry_never_stops_the_till_from_starting(
    qtbot: QtBot, staffed: Opened, geometry: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """preferences.py promises "a hand-edited file can never stop the till from starting", but
    ``MainWindow._restore`` passes ``window/geometry`` to ``restoreGeometry`` whatever its type: a
    value that reads back as a list (``a, b``) or plain text raises TypeError in
    ``MainWindow.__init__`` (after the scanner was installed application-wide).
    """
    import os

    from PySide6.QtCore import QSettings

    from loyalty_desktop.ui.scanner import ScanListener

    path = QSettings().fileName()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(f"[window]\ngeometry={geometry}\n")
    installed: list[ScanListener] = []
    real_install = ScanListener.install

    def install(self: ScanListener, app: Any) -> None:
        installed.append(self)
        real_install(self, app)

    monkeypatch.setattr(ScanListener, "install", install)
    try:
        shown = MainWindow(staffed.shop)
    finally:  # a half-built window must not leave its filters on the application for later tests
        failed = not installed or "shown" not in locals()
        if failed:
            from PySide6.QtWidgets import QApplication

            for listener in installed:
                listener.uninstall()
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, MainWindow):
                    QApplication.instance().removeEventFilter(widget)  # type: ignore[union-attr]
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: shown.stack.currentWidget() is shown.sign_in)
    shown.tasks.wait()


def test_signing_out_while_a_refund_posts_does_not_invite_a_second_refund(
    qtbot: QtBot, window: MainWindow, staffed: Opened, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The manager approves a 40.00 refund, the cashier presses Ctrl+L (or the idle lock fires)
    before it answers: the refund is made, but the refund screen is deleted with its answer, so
    nobody sees "pay back 40.00". Signed in again, the refund screen is empty and the refund
    number new: the same 40.00 is refunded a second time (the sale has 100.00 left to refund).
    """
    from loyalty_desktop.services import refunds as refund_service
    from loyalty_desktop.ui.screens import refund as refund_screen

    checkout.checkout(staffed.shop, LOCAL_ADMIN, SaleRequest("S-9", MEMBER_NO, total="100.00"))
    real = refund_service.refund

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.4)
        return real(*args, **kwargs)

    monkeypatch.setattr(refund_screen.refunds, "refund", slow)
    signed_in(qtbot, window)
    window.open_refunds()
    screen = window.refunds
    assert screen is not None
    screen.sale.setText("S-9")
    screen.amount.setText("40.00")
    screen.manager.setText("Ada")
    screen.pin.setText(PIN)
    screen.submit()
    window.sign_out()
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=5000)
    with staffed.engine.connect() as conn:
        made = conn.exec_driver_sql("SELECT refund_id FROM refunds").scalars().all()
    assert len(made) == 1  # the refund was made
    shown = " ".join(
        label.text() for label in (window.who, window.sign_in.message) if label is not None
    )
    assert made[0] in shown, f"nothing on screen says refund {made[0]} was made: {shown!r}"


def test_f8_right_after_f12_does_not_print_the_previous_customers_receipt(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F8 prints whatever ``ReceiptView.receipt`` holds. Pressed while this sale posts (or before
    its receipt is read back), that is still the *previous* customer's receipt: a stranger's
    purchases, masked number and points balance are printed and handed to this customer.
    """
    printer = tmp_path / "printer.bin"
    window.preferences = TillPreferences(printer=str(printer))
    till = signed_in(qtbot, window)
    _ready(qtbot, till)
    first = till.sale_no
    with qtbot.waitSignal(till.completed, timeout=5000):
        till.complete_sale()
    qtbot.waitUntil(lambda: till.receipts.view.receipt is not None)
    _ready(qtbot, till, ("CUP", "1", "5.00"))
    second = till.sale_no
    _slow(monkeypatch)
    qtbot.keyClick(till.sku, Qt.Key.Key_F12)
    qtbot.keyClick(till.sku, Qt.Key.Key_F8)  # "and the receipt, please"
    qtbot.waitUntil(lambda: window.tasks.pending == 0 and window.printer.pending == 0, timeout=5000)
    sent = printer.read_bytes() if printer.exists() else b""
    assert first.encode() not in sent, f"printed {first} for the customer of {second}"


def test_a_cashier_cannot_sell_a_catalogue_product_for_a_price_of_their_choosing(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    """``lookup_item``: "a price typed by hand wins". A cashier types TV's code and 0.01 and
    the catalogue's 999.00 is ignored; with F5 (up to 100 % off a line) and F6 (up to the whole
    basket) there is no limit and no manager's approval, and sales are not in the audit log, so a
    cashier can give goods away and the books only show a cheap sale.
    """
    products.save_product(staffed.shop, LOCAL_ADMIN, "TV", name="TV", price="999.00")
    till = signed_in(qtbot, window)  # Cai, a cashier
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    till.sku.setText("TV")
    till.price.setText("0.01")
    till.lookup_item()
    qtbot.waitUntil(lambda: window.tasks.pending == 0 and not till._quote_timer.isActive())
    assert [line.unit_price for line in till.basket.lines] != ["0.01"], (
        "the cashier's 0.01 replaced the catalogue's 999.00 without a manager"
    )


def test_a_receipt_shown_to_the_camera_opens_its_refund_as_a_scanned_one_does(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The Camera button's dialog is wired to ``CheckoutScreen.scanned``, not to the window's
    ``_scanned``: a receipt's QR held to the camera is looked up as a member ("not a valid member
    card") instead of opening its refund, and a camera scan skips the 1.5 s duplicate rule.
    """
    till = signed_in(qtbot, window, "Ada")
    till.scanned("T20261205-142501-3f9a")  # what CameraScan.scanned delivers (open_camera)
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert window.stack.currentWidget() is window.refunds, till.message.text()
