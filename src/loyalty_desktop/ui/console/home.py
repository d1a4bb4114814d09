"""The back office's first page: what each page is for, so a new manager knows where to start."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.console.page import ConsolePage
from loyalty_desktop.ui.tasks import Tasks


class HomePage(ConsolePage):
    """A short guide to the pages on the left."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__(shop, tasks, actor)
        heading = QLabel(self.tr("Back office"))
        heading.setObjectName("title")
        guide = QLabel(
            self.tr(
                "Choose a page on the left. Everything here is for managers: the programme, "
                "products, members, imports, staff, the audit log and backups. "
                "F11 takes you back to the till."
            )
        )
        guide.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(guide)
        box.addStretch(1)
