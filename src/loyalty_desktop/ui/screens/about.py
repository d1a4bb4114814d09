"""About / diagnostics: the program's and its libraries' versions and where its files are, for support.

The lines stay in English (support reads them); the dialog's own words are
translated. "Copy" puts the whole text on the clipboard to paste into a message.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.logs import log_file
from loyalty_desktop.ui.diagnostics import as_text, facts


class AboutDialog(QDialog):
    """Versions and paths, read-only, with a button that copies them."""

    def __init__(self, database: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About loyalty-desktop"))
        self.text = as_text([*facts(database), ("Log file", str(log_file()))])
        intro = QLabel(self.tr("When you call for support, copy these lines into your message."))
        intro.setWordWrap(True)
        self.lines = QPlainTextEdit(self.text)
        self.lines.setReadOnly(True)
        self.lines.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.lines.setMinimumSize(640, 340)
        self.copied = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("Copy to clipboard"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.lines)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)

    def copy(self) -> None:
        """Put the lines on the clipboard."""
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.text)
        self.copied.setText(self.tr("Copied. Paste it into your message to support."))
