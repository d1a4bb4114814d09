"""What a shop sees when the program meets an error nobody foresaw: a calm dialog, never a vanished till.

The error and its traceback go to the log; the dialog says that completed sales
are saved (each one is committed before its receipt prints), and where the
log is so support can ask for it. The program keeps running when it can.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from loyalty_desktop.logs import log_file

_log = logging.getLogger("loyalty_desktop.crash")

_shown: list[QMessageBox] = []  # open crash dialogs, kept alive until closed

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def crash_text() -> str:
    """The dialog's words, in the language in force."""
    return QCoreApplication.translate(
        "Crash",
        "Something went wrong that the program did not expect.\n\n"
        "Sales already completed are saved. If a sale was in progress, check its basket "
        "before taking payment again.\n\n"
        "The details are in the log file; please send it to support:\n{log}",
    ).format(log=log_file())


def show_crash(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Log the error with its traceback, then tell the person at the till (when there is a screen)."""
    _log.critical("unhandled error", exc_info=(kind, error, trace))
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    sys.__excepthook__(kind, error, trace)  # stderr too, for whoever started it from a terminal
    if not isinstance(QApplication.instance(), QApplication):
        return
    title = QCoreApplication.translate("Crash", "The program met an error")
    box = QMessageBox(
        QMessageBox.Icon.Critical, title, crash_text(), parent=QApplication.activeWindow()
    )
    box.setDetailedText(f"{kind.__name__}: {error}")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda _code: _shown.remove(box))
    _shown.append(box)
    box.open()  # not exec(): the till's own work (timers, the worker's results) goes on


def install_crash_dialog() -> Hook:
    """Make ``show_crash`` the handler of unhandled errors; returns the handler it replaced."""
    before = sys.excepthook
    sys.excepthook = show_crash
    return before
