"""An editable table of a programme's rows (tiers, campaigns, rewards, activities), with add and remove.

Cells hold the text as typed; the programme file's reader checks it, and a
refusal that names a row and key marks that cell and says why under the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.ui.screens.messages import tell

Index = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]  # key -> text as typed, or bool for a check column

_ERROR_BACKGROUND = QColor("#fde2dc")


@dataclass(frozen=True)
class Column:
    """A column: the key it edits in the row, its heading, and whether it is a tick box."""

    key: str
    title: Callable[[], str]
    check: bool = False
    tip: Callable[[], str] | None = None


class RowsModel(QAbstractTableModel):
    """The rows of one table of the programme, edited in place; ``typed`` when a person changes a cell."""

    typed = Signal()
    refilled = Signal()

    def __init__(self, columns: tuple[Column, ...], blank: Callable[[int], Row]) -> None:
        super().__init__()
        self.columns = columns
        self._blank = blank
        self.rows: list[Row] = []
        self._error: tuple[int, str | None, str] | None = None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows of the table (a flat table: no children)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """One column per key shown."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column headings, row numbers down the side."""
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title()
        if role == Qt.ItemDataRole.ToolTipRole and column.tip:
            return column.tip()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Every cell is editable; tick-box cells are ticked instead of typed."""
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].check:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text, tick, alignment, and its refusal (tooltip and colour) if it has one."""
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = self.rows[index.row()].get(column.key, False if column.check else "")
        if column.check:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
        elif role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if self._flagged(index.row(), column.key):
            if role == Qt.ItemDataRole.BackgroundRole:
                return _ERROR_BACKGROUND
            if role == Qt.ItemDataRole.ToolTipRole and self._error:
                return self._error[2]
        if role == Qt.ItemDataRole.ToolTipRole and not column.check:
            return value or None  # the whole of a long list the column cuts short
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Store what was typed (or ticked) in the row."""
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        if column.check and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.rows[index.row()][column.key] = checked
        elif not column.check and role == Qt.ItemDataRole.EditRole:
            self.rows[index.row()][column.key] = str(value).strip()
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        self.typed.emit()
        return True

    def set_rows(self, rows: list[Row]) -> None:
        """Show these rows instead (a programme loaded or imported)."""
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self._error = None
        self.endResetModel()
        self.refilled.emit()

    def add_row(self) -> int:
        """Append a blank row; its number."""
        at = len(self.rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self.rows.append(self._blank(at))
        self.endInsertRows()
        return at

    def remove_row(self, row: int) -> None:
        """Take a row out."""
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def mark(self, row: int | None, key: str | None, text: str) -> None:
        """Mark the cell (or whole row, when ``key`` is None) the refusal is about; None clears."""
        self._error = None if row is None else (row, key, text)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1)
            )

    def _flagged(self, row: int, key: str) -> bool:
        return self._error is not None and self._error[0] == row and self._error[1] in (None, key)

    def column_of(self, key: str) -> int:
        """The column that edits ``key``, or -1."""
        return next((i for i, c in enumerate(self.columns) if c.key == key), -1)


class RowsEditor(QWidget):
    """A table of rows with Add and Remove buttons and a line for the refusal about it."""

    edited = Signal()

    def __init__(self, model: RowsModel, add_text: str, remove_text: str) -> None:
        super().__init__()
        self.model = model
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.add = QPushButton(add_text)
        self.remove = QPushButton(remove_text)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table, 1)
        box.addWidget(self.error)
        box.addLayout(buttons)
        self.add.clicked.connect(self.add_row)
        self.remove.clicked.connect(self.remove_selected)
        model.typed.connect(self.edited.emit)
        model.refilled.connect(self._fit_columns)

    def _fit_columns(self) -> None:
        """Columns as wide as their text, within reason (long lists are read in the tooltip)."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            width = header.sectionSize(column)
            header.resizeSection(column, min(max(width, 90), 260))

    def add_row(self) -> None:
        """A blank row at the end, its first cell ready for typing."""
        row = self.model.add_row()
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.edit(self.model.index(row, 0))
        self.edited.emit()

    def remove_selected(self) -> None:
        """Take out the row with the cursor."""
        row = self.table.currentIndex().row()
        if row >= 0:
            self.model.remove_row(row)
            self.edited.emit()

    def show_error(self, row: int | None, key: str | None, text: str) -> None:
        """Mark the cell and say why under the table; ``row`` -1 is the table as a whole, None clears."""
        self.model.mark(row, key, text)
        if row is None:
            self.error.hide()
            return
        column = self.model.column_of(key) if key else -1
        heading = self.model.columns[column].title() if column >= 0 else ""
        where = self.tr("Row {row}").format(row=row + 1) if row >= 0 else ""
        tell(
            self.error, ", ".join(p for p in (where, heading) if p) + (": " if where else "") + text
        )
        self.error.show()
        if 0 <= row < self.model.rowCount():
            self.table.scrollTo(self.model.index(row, max(column, 0)))


def split_list(text: str) -> list[str]:
    """A cell's comma-separated list (English or Chinese commas), blanks dropped."""
    return [
        part.strip()
        for part in text.replace("，", ",").replace("、", ",").split(",")
        if part.strip()
    ]


def join_list(values: list[Any]) -> str:
    """A list as one cell's text."""
    return ", ".join(str(v) for v in values)


def whole_or_text(text: str) -> int | str:
    """A whole number as TOML wants it, else the text (the reader then names the mistake)."""
    try:
        return int(text.strip())
    except ValueError:
        return text
