"""The basket as a table model: lines as the cashier entered them; money formatting lives in the roles."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from loyalty_desktop.services.baskets import LineRequest

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


_CENT = Decimal("0.01")
_TOO_MUCH = Decimal(10) ** 12  # no till line comes near; a typo like 1e999999 shows blank


def _amount(line: LineRequest) -> str:
    """Quantity × price rounded half-up (as the sale rounds it), less the line's discount.

    Text that is no number, or absurdly large, shows blank: the quote refuses it in words.
    """
    try:
        gross = (Decimal(line.quantity) * Decimal(line.unit_price)).quantize(_CENT, ROUND_HALF_UP)
        value = gross - Decimal(line.discount or 0)
        if not value.is_finite() or abs(value) >= _TOO_MUCH:
            return ""
        return f"{value.quantize(_CENT, ROUND_HALF_UP)}"
    except ArithmeticError:  # InvalidOperation, Overflow
        return ""


class BasketModel(QAbstractTableModel):
    """SKU, quantity, unit price, line discount and amount of each line, in the order scanned."""

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[LineRequest] = []
        self._names: list[str] = []
        self._headers = (
            self.tr("Item"),
            self.tr("Qty"),
            self.tr("Price"),
            self.tr("Off"),
            self.tr("Amount"),
        )

    @property
    def lines(self) -> tuple[LineRequest, ...]:
        """The lines, for the sale request."""
        return tuple(self._lines)

    def named_lines(self) -> tuple[tuple[LineRequest, str], ...]:
        """Each line with the product name shown beside it (to keep the basket on disk)."""
        return tuple(zip(self._lines, self._names, strict=True))

    def add(self, line: LineRequest, name: str = "") -> None:
        """Append a line (``name``: the product's, shown beside its code)."""
        row = len(self._lines)
        self.beginInsertRows(_NO_INDEX, row, row)
        self._lines.append(line)
        self._names.append(name)
        self.endInsertRows()

    def set_discount(self, row: int, discount: str) -> None:
        """Money off the line at ``row`` (empty text takes it away)."""
        if 0 <= row < len(self._lines):
            self._lines[row] = replace(self._lines[row], discount=discount.strip() or None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def remove(self, row: int) -> None:
        """Remove the line at ``row`` (nothing if there is none)."""
        if 0 <= row < len(self._lines):
            self.beginRemoveRows(_NO_INDEX, row, row)
            del self._lines[row]
            del self._names[row]
            self.endRemoveRows()

    def clear(self) -> None:
        """Empty the basket for the next customer."""
        self.beginResetModel()
        self._lines.clear()
        self._names.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802  (Qt's name)
        """Lines in the basket."""
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802
        """Item, quantity, price, discount, amount."""
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Display text and alignment of a cell."""
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            item = f"{line.sku}  {self._names[index.row()]}".strip()
            off = f"−{line.discount}" if line.discount else ""
            return (item, line.quantity, line.unit_price, off, _amount(line))[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
