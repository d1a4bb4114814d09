"""The member list as a lazy table model: one page at a time from the database, never every member.

The database filters and sorts (keyset pages, see ``services/browsing.py``);
the model holds only the pages scrolled through so far and asks for the next
when the view scrolls near the end (``canFetchMore``/``fetchMore``). Every
page is read on the window's worker. A new search or sort starts a new
generation: work for an older one is skipped if it has not started, and its
answers are dropped. The match count is read after the first page, and only
once the typing has settled: counting a search as broad as "1" (every
member number) takes the worker about a second at a million members.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.members import MemberStatus
from loyalty_desktop.domain.money import Currency, format_money
from loyalty_desktop.services.read_models import MemberCursor, MemberPage, MemberRow, MemberSort
from loyalty_desktop.ui.tasks import Tasks

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
PAGE = 200
COUNT_DELAY_MS = 400
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class MemberQuery:
    """What the list shows: the search box's text and the sort."""

    text: str = ""
    sort: MemberSort = MemberSort.NUMBER
    descending: bool = False
    status: MemberStatus | None = MemberStatus.ACTIVE  # None: every member, merged and erased too


# Reads one page (after the cursor) of a query; runs on the worker.
PageReader = Callable[[MemberQuery, MemberCursor | None, int], MemberPage]
# Counts the members a query matches; runs on the worker.
Counter = Callable[[MemberQuery], int]

# Columns, and the sort a click on each header asks for (None: not sortable).
NUMBER, NAME, PHONE, TIER, POINTS, SPEND, JOINED, STATUS = range(8)
SORT_OF_COLUMN: dict[int, MemberSort] = {
    NUMBER: MemberSort.NUMBER,
    NAME: MemberSort.NAME,
    POINTS: MemberSort.BALANCE,
    SPEND: MemberSort.SPEND,
    JOINED: MemberSort.JOINED,
}
COLUMN_OF_SORT = {sort: column for column, sort in SORT_OF_COLUMN.items()}


def local_day(moment: datetime) -> str:
    """A stored (UTC) moment as the date on this computer's calendar."""
    return f"{moment.astimezone():%Y-%m-%d}"


