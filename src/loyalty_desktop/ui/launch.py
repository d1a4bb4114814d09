"""Start the Qt application on an opened shop: its look and the main window (which picks the language)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.crash import install_crash_dialog
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.theme import STYLE
from loyalty_desktop.ui.ui_thread_gc import UiThreadCollector

ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "loyalty-desktop.png"


def run_gui(shop: Shop, demo: bool, database: str | None = None) -> int:
    """Show the till's window until it is closed."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("loyalty-desktop")
    app.setApplicationName("loyalty-desktop")
    app.setStyleSheet(STYLE)
    app.setWindowIcon(QIcon(str(ICON)))
    install_crash_dialog()
    UiThreadCollector(app).start()  # the workers never free a screen (ui/ui_thread_gc.py)
    window = MainWindow(shop, demo=demo, database=database)
    window.show_fitted()
    window.sync_pump.start()  # sends the outbox if this store is connected to a server
    return app.exec()
