"""The till's look under its own style sheet: what the cashier must read is drawn wide enough to read."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.preferences import TillPreferences
from loyalty_desktop.ui.theme import STYLE
from tests.ui.conftest import MEMBER_NO, signed_in


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The till's style sheet for one test."""
    qapp.setStyleSheet(STYLE)
    yield
    qapp.setStyleSheet("")


@pytest.mark.usefixtures("styled")
def test_typed_number_boxes_show_their_numbers(qtbot: QtBot, window: MainWindow) -> None:
    till = signed_in(qtbot, window, "Ada")
    window.resize(1366, 768)
    till.redeem.setRange(0, 1860)
    till.redeem.setValue(1860)
    qtbot.waitUntil(lambda: till.redeem.lineEdit().width() > 100)
    assert till.redeem.lineEdit().width() > till.redeem.width() * 0.8
    window.open_settings()
    assert window.settings is not None
    idle = window.settings.idle
    qtbot.waitUntil(lambda: idle.lineEdit().width() > 100)


@pytest.mark.usefixtures("styled")
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_till_screen_fits_a_1366_by_768_screen(
    qtbot: QtBot, staffed: Opened, language: str
) -> None:
    window = MainWindow(staffed.shop, preferences=TillPreferences(language=language))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.sign_in)
    till = signed_in(qtbot, window, "Ada")
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    till.sku.setText("TEA")
    till.price.setText("30.00")
    till.add_line()
    qtbot.waitUntil(lambda: till.quoted is not None)
    too_big = []

    def check(where: str) -> None:
        needs = window.minimumSizeHint()
        if needs.width() > 1366 or needs.height() > 768:
            too_big.append((where, needs.width(), needs.height()))

    check("basket")
    till.complete_sale()
    qtbot.waitUntil(lambda: till.left.currentWidget() is till.receipts.view)
    check("receipt")
    till.open_enrolment()
    check("enrolment")
    till.close_enrolment()
    window.open_refunds()
    check("refund")
    window.close_refunds()
    window.open_settings()
    check("settings")
    assert too_big == []
    window.close()
