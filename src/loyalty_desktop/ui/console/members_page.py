"""The back office's member list: search as you type, sort by a header, open a member with Enter.

The list is the lazy ``MemberListModel``: a million members open as quickly
as a hundred. Typing waits a moment before searching (so each key press does
not start a query), and answers to a search typed over since are dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from loyalty_desktop.domain.cards import clean_scan, payment_kind
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.members import MemberStatus
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.services import browsing, member_view, programs
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.changes import Changes
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.member_view import MemberView
from loyalty_desktop.services.read_models import MemberCursor, MemberFilter, MemberPage
from loyalty_desktop.ui.console.member_detail import MemberDetailDialog
from loyalty_desktop.ui.console.member_model import (
    COLUMN_OF_SORT,
    MemberListModel,
    MemberQuery,
)
from loyalty_desktop.ui.console.page import ConsolePage
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks

SEARCH_DELAY_MS = 300


class MembersPage(ConsolePage):
    """Search box, member count, the list, and a message line."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__(shop, tasks, actor)
        self.detail: MemberDetailDialog | None = None
        title = QLabel(self.tr("Members"))
        title.setObjectName("title")
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search: member number, name, phone, or the phone's last 4 digits")
        )
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Which members"))
        for label, status in (
            (self.tr("Active members"), MemberStatus.ACTIVE),
            (self.tr("Merged into another"), MemberStatus.CLOSED),
            (self.tr("Erased"), MemberStatus.ERASED),
            (self.tr("All members"), None),
        ):
            self.status.addItem(label, status)
        self.count = QLabel()
        self.model = MemberListModel(tasks, self._read_page, self._count)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 220, 150, 100, 100, 150, 120)):
            self.table.setColumnWidth(column, width)
        self.open_button = QPushButton(self.tr("Open member (Enter)"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        top.addWidget(self.count)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.open_button)
        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addLayout(bottom)
        self.delay = QTimer(self)
        self.delay.setSingleShot(True)
        self.delay.setInterval(SEARCH_DELAY_MS)
        self.delay.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _text: self.delay.start())
        self.search.returnPressed.connect(self._search_now)
        self.status.currentIndexChanged.connect(lambda _i: self.run_search())
        header.sortIndicatorChanged.connect(self._sorted)
        self.table.activated.connect(self._open_index)
        self.open_button.clicked.connect(self.open_current)
        self.model.counted.connect(self._show_count)
        self.model.failed.connect(self._refused)
        find = QShortcut(QKeySequence("Ctrl+F"), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.search.setFocus)
        self._opened = False

    # -- what the worker runs --------------------------------------------------------------

    def _read_page(self, query: MemberQuery, after: MemberCursor | None, limit: int) -> MemberPage:
        return browsing.list_members(
            self.shop,
            self.actor,
            MemberFilter(text=query.text, status=query.status),
            sort=query.sort,
            descending=query.descending,
            after=after,
            limit=limit,
        )

    def _count(self, query: MemberQuery) -> int:
        page = browsing.list_members(
            self.shop,
            self.actor,
            MemberFilter(text=query.text, status=query.status),
            limit=1,
            count=True,
        )
        return page.total or 0

    # -- the page's life -------------------------------------------------------------------

    def shown(self) -> None:
        """First view: learn the currency, then load the list; later views read it again."""
        if self._opened:
            self.model.reload()  # sales at the till may have moved points meanwhile
            return
        self._opened = True
        shop, actor = self.shop, self.actor
        self.tasks.submit(
            lambda: programs.show_program(shop, actor).program.currency,
            self._currency,
            self._refused,
        )
        self.model.show(MemberQuery())
        self.search.setFocus()

    def _currency(self, currency: Currency) -> None:
        self.model.currency = currency
        if self.model.rowCount():
            self.model.dataChanged.emit(
                self.model.index(0, 0),
                self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1),
            )

    def run_search(self) -> None:
        """Search for what the box holds, keeping the sort."""
        self.delay.stop()
        query = self.model.query
        text = self.search.text().strip()
        chosen = self.status.currentData()  # Qt hands the enum back as its text
        status = MemberStatus(chosen) if chosen else None
        if text != query.text or status != query.status:
            self.count.setText(self.tr("Searching…"))
            self.model.show(MemberQuery(text, query.sort, query.descending, status))

    def _search_now(self) -> None:
        self.run_search()
        self.table.setFocus()
        if self.model.rowCount():
            self.table.selectRow(0)

    def _sorted(self, column: int, order: Qt.SortOrder) -> None:
        # A column the database cannot sort by keeps the list as it is; so does the arrow.
        if column not in (c for c in COLUMN_OF_SORT.values()):
            query = self.model.query
            ascending = (
                Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
            )
            self.table.horizontalHeader().setSortIndicator(COLUMN_OF_SORT[query.sort], ascending)

    def _show_count(self, total: int) -> None:
        self.count.setText(self.tr("{count} found").format(count=f"{total:,}"))

    def _refused(self, error: LoyaltyError) -> None:
        tell(self.message, spoken(error))

    # -- opening a member ------------------------------------------------------------------

    def open_current(self) -> None:
        """Open the selected member's record."""
        self._open_index(self.table.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is not None:
            self.open_member(f"id:{row.id}")

    def open_member(self, ref: str) -> MemberDetailDialog:
        """Open the record of the member ``ref`` names (an id, number, phone or card scan)."""
        if self.detail is not None:
            self.detail.close()
        self.detail = MemberDetailDialog(self.shop, self.tasks, self.actor, ref, parent=self)
        self.detail.changed.connect(self._changed)
        self.detail.show()
        return self.detail

    def scanned(self, code: str) -> None:
        """A member card scanned while the list shows: open that member (a payment code never)."""
        kind = payment_kind(clean_scan(code))
        if kind is not None:  # never looked up, never kept
            tell(
                self.message,
                self.tr("That was a payment code ({kind}), not a member card.").format(kind=kind),
            )
            return
        shop, actor = self.shop, self.actor
        self.tasks.submit(
            lambda: member_view.show_member(shop, actor, code),
            self._open_view,
            self._refused,
        )

    def _open_view(self, view: MemberView) -> None:
        self.open_member(f"id:{view.id}")

    def _changed(self, changes: Changes) -> None:
        if changes.members:
            self.model.reload()
