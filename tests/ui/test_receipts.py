"""After F12 the receipt is on screen; F8 prints it on this till's printer, or says why it cannot."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.preferences import TillPreferences
from loyalty_desktop.ui.screens.checkout import CheckoutScreen
from tests.printers import dead_port
from tests.ui.conftest import MEMBER_NO, signed_in


def _sell(qtbot: QtBot, till: CheckoutScreen) -> str:
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    till.sku.setText("TEA")
    till.price.setText("30.00")
    till.add_line()
    qtbot.waitUntil(lambda: till.quoted is not None)
    sale_no = till.sale_no
    till.complete_sale()
    qtbot.waitUntil(lambda: till.receipts.view.receipt is not None)
    return sale_no


def test_the_receipt_of_the_sale_just_made_is_shown_until_the_next_customer(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = signed_in(qtbot, window)
    sale_no = _sell(qtbot, till)
    view = till.receipts.view
    assert till.left.currentWidget() is view
    text = view.text.toPlainText()
    assert sale_no in text
    assert "TEA" in text
    assert "30.00" in text
    assert "Points balance" in text
    assert "0001" in text
    assert MEMBER_NO not in text  # the member number is masked on paper
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: view.text.horizontalScrollBar().maximum() == 0)  # fits the panel
    till.find_member(MEMBER_NO)  # the next customer
    qtbot.waitUntil(lambda: till.left.currentWidget() is till.panel)


def test_f8_without_a_printer_says_the_receipt_is_on_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = signed_in(qtbot, window)
    _sell(qtbot, till)
    till.receipts.print_receipt()
    assert "No printer" in till.receipts.view.status.text()


def test_f8_prints_to_the_printer_set_for_this_till(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    printer = tmp_path / "printer.bin"
    window.preferences = TillPreferences(printer=str(printer), paper=58, encoding="gb18030")
    till = signed_in(qtbot, window)
    sale_no = _sell(qtbot, till)
    assert not printer.exists()  # printing every sale was not asked for
    till.receipts.print_receipt()
    qtbot.waitUntil(lambda: "Printed" in till.receipts.view.status.text())
    sent = printer.read_bytes()
    assert sent.startswith(b"\x1b@")
    assert sale_no.encode() in sent
    assert sent.endswith(b"\x1dVB\x00")  # cut


def test_every_sale_prints_by_itself_when_set_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    printer = tmp_path / "printer.bin"
    window.preferences = TillPreferences(printer=str(printer), print_every_sale=True)
    till = signed_in(qtbot, window)
    _sell(qtbot, till)
    qtbot.waitUntil(printer.exists)
    qtbot.waitUntil(lambda: "Printed" in till.receipts.view.status.text())


def test_a_dead_printer_is_said_and_the_next_customer_is_served_meanwhile(
    qtbot: QtBot, window: MainWindow
) -> None:
    port = dead_port()
    window.preferences = TillPreferences(printer=f"tcp://127.0.0.1:{port}")
    till = signed_in(qtbot, window)
    _sell(qtbot, till)
    till.receipts.print_receipt()
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    qtbot.waitUntil(lambda: "F8 tries again" in till.receipts.view.status.text(), timeout=8000)
    assert not till.receipts.printing
