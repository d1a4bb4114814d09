"""The back office screen: a list of pages on the left, the chosen page on the right.

Only managers and admins reach it (the window hides the way in from a
cashier, and every service behind the pages checks the role again).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.console.page import ConsolePage
from loyalty_desktop.ui.console.pages import PAGES, PageEntry
from loyalty_desktop.ui.tasks import Tasks
from loyalty_desktop.ui.theme import CONSOLE_STYLE


class ConsoleScreen(QWidget):
    """The pages; ``leave`` goes back to the till."""

    leave = Signal()

    def __init__(
        self, shop: Shop, tasks: Tasks, actor: Actor, entries: tuple[PageEntry, ...] = PAGES
    ) -> None:
        super().__init__()
        self.setStyleSheet(CONSOLE_STYLE)
        self._shop, self._tasks, self._actor = shop, tasks, actor
        self._entries = entries
        self.pages: dict[str, ConsolePage] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("console_nav")
        self.nav.setFixedWidth(230)
        self.stack = QStackedWidget()
        self.back = QPushButton(self.tr("Back to the till (F11)"))
        left = QVBoxLayout()
        left.addWidget(self.nav, 1)
        left.addWidget(self.back)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 8, 0)
        box.addLayout(left)
        box.addWidget(self.stack, 1)
        for entry in entries:
            self.nav.addItem(entry.title())
        self.nav.currentRowChanged.connect(self._show_row)
        self.back.clicked.connect(self.leave.emit)
        self.nav.setCurrentRow(0)

    def page(self, key: str) -> ConsolePage:
        """The page ``key``, built on first use."""
        made = self.pages.get(key)
        if made is None:
            entry = next(e for e in self._entries if e.key == key)
            made = entry.make(self._shop, self._tasks, self._actor)
            self.pages[key] = made
            self.stack.addWidget(made)
        return made

    def open_page(self, key: str) -> ConsolePage:
        """Bring page ``key`` into view (and select it on the left)."""
        row = next(i for i, e in enumerate(self._entries) if e.key == key)
        self.nav.setCurrentRow(row)
        return self.page(key)

    def scanned(self, code: str) -> None:
        """A scan while the back office shows goes to the page in view."""
        shown = self.stack.currentWidget()
        if isinstance(shown, ConsolePage):
            shown.scanned(code)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        shown = self.page(self._entries[row].key)
        self.stack.setCurrentWidget(shown)
        shown.shown()
