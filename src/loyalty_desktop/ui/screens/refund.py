"""Refunds at the till: find the sale by its number, refund an amount or lines; a manager approves a cashier's.

Refunding is a manager's right (the services check it), bar what the till
rules let a cashier refund alone. A cashier's refund above that limit asks
for a manager's name and PIN on the same screen (the fields appear once the
amount typed needs them, or when the service says goods returned by item are
worth more), and the refund is made and audited in the manager's name. The
refund number is made when the screen opens, so pressing again after a
failure never refunds twice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from loyalty_desktop.domain.errors import InvalidRequest, LoyaltyError
from loyalty_desktop.domain.money import format_money, parse_non_negative_money
from loyalty_desktop.services import refunds, staff, till_policy
from loyalty_desktop.services.auth import Actor, Permission
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.refunds import RefundRequest, RefundResult
from loyalty_desktop.services.till_policy import TillRules
from loyalty_desktop.ui.screens.messages import spoken, tell, till_number, wall_clock
from loyalty_desktop.ui.tasks import Tasks


def new_refund_no(now: datetime) -> str:
    """A refund number for this screen's refund (``R20261205-142501-3f9a``)."""
    return till_number("R", now)


def parse_items(text: str) -> tuple[tuple[str, str], ...]:
    """``TEA:2, CUP:1`` as (SKU, quantity) pairs; a bare SKU means one."""
    items = []
    for part in text.replace("，", ",").split(","):
        if not part.strip():
            continue
        sku, _, qty = part.partition(":")
        items.append((sku.strip(), qty.strip() or "1"))
    return tuple(items)


class RefundScreen(QWidget):
    """Sale number, amount or items, the manager's approval when needed; Esc goes back."""

    done = Signal(object)  # RefundResult
    leave = Signal()

    def __init__(
        self, shop: Shop, tasks: Tasks, actor: Actor, now: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__()
        self._shop, self._tasks, self.actor = shop, tasks, actor
        self._now = now or wall_clock
        self.refund_no = new_refund_no(self._now())
        title = QLabel(self.tr("Refund"))
        title.setObjectName("title")
        self.sale = QLineEdit()
        self.sale.setPlaceholderText(self.tr("Sale number from the receipt"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Value of the goods returned"))
        self.items = QLineEdit()
        self.items.setPlaceholderText(self.tr("or items, e.g. TEA:2, CUP"))
        self.manager = QLineEdit()
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.sale, self.amount, self.items, self.pin):
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.button = QPushButton(self.tr("Refund (Enter)"))
        self.button.setObjectName("primary")
        self.back = QPushButton(self.tr("Back to checkout (Esc)"))
        self.message = QLabel()
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        self.form = form = QFormLayout()
        form.addRow(self.tr("Sale number"), self.sale)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Items"), self.items)
        form.addRow(self.tr("Manager"), self.manager)
        form.addRow(self.tr("Manager's PIN"), self.pin)
        self.rules: TillRules | None = None  # until loaded, every cashier's refund asks a manager
        self._asked_manager = False  # the service said this refund is above the cashier's limit
        self.needs_manager = True
        self.amount.textChanged.connect(self._show_manager_rows)
        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addLayout(form)
        box.addWidget(self.button)
        box.addWidget(self.back)
        box.addWidget(self.message)
        box.addStretch(1)
        box.setContentsMargins(200, 20, 200, 20)
        for field in (self.sale, self.amount, self.items, self.manager, self.pin):
            field.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)
        self.back.clicked.connect(self.leave.emit)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.leave.emit)
        self._show_manager_rows()
        if not actor.may(Permission.REFUND):
            shop = self._shop
            tasks.submit(lambda: till_policy.till_rules(shop, actor), self._ruled, self._refused)

    def _ruled(self, rules: TillRules) -> None:
        self.rules = rules
        self._show_manager_rows()

    def _manager_wanted(self) -> bool:
        """Whether this refund needs a manager's name and PIN, as far as the screen can tell."""
        if self.actor.may(Permission.REFUND):
            return False
        rules = self.rules
        if rules is None or rules.refund_limit == 0 or self._asked_manager:
            return True
        typed = self.amount.text().strip()
        if not typed:
            return False  # goods by item: the service says if they are worth more than the limit
        try:
            amount = parse_non_negative_money(typed, rules.currency)
        except LoyaltyError:
            return False  # the service words what is wrong with the amount
        return amount > rules.refund_limit

    def _show_manager_rows(self) -> None:
        self.needs_manager = self._manager_wanted()
        for field in (self.manager, self.pin):
            self.form.setRowVisible(field, self.needs_manager)

    def start(self) -> None:
        """A fresh refund: empty fields and a new refund number."""
        for field in (self.sale, self.amount, self.items, self.manager, self.pin):
            field.clear()
        self.message.clear()
        self.button.setEnabled(True)
        self.refund_no = new_refund_no(self._now())
        self._asked_manager = False
        self._show_manager_rows()
        self.sale.setFocus()

    def submit(self) -> None:
        """Refund in the background, approved by the manager if the cashier may not refund."""
        if not self.button.isEnabled():
            return  # one is on its way
        amount, items = self.amount.text().strip(), parse_items(self.items.text())
        request = RefundRequest(
            refund_no=self.refund_no,
            sale_no=self.sale.text().strip(),
            amount=amount or None,
            lines=() if amount else items,
        )
        if not request.sale_no:
            tell(self.message, self.tr("Type the sale number from the receipt."))
            self.sale.setFocus()
            return
        manager, pin = self.manager.text(), self.pin.text()
        self.pin.clear()
        self.button.setEnabled(False)

        def refund() -> RefundResult:
            by = self.actor
            if self.needs_manager:
                if not manager.strip() or not pin:
                    raise InvalidRequest(
                        "a refund needs a manager's name and PIN",
                        reason="refund_needs_manager",
                        field="manager",
                    )
                by = staff.sign_in(self._shop, manager, pin)
            return refunds.refund(self._shop, by, request)

        self._tasks.submit(refund, self._refunded, self._refused)

    def _refunded(self, result: RefundResult) -> None:
        cur = result.currency
        tell(
            self.message,
            self.tr(
                "Refund {refund} of sale {sale}: pay back {money} {currency}; "
                "{reversed} points taken back, {restored} restored."
            ).format(
                refund=result.refund_no,
                sale=result.sale_no,
                money=format_money(result.paid_back, cur),
                currency=cur.code,
                reversed=result.reversed,
                restored=result.restored,
            ),
            ok=True,
        )
        # The next refund is a new one, typed afresh: a second Enter refunds nothing.
        self.refund_no = new_refund_no(self._now())
        for field in (self.sale, self.amount, self.items, self.manager):
            field.clear()
        self._asked_manager = False
        self._show_manager_rows()
        self.sale.setFocus()
        self.button.setEnabled(True)
        self.done.emit(result)

    def _refused(self, error: LoyaltyError) -> None:
        tell(self.message, spoken(error))
        self.button.setEnabled(True)
        if error.reason == "refund_above_cashier_limit" and not self.needs_manager:
            self._asked_manager = True
            self._show_manager_rows()
            self.manager.setFocus()
