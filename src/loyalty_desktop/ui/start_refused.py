"""A refused start told in a box: a till started from its icon has no terminal to print to.

Refusals are a failed upgrade put back from its copy, a database from a newer
version, a file that is not a shop.

The words are the command line's English sentence, which names the files
(the backup copy among them); the box's title and advice are translated.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from loyalty_desktop.logs import log_file


def refusal_text(printed: str) -> str:
    """What the box says: the refusal as printed, and where the log is."""
    advice = QCoreApplication.translate(
        "StartRefused",
        "The program did not start and changed nothing in your shop's data. "
        "Send this message and the log file to support:\n{log}",
    ).format(log=log_file())
    return f"{printed.strip()}\n\n{advice}"


def tell_refusal(printed: str) -> None:
    """Show the refusal (only where there is a screen: offscreen runs have nobody to read it)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if QApplication.platformName() == "offscreen":
        return
    title = QCoreApplication.translate("StartRefused", "The program cannot start")
    QMessageBox.critical(None, title, refusal_text(printed))
    del app
