"""A report's table: typed rows (frozen dataclasses) shown, sorted, exported, and opened by member.

A report page describes its columns once (``ReportColumn``: the heading, the
value that sorts and goes into files, the text shown); the model does the
rest of Qt's table contract. A row with a ``member_no`` (or whatever the
page's ``member_of`` reads) opens that member's record on a double click or
Enter: ``member_chosen(member_no)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from loyalty_desktop.services.report_files import Cell, ExportTable
from loyalty_desktop.ui.console.reports.formats import NONE_TEXT, count_text

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class ReportColumn:
    """A column: heading, the value that sorts and is exported, the text shown (default: the value)."""

    title: str
    value: Callable[[Any], Cell]
    text: Callable[[Any], str] | None = None
    number: bool = False
    shown: bool = True  # False: in files only (a detail the screen has no room for)


def _default_text(value: Cell) -> str:
    if value is None:
        return NONE_TEXT
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, int):
        return count_text(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date | Decimal):
        return str(value)
    return value


def _sort_key(value: Cell) -> tuple[int, Any]:
    """None sorts last; numbers with numbers, text with text."""
    if value is None:
        return (2, 0)
    if isinstance(value, int | Decimal):
        return (0, value)
    if isinstance(value, datetime | date):
        return (0, value.isoformat())
    return (1, str(value).casefold())


def member_number(row: Any) -> str | None:
    """The member a row is about, if it has a ``member_no``."""
    number = getattr(row, "member_no", None)
    return str(number) if number else None


class ReportTableModel(QAbstractTableModel):
    """Rows of any type, described by ``ReportColumn``s; sortable by any column."""

    def __init__(self, columns: Sequence[ReportColumn], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.rows: list[Any] = []

    def show_rows(self, rows: Sequence[Any]) -> None:
        """Show these rows (in the order given until a header is clicked)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802  (Qt's name)
        """Rows shown."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802
        """Columns described."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, alignment and the member hint of a cell."""
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.number else _LEFT
        if role == Qt.ItemDataRole.UserRole:
            return column.value(row)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headings."""
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if self.columns[section].number else _LEFT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column's value (ties keep their order; no figure sorts last either way)."""
        if not 0 <= column < len(self.columns):
            return
        value = self.columns[column].value
        descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        present = [r for r in self.rows if value(r) is not None]
        missing = [r for r in self.rows if value(r) is None]
        present.sort(key=lambda r: _sort_key(value(r)), reverse=descending)
        self.rows = present + missing
        self.layoutChanged.emit()

    def row_at(self, row: int) -> Any:
        """The row object shown on line ``row`` (None outside the table)."""
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def export(self, title: str) -> ExportTable:
        """The rows as shown (sorted as shown), with exact values, for a file."""
        return ExportTable(
            title,
            tuple(c.title for c in self.columns),
            tuple(tuple(c.value(r) for c in self.columns) for r in self.rows),
            tuple(tuple(self._text(c, r) for c in self.columns) for r in self.rows),
        )

    def _text(self, column: ReportColumn, row: Any) -> str:
        return column.text(row) if column.text else _default_text(column.value(row))


class ReportTable(QTableView):
    """The table widget; ``member_chosen(member_no)`` on a double click or Enter on a member's row."""

    member_chosen = Signal(str)

    def __init__(
        self,
        columns: Sequence[ReportColumn],
        *,
        member_of: Callable[[Any], str | None] = member_number,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.report_model = ReportTableModel(columns, self)
        self.member_of = member_of
        self.setModel(self.report_model)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicatorShown(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(30)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionClicked.connect(lambda _: header.setSortIndicatorShown(True))
        for n, column in enumerate(columns):
            self.setColumnHidden(n, not column.shown)
        self.activated.connect(self._open)

    def show_rows(self, rows: Sequence[Any]) -> None:
        """Show the rows and size the columns to them."""
        self.report_model.show_rows(rows)
        self.horizontalHeader().setSortIndicatorShown(False)
        self.fit_columns()
        has_members = any(self.member_of(r) for r in rows)
        self.setToolTip(self.tr("Double-click a row to open the member") if has_members else "")

    def fit_columns(self) -> None:
        """Columns as wide as their text; the last fills what is left, never squeezing its text."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        self.resizeColumnsToContents()
        used = sum(
            header.sectionSize(n) for n in range(header.count()) if not header.isSectionHidden(n)
        )
        header.setStretchLastSection(used < self.viewport().width())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802  (Qt's name)
        """Fit the columns to the new width."""
        super().resizeEvent(event)
        self.fit_columns()

    def export(self, title: str) -> ExportTable:
        """The table for a file, sorted as shown."""
        return self.report_model.export(title)

    def _open(self, index: QModelIndex) -> None:
        row = self.report_model.row_at(index.row()) if index.isValid() else None
        number = self.member_of(row) if row is not None else None
        if number:
            self.member_chosen.emit(number)
