"""The checkout: find the member, ring up the basket, let points pay, complete with one key.

Focus lives in the scan box: a card scanned or a number typed and Enter finds
the member. Every change to the basket asks the services for a quote (the
sale posted and rolled back), so what the cashier sees before F12 is what the
sale will be. The sale number is made when the basket starts, so a double
press or a retry after a crash posts it once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.domain.cards import card_shaped, clean_scan, payment_kind
from loyalty_desktop.domain.coupons import looks_like_coupon
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.money import format_money
from loyalty_desktop.services import browsing, checkout, member_view, products
from loyalty_desktop.services.auth import Actor, Permission
from loyalty_desktop.services.baskets import LineRequest, SaleRequest
from loyalty_desktop.services.chain_redemption import REFUSALS as CHAIN_REFUSALS
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.member_view import MemberView
from loyalty_desktop.services.products import ProductView
from loyalty_desktop.services.read_models import MemberRow
from loyalty_desktop.services.sale_results import SaleResult
from loyalty_desktop.services.till_rules import is_return
from loyalty_desktop.ui.basket_keeper import KeptBasket, forget_basket, keep_basket, kept_basket
from loyalty_desktop.ui.preferences import TillPreferences
from loyalty_desktop.ui.screens.coupon_desk import CouponDesk
from loyalty_desktop.ui.screens.messages import (
    spoken,
    tell,
    till_number,
    till_sale_number,
    wall_clock,
)
from loyalty_desktop.ui.screens.receipt_desk import ReceiptDesk
from loyalty_desktop.ui.screens.reward_choice import RewardChoice
from loyalty_desktop.ui.tasks import Tasks
from loyalty_desktop.ui.widgets.basket import BasketModel
from loyalty_desktop.ui.widgets.camera_scan import CameraScan, has_camera
from loyalty_desktop.ui.widgets.enrol_panel import EnrolPanel
from loyalty_desktop.ui.widgets.member_panel import REWARD_KEYS, MemberPanel
from loyalty_desktop.ui.widgets.suggestions import SuggestionLine
from loyalty_desktop.ui.widgets.survey_prompt import SurveyPrompt

QUOTE_DELAY_MS = 150  # a burst of scans asks for one quote, not one per line


def new_sale_no(now: datetime) -> str:
    """A sale number unique to this basket (``T20261205-142501-3f9a``)."""
    return till_number("T", now)


class CheckoutScreen(QWidget):
    """Scan box, member panel, basket, points to pay with, totals and Complete (F12)."""

    completed = Signal(object)  # SaleResult
    refund_wanted = Signal()
    camera_code = Signal(str)  # a QR code the camera read: the window treats it as a scan
    receipt_scanned = Signal(str)  # a receipt's sale number: the customer brings it back

    def __init__(
        self,
        shop: Shop,
        tasks: Tasks,
        actor: Actor,
        now: Callable[[], datetime] | None = None,
        *,
        printer: Tasks | None = None,
        preferences: TillPreferences | None = None,
    ) -> None:
        super().__init__()
        self._shop, self._tasks, self.actor = shop, tasks, actor
        self.receipts = ReceiptDesk(
            shop, tasks, printer or Tasks(self), actor, preferences or TillPreferences(), self
        )
        self._now = now or wall_clock
        self.member: MemberView | None = None
        self._last_typed = ""
        self._use_most = False  # F9 asked for as many points as the programme allows
        self.rewards = RewardChoice()
        self.sale_no = new_sale_no(self._now())
        self.quoted: SaleResult | None = None
        self._posting = False
        self._f12_early = False  # F12 pressed while the total was being worked out
        # Why the chain refused this basket's points: kept in view while the total is worked
        # out again without them, so F12 completes the sale with the reason still shown.
        self._no_points_word = ""
        self._build()
        self._quote_timer = QTimer(self)
        self._quote_timer.setSingleShot(True)
        self._quote_timer.setInterval(QUOTE_DELAY_MS)
        self._quote_timer.timeout.connect(self._ask_quote)
        self._wire()
        self._show_totals()
        self._bring_back()

    # building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Scan card, or number / phone + Enter"))
        self.scan.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.camera = QPushButton(self.tr("Camera"))
        if not has_camera():  # the button says why it is off; scanner and typing still work
            self.camera.setEnabled(False)
            self.camera.setText(self.tr("No camera"))
            self.camera.setToolTip(
                self.tr("No camera was found on this PC: use the scanner or type the number")
            )
        self.picks = QListWidget()
        self.picks.hide()
        self.panel = MemberPanel()
        self.suggest = SuggestionLine(self._shop, self._tasks, self.actor)
        self.panel.add_line(self.suggest)
        self.enrolment = EnrolPanel(self._shop, self._tasks, self.actor, self._now)
        self.left = QStackedWidget()
        self.left.addWidget(self.panel)
        self.left.addWidget(self.enrolment)
        self.left.addWidget(self.receipts.view)
        self.enrol = QPushButton(self.tr("New member (F4)"))
        self.sku = QLineEdit()
        self.sku.setPlaceholderText(self.tr("Item code"))
        self.sku.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.qty = QLineEdit("1")
        self.qty.setMaximumWidth(90)
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("Price"))
        self.price.setMaximumWidth(160)
        for field in (self.qty, self.price):
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.add = QPushButton(self.tr("Add line (Enter)"))
        self.basket = BasketModel()
        self.table = QTableView()
        self.table.setModel(self.basket)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.redeem = QSpinBox()
        self.redeem.setRange(0, 0)
        self.redeem.setSuffix(self.tr(" points"))
        self.redeem.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)  # typed, or F9 for all
        self.use_all = QPushButton(self.tr("Use points (F9)"))
        self.line_off = QLineEdit()
        self.line_off.setPlaceholderText("0.00")
        self.line_off.setToolTip(
            self.tr("Money off the chosen line (the last one unless you pick another)")
        )
        self.line_off.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.discount = QLineEdit()
        self.discount.setPlaceholderText("0.00")
        self.discount.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.to_pay = QLabel()
        self.to_pay.setObjectName("total")
        self.earn = QLabel()
        self.earn.setObjectName("ok")
        self.complete = QPushButton(self.tr("Complete sale (F12)"))
        self.complete.setObjectName("primary")
        self.new_basket = QPushButton(self.tr("New customer (Esc)"))
        self.refund = QPushButton(self.tr("Refund (F7)"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("notice")
        self.survey = SurveyPrompt(self._shop, self._tasks, self.actor)
        self.coupon = CouponDesk(self._shop, self._tasks, self.actor, self.message)

        find = QHBoxLayout()  # under the scan box, so the box is wide enough to read
        find.addWidget(self.camera, 1)
        find.addWidget(self.enrol, 1)
        entry = QHBoxLayout()
        entry.addWidget(self.sku, 1)
        entry.addWidget(self.qty)
        entry.addWidget(self.price)
        entry.addWidget(self.add)
        left = QVBoxLayout()
        left.addWidget(self.scan)
        left.addLayout(find)
        left.addWidget(self.picks)
        left.addWidget(self.left, 1)
        middle = QVBoxLayout()
        middle.addLayout(entry)
        middle.addWidget(self.table, 1)
        pay = QGridLayout()
        pay.addWidget(QLabel(self.tr("Pay with points")), 0, 0)
        pay.addWidget(self.redeem, 0, 1)
        pay.addWidget(self.use_all, 0, 2)
        pay.addWidget(QLabel(self.tr("Line discount (F5)")), 1, 0)
        pay.addWidget(self.line_off, 1, 1)
        pay.addWidget(QLabel(self.tr("Order discount (F6)")), 2, 0)
        pay.addWidget(self.discount, 2, 1)
        pay.addWidget(self.totals, 3, 0, 1, 3)
        pay.addWidget(self.coupon.line, 4, 0, 1, 3)
        pay.addWidget(self.to_pay, 5, 0, 1, 3)
        pay.addWidget(self.earn, 6, 0, 1, 3)
        keys = QHBoxLayout()  # one row, so the basket keeps its height at 768 px
        keys.addWidget(self.new_basket)
        keys.addWidget(self.refund)
        keys.addWidget(self.complete, 2)
        pay.addLayout(keys, 7, 0, 1, 3)
        middle.addLayout(pay)
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addLayout(middle, 3)
        box = QVBoxLayout(self)
        box.addLayout(top, 1)
        box.addWidget(self.survey)
        box.addWidget(self.message)

    def _wire(self) -> None:
        self.scan.returnPressed.connect(self.find_member)
        self.picks.itemActivated.connect(self._picked)
        self.sku.returnPressed.connect(self.lookup_item)
        self.qty.returnPressed.connect(self.price.setFocus)
        self.price.returnPressed.connect(self.add_line)
        self.add.clicked.connect(self.add_line)
        self.use_all.clicked.connect(self.use_points)
        self.redeem.valueChanged.connect(self._pay_changed)
        self.discount.textEdited.connect(self._pay_changed)
        self.discount.returnPressed.connect(self.scan.setFocus)
        self.line_off.returnPressed.connect(self.discount_line)
        self.complete.clicked.connect(self.complete_sale)
        self.new_basket.clicked.connect(self.start_over)
        self.enrol.clicked.connect(self.open_enrolment)
        self.refund.clicked.connect(self.refund_wanted.emit)
        self.camera.clicked.connect(self.open_camera)
        self.enrolment.enrolled.connect(self.find_member)
        self.enrolment.closed.connect(self.close_enrolment)
        self.receipts.shown.connect(self._receipt_shown)
        self.coupon.changed.connect(self._changed)
        for keys, action in (
            (Qt.Key.Key_F12, self.complete_sale),
            (Qt.Key.Key_F9, self.use_points),
            (Qt.Key.Key_F4, self.open_enrolment),
            (Qt.Key.Key_F7, self.refund_wanted.emit),
            (Qt.Key.Key_Escape, self._escape),
            (Qt.Key.Key_F2, self.scan.setFocus),
            (Qt.Key.Key_F3, self.sku.setFocus),
            (Qt.Key.Key_F5, self.choose_line_discount),
            (Qt.Key.Key_F6, self.discount.setFocus),
            (Qt.Key.Key_F8, self.receipts.print_receipt),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        for number in range(1, REWARD_KEYS + 1):  # Alt+digit: a digit alone is typed or scanned
            reward_key = QShortcut(QKeySequence(f"Alt+{number}"), self)
            reward_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            reward_key.activated.connect(lambda n=number: self.toggle_reward(n))
        drop_coupon = QShortcut(QKeySequence("Alt+0"), self)  # next to the reward keys
        drop_coupon.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        drop_coupon.activated.connect(
            lambda: self.coupon.toggle(self.member.member_no if self.member else None)
        )
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        delete.activated.connect(self._remove_line)

    # finding the member ------------------------------------------------------------------

    def find_member(self, text: str | None = None) -> None:
        """Look up what was scanned or typed (card code, member number or phone)."""
        ref = (self.scan.text() if text is None else text).strip()
        self.scan.clear()
        self.survey.dismiss()  # the next customer has begun
        if looks_like_coupon(ref):  # a coupon typed or scanned where the card goes
            self.coupon.take(ref, self.member.member_no if self.member else None)
            return
        self._last_typed = ref
        if not ref:
            return
        self.picks.hide()

        def look() -> MemberView | tuple[MemberRow, ...]:
            try:
                return member_view.show_member(self._shop, self.actor, ref)
            except LoyaltyError as exc:
                if exc.code not in ("unknown_member", "ambiguous_member") or not ref.isdigit():
                    raise
                rows = browsing.search_members(self._shop, self.actor, ref, limit=5)
                if not rows:
                    raise
                return rows

        self._tasks.submit(look, self._found, self._refused)

    def scanned(self, code: str) -> None:
        """A scanner's code: a receipt, a member card (with focus anywhere), else an item.

        A receipt's code opens its refund; an item code counts as one only while an item
        field has focus.
        """
        receipt = till_sale_number(code)
        if receipt is not None:
            self.receipt_scanned.emit(receipt)
            return
        if self._payment_code_said(code):  # never typed anywhere, never stored
            return
        if looks_like_coupon(code):  # a coupon is a coupon wherever focus is, like a card
            self.coupon.take(code, self.member.member_no if self.member else None)
            return
        item_field = any(field.hasFocus() for field in (self.sku, self.qty, self.price))
        if item_field and not card_shaped(code):  # a member card is a card wherever focus is
            self.sku.setText(code)
            self.price.clear()
            self.lookup_item()
            return
        if self.left.currentWidget() is self.enrolment and self.member is None:
            self.close_enrolment()
        self.find_member(code)

    def open_camera(self) -> None:
        """A live camera preview; the first QR code it sees is taken as a scan."""
        dialog = CameraScan(self)
        dialog.scanned.connect(self.camera_code.emit)  # through the window, like a scanner's
        dialog.open()

    def _found(self, found: MemberView | tuple[MemberRow, ...]) -> None:
        if isinstance(found, tuple):
            self.picks.clear()
            for row in found:
                self.picks.addItem(f"{row.member_no}  {row.name}  {row.phone_masked or ''}")
                self.picks.item(self.picks.count() - 1).setData(
                    Qt.ItemDataRole.UserRole, row.member_no
                )
            self.picks.show()
            self.picks.setCurrentRow(0)
            self.picks.setFocus()
            tell(self.message, self.tr("Several members match: choose one and press Enter."))
            return
        if self.member is None or self.member.id != found.id:
            self.redeem.setValue(0)  # points chosen for someone else are never this member's
            self._use_most = False
            self._no_points_word = ""
            self.coupon.drop(quiet=True)  # a coupon is its member's
            self.coupon.look_up(found.member_no)
        self.member = found
        self.panel.show_member(found, self._now())
        self.suggest.show_for(found.member_no)
        self.rewards.start(found.rewards)
        self._fit_rewards()
        self.message.setText("")
        if self.left.currentWidget() is not self.enrolment:  # keep a new member's card shown
            self.sku.setFocus()
        self._changed()

    def _picked(self, item: QListWidgetItem) -> None:
        self.picks.hide()
        self.find_member(item.data(Qt.ItemDataRole.UserRole))

    # enrolling ----------------------------------------------------------------------------

    def open_enrolment(self) -> None:
        """Enrol a new member (F4); what was typed in the scan box becomes the phone."""
        self.left.setCurrentWidget(self.enrolment)
        self.enrolment.start(self._last_typed)

    def close_enrolment(self) -> None:
        """Back to the member panel, the basket untouched."""
        self.left.setCurrentWidget(self.panel)
        self.scan.setFocus()

    def _escape(self) -> None:
        if self.left.currentWidget() is self.enrolment and self.member is None:
            self.close_enrolment()
        else:
            self.start_over()

    # the basket ----------------------------------------------------------------------------

    def _frozen(self) -> bool:
        """While the sale posts, the basket may not change (the next basket starts after it)."""
        if self._posting:
            tell(self.message, self.tr("Completing the sale: wait a moment."))
        return self._posting

    def lookup_item(self) -> None:
        """Enter on an item code: a known product goes straight into the basket at its price."""
        code = self.sku.text().strip()
        if not code or self._frozen() or self._not_an_item(code):
            return
        if self._return_refused(self.qty.text().strip()):
            return
        typed_price = self.price.text().strip()
        if typed_price and self.actor.may(Permission.PRODUCTS):  # a manager's price wins
            self.add_line()
            return
        qty = self.qty.text().strip() or "1"

        def find() -> ProductView:
            return products.find_product(self._shop, self.actor, code)

        def unknown(error: LoyaltyError) -> None:
            if typed_price and error.code == "unknown_product":
                self.add_line()  # not in the catalogue: the price typed is the price
            else:
                self._unknown_item(error)

        self._tasks.submit(find, lambda found: self._add_product(found, qty), unknown, owner=self)

    def _add_product(self, product: ProductView, qty: str) -> None:
        if self._posting:
            return
        price = format_money(product.price, product.currency)
        typed = self.price.text().strip()
        self.basket.add(LineRequest(product.sku, qty, price, product.category), product.name)
        self.sku.clear()
        self.price.clear()
        self.qty.setText("1")
        if typed and typed != price:  # only a manager changes a catalogue price
            tell(
                self.message,
                self.tr("{sku} is sold at its catalogue price {price}.").format(
                    sku=product.sku, price=price
                ),
            )
        else:
            self.message.setText("")
        self.sku.setFocus()
        self._changed()

    def _not_an_item(self, code: str) -> bool:
        """A payment code keyed or slowly scanned into the item field: said, cleared, never kept."""
        if not self._payment_code_said(code):
            return False
        self.sku.clear()
        self.price.clear()
        return True

    def _payment_code_said(self, code: str) -> bool:
        """Whether ``code`` is a payment code; if so the message line says so."""
        kind = payment_kind(clean_scan(code))
        if kind is not None:
            tell(
                self.message,
                self.tr("That was a payment code ({kind}), not a member card or an item.").format(
                    kind=kind
                ),
            )
        return kind is not None

    def _return_refused(self, qty: str) -> bool:
        """Money back is a refund: the F7 screen, with a manager's approval."""
        if not is_return(qty) or self.actor.may(Permission.REFUND):
            return False
        tell(self.message, self.tr("Returns go through Refund (F7) with a manager."))
        self.qty.setText("1")
        return True

    def _unknown_item(self, error: LoyaltyError) -> None:
        tell(self.message, spoken(error) + self.tr(" — type its price"))
        self.price.setFocus()

    def add_line(self) -> None:
        """Add the typed item code, quantity and price as a line."""
        if self._frozen():
            return
        sku, qty, price = (
            self.sku.text().strip(),
            self.qty.text().strip(),
            self.price.text().strip(),
        )
        if self._not_an_item(sku) or self._return_refused(qty):
            return
        if not sku or not price:
            tell(self.message, self.tr("Type an item code and its price."))
            (self.price if sku else self.sku).setFocus()
            return
        self.basket.add(LineRequest(sku, qty or "1", price))
        self.sku.clear()
        self.qty.setText("1")
        self.price.clear()
        self.sku.setFocus()
        self._changed()

    def _chosen_row(self) -> int:
        """The line the cashier picked in the basket, else the last one rung up."""
        current = self.table.currentIndex()
        return current.row() if current.isValid() else len(self.basket.lines) - 1

    def choose_line_discount(self) -> None:
        """F5: type the money off the chosen line (the last one unless another is picked)."""
        row = self._chosen_row()
        if row < 0:
            tell(self.message, self.tr("Ring up an item first, then give it a discount."))
            return
        self.table.selectRow(row)
        self.line_off.setText(self.basket.lines[row].discount or "")
        self.line_off.selectAll()
        self.line_off.setFocus()

    def discount_line(self) -> None:
        """Enter in the line-discount box: take it off the chosen line and go back to scanning."""
        row = self._chosen_row()
        if row < 0 or self._frozen():
            return
        self.basket.set_discount(row, self.line_off.text())
        self.line_off.clear()
        self.sku.setFocus()
        self._changed()

    def _remove_line(self) -> None:
        self.basket.remove(self.table.currentIndex().row())
        self._changed()

    def toggle_reward(self, number: int) -> None:
        """Alt+``number``: take that reward on this basket, or give it back if taken."""
        if self._frozen():
            return
        offer = self.rewards.offer(number) if self.member is not None else None
        if offer is None:
            tell(self.message, self.tr("No reward on Alt+{number}.").format(number=number))
            return
        if not self.rewards.toggle(offer):
            assert self.member is not None
            tell(
                self.message,
                self.tr("{name} needs {points} points; the member can spend {spendable}.").format(
                    name=offer.name, points=offer.points, spendable=max(self.member.spendable, 0)
                ),
            )
            return
        self.message.setText("")
        self._fit_rewards()
        self._changed()

    def _fit_rewards(self) -> None:
        """Pre-choose the one reward that fits (until the cashier chooses), show it, bound the points."""
        self.rewards.fit({line.sku for line in self.basket.lines})
        self.panel.show_chosen(self.rewards.names)
        spendable = self.member.spendable if self.member is not None else 0
        self.redeem.setRange(0, max(0, spendable - self.rewards.points))

    def use_points(self) -> None:
        """Let points pay as much as the member has (the quote says if the programme allows less)."""
        if not self._frozen():
            self._use_most = True  # the programme may allow less: the quote's refusal says how much
            self.redeem.setValue(self.redeem.maximum())

    def _request(self) -> SaleRequest:
        return SaleRequest(
            sale_no=self.sale_no,
            member_ref=self.member.member_no if self.member else None,
            lines=self.basket.lines,
            redeem=self.redeem.value(),
            discount=self.discount.text().strip() or None,
            rewards=self.rewards.names,
            coupon=self.coupon.code,
        )

    def _pay_changed(self, _value: object) -> None:
        self._changed()

    def _receipt_shown(self) -> None:
        if self.member is None and not self.basket.lines:  # the next customer has not begun
            self.left.setCurrentWidget(self.receipts.view)

    def _bring_back(self) -> None:
        """The basket a crash, a power cut or the lock interrupted, with its own sale number."""
        kept = kept_basket()
        if kept is None:
            return
        self.sale_no = kept.sale_no  # posted just before the crash? F12 then replays it
        for line, name in kept.lines:
            self.basket.add(line, name)
        self.discount.setText(kept.discount)
        tell(self.message, self.tr("The basket from before is back (Esc clears it)."))
        if kept.member_no:
            self.find_member(kept.member_no)
        self._changed()

    def _keep(self) -> None:
        if not self.basket.lines and self.member is None:
            forget_basket()
            return
        keep_basket(
            KeptBasket(
                self.sale_no,
                self.member.member_no if self.member else None,
                self.basket.named_lines(),
                self.discount.text(),
            )
        )

    def _changed(self) -> None:
        self.survey.dismiss()
        if self.left.currentWidget() is self.receipts.view:
            self.left.setCurrentWidget(self.panel)  # the next customer's basket has begun
        if self.member is not None:
            self._fit_rewards()  # an item put in or taken out may make one reward fit
        self.quoted = None
        self._show_totals()
        self._keep()
        if self.basket.lines:
            self._quote_timer.start()

    def _ask_quote(self) -> None:
        if self._posting:
            return
        request = self._request()
        self._tasks.submit(
            lambda: checkout.quote(self._shop, self.actor, request),
            lambda result: self._quoted(request, result),
            lambda error: self._quote_refused(request, error),
            owner=self,
        )

    def _quoted(self, request: SaleRequest, result: SaleResult) -> None:
        if request != self._request():
            return  # the basket changed meanwhile; its own quote is on the way
        self.quoted = result
        self._use_most = False
        if self._f12_early:  # F12 came before the total: say it is ready for F12 now
            self._f12_early = False
            tell(self.message, self.tr("The total is ready: check it and press F12."))
        elif self._no_points_word:
            tell(self.message, self._no_points_word)
        else:
            self.message.setText("")
        self._show_totals()

    def _quote_refused(self, request: SaleRequest, error: LoyaltyError) -> None:
        if request != self._request():
            return  # a quote for a basket that changed or was completed meanwhile
        most = error.details.get("max_points")
        if self._use_most and error.reason == "redeem_exceeds_share" and isinstance(most, int):
            self._use_most = False
            self.redeem.setValue(max(0, most))  # F9 means "as much as allowed"; quote again
            return
        self.quoted = None
        tell(self.message, spoken(error))
        self._show_totals()

    def _show_totals(self) -> None:
        result = self.quoted
        ready = result is not None and self.member is not None and not self._posting
        self.complete.setEnabled(ready)
        if result is None:
            self.totals.setText(self.tr("Lines: {count}").format(count=len(self.basket.lines)))
            self.to_pay.setText("")
            self.earn.setText("")
            return
        cur = result.currency
        parts = [self.tr("Subtotal {amount}").format(amount=format_money(result.subtotal, cur))]
        if result.tier_discount:
            parts.append(
                self.tr("Tier discount −{amount}").format(
                    amount=format_money(result.tier_discount, cur)
                )
            )
        by_hand = result.discount - (result.coupon.money_off if result.coupon else 0)
        if by_hand:  # the coupon's money off is in the discount; it has its own line
            parts.append(self.tr("Discount −{amount}").format(amount=format_money(by_hand, cur)))
        for reward in result.rewards:
            parts.append(f"{reward.name} −{format_money(reward.value, cur)}")
        if result.coupon is not None and result.coupon.money_off:
            parts.append(
                self.tr("Coupon −{amount}").format(
                    amount=format_money(result.coupon.money_off, cur)
                )
            )
        if result.coupon is not None and result.coupon.points:
            parts.append(self.tr("Coupon +{points} points").format(points=result.coupon.points))
        plain = result.redeemed - sum(r.points for r in result.rewards)
        if plain:
            parts.append(
                self.tr("{points} points pay −{amount}").format(
                    points=plain,
                    amount=format_money(
                        result.points_value - sum(r.value for r in result.rewards), cur
                    ),
                )
            )
        self.totals.setText("   ".join(parts))
        self.to_pay.setText(
            self.tr("To pay {amount} {currency}").format(
                amount=format_money(result.paid, cur), currency=cur.code
            )
        )
        self.earn.setText(
            self.tr("Earns {earned} points · balance after {points}").format(
                earned=result.earned, points=result.points
            )
        )

    # completing -----------------------------------------------------------------------------

    def complete_sale(self) -> None:
        """Post the sale (F12); a second press while it posts does nothing.

        Anything left half-typed (an item code, a line discount not yet entered) or a
        total still being worked out stops it with a word, never silently.
        """
        if self._posting:
            return
        if self.sku.text().strip() or self.price.text().strip():
            tell(
                self.message, self.tr("An item is typed but not added: Enter adds it, or clear it.")
            )
            self.sku.setFocus()
            return
        if self.line_off.text().strip():
            tell(
                self.message, self.tr("A line discount is typed but not taken: press Enter on it.")
            )
            self.line_off.setFocus()
            return
        if self.member is None:
            if self.basket.lines:
                tell(self.message, self.tr("Scan the member's card first."))
            return
        if self.quoted is None:
            if self.basket.lines:
                self._f12_early = True
                tell(self.message, self.tr("Working out the total: press F12 again when it shows."))
            return
        self._posting = True
        self.receipts.expect()
        self._show_totals()
        request = self._request()
        self._tasks.submit(
            lambda: checkout.checkout(self._shop, self.actor, request),
            self._posted,
            self._post_refused,
        )

    def _posted(self, result: SaleResult) -> None:
        self._posting = False
        cur = result.currency
        self.start_over()
        tell(
            self.message,
            self.tr(
                "Sale {sale} done: paid {paid} {currency}, earned {earned}, redeemed {redeemed}; "
                "balance {points} points, tier {tier}."
            ).format(
                sale=result.sale_no,
                paid=format_money(result.paid, cur),
                currency=cur.code,
                earned=result.earned,
                redeemed=result.redeemed,
                points=result.points,
                tier=result.tier or "—",
            ),
            ok=True,
        )
        self.completed.emit(result)
        self.receipts.fetch(result.sale_no)
        self.survey.ask(result)

    def _post_refused(self, error: LoyaltyError) -> None:
        self._posting = False
        self.receipts.abandon()
        if error.reason in CHAIN_REFUSALS:
            self._without_points(error)
            return
        self._refused(error)
        self._show_totals()

    def _without_points(self, error: LoyaltyError) -> None:
        """The chain would not let these points be spent: the same basket, no points, F12 again."""
        QApplication.beep()
        self.rewards.chosen, self.rewards.by_hand = set(), True  # nothing paid with points
        self.panel.show_chosen(self.rewards.names)
        self._no_points_word = spoken(error) + self.tr(" — F12 completes the sale without points")
        self.redeem.setValue(0)
        self._changed()  # quote again, without the points
        tell(self.message, self._no_points_word)
        self.scan.setFocus()

    def _refused(self, error: LoyaltyError) -> None:
        if error.code != "unknown_member":
            self._last_typed = ""  # a payment code or a bad card is no phone to enrol with
        hint = self.tr(" — F4 enrols a new member") if error.code == "unknown_member" else ""
        QApplication.beep()  # heard while looking at the customer; the line says what it was
        tell(self.message, spoken(error) + hint)
        self.scan.setFocus()

    def start_over(self) -> None:
        """Clear member and basket for the next customer, with a new sale number."""
        self.member = None
        self.quoted = None
        self._no_points_word = ""
        self._use_most = False
        self.basket.clear()
        self.rewards.start(())
        self.coupon.drop(quiet=True)
        self.redeem.setRange(0, 0)
        self.discount.clear()
        self.line_off.clear()
        self.panel.show_nobody()
        self.suggest.forget()
        self.left.setCurrentWidget(self.panel)
        self.picks.hide()
        self.sale_no = new_sale_no(self._now())
        forget_basket()
        tell(self.message, "")
        self._show_totals()
        self.scan.setFocus()
