"""The Products page: the whole catalogue in a lazy list, filtered as you type, with a form to add or edit.

Below the form, what suggestions leave out (``suggestion_options``).

Typing in the filter waits a moment (``FILTER_DELAY_MS``) so a word is one
query, not one per letter; the database filters and sorts. Importing a file
goes to the Import page with products chosen, the same flow as members.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QLocale, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.import_files import ImportKind
from loyalty_desktop.services.product_list import ProductQuery
from loyalty_desktop.ui.console.page import ConsolePage, pick_list
from loyalty_desktop.ui.console.product_editor import ProductEditor
from loyalty_desktop.ui.console.product_model import ProductTableModel
from loyalty_desktop.ui.console.suggestion_options import SuggestionOptions
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks

FILTER_DELAY_MS = 250


class ProductsPage(ConsolePage):
    """The list on the left, the product form on the right."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__(shop, tasks, actor)
        heading = QLabel(self.tr("Products"))
        heading.setObjectName("title")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by SKU, name, category or barcode"))
        self.filter.setClearButtonEnabled(True)
        self.count = QLabel()
        self.import_button = QPushButton(self.tr("Import CSV or Excel…"))
        self.model = ProductTableModel(shop, tasks, actor)
        self.table = pick_list(self.model)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (2, 100), (3, 110), (4, 150), (5, 100)):
            self.table.setColumnWidth(column, width)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.editor = ProductEditor(shop, tasks, actor)
        self.editor.setFixedWidth(360)
        self.options = SuggestionOptions(shop, tasks, actor)
        self.options.setFixedWidth(360)
        self.message = QLabel()
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.import_button)
        search = QHBoxLayout()
        search.addWidget(self.filter, 1)
        search.addWidget(self.count)
        left = QVBoxLayout()
        left.addLayout(search)
        left.addWidget(self.table, 1)
        left.addWidget(self.message)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self.editor, 1)
        right.addWidget(self.options)
        body.addLayout(right)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addLayout(body, 1)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(FILTER_DELAY_MS)
        self._delay.timeout.connect(self.apply_filter)
        self.filter.textChanged.connect(self._delay.start)
        self.filter.returnPressed.connect(self.apply_filter)
        self.model.counted.connect(self._show_count)
        self.model.failed.connect(self._failed)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.editor.saved.connect(lambda _: self.model.reload())
        self.import_button.clicked.connect(self.import_file)
        shortcut = QShortcut(QKeySequence("Ctrl+F"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.filter.setFocus)
        self._opened = False

    def shown(self) -> None:
        """Fetch the list afresh: an import or a till may have changed it meanwhile."""
        self.model.reload()
        self.options.load()
        if not self._opened:
            self._opened = True
            self.filter.setFocus()

    def apply_filter(self) -> None:
        """List the products the filter text finds."""
        self._delay.stop()
        query = self.model.query
        text = self.filter.text().strip()
        if text != query.text:
            self.model.set_query(ProductQuery(text, query.sort, query.descending))

    def import_file(self) -> None:
        """Go to the Import page with products chosen."""
        screen = self.parentWidget()
        while screen is not None and not hasattr(screen, "open_page"):
            screen = screen.parentWidget()
        if screen is None:
            return
        page = screen.open_page("import")
        choose = getattr(page, "choose_kind", None)
        if choose is not None:
            choose(ImportKind.PRODUCTS)

    def _selected(self, selected: QItemSelection, _: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if len(rows) == 1:
            self.editor.edit(self.model.product(rows.pop()))

    def _show_count(self, total: int) -> None:
        self.count.setText(self.tr("Found: {n}").format(n=QLocale().toString(total)))

    def _failed(self, error: LoyaltyError) -> None:
        tell(self.message, spoken(error))
