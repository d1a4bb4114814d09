"""The coupon at the till: scanned or typed where the member card goes, checked, then part of the quote.

Kept apart from the checkout screen: it holds the one coupon of the basket,
asks the services whether it can be used by the member (expired, used,
someone else's and forged codes are refused with their reason), and says
what it gives in a line of its own. The sale itself applies it, once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.offers import OfferKind
from loyalty_desktop.services import coupons
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.coupons import CouponCheck
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks


class CouponDesk(QObject):
    """The basket's coupon: ``code`` once checked (None: no coupon), and its line on screen."""

    changed = Signal()  # a coupon was taken or dropped: the basket needs a new quote

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor, message: QLabel) -> None:
        super().__init__()
        self._shop, self._tasks, self._actor, self._message = shop, tasks, actor, message
        self.code: str | None = None
        # The member's open coupons (Alt+0 takes the first), and whose they are.
        self.on_file: tuple[CouponCheck, ...] = ()
        self._for: str | None = None
        self.line = QLabel()
        self.line.setObjectName("ok")
        self.line.setWordWrap(True)
        self.line.hide()

    def gives(self, found: CouponCheck) -> str:
        """What the coupon gives, in the screen's language."""
        words: dict[OfferKind, Callable[[], str]] = {
            OfferKind.MONEY_OFF: lambda: self.tr("{value} off").format(value=found.value),
            OfferKind.PERCENT_OFF: lambda: self.tr("{value}% off").format(value=found.value),
            OfferKind.MULTIPLIER: lambda: self.tr("{value}× points").format(value=found.value),
            OfferKind.BONUS_POINTS: lambda: self.tr("{value} bonus points").format(
                value=found.value
            ),
            OfferKind.FREE_ITEM: lambda: self.tr("a free {value}").format(value=found.value),
        }
        return words[found.kind]()

    def look_up(self, member_no: str) -> None:
        """Find the member's open coupons, so one is a key away (Alt+0) without the paper."""
        shop, actor = self._shop, self._actor
        self._for = member_no

        def found(on_file: tuple[CouponCheck, ...]) -> None:
            if member_no == self._for:  # not an answer for a customer already gone
                self.on_file = on_file
                self._show_on_file()

        self._tasks.submit(
            lambda: coupons.open_coupons(shop, actor, member_no), found, lambda _error: None
        )

    def _show_on_file(self) -> None:
        if self.code is not None or not self.on_file:
            return
        first = self.on_file[0]
        more = len(self.on_file) - 1
        text = self.tr("Coupon on file: {offer} — {gives} (Alt+0 uses it)").format(
            offer=first.offer, gives=self.gives(first)
        )
        if more:
            text += self.tr(" · {n} more").format(n=more)
        self.line.setText(text)
        self.line.show()

    def toggle(self, member_no: str | None) -> None:
        """Alt+0: remove the coupon taken, or take the first one on file."""
        if self.code is not None:
            self.drop()
        elif self.on_file and member_no is not None:
            self.take(self.on_file[0].code, member_no)

    def take(self, code: str, member_no: str | None) -> None:
        """Check a scanned or typed coupon for the member; taken into the basket if it can be used."""
        if member_no is None:
            QApplication.beep()
            tell(self._message, self.tr("Scan the member's card before their coupon."))
            return

        def check() -> CouponCheck:
            return coupons.check_coupon(self._shop, self._actor, code, member_no)

        self._tasks.submit(check, lambda found: self._taken(code, found, member_no), self._refused)

    def _taken(self, code: str, found: CouponCheck, member_no: str) -> None:
        if member_no != self._for:  # checked for a customer already gone: not this basket's
            return
        self.code = code
        self.line.setText(
            self.tr("✓ Coupon: {offer} — {gives} (Alt+0 removes it)").format(
                offer=found.offer, gives=self.gives(found)
            )
        )
        self.line.show()
        tell(self._message, self.tr("Coupon checked: it is applied to this sale."), ok=True)
        self.changed.emit()

    def _refused(self, error: LoyaltyError) -> None:
        QApplication.beep()
        tell(self._message, self.tr("✗ Coupon refused: {why}").format(why=spoken(error)))

    def drop(self, *, quiet: bool = False) -> None:
        """No coupon on this basket (Alt+0); ``quiet``: a new customer or another member."""
        had = self.code is not None
        self.code = None
        self.line.hide()
        self.line.clear()
        if quiet:
            self.on_file, self._for = (), None
        else:
            self._show_on_file()
        if had and not quiet:
            tell(self._message, self.tr("Coupon removed from this sale."))
            self.changed.emit()
