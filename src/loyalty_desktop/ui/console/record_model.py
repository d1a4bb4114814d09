"""A table of one member's records (ledger, lots, tier changes, purchases), read page by page.

Each table names its columns (title, text of a row, right-aligned or not) and
gives a reader that returns a page of rows and where the next page starts
(None: the last page). Pages are read on the window's worker when the view
scrolls near the end; a ``reload`` drops answers to the earlier reading.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.ui.tasks import Tasks

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

# Reads the page starting at a cursor (None: the first); returns its rows and the next cursor.
RecordReader = Callable[[Any], tuple[Sequence[Any], Any]]


@dataclass(frozen=True)
class Column:
    """A column: its title, the text it shows for a row, whether it is a number (right-aligned)."""

    title: str
    text: Callable[[Any], str]
    number: bool = False
    tip: Callable[[Any], str | None] | None = None


class RecordModel(QAbstractTableModel):
    """Rows read lazily; ``loaded`` after each page, ``failed`` with a refusal."""

    loaded = Signal()
    failed = Signal(object)

    def __init__(self, tasks: Tasks, columns: Sequence[Column], read: RecordReader) -> None:
        super().__init__()
        self._tasks, self._columns, self._read = tasks, tuple(columns), read
        self._rows: list[Any] = []
        self._next: Any = None
        self._more = False
        self._loading = False
        self._generation = 0

    def reload(self) -> None:
        """Read again from the first page."""
        self._generation += 1
        self.beginResetModel()
        self._rows, self._next, self._more, self._loading = [], None, False, False
        self.endResetModel()
        self._load(None)

    def row_at(self, row: int) -> Any:
        """The record on row ``row`` (None past the loaded rows)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def canFetchMore(self, parent: Index = _NO_INDEX) -> bool:  # noqa: N802  (Qt's name)
        """Whether a next page exists and none is on its way."""
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index = _NO_INDEX) -> None:  # noqa: N802
        """Read the next page on the worker."""
        if self.canFetchMore(parent):
            self._load(self._next)

    def _load(self, cursor: Any) -> None:
        generation, read = self._generation, self._read
        self._loading = True

        def work() -> tuple[int, tuple[Sequence[Any], Any]]:
            return generation, read(cursor)

        def refused(error: LoyaltyError) -> None:
            if generation == self._generation:
                self._loading = False
                self.failed.emit(error)

        self._tasks.submit(work, self._arrived, refused, owner=self)

    def _arrived(self, answer: tuple[int, tuple[Sequence[Any], Any]]) -> None:
        generation, (rows, nxt) = answer
        if generation != self._generation:
            return
        self._loading = False
        self._next, self._more = nxt, nxt is not None
        if rows:
            first = len(self._rows)
            self.beginInsertRows(_NO_INDEX, first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit()

    def rowCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802
        """Rows loaded so far."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802
        """The table's columns."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """A cell's text, alignment and tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = self._columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(row)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None
