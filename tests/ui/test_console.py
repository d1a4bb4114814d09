"""The back office: F11 opens it for a manager, never for a cashier; sign-out closes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.ui.console.screen import ConsoleScreen
from loyalty_desktop.ui.main_window import MainWindow
from tests.ui.conftest import signed_in


def test_f11_opens_the_back_office_for_an_admin_and_f11_again_returns_to_the_till(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = signed_in(qtbot, window, "Ada")
    assert window.console_button.isVisible()
    qtbot.keyClick(till.scan, Qt.Key.Key_F11)
    assert isinstance(window.stack.currentWidget(), ConsoleScreen)
    assert window.console is not None
    assert window.console.nav.count() >= 1
    qtbot.keyClick(window.console.nav, Qt.Key.Key_F11)
    assert window.stack.currentWidget() is window.checkout


def test_a_cashier_is_told_the_back_office_is_for_managers(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = signed_in(qtbot, window, "Cai")
    assert not window.console_button.isVisible()
    qtbot.keyClick(till.scan, Qt.Key.Key_F11)
    assert window.stack.currentWidget() is till
    assert window.console is None
    assert "manager" in till.message.text()


def test_signing_out_from_the_back_office_leaves_nothing_of_it_behind(
    qtbot: QtBot, window: MainWindow
) -> None:
    signed_in(qtbot, window, "Ada")
    window.toggle_console()
    assert window.console is not None
    window.sign_out()
    assert window.console is None
    assert window.stack.currentWidget() is window.sign_in
    assert not window.console_button.isVisible()


def test_every_page_opens_and_comes_into_view(qtbot: QtBot, window: MainWindow) -> None:
    signed_in(qtbot, window, "Ada")
    window.toggle_console()
    console = window.console
    assert console is not None
    for row in range(console.nav.count()):
        console.nav.setCurrentRow(row)
        assert console.stack.currentWidget() is list(console.pages.values())[row]
