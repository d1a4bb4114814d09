"""A form of the programme's single values (earning rate, expiry, redemption…), each with its refusal beside it.

Each field edits one key of the programme file (``earn.per``); what is typed
goes to the file's reader as typed, so its refusal names that key and is
shown under that very field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from loyalty_desktop.ui.console.programme_rows import join_list, split_list, whole_or_text
from loyalty_desktop.ui.screens.messages import tell


@dataclass
class _Field:
    editor: QLineEdit | QComboBox
    kind: str  # text, int, list or choice
    error: QLabel


def _get(data: dict[str, Any], key: str) -> Any:
    value: Any = data
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    *path, last = key.split(".")
    for part in path:
        data = data.setdefault(part, {})
    data[last] = value


class FieldForm(QWidget):
    """Labelled fields for keys of the programme file, each with a line for its refusal."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, _Field] = {}
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

    def line(self, key: str, label: str, *, kind: str = "text", hint: str = "") -> QLineEdit:
        """A typed field for ``key``: text, a whole number (int) or a comma-separated list."""
        editor = QLineEdit()
        editor.setObjectName(key)
        editor.setPlaceholderText(hint)
        editor.setToolTip(hint)
        editor.textEdited.connect(lambda _: self.edited.emit())
        self._add(key, label, editor, kind)
        return editor

    def choice(self, key: str, label: str, options: list[tuple[str, str]]) -> QComboBox:
        """A field for ``key`` chosen from ``options`` (value, text shown)."""
        editor = QComboBox()
        editor.setObjectName(key)
        for value, text in options:
            editor.addItem(text, value)
        editor.currentIndexChanged.connect(lambda _: self.edited.emit())
        self._add(key, label, editor, "choice")
        return editor

    def _add(self, key: str, label: str, editor: QLineEdit | QComboBox, kind: str) -> None:
        error = QLabel()
        error.setWordWrap(True)
        error.hide()
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(editor)
        box.addWidget(error)
        self.form.addRow(label, cell)
        self.fields[key] = _Field(editor, kind, error)

    def row_of(self, key: str) -> int:
        """The form row holding the field of ``key``."""
        return list(self.fields).index(key)

    def fill(self, data: dict[str, Any]) -> None:
        """Show the values of a programme's tables (as ``program_data`` gives them); not an edit."""
        self.blockSignals(True)
        try:
            self._fill(data)
        finally:
            self.blockSignals(False)

    def _fill(self, data: dict[str, Any]) -> None:
        for key, field in self.fields.items():
            value = _get(data, key)
            if isinstance(field.editor, QComboBox):
                field.editor.setCurrentIndex(max(0, field.editor.findData(value)))
            elif field.kind == "list":
                field.editor.setText(join_list(value or []))
            else:
                field.editor.setText("" if value is None else str(value))

    def collect(self, data: dict[str, Any]) -> None:
        """Write what the fields hold into the programme's tables, as the file would say it."""
        for key, field in self.fields.items():
            if isinstance(field.editor, QComboBox):
                _put(data, key, str(field.editor.currentData()))
                continue
            text = field.editor.text().strip()
            if field.kind == "list":
                _put(data, key, split_list(text))
            elif field.kind == "int":
                _put(data, key, whole_or_text(text))
            else:
                _put(data, key, text)

    def show_error(self, key: str | None, text: str) -> QWidget | None:
        """Show ``text`` under the field of ``key`` (clearing the others); the field, if this form has it."""
        found = None
        for name, field in self.fields.items():
            if name == key:
                tell(field.error, text)
                field.error.show()
                found = field.editor
            else:
                field.error.hide()
        return found

    def error_text(self, key: str) -> str:
        """The refusal shown under a field (empty when none is)."""
        field = self.fields[key]
        return "" if field.error.isHidden() else field.error.text()
