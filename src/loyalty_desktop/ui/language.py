"""Our translations and Qt's own, loaded for a locale (English needs none)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def install_translations(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
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
