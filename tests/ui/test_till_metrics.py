"""TILL.md's measures as tests: first-scan success across the matrix, false scans, keys per sale.

Each test drives the real window offscreen with synthetic scanner input: key
presses 10 ms apart (half or full width, CapsLock on or off) or input-method
commits (what pinyin in full-width mode sends), aimed at every widget that can
hold focus at the checkout. Member codes are digits only, so CapsLock changes
nothing a scanner types; it is in the matrix to prove it.
"""

from __future__ import annotations

import dataclasses
import itertools
import random

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import browsing, members, products
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.screens.checkout import CheckoutScreen
from tests.ui.conftest import MEMBER_NO, signed_in

TARGETS = (
    "scan", "sku", "qty", "price", "redeem", "line_off", "discount", "table",
    "new_basket", "refund", "enrol.name", "enrol.phone", "enrol.birthday",
)  # fmt: skip
WIDTHS = ("half", "full")
DELIVERIES = ("keys", "keys+capslock", "commits")


class Scanner:
    """Sends a code as a wedge scanner would, to whatever has focus; counts nothing else."""

    def __init__(self) -> None:
        self.stamp = 10_000

    def _key(self, key: int, text: str, kind: QEvent.Type) -> None:
        target = QApplication.focusWidget()
        assert target is not None
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        event.setTimestamp(self.stamp)
        QApplication.sendEvent(target, event)

    def press(self, key: int, text: str = "") -> None:
        self._key(key, text, QEvent.Type.KeyPress)
        self._key(key, text, QEvent.Type.KeyRelease)

    def scan(self, code: str, *, width: str = "half", delivery: str = "keys") -> None:
        self.stamp += 1_000  # well apart from the last scan
        chars = code if width == "half" else "".join(chr(ord(c) + 0xFEE0) for c in code)
        if delivery == "keys+capslock":
            self.press(Qt.Key.Key_CapsLock.value)
        for char in chars:
            if delivery == "commits":
                commit = QInputMethodEvent()
                commit.setCommitString(char)
                target = QApplication.focusWidget()
                assert target is not None
                QApplication.sendEvent(target, commit)
            else:
                key = ord(char) if char.isascii() else Qt.Key.Key_unknown.value
                self.press(key, char)
            self.stamp += 10
        self.press(Qt.Key.Key_Return.value, "\r")


def _card(opened: Opened) -> str:
    return members.member_card(
        opened.shop, LOCAL_ADMIN, MEMBER_NO, deliver=lambda _m, code, _s: code
    )


def _focus(qtbot: QtBot, till: CheckoutScreen, target: str) -> QWidget:
    if target.startswith("enrol."):
        till.open_enrolment()
        widget = getattr(till.enrolment, target.removeprefix("enrol."))
    else:
        widget = getattr(till, target)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (widget, *widget.findChildren(QWidget)))
    return widget


def test_the_first_scan_finds_the_member_on_every_focus_width_and_delivery(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    card = _card(staffed)
    till = signed_in(qtbot, window)
    window.activateWindow()
    window.scanner.timing = dataclasses.replace(window.scanner.timing, duplicate_seconds=0)
    scanner = Scanner()
    failures = []
    cases = list(itertools.product(TARGETS, WIDTHS, DELIVERIES))
    for target, width, delivery in cases:
        till.start_over()
        widget = _focus(qtbot, till, target)
        before = widget.text() if isinstance(widget, QLineEdit) else None
        scanner.scan(card, width=width, delivery=delivery)
        try:
            qtbot.waitUntil(lambda: till.member is not None, timeout=3000)
        except AssertionError:
            failures.append((target, width, delivery, till.message.text()))
            continue
        if till.member is None or till.member.member_no != MEMBER_NO:
            failures.append((target, width, delivery, "wrong member"))
        elif isinstance(widget, QLineEdit) and widget.text() != before:
            failures.append((target, width, delivery, f"typed {widget.text()!r}"))
    assert failures == [], f"{len(failures)} of {len(cases)} first scans failed"
    assert not till.basket.lines  # no scan became an item


def test_ten_thousand_keystrokes_typed_by_people_give_no_scan(
    qtbot: QtBot, window: MainWindow
) -> None:
    """People at 40–150 wpm with a fast typist's bursts, member numbers on the numpad, Enter."""
    till = signed_in(qtbot, window)
    till.open_enrolment()
    field = till.enrolment.name
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    seen: list[str] = []
    window.scanner.scanned.connect(seen.append)
    rng = random.Random(20261205)
    stamp, typed = 50_000, 0
    while typed < 10_000:
        word = "".join(rng.choice("0123456789abcdefghijklmnopqrstuvwxyz") for _ in range(8))
        median_gap = rng.choice((80, 120, 200, 400))  # 150, 100, 60 and 30 wpm
        for char in word:
            event = QKeyEvent(
                QEvent.Type.KeyPress, ord(char.upper()), Qt.KeyboardModifier.NoModifier, char
            )
            event.setTimestamp(stamp)
            QApplication.sendEvent(field, event)
            stamp += max(36, int(rng.lognormvariate(0, 0.45) * median_gap))
            typed += 1
        enter = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_Return.value, Qt.KeyboardModifier.NoModifier, "\r"
        )
        enter.setTimestamp(stamp)
        QApplication.sendEvent(field, enter)
        stamp += 500
        window.scanner.flush()
        field.clear()
    assert seen == []


@pytest.mark.usefixtures("staffed")
def test_a_member_sale_with_points_takes_two_keys_besides_the_scans(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    shop = staffed.shop
    products.save_product(
        shop, LOCAL_ADMIN, "TEA", name="Tea", price="30.00", barcode="6901234567892"
    )
    products.save_product(
        shop, LOCAL_ADMIN, "CUP", name="Cup", price="12.00", barcode="6901234567885"
    )
    till = signed_in(qtbot, window)
    window.activateWindow()
    scanner = Scanner()
    keys = 0
    scanner.scan(_card(staffed))
    qtbot.waitUntil(lambda: till.member is not None)
    scanner.scan("6901234567892")
    qtbot.waitUntil(lambda: len(till.basket.lines) == 1)
    scanner.scan("6901234567885")
    qtbot.waitUntil(lambda: len(till.basket.lines) == 2)
    scanner.press(Qt.Key.Key_F9.value)
    keys += 1
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.redeemed > 0)
    with qtbot.waitSignal(till.completed, timeout=5000):
        scanner.press(Qt.Key.Key_F12.value)
        keys += 1
    assert keys <= 4  # TILL.md: scan member → scan items → redeem → pay, at most 4 other keys
    sales = browsing.member_sales(shop, LOCAL_ADMIN, MEMBER_NO).rows
    assert len(sales) == 2  # the fixture's first sale and this one
