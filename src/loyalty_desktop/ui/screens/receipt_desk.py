"""The checkout's receipts: fetch the posted sale's receipt, show it, print it on this till's printer.

The receipt is read back from the stored sale (``services.receipts``), so what
is shown and printed is what was recorded, not what the screen had. Printing
runs on its own worker: a printer that is off or out of paper may take seconds
to fail, and the next customer's scan must not wait behind it.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QLocale, QObject, Signal

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.printing.coupon_slips import coupon_slips
from loyalty_desktop.printing.escpos import Encoding, Paper, columns_for, encode_receipt
from loyalty_desktop.printing.printer_port import send_to_printer
from loyalty_desktop.printing.receipt_text import receipt_lines
from loyalty_desktop.services import receipts
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.receipts import Receipt
from loyalty_desktop.ui.preferences import TillPreferences
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks
from loyalty_desktop.ui.widgets.receipt_view import ReceiptView


def receipt_bytes(receipt: Receipt, preferences: TillPreferences, language: str) -> bytes:
    """The ESC/POS bytes of ``receipt`` for this till's printer: the sale number and each coupon as QR codes."""
    columns = columns_for(preferences.paper)
    lines = receipt_lines(receipt, columns, language=language)
    return encode_receipt(
        lines,
        # both were checked against the printer's choices when the settings were loaded
        encoding=cast(Encoding, preferences.encoding),
        paper=cast(Paper, preferences.paper),
        qr=receipt.sale_no,
        slips=coupon_slips(receipt.coupons, receipt.currency, columns, language=language),
    )


class ReceiptDesk(QObject):
    """Owns the receipt view; ``shown`` fires once the last sale's receipt is on screen."""

    shown = Signal()

    def __init__(
        self,
        shop: Shop,
        tasks: Tasks,
        printer: Tasks,
        actor: Actor,
        preferences: TillPreferences,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._shop, self._tasks, self._printer, self.actor = shop, tasks, printer, actor
        self.preferences = preferences
        self.view = ReceiptView()
        self.view.print_wanted.connect(self.print_receipt)
        self.printing = False
        self._fetching = False  # this sale's receipt is being read back
        self._print_when_fetched = False  # F8 pressed before it arrived

    def expect(self) -> None:
        """A sale is posting: from now on F8 means its receipt, never the last customer's."""
        self.view.receipt = None
        self._fetching = True

    def abandon(self) -> None:
        """The sale was refused: there is no receipt coming."""
        self._fetching = self._print_when_fetched = False

    def fetch(self, sale_no: str) -> None:
        """Read the posted sale's receipt in the background and show it (and print it if set so)."""
        shop, actor = self._shop, self.actor
        self.expect()
        self._tasks.submit(
            lambda: receipts.receipt_for(shop, actor, sale_no),
            self._fetched,
            self._not_fetched,
            owner=self,
        )

    def _fetched(self, receipt: Receipt) -> None:
        self._fetching = False
        self.keep(receipt)
        self.shown.emit()
        wanted, self._print_when_fetched = self._print_when_fetched, False
        if wanted or (self.preferences.print_every_sale and self.preferences.printer):
            self.print_receipt()

    def keep(self, receipt: Receipt) -> None:
        """Show ``receipt`` (F8 prints it), as after a sale or when the screen is rebuilt."""
        self.view.show_receipt(receipt, paper=self.preferences.paper, language=QLocale().name())

    def _not_fetched(self, error: LoyaltyError) -> None:
        self._fetching = self._print_when_fetched = False
        tell(self.view.status, spoken(error))

    def print_receipt(self) -> None:
        """Send the receipt on screen to this till's printer (F8); say where it went or why not."""
        receipt = self.view.receipt
        if receipt is None and self._fetching:
            self._print_when_fetched = True  # the sale just completed: its receipt is on the way
            return
        if receipt is None:
            tell(self.view.status, self.tr("No receipt yet: complete a sale first."))
            return
        target = self.preferences.printer
        if not target:
            tell(
                self.view.status,
                self.tr("No printer is set for this till (Settings, F10): show this screen."),
            )
            return
        if self.printing:
            return  # one job at a time: a second F8 would print the same receipt twice
        self.printing = True
        tell(self.view.status, self.tr("Printing…"))
        preferences, language = self.preferences, QLocale().name()

        shop = self._shop

        def send() -> str:
            data = receipt_bytes(receipt, preferences, language)
            send_to_printer(data, target, protected=shop.own_files())
            return target

        self._printer.submit(send, self._printed, self._print_failed, owner=self)

    def _printed(self, target: str) -> None:
        self.printing = False
        tell(self.view.status, self.tr("Printed on {printer}.").format(printer=target), ok=True)

    def _print_failed(self, error: LoyaltyError) -> None:
        self.printing = False
        tell(self.view.status, spoken(error) + self.tr(" — F8 tries again."))
