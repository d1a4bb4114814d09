"""One line in the member panel: "Suggest: …", the three items the member will likely buy next.

Asked for off the UI thread and never waited for: while the shop's model is
first being built the line stays empty and asks again a little later. A
tooltip gives each item's reason; a result for a member no longer at the
till is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import recommendations
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.recommendations import Recommendations
from loyalty_desktop.ui.tasks import Tasks

SHOWN = 3
RETRY_MS = 3000  # while the first model is built
RETRIES = 10


class SuggestionLine(QLabel):
    """Empty, or "Suggest: A, B, C" for the member at the till."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__()
        self.setObjectName("ok")
        self.setWordWrap(True)
        self._shop, self._tasks, self._actor = shop, tasks, actor
        self._member_no: str | None = None
        self._tries = 0
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._ask)

    def show_for(self, member_no: str) -> None:
        """Ask for the member's suggestions; the line fills in when they come."""
        if member_no != self._member_no:
            self.forget()
        self._member_no = member_no
        self._tries = 0
        self._ask()

    def forget(self) -> None:
        """Nobody at the till: clear the line and stop asking."""
        self._member_no = None
        self._retry.stop()
        self._empty()

    def _empty(self) -> None:
        self.clear()
        self.setToolTip("")
        self.setMinimumHeight(0)

    def _ask(self) -> None:
        member_no = self._member_no
        if member_no is None:
            return
        shop, actor = self._shop, self._actor

        def work() -> Recommendations:
            return recommendations.recommend(shop, actor, member_no, k=SHOWN)

        self._tasks.submit(work, self._got, self._refused)

    def _got(self, found: Recommendations) -> None:
        if found.member_no != self._member_no:
            return  # the next customer is at the till now
        if found.provisional and self._tries < RETRIES:
            self._tries += 1
            self._retry.start()  # a better model is being built: ask again soon
        self.show_items(found)

    def show_items(self, found: Recommendations) -> None:
        """Fill the line from ``found`` (empty when it holds nothing)."""
        if not found.items:
            self._empty()
            return
        names = self.tr(", ").join(item.name for item in found.items[:SHOWN])
        self.setText(self.tr("Suggest: {names}").format(names=names))
        # Set after the panel was laid out: claim the wrapped height, or the last name is cut.
        self.setMinimumHeight(self.heightForWidth(max(self.width(), 1)))
        self.setToolTip("\n".join(f"{i.name}: {self._reason(i.kind)}" for i in found.items))

    def _reason(self, kind: str) -> str:
        return {
            "again": self.tr("you often buy it"),
            "with": self.tr("often bought with what you buy"),
            "category": self.tr("popular in a category you buy"),
        }.get(kind, self.tr("popular"))

    def _refused(self, _error: LoyaltyError) -> None:
        self._empty()  # suggestions are a nicety: a refusal never bothers the cashier
