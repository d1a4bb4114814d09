"""Beside a segment's members: the items the recommender most often suggests to them, for a campaign.

Worked out on the view's own worker (the shop's model may still be
building; nothing waits on the UI thread); an answer for a segment no
longer chosen is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import segment_suggestions
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.segment_suggestions import GroupSuggestions
from loyalty_desktop.ui.console.reports.table import ReportColumn, ReportTable
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks

SHOWN = 10


class SegmentItems(QWidget):
    """A title, a note and the table of the group's most suggested items."""

    def __init__(self, shop: Shop, actor: Actor, tasks: Tasks) -> None:
        super().__init__()
        self.shop, self.actor, self.tasks = shop, actor, tasks
        self.found: GroupSuggestions | None = None
        self._asked: tuple[str, ...] | None = None
        self.title = QLabel(self.tr("Likely to buy next"))
        self.title.setObjectName("section")
        self.title.setToolTip(self.tr("The items most often among their own top suggestions."))
        self.note = QLabel()
        # One line, cut if need be: a wrapped label here squeezed the chart above it.
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.table = ReportTable(
            [
                ReportColumn(self.tr("Item"), lambda i: i.name),
                ReportColumn(self.tr("Members"), lambda i: i.members, number=True),
                ReportColumn(
                    self.tr("Share"),
                    lambda i: Decimal(f"{i.share:.4f}"),
                    lambda i: f"{i.share:.0%}",
                    number=True,
                ),
            ]
        )
        self.table.setToolTip(
            self.tr("How many of the listed members have the item among their top five suggestions")
        )
        heading = QHBoxLayout()  # the note beside the title: the page has no height to spare
        heading.addWidget(self.title)
        heading.addWidget(self.note, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(heading)
        box.addWidget(self.table, 1)

    def show_for(self, member_nos: Sequence[str], *, narrowed: bool = True) -> None:
        """Work out the items for these members (``narrowed`` False: everybody; say to pick)."""
        asked = self._asked = tuple(member_nos)
        self.found = None
        self.table.show_rows([])
        if not narrowed:
            tell(
                self.note,
                self.tr("Pick a segment or a tier to see what its members will likely buy."),
            )
            return
        if not asked:
            tell(self.note, self.tr("No members listed."))
            return
        tell(self.note, self.tr("Working out what they will likely buy…"))
        shop, actor = self.shop, self.actor

        def work() -> tuple[tuple[str, ...], GroupSuggestions]:
            return asked, segment_suggestions.group_suggestions(shop, actor, asked, SHOWN)

        self.tasks.submit(work, self._got, self._refused, owner=self)

    def wait_for_stage(self) -> None:
        """Say the stage's members are being read (their items follow)."""
        self._asked = None
        self.found = None
        self.table.show_rows([])
        tell(self.note, self.tr("Reading the stage's members…"))

    def _got(self, answer: tuple[tuple[str, ...], GroupSuggestions]) -> None:
        asked, found = answer
        if asked != self._asked:
            return  # another segment was chosen meanwhile
        self.found = found
        self.table.show_rows(found.items)
        if found.items:
            self.note.clear()
        else:
            tell(self.note, self.tr("Nothing to suggest: they have bought nothing yet."))

    def _refused(self, error: LoyaltyError) -> None:
        tell(self.note, spoken(error))
