"""The record's "Likely to buy next" tab: the member's suggested items with a score and a reason.

Asked on the window's worker, never waited for: while the shop's model is
first built the answer is provisional (nothing, or the quick model's), so the
tab says so and asks again a little later. The options a manager set (items
bought lately, switched-off products, categories) apply as at the till.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import recommendations
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.recommendations import RecommendedItem
from loyalty_desktop.ui.console.record_model import Column, RecordModel
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks

SHOWN = 10
RETRY_MS = 3000  # while the shop's first model is built
RETRIES = 10


class MemberSuggestions(QWidget):
    """A note and the table of suggestions for the member ``ref`` names."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor, ref: str) -> None:
        super().__init__()
        self.provisional = False
        self._tries = 0

        def read(_cursor: Any) -> tuple[Sequence[RecommendedItem], Any]:
            found = recommendations.recommend(shop, actor, ref, k=SHOWN)
            self.provisional = found.provisional  # read on the UI thread after ``loaded``
            return found.items, None

        self.model = RecordModel(tasks, self._columns(), read)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel(self.tr("Working out what they will likely buy…"))
        self.note.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(self.note)
        box.addWidget(self.table, 1)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.model.reload)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(self._failed)

    def reload(self) -> None:
        """Ask again (the record was refreshed)."""
        self._tries = 0
        self.model.reload()

    def _loaded(self) -> None:
        self.table.resizeColumnsToContents()
        if self.provisional and self._tries < RETRIES:
            self._tries += 1
            self._retry.start()
            tell(self.note, self.tr("The shop's suggestions are being worked out; a moment…"))
        elif self.model.rowCount() == 0:
            tell(self.note, self.tr("Nothing to suggest yet: the shop has no sales to go by."))
        else:
            tell(
                self.note,
                self.tr(
                    "Best first. The score adds up what they buy again, what goes with it, "
                    "their categories and what sells; the reason is the largest part."
                ),
                ok=True,
            )

    def _failed(self, error: LoyaltyError) -> None:
        tell(self.note, spoken(error))

    def reason(self, item: RecommendedItem) -> str:
        """Why the item is suggested, in the UI language."""
        if item.kind == "again":
            return self.tr("they often buy it")
        if item.kind == "with" and item.related:
            return self.tr("often bought with {item}").format(item=item.related)
        if item.kind == "category" and item.related:
            return self.tr("popular in {category}").format(category=item.related)
        return self.tr("popular in the shop")

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("Item"), lambda i: i.name),
            Column(self.tr("SKU"), lambda i: i.sku),
            Column(self.tr("Score"), lambda i: QLocale().toString(i.score, "f", 2), number=True),
            Column(self.tr("Reason"), self.reason),
        ]
