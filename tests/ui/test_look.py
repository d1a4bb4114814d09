"""The till's look under its own style sheet: what the cashier must read is drawn wide enough to read."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.theme import STYLE
from tests.ui.conftest import signed_in


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
