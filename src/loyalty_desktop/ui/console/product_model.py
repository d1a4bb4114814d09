"""The product list's table model: pages of the catalogue fetched on the worker as the view scrolls.

The database filters and sorts (``services.product_list``); the model holds
only the pages fetched so far, so 20,000 products open as fast as 20. A page
that arrives after the filter or the order changed is dropped (``_generation``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.money import format_money
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.product_list import (
    ProductPage,
    ProductQuery,
    ProductSort,
    count_products,
    list_products,
)
from loyalty_desktop.services.products import ProductView
from loyalty_desktop.ui.tasks import Tasks

PAGE_SIZE = 200
SORTS = (
    ProductSort.SKU,
    ProductSort.NAME,
    ProductSort.PRICE,
    ProductSort.CATEGORY,
    ProductSort.BARCODE,
)
_GREY = QBrush(QColor("#5f5f5f"))
Index = QModelIndex | QPersistentModelIndex


class ProductTableModel(QAbstractTableModel):
    """Products in the query's order; ``counted`` says how many match, ``failed`` why a page did not come."""

    counted = Signal(int)
    failed = Signal(object)  # LoyaltyError
    loaded = Signal()

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._shop, self._tasks, self._actor = shop, tasks, actor
        self._page_size = page_size
        self.query = ProductQuery()
        self._rows: list[ProductView] = []
        self._generation = 0
        self._loading = False
        self._exhausted = True
        self.total: int | None = None

    # Loading -----------------------------------------------------------------

    def set_query(self, query: ProductQuery) -> None:
        """Show the products ``query`` finds, from the first page."""
        self.query = query
        self.reload()

    def reload(self) -> None:
        """Forget the rows fetched and fetch the first page again (after an edit or import)."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._loading = False
        self._exhausted = False
        self.total = None
        self.endResetModel()
        generation, query = self._generation, self.query
        self.fetchMore(QModelIndex())  # the rows first: the count only fills a label
        self._tasks.submit(
            lambda: count_products(self._shop, self._actor, query),
            lambda total: self._counted(generation, total),
            self.failed.emit,
            owner=self,
        )

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        """More pages wait in the database (none while one is on its way)."""
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        """Ask the worker for the next page."""
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation, query, offset = self._generation, self.query, len(self._rows)
        self._tasks.submit(
            lambda: list_products(
                self._shop, self._actor, query, offset=offset, limit=self._page_size
            ),
            lambda page: self._arrived(generation, page),
            lambda error: self._page_failed(generation, error),
            owner=self,
        )

    def _arrived(self, generation: int, page: ProductPage) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(page.products) < self._page_size
        if page.products:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.products) - 1)
            self._rows.extend(page.products)
            self.endInsertRows()
        self.loaded.emit()

    def _page_failed(self, generation: int, error: LoyaltyError) -> None:
        if generation == self._generation:
            self._loading = False
            self._exhausted = True
            self.failed.emit(error)

    def _counted(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self.total = total
            self.counted.emit(total)

    @property
    def loading(self) -> bool:
        """A page is on its way."""
        return self._loading

    def product(self, row: int) -> ProductView:
        """The product shown in ``row``."""
        return self._rows[row]

    # The table contract ------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows fetched so far."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """SKU, name, price, category, barcode, status."""
        return 0 if parent.isValid() else len(SORTS) + 1

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles in the UI language."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("SKU"),
            self.tr("Name"),
            self.tr("Price"),
            self.tr("Category"),
            self.tr("Barcode"),
            self.tr("Status"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, alignment (prices right), a tooltip with the whole name, grey for inactive."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        product = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(product, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 2:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not product.active:
            return _GREY
        if role == Qt.ItemDataRole.UserRole:
            return product
        return None

    def _text(self, product: ProductView, column: int) -> str:
        values = (
            product.sku,
            product.name,
            format_money(product.price, product.currency),
            product.category or "",
            product.barcode or "",
            self.tr("On sale") if product.active else self.tr("Not on sale"),
        )
        return values[column] if 0 <= column < len(values) else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column in the database (the status column sorts by SKU)."""
        by = SORTS[column] if 0 <= column < len(SORTS) else ProductSort.SKU
        descending = order == Qt.SortOrder.DescendingOrder
        if (by, descending) == (self.query.sort, self.query.descending):
            return  # the view sorts once as it is set up: the list is already in this order
        self.set_query(ProductQuery(self.query.text, by, descending))
