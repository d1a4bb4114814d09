"""The audit log as a lazy table: a page at a time on the worker, more as the manager scrolls down.

Rows arrive from ``services.audit_view`` newest first; ``fetchMore`` asks the
worker for the page below the last one shown. A new filter starts a new
generation, so a page still in flight for the old filter is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services.audit_view import AuditLine, AuditLines
from loyalty_desktop.ui.tasks import Tasks

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
PageSource = Callable[[int | None, int], AuditLines]  # (below seq, how many) -> a page


def action_name(action: str) -> str:
    """An action as a manager says it (the code itself for one not named here)."""
    names = {
        "points.adjust": QCoreApplication.translate("AuditNames", "Points adjusted"),
        "points.award": QCoreApplication.translate("AuditNames", "Activity points"),
        "refund": QCoreApplication.translate("AuditNames", "Refund"),
        "member.merge": QCoreApplication.translate("AuditNames", "Members merged"),
        "member.export": QCoreApplication.translate("AuditNames", "Member data exported"),
        "member.erase": QCoreApplication.translate("AuditNames", "Member erased"),
        "staff.add": QCoreApplication.translate("AuditNames", "Staff added"),
        "card_key.rotate": QCoreApplication.translate("AuditNames", "Card key rotated"),
        "keys.replace": QCoreApplication.translate("AuditNames", "Keys replaced"),
        "product.stock": QCoreApplication.translate("AuditNames", "Stock changed"),
        "product.add": QCoreApplication.translate("AuditNames", "Product added"),
        "product.edit": QCoreApplication.translate("AuditNames", "Product changed"),
        "program.load": QCoreApplication.translate("AuditNames", "Programme loaded"),
        "receipt.header": QCoreApplication.translate("AuditNames", "Receipt header changed"),
        "backup.make": QCoreApplication.translate("AuditNames", "Backup made"),
        "backup.restore": QCoreApplication.translate("AuditNames", "Backup restored"),
        "import.members": QCoreApplication.translate("AuditNames", "Members imported"),
        "import.sales": QCoreApplication.translate("AuditNames", "Past sales imported"),
        "import.products": QCoreApplication.translate("AuditNames", "Products imported"),
        "member.edit": QCoreApplication.translate("AuditNames", "Member profile edited"),
        "staff.disable": QCoreApplication.translate("AuditNames", "Staff disabled"),
        "staff.enable": QCoreApplication.translate("AuditNames", "Staff enabled"),
        "staff.pin_reset": QCoreApplication.translate("AuditNames", "Staff PIN reset"),
        "staff.role": QCoreApplication.translate("AuditNames", "Staff role changed"),
        "till.rules": QCoreApplication.translate("AuditNames", "Till rules changed"),
        "event.create": QCoreApplication.translate("AuditNames", "Event created"),
        "import.surveys": QCoreApplication.translate("AuditNames", "Survey answers imported"),
        "survey.settings": QCoreApplication.translate("AuditNames", "Survey setting changed"),
        "offer.create": QCoreApplication.translate("AuditNames", "Offer created"),
        "offer.issue": QCoreApplication.translate("AuditNames", "Offer issued"),
        "member.offers_opt_out": QCoreApplication.translate(
            "AuditNames", "Opted out of personalised offers"
        ),
        "member.offers_opt_in": QCoreApplication.translate(
            "AuditNames", "Opted back in to personalised offers"
        ),
        "recommend.options": QCoreApplication.translate("AuditNames", "Suggestion options changed"),
    }
    return names.get(action, action)


def local_time(moment: datetime) -> str:
    """A moment in this computer's time zone (year first: one way for both languages)."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def subject_text(line: AuditLine) -> str:
    """Whom or what an entry is about: the member's number when it is a member."""
    if line.member_no:
        return QCoreApplication.translate("AuditNames", "member {number}").format(
            number=line.member_no
        )
    return line.subject.partition(":")[2] or line.subject


class AuditModel(QAbstractTableModel):
    """Entries newest first; ``failed`` carries a refusal from the worker, ``loaded`` each page's arrival."""

    failed = Signal(object)  # LoyaltyError
    loaded = Signal()

    WHEN, STAFF, ACTION, SUBJECT, REASON = range(5)

    def __init__(self, tasks: Tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._source: PageSource | None = None
        self._lines: list[AuditLine] = []
        self._next: int | None = None
        self._more = False
        self._loading = False
        self._generation = 0

    def show_source(self, source: PageSource) -> None:
        """Start again with another filter: empty now, the first page as soon as it is read."""
        self.beginResetModel()
        self._generation += 1
        self._source = source
        self._lines, self._next, self._more, self._loading = [], None, True, False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def line(self, row: int) -> AuditLine:
        """The entry shown on ``row``."""
        return self._lines[row]

    @property
    def loading(self) -> bool:
        """Whether a page is being read."""
        return self._loading

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Entries read so far."""
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """When, staff, action, about, reason."""
        return 0 if parent.isValid() else 5

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("When"),
            self.tr("Staff"),
            self.tr("Action"),
            self.tr("About"),
            self.tr("Reason"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Each cell's text, its alignment, and the raw action and subject as a tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                local_time(line.at),
                line.staff,
                action_name(line.action),
                subject_text(line),
                line.reason or "",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"#{line.seq} · {line.action} · {line.subject}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        """More entries below, and none being read right now."""
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        """Read the next page on the worker."""
        source = self._source
        if parent.isValid() or source is None or not self._more or self._loading:
            return
        self._loading = True
        generation, below = self._generation, self._next
        self._tasks.submit(
            lambda: source(below, PAGE),
            lambda page: self._arrived(generation, page),
            lambda error: self._refused(generation, error),
            owner=self,
        )

    def _arrived(self, generation: int, page: AuditLines) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._next, self._more = page.next, page.next is not None
        if page.lines:
            first = len(self._lines)
            self.beginInsertRows(QModelIndex(), first, first + len(page.lines) - 1)
            self._lines.extend(page.lines)
            self.endInsertRows()
        self.loaded.emit()

    def _refused(self, generation: int, error: LoyaltyError) -> None:
        if generation != self._generation:
            return
        self._loading, self._more = False, False
        self.failed.emit(error)
