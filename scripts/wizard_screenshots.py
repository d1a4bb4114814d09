"""Save a picture of each first-run wizard page, in English and in Chinese, at its smallest size.

    .venv/bin/python scripts/wizard_screenshots.py [--out docs/screenshots]

Writes ``wizard-{shop,admin,data}-{en,zh_CN}.png`` with a shop name and an
admin typed in. The smallest size is what must fit (tests/ui/test_wizard_look.py).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from loyalty_desktop.ui.theme import STYLE
from loyalty_desktop.ui.wizard import FirstRunWizard

LANGUAGES = {"en": 1, "zh_CN": 2}  # the wizard's language box: English, 简体中文
DATABASE = "/home/shop/.local/share/loyalty-desktop/loyalty.db"  # not this machine's own path


def _settle(app: QApplication) -> None:
    for _ in range(10):  # the language change and the page's layout arrive as posted events
        app.processEvents()


def shoot(app: QApplication, out: Path, language: str) -> list[Path]:
    """Every page of a wizard speaking ``language``; the files written."""
    wizard = FirstRunWizard()
    wizard.shop.language.setCurrentIndex(LANGUAGES[language])
    wizard.data.path.setText(DATABASE)
    wizard.resize(wizard.minimumSize())
    wizard.show()
    written = []
    typing = {
        "shop": lambda: wizard.shop.name.setText("街角店 Corner Shop"),
        "admin": lambda: [
            field.setText(text)
            for field, text in (
                (wizard.admin.name, "Ada"),
                (wizard.admin.pin, "2468"),
                (wizard.admin.again, "2468"),
            )
        ],
        "data": lambda: None,
    }
    for name, fill in typing.items():
        fill()
        _settle(app)
        path = out / f"wizard-{name}-{language}.png"
        wizard.grab().save(str(path))
        written.append(path)
        wizard.next()
    wizard.release_language()
    wizard.close()
    return written


def main() -> None:
    """Write the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setStyleSheet(STYLE)
    QCoreApplication.setApplicationName("loyalty-desktop")
    for language in LANGUAGES:
        for path in shoot(app, args.out, language):
            print(path)


if __name__ == "__main__":
    main()
