"""The till's sync pump: sends the outbox to the central server every few seconds, on its own thread.

It never uses the till's worker: it has a ``Tasks`` of its own (as receipts have), so a
server that is slow to answer holds up no scan or sale queued behind it. Each pass is
``services.sync.run_pass``, which does nothing until the store is connected and never
raises for the network; the status after the pass is signalled to the window's status bar.
A database problem is logged by ``Tasks`` and the next pass tries again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import sync
from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.tasks import Tasks

PASS_EVERY_MS = 15_000


class SyncPump(QObject):
    """Runs a pass now and then every ``interval_ms``; one pass at a time."""

    changed = Signal(object)  # the SyncStatus after each pass

    def __init__(self, shop: Shop, interval_ms: int = PASS_EVERY_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.shop = shop
        self._worker = Tasks(self)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.run_now)

    def start(self) -> None:
        """Start passing (a first pass at once)."""
        self._timer.start()
        self.run_now()

    def stop(self, wait_ms: int = 5_000) -> None:
        """No more passes; wait for one in flight (its HTTP call has its own timeout)."""
        self._timer.stop()
        self._worker.wait(wait_ms)

    def run_now(self) -> None:
        """A pass now, unless one is running."""
        if self._worker.pending:
            return
        shop = self.shop
        self._worker.submit(lambda: sync.run_pass(shop), self.changed.emit, _ignore, owner=self)


def _ignore(_error: LoyaltyError) -> None:
    """A pass that failed says nothing at the till; the status bar keeps the last word."""
