"""What the member record asks the manager outside itself: where to save a file, and whether to erase.

Kept in one small module so the flows can be driven in tests (the file
chooser and the message box are native, modal windows).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


def choose_save_path(parent: QWidget, title: str, suggested: str, kinds: str) -> Path | None:
    """The file the manager chose to save to (the chooser asks before replacing one), or None."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, kinds)
    return Path(path) if path else None


def erase_box(parent: QWidget, member_no: str) -> QMessageBox:
    """The question before an erasure: what goes, what stays; Cancel is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("MemberFiles", "Erase member data"))
    box.setText(
        QCoreApplication.translate(
            "MemberFiles", "Erase the personal data of member {number}?"
        ).format(number=member_no)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "MemberFiles",
            "Name, phone, e-mail, birthday and consent are removed for good, also from "
            "duplicates merged into this member. The number, points and purchase totals "
            "stay, without a name, for the books. This cannot be undone.",
        )
    )
    erase = box.addButton(
        QCoreApplication.translate("MemberFiles", "Erase for good"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    erase.setObjectName("erase")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def ask(box: QMessageBox) -> bool:
    """Show ``box`` and wait: whether the manager chose its destructive button."""
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.DestructiveRole


def print_image(parent: QWidget, png: bytes) -> bool:
    """Print a PNG (the member card) on a printer the manager picks, at its own size; whether it printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    image = QImage.fromData(png)
    page = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
    # The card is 300 dpi: drawn at the printer's resolution it keeps its real size.
    scale = printer.resolution() / 300
    size = image.size() * scale
    size.scale(page.size().boundedTo(size), Qt.AspectRatioMode.KeepAspectRatio)
    painter = QPainter(printer)
    painter.drawImage(page.topLeft().x(), page.topLeft().y(), image.scaled(size))
    painter.end()
    return True
