"""The till's sync pump: sends the outbox to the central server every few seconds, on its own thread.

It never uses the till's worker (``ui/tasks.py``): a server that is slow to answer
must not hold up a scan or a sale queued behind it. Each pass is
``services.sync.run_pass``, which does nothing until the store is connected and
never raises for the network; the status after the pass is signalled to the
window's status bar and the back office's Sync page.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from loyalty_desktop.services import sync
from loyalty_desktop.services.context import Shop

log = logging.getLogger(__name__)
PASS_EVERY_MS = 15_000


class _Relay(QObject):
    # A tuple, never a bare value (see ui/tasks.py: PySide6 and None across threads).
    finished = Signal(object)


class _Pass(QRunnable):
    def __init__(self, shop: Shop, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._shop, self._relay = shop, relay

    def run(self) -> None:
        try:
            status: sync.SyncStatus | None = sync.run_pass(self._shop)
        except Exception as exc:  # a database problem: the next pass tries again
            log.error("sync pass failed: %s", type(exc).__name__)
            status = None
        self._relay.finished.emit((status,))


class SyncPump(QObject):
    """Runs a pass now and then every ``interval_ms``; one pass at a time."""

    changed = Signal(object)  # the SyncStatus after each pass

    def __init__(self, shop: Shop, interval_ms: int = PASS_EVERY_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.shop = shop
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._done)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.run_now)
        self._running = False
        self.last: sync.SyncStatus | None = None

    def start(self) -> None:
        """Start passing (a first pass at once)."""
        self._timer.start()
        self.run_now()

    def stop(self, wait_ms: int = 5_000) -> None:
        """No more passes; wait for one in flight (its HTTP call has its own timeout)."""
        self._timer.stop()
        self._pool.waitForDone(wait_ms)

    def run_now(self) -> None:
        """A pass now, unless one is running."""
        if self._running:
            return
        self._running = True
        self._pool.start(_Pass(self.shop, self._relay))

    def _done(self, result: tuple[sync.SyncStatus | None]) -> None:
        self._running = False
        (status,) = result
        if status is not None:
            self.last = status
            self.changed.emit(status)