class MemberListModel(QAbstractTableModel):
    """Members page by page; ``loaded`` says a page arrived, ``counted`` how many match, ``failed`` a refusal."""

    loaded = Signal()
    counted = Signal(int)
    failed = Signal(object)

    def __init__(
        self, tasks: Tasks, read: PageReader, count: Counter, *, page_size: int = PAGE
    ) -> None:
        super().__init__()
        self._tasks, self._read, self._count, self._page_size = tasks, read, count, page_size
        self.query = MemberQuery()
        self.currency: Currency | None = None
        self.total: int | None = None
        self._rows: list[MemberRow] = []
        self._next: MemberCursor | None = None
        self._generation = 0
        self._loading = False
        self._started = False  # a query was asked for: until then there is nothing to fetch
        self._headers = (
            self.tr("Number"),
            self.tr("Name"),
            self.tr("Phone"),
            self.tr("Tier"),
            self.tr("Points"),
            self.tr("Lifetime spend"),
            self.tr("Joined"),
            self.tr("Status"),
        )
        self._statuses = {
            MemberStatus.ACTIVE: self.tr("active"),
            MemberStatus.CLOSED: self.tr("merged"),
            MemberStatus.ERASED: self.tr("erased"),
        }

    # -- what the page asks for ------------------------------------------------------------

    def show(self, query: MemberQuery) -> None:
        """Start over with ``query``: empty the list, then load its first page and count it."""
        self._generation += 1
        self.beginResetModel()
        self.query = query
        self._rows = []
        self._next = None
        self.total = None
        self._loading = False
        self._started = True
        self.endResetModel()
        self._load(None, count=True)

    def reload(self) -> None:
        """Read the list again from the top (after something changed members)."""
        self.show(self.query)

    def row_at(self, row: int) -> MemberRow | None:
        """The member on row ``row``, if loaded."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def loading(self) -> bool:
        """Whether a page is being read."""
        return self._loading

    # -- lazy loading ----------------------------------------------------------------------

    def canFetchMore(self, parent: Index = _NO_INDEX) -> bool:  # noqa: N802  (Qt's name)
        """Whether another page follows what is loaded (and none is on its way)."""
        if parent.isValid() or not self._started or self._loading:
            return False
        return self._next is not None

    def fetchMore(self, parent: Index = _NO_INDEX) -> None:  # noqa: N802
        """Ask the worker for the next page."""
        if self.canFetchMore(parent):
            self._load(self._next, count=False)

    def _load(self, after: MemberCursor | None, *, count: bool) -> None:
        generation, query, size = self._generation, self.query, self._page_size
        self._loading = True
        read = self._read

        def work() -> tuple[int, MemberPage | None]:
            # Typed over while it waited behind other work: not worth reading at all.
            if generation != self._generation:
                return generation, None
            return generation, read(query, after, size)

        self._tasks.submit(
            work, lambda answer: self._arrived(answer, count), self._refused(generation), owner=self
        )

    def _refused(self, generation: int) -> Callable[[LoyaltyError], None]:
        def refused(error: LoyaltyError) -> None:
            if generation == self._generation:
                self._loading = False
                self.failed.emit(error)

        return refused

    def _arrived(self, answer: tuple[int, MemberPage | None], count: bool) -> None:
        generation, page = answer
        if generation != self._generation or page is None:
            return  # an answer to a search typed over since
        self._loading = False
        self._next = page.next
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(_NO_INDEX, first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self.loaded.emit()
        if count and page.next is None:
            self._tallied((generation, len(page.rows)))  # the first page holds them all
        elif count:
            # A count of a broad search ("1" matches every member number) takes the
            # worker a while: ask only once the typing has settled, if it still holds.
            QTimer.singleShot(COUNT_DELAY_MS, self, lambda: self._count_later(generation))

    def _count_later(self, generation: int) -> None:
        if generation != self._generation:
            return
        query, counter = self.query, self._count

        def tally() -> tuple[int, int | None]:
            if generation != self._generation:
                return generation, None
            return generation, counter(query)

        self._tasks.submit(tally, self._tallied, self._refused(generation), owner=self)

    def _tallied(self, answer: tuple[int, int | None]) -> None:
        generation, total = answer
        if generation == self._generation and total is not None:
            self.total = total
            self.counted.emit(total)

    # -- sorting by a header click ---------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the database by ``column`` (number, name, points, spend, joined); others keep the order."""
        key = SORT_OF_COLUMN.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.query.sort, self.query.descending):
            self.show(MemberQuery(self.query.text, key, descending, self.query.status))

    # -- the table contract ----------------------------------------------------------------

    def rowCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802
        """Members loaded so far."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802
        """Number, name, phone, tier, points, spend, joined, status."""
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """A cell's text, alignment and tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (POINTS, SPEND):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PHONE and row.phone_masked:
                return self.tr("Masked: open the member to see the whole number")
            if column == POINTS and row.balance < 0:
                return self.tr("The member owes points; they cannot redeem until it is paid")
            return None
        return None

    def _text(self, row: MemberRow, column: int) -> str:
        if column == NUMBER:
            return row.member_no
        if column == NAME:
            return row.name
        if column == PHONE:
            return row.phone_masked or ""
        if column == TIER:
            return row.tier or ""
        if column == POINTS:
            return str(row.balance)
        if column == SPEND:
            return format_money(row.lifetime_spend, self.currency) if self.currency else ""
        if column == JOINED:
            return local_day(row.created_at)
        return self._statuses.get(row.status, row.status.value)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles; the tooltip says which columns sort."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section in SORT_OF_COLUMN:
            return self.tr("Click to sort by this column")
        return None
