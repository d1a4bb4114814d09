"""The import page's column mapping: for each of our fields, a drop-down of the file's columns.

The services guess the mapping from the headers (会员号, 手机, Customer ID…);
the person corrects it here. An optional field may be left "not in the file";
a required one must have a column before the import can start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from loyalty_desktop.services.import_files import FilePreview, ImportField, ImportKind


def field_label(name: str, kind: ImportKind | None = None) -> str:
    """One of our fields as the person knows it, in the UI language."""
    translate = QCoreApplication.translate
    if name == "name" and kind is ImportKind.PRODUCTS:
        return translate("ImportFields", "Product name")
    labels = {
        "member_no": translate("ImportFields", "Member number"),
        "name": translate("ImportFields", "Member name"),
        "phone": translate("ImportFields", "Mobile phone"),
        "email": translate("ImportFields", "E-mail"),
        "birthday": translate("ImportFields", "Birthday"),
        "consent": translate("ImportFields", "Agrees to offers"),
        "sale_id": translate("ImportFields", "Sale number"),
        "member_ref": translate("ImportFields", "Member"),
        "at": translate("ImportFields", "Date and time"),
        "sku": translate("ImportFields", "SKU"),
        "qty": translate("ImportFields", "Quantity"),
        "unit_price": translate("ImportFields", "Unit price"),
        "price": translate("ImportFields", "Price"),
        "category": translate("ImportFields", "Category"),
        "barcode": translate("ImportFields", "Barcode"),
        "score": translate("ImportFields", "Score"),
    }
    return labels.get(name, name)


class MappingForm(QWidget):
    """One drop-down per field; ``changed`` when the person picks another column."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QComboBox] = {}
        self.fields: tuple[ImportField, ...] = ()
        self.kind: ImportKind | None = None

    def clear(self) -> None:
        """No file read: no drop-downs."""
        while self._form.rowCount():
            self._form.removeRow(0)
        self.boxes = {}
        self.fields = ()

    def show_preview(self, preview: FilePreview) -> None:
        """A drop-down for each field of the preview's kind, set to the guessed column."""
        self.clear()
        self.fields, self.kind = preview.fields, preview.kind
        for field in preview.fields:
            box = QComboBox()
            box.setMinimumContentsLength(10)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            if field.required:
                box.addItem(self.tr("— choose a column —"), "")
            else:
                box.addItem(self.tr("(not in the file)"), "")
            for header in preview.headers:
                if header:
                    box.addItem(header, header)
            guessed = preview.guessed.get(field.name, "")
            box.setCurrentIndex(max(0, box.findData(guessed)) if guessed else 0)
            box.currentIndexChanged.connect(lambda _: self.changed.emit())
            label = field_label(field.name, preview.kind)
            shown = QLabel(label + (" *" if field.required else ""))
            shown.setToolTip(
                self.tr("Every row needs this") if field.required else self.tr("May be left out")
            )
            self._form.addRow(shown, box)
            self.boxes[field.name] = box
        self.changed.emit()

    def choose(self, field: str, header: str) -> None:
        """Read ``field`` from the column ``header`` ("" leaves an optional field out)."""
        box = self.boxes[field]
        box.setCurrentIndex(max(0, box.findData(header)))

    def mapping(self) -> dict[str, str]:
        """Every field with the column chosen for it ("" for none)."""
        return {name: str(box.currentData() or "") for name, box in self.boxes.items()}

    def unmapped_required(self) -> list[str]:
        """Fields every row needs that have no column yet, as the person knows them."""
        chosen = self.mapping()
        return [
            field_label(f.name, self.kind) for f in self.fields if f.required and not chosen[f.name]
        ]
