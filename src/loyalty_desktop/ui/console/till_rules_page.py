"""The back office's Till rules page: how large a refund or discount a cashier may give without a manager.

Every till of the shop follows the same rules (they live in the database).
A manager sees them; an admin changes them (the service checks, and audits
each change).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import till_policy
from loyalty_desktop.services.auth import Actor, Permission
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.till_policy import NO_DISCOUNT_LIMIT, TillRules
from loyalty_desktop.ui.console.page import ConsolePage
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks


class TillRulesPage(ConsolePage):
    """The refund limit and the discount limit, with Save for an admin."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__(shop, tasks, actor)
        self.may_change = actor.may(Permission.TILL_RULES)
        heading = QLabel(self.tr("Till rules"))
        heading.setObjectName("title")
        guide = QLabel(
            self.tr(
                "What a cashier may do at the till without a manager's name and PIN. "
                "Every till of the shop follows these rules. Points adjustments are not "
                "offered at the till: a manager makes them in the back office."
            )
        )
        guide.setWordWrap(True)
        self.refund_limit = QLineEdit()
        self.refund_limit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.refund_limit.setMaximumWidth(220)
        self.currency = QLabel()
        refund_row = QHBoxLayout()
        refund_row.addWidget(self.refund_limit)
        refund_row.addWidget(self.currency)
        refund_row.addStretch(1)
        self.discount_limit = QSpinBox()
        self.discount_limit.setRange(0, NO_DISCOUNT_LIMIT)
        self.discount_limit.setSuffix(" %")
        self.discount_limit.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.discount_limit.setMaximumWidth(220)
        form = QFormLayout()
        form.addRow(self.tr("A cashier refunds alone up to"), refund_row)
        form.addRow("", self._hint(self.tr("0: every refund needs a manager.")))
        form.addRow(self.tr("A cashier's discounts up to"), self.discount_limit)
        form.addRow(
            "",
            self._hint(
                self.tr(
                    "Of each line and of the whole sale (F5 and F6 together). 100 %: any discount."
                )
            ),
        )
        self.save = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save.setObjectName("primary")
        self.message = QLabel()
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(guide)
        box.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.save)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.message)
        box.addStretch(1)
        if not self.may_change:
            for field in (self.refund_limit, self.discount_limit, self.save):
                field.setEnabled(False)
            tell(self.message, self.tr("Only an admin changes the till rules."))
        self.save.clicked.connect(self.submit)
        self.refund_limit.returnPressed.connect(self.submit)
        shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.submit)

    @staticmethod
    def _hint(text: str) -> QLabel:
        hint = QLabel(text)
        hint.setWordWrap(True)
        return hint

    def shown(self) -> None:
        """Show the rules in force."""
        shop, actor = self.shop, self.actor
        self.tasks.submit(lambda: till_policy.till_rules(shop, actor), self._show, self._refused)

    def _show(self, rules: TillRules) -> None:
        self.refund_limit.setText(rules.refund_limit_text)
        self.currency.setText(rules.currency.code)
        self.discount_limit.setValue(rules.discount_limit)

    def submit(self) -> None:
        """Save both rules (an admin)."""
        if not self.may_change or not self.save.isEnabled():
            return
        shop, actor = self.shop, self.actor
        refund, percent = self.refund_limit.text(), str(self.discount_limit.value())
        self.save.setEnabled(False)
        self.tasks.submit(
            lambda: till_policy.set_till_rules(
                shop, actor, refund_limit=refund, discount_limit=percent
            ),
            self._saved,
            self._refused,
        )

    def _saved(self, rules: TillRules) -> None:
        self._show(rules)
        self.save.setEnabled(True)
        tell(self.message, self.tr("Saved. Every till follows the new rules now."), ok=True)

    def _refused(self, error: LoyaltyError) -> None:
        self.save.setEnabled(self.may_change)
        tell(self.message, spoken(error))
