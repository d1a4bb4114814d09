"""The till's window on a first start: maximised on a screen smaller than 1366×768, else as it is."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.ui.main_window import MainWindow, too_small


def test_a_screen_smaller_in_either_direction_is_too_small() -> None:
    wanted = QSize(1366, 768)
    assert too_small(QSize(1280, 1024), wanted)  # the common square shop monitor
    assert too_small(QSize(1920, 740), wanted)  # a wide screen with a tall task bar
    assert not too_small(QSize(1366, 768), wanted)
    assert not too_small(QSize(1920, 1040), wanted)


def _first_start(qtbot: QtBot, staffed: Opened) -> MainWindow:
    shown = MainWindow(staffed.shop)
    qtbot.addWidget(shown)
    shown.show_fitted()
    qtbot.waitUntil(lambda: shown.stack.currentWidget() is shown.sign_in)
    shown.tasks.wait()
    return shown


def test_a_first_start_on_a_small_screen_is_maximised_and_a_placed_window_is_not(
    qtbot: QtBot, staffed: Opened
) -> None:
    QSettings().remove("window/geometry")
    first = _first_start(qtbot, staffed)
    screen = first.screen()
    room = screen.availableGeometry().size()
    assert too_small(room, QSize(1366, 768)), room  # the offscreen test screen is 800×600
    assert first.isMaximized()
    first.close()  # keeps where it was: maximised, so maximised again next time
    assert _first_start(qtbot, staffed).isMaximized()
    placed = MainWindow(staffed.shop)  # a cashier who put it back to a window of its own
    qtbot.addWidget(placed)
    placed.showNormal()
    placed.tasks.wait()
    placed.close()
    again = _first_start(qtbot, staffed)
    assert not again.isMaximized()  # the cashier's own placement stands
