"""The import page's two tables: the file's first rows as read, and every rejected row with its reason.

A rejected row may be wrong in several columns: each reason is a line of its
own (row, the file's column, the reason in the UI language), so the report
reads like a list of cells to fix.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from loyalty_desktop.domain.reasons import say
from loyalty_desktop.services.csv_files import RowProblem
from loyalty_desktop.services.import_files import ImportKind
from loyalty_desktop.ui.console.import_mapping import field_label

Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """The file's header and first rows, exactly as they were read; mapped columns say their field."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: tuple[str, ...] = ()
        self.rows: tuple[tuple[str, ...], ...] = ()
        self._fields: dict[str, str] = {}  # header -> our field's label

    def show(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """Show a file's first rows."""
        self.beginResetModel()
        self.headers = tuple(headers)
        self.rows = tuple(tuple(row) for row in rows)
        self._fields = {}
        self.endResetModel()

    def mark(self, mapping: Mapping[str, str], kind: ImportKind) -> None:
        """Name, in each mapped column's header, the field it is read into."""
        self._fields = {}
        for field, header in mapping.items():
            if header:
                self._fields.setdefault(header, field_label(field, kind))
        if self.headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The rows previewed."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The file's columns."""
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The file's header, with the field it goes to (``手机 → Mobile phone``); rows by Excel number."""
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 2)  # the header is row 1, as Excel shows it
        if not 0 <= section < len(self.headers):
            return None
        header = self.headers[section]
        field = self._fields.get(header)
        if field is None:
            return header if role == Qt.ItemDataRole.DisplayRole else self.tr("Not imported")
        return f"{header} → {field}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell as read (blank past the end of a short row)."""
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self.rows[index.row()]
        return row[index.column()] if index.column() < len(row) else ""


@dataclass(frozen=True)
class Rejection:
    """One reason a row was rejected, as the report shows it."""

    row: int
    column: str
    reason: str


def rejections(
    problems: Sequence[RowProblem], mapping: Mapping[str, str], kind: ImportKind, locale: str
) -> list[Rejection]:
    """Every reason of every rejected row, worded for ``locale``; columns named as in the file."""
    found: list[Rejection] = []
    for problem in problems:
        if not problem.issues:
            found.append(Rejection(problem.row, "", problem.error))
            continue
        for issue in problem.issues:
            column = mapping.get(issue.column) or (
                field_label(issue.column, kind) if issue.column else ""
            )
            reason = say(issue.reason, issue.details, locale) or issue.message
            found.append(Rejection(problem.row, column, reason))
    return found


class RejectionModel(QAbstractTableModel):
    """The rejected rows: row number, column, reason."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[Rejection] = []

    def show(self, lines: list[Rejection]) -> None:
        """Show a report's rejections."""
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def titles(self) -> tuple[str, str, str]:
        """The columns' titles in the UI language (also the saved file's header)."""
        return (self.tr("Row"), self.tr("Column"), self.tr("Reason"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """One line per reason."""
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Row, column, reason."""
        return 0 if parent.isValid() else 3

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The row number (right-aligned), the file's column, the whole reason as a tooltip too."""
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return str(line.row) if role == Qt.ItemDataRole.DisplayRole else None
            return line.column if index.column() == 1 else line.reason
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
