"""What every back-office page is: a widget with a title, told when it comes into view."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.tasks import Tasks


class ConsolePage(QWidget):
    """A page of the back office; built the first time it is opened, then kept."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__()
        self.shop, self.tasks, self.actor = shop, tasks, actor

    def shown(self) -> None:
        """The page came into view: refresh what may have changed meanwhile."""

    def scanned(self, code: str) -> None:
        """A code was scanned while this page shows (most pages have no use for it)."""


def pick_list(model: QAbstractItemModel) -> QTableView:
    """A page's table of things to pick one of: whole rows, one at a time, read-only, no row numbers."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table
