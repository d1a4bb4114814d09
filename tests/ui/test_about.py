"""About / diagnostics: versions and paths for support, one button from the till, copied whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from loyalty_desktop import __version__
from loyalty_desktop.app import Opened
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.screens.about import AboutDialog


def test_about_shows_versions_and_the_database_and_copies_them(
    qtbot: QtBot, staffed: Opened
) -> None:
    window = MainWindow(staffed.shop, database=staffed.location)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.sign_in)
    assert window.about_button.isVisible()  # reachable before anyone signs in
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    text = dialog.lines.toPlainText()
    assert f"loyalty-desktop: {__version__}" in text
    assert f"Database: {staffed.location}" in text
    assert "Qt: 6." in text
    assert "Log file: " in text
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == text
    assert dialog.copied.text()
    dialog.close()
    window.tasks.wait()
