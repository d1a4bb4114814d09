"""Run the first-run wizard before the till opens: make the shop, write the settings, say where.

Returns the database to open, or None when the wizard was closed (nothing is
written then, and the next start asks again). A shop that cannot be made (a
folder that cannot be written, say) is told in a box and the wizard stays open.
"""

from __future__ import annotations

import sys
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.first_start import check_settings_folder, make_shop, write_settings
from loyalty_desktop.ui.preferences import load_preferences, save_preferences
from loyalty_desktop.ui.screens.messages import spoken
from loyalty_desktop.ui.theme import STYLE
from loyalty_desktop.ui.wizard import FirstRunWizard


def finish(wizard: FirstRunWizard) -> str | None:
    """Make the shop from the wizard's answers; None (and a box saying why) when it cannot."""
    setup = wizard.setup()
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        check_settings_folder(setup)
        make_shop(setup)
        write_settings(setup)
    except (LoyaltyError, OSError) as error:
        text = spoken(error) if isinstance(error, LoyaltyError) else str(error)
        QMessageBox.warning(wizard, wizard.windowTitle(), text)
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    save_preferences(replace(load_preferences(), language=setup.language))
    return str(setup.database)


def run_first_start() -> str | None:
    """Show the wizard until the shop is made (its database path) or the wizard is closed (None)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("loyalty-desktop")
    app.setApplicationName("loyalty-desktop")
    app.setStyleSheet(STYLE)
    wizard = FirstRunWizard()
    try:
        while wizard.exec() == QWizard.DialogCode.Accepted:
            made = finish(wizard)
            if made is not None:
                return made
            wizard.restart()
        return None
    finally:
        wizard.release_language()  # the till speaks the language saved in its preferences
