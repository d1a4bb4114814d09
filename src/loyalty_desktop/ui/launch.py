"""Start the Qt application on an opened shop: language, look, the main window; returns the exit code."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.theme import STYLE

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def install_translations(app: QApplication, locale: QLocale) -> list[QTranslator]:
    """Load our strings and Qt's own for ``locale`` (English needs none); keep the result alive."""
    loaded = []
    for name, folder in (
        ("loyalty", str(TRANSLATIONS)),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded


def run_gui(shop: Shop, demo: bool) -> int:
    """Show the till's window until it is closed."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("loyalty-desktop")
    app.setApplicationName("loyalty-desktop")
    locale = QLocale()
    QLocale.setDefault(locale)
    install_translations(app, locale)
    app.setStyleSheet(STYLE)
    window = MainWindow(shop, demo=demo)
    window.show()
    return app.exec()
