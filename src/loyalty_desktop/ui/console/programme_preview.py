"""The programme editor's preview: what a sale of an amount by a member of a tier earns on a day, before saving.

The sum is the checkout's own (``services.programme_preview``), run on the
window's worker; a newer question makes an older answer stale, so only the
latest is shown.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.money import format_money
from loyalty_desktop.domain.program import Program
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.programme_preview import EarnPreview, preview_earn
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks


class PreviewPanel(QFrame):
    """Amount, tier, day, category and birthday month in; the points the sale would earn out."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor, today: QDate) -> None:
        super().__init__()
        self.setObjectName("panel")
        self._shop, self._tasks, self._actor = shop, tasks, actor
        self._program: Program | None = None
        self._asked = 0
        heading = QLabel(self.tr("Preview"))
        heading.setObjectName("section")
        self.amount = QLineEdit("100.00")
        self.amount.setObjectName("preview_amount")
        self.tier = QComboBox()
        self.day = QDateEdit(today)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.category = QLineEdit()
        self.category.setPlaceholderText(self.tr("Any"))
        self.birthday = QCheckBox(self.tr("Birthday month"))
        self.birthday.setToolTip(self.tr("The sale is in the member's birthday month"))
        self.result = QLabel()
        self.result.setObjectName("preview_result")
        self.result.setWordWrap(True)
        for field in (self.amount, self.category):
            field.setMinimumWidth(110)
            field.setMaximumWidth(160)
        fields = QHBoxLayout()
        fields.addWidget(heading)
        for label, widget in (
            # The amount of a sale: a bare "Sale" was translated as the sale number (销售单号).
            (self.tr("Sale amount"), self.amount),
            (self.tr("Tier"), self.tier),
            (self.tr("Day"), self.day),
            (self.tr("Category"), self.category),
        ):
            fields.addSpacing(12)
            fields.addWidget(QLabel(label))
            fields.addWidget(widget)
        fields.addSpacing(12)
        fields.addWidget(self.birthday)
        fields.addStretch(1)
        box = QVBoxLayout(self)
        box.addLayout(fields)
        box.addWidget(self.result)
        self.amount.textEdited.connect(lambda _: self.refresh())
        self.category.textEdited.connect(lambda _: self.refresh())
        self.tier.currentIndexChanged.connect(lambda _: self.refresh())
        self.day.dateChanged.connect(lambda _: self.refresh())
        self.birthday.toggled.connect(lambda _: self.refresh())

    def set_program(self, program: Program | None) -> None:
        """Preview under this programme (None: the edits do not make one; the last answer is withdrawn)."""
        self._program = program
        if program is None:
            self._asked += 1
            tell(self.result, self.tr("Fix the marked field to see a preview."))
            return
        chosen = self.tier.currentData()
        names = [level.name for level in reversed(program.tiers.levels)]
        self.tier.blockSignals(True)
        self.tier.clear()
        for name in names:
            self.tier.addItem(name, name)
        self.tier.setCurrentIndex(max(0, self.tier.findData(chosen)))
        self.tier.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Ask again with what the panel shows now."""
        program = self._program
        if program is None:
            return
        self._asked += 1
        asked = self._asked
        day = date.fromisoformat(self.day.date().toString("yyyy-MM-dd"))
        at = datetime.combine(day, time(12), ZoneInfo(program.timezone))
        tier = self.tier.currentData()
        amount, category = self.amount.text(), self.category.text()
        birthday = self.birthday.isChecked()
        shop, actor = self._shop, self._actor
        self._tasks.submit(
            lambda: preview_earn(
                shop,
                actor,
                program,
                amount,
                tier=tier,
                at=at,
                category=category,
                birthday_month=birthday,
            ),
            lambda got: self._show(asked, program, tier, got),
            lambda error: self._refused(asked, error),
            owner=self,
        )

    def _show(self, asked: int, program: Program, tier: str | None, got: EarnPreview) -> None:
        if asked != self._asked:
            return  # a newer question is on its way
        cur = program.currency
        text = self.tr(
            "A {amount} sale by a {tier} member on {day} pays {paid} and earns {points} points."
        ).format(
            amount=format_money(got.amount, cur),
            tier=tier or self.tr("(no tier)"),
            day=self.day.date().toString("yyyy-MM-dd"),
            paid=format_money(got.paid, cur),
            points=got.points,
        )
        if got.campaigns:
            text += "\n" + self.tr("Campaign: {names}").format(names=", ".join(got.campaigns))
        tell(self.result, text, ok=True)

    def _refused(self, asked: int, error: LoyaltyError) -> None:
        if asked == self._asked:
            tell(self.result, spoken(error))
