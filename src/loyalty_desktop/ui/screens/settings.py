"""This till's settings (F10): language for everyone; idle lock and receipt printer for managers.

A cashier may switch the language they read, but not lengthen the lock that
protects their till or point receipts at another printer: those fields are
shown, greyed, with the reason.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.services.auth import Actor, Role
from loyalty_desktop.ui.preferences import ENCODINGS, IDLE_MINUTES, PAPERS, TillPreferences


class SettingsScreen(QWidget):
    """The form; ``saved`` carries the new settings, ``leave`` goes back unchanged."""

    saved = Signal(object)  # TillPreferences
    leave = Signal()

    def __init__(self, actor: Actor, current: TillPreferences) -> None:
        super().__init__()
        self._current = current
        self.manager = actor.role.rank >= Role.MANAGER.rank
        title = QLabel(self.tr("Settings of this till"))
        title.setObjectName("title")
        self.language = QComboBox()
        # Each language is named in itself, so a cashier who reads only one can find it.
        self.language.addItem(self.tr("Same as this PC"), "")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.idle = QSpinBox()
        self.idle.setRange(*IDLE_MINUTES)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)  # typed, or arrow keys
        self.printer = QLineEdit()
        self.printer.setPlaceholderText(self.tr("Empty: receipts are shown on screen only"))
        self.printer.setToolTip(
            self.tr("A device (/dev/usb/lp0, COM3), a file, or a network printer tcp://host:9100")
        )
        self.printer.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.paper = QComboBox()
        for width in PAPERS:
            self.paper.addItem(self.tr("{mm} mm").format(mm=width), width)
        self.encoding = QComboBox()
        names = {
            "gb18030": self.tr("GB18030 (most Chinese printers)"),
            "gbk": self.tr("GBK (older Chinese printers)"),
            "utf-8": "UTF-8",
            "raster": self.tr("Picture (any printer, slower)"),
        }
        for code in ENCODINGS:
            self.encoding.addItem(names[code], code)
        self.every_sale = QCheckBox(self.tr("Print a receipt for every sale"))
        self.note = QLabel()
        self.note.setObjectName("notice")
        self.note.setWordWrap(True)
        self.save = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save.setObjectName("primary")
        self.back = QPushButton(self.tr("Back (Esc)"))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Lock when idle after"), self.idle)
        form.addRow(self.tr("Receipt printer"), self.printer)
        form.addRow(self.tr("Paper width"), self.paper)
        form.addRow(self.tr("Printer characters"), self.encoding)
        form.addRow("", self.every_sale)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.save, 1)
        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addLayout(form)
        box.addWidget(self.note)
        box.addStretch(1)
        box.addLayout(buttons)
        box.setContentsMargins(200, 20, 200, 20)
        if not self.manager:
            for field in (self.idle, self.printer, self.paper, self.encoding, self.every_sale):
                field.setEnabled(False)
            self.note.setText(self.tr("Only a manager can change the lock and the printer."))
        self.save.clicked.connect(self.submit)
        self.back.clicked.connect(self.leave.emit)
        for keys, action in (("Ctrl+S", self.submit), ("Esc", self.leave.emit)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        self.show_settings(current)

    def show_settings(self, current: TillPreferences) -> None:
        """Fill the form with the settings in force."""
        self._current = current
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.idle.setValue(current.idle_minutes)
        self.printer.setText(current.printer)
        self.paper.setCurrentIndex(max(0, self.paper.findData(current.paper)))
        self.encoding.setCurrentIndex(max(0, self.encoding.findData(current.encoding)))
        self.every_sale.setChecked(current.print_every_sale)
        self.language.setFocus()

    def chosen(self) -> TillPreferences:
        """The settings as the form shows them (a cashier's change is the language only)."""
        language = str(self.language.currentData())
        if not self.manager:
            return TillPreferences(**{**self._current.__dict__, "language": language})
        return TillPreferences(
            language=language,
            idle_minutes=self.idle.value(),
            printer=self.printer.text().strip(),
            paper=int(self.paper.currentData()),
            encoding=str(self.encoding.currentData()),
            print_every_sale=self.every_sale.isChecked(),
        )

    def submit(self) -> None:
        """Save; an automatic printout needs a printer to print on."""
        chosen = self.chosen()
        if chosen.print_every_sale and not chosen.printer:
            self.note.setText(self.tr("Name a printer before asking for a receipt every sale."))
            self.printer.setFocus()
            return
        self.saved.emit(chosen)
