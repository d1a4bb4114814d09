"""Python's cyclic garbage collector runs on the UI thread only, so no screen is freed on a worker.

The collector runs on whichever thread allocates when a generation fills up. The screens' work
runs on background threads (ui/tasks.py, the sync pump's), and they allocate most; a closed
screen caught in a reference cycle would then be destroyed there, and a Qt widget destroyed off
the UI thread crashes the process (CI lost a test worker so, in the Sync page's tests, with
nothing in the test itself at fault). While this is running, automatic collection is off and a
timer on the UI thread collects each generation as Python itself would when it is full (the
whole heap at most once a minute).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500  # garbage waits at most this long; a young collection takes a millisecond or so
# A full collection walks every object (0.15 s and more with pandas and scikit-learn loaded):
# Python itself puts it off until the old generation has grown by a quarter, which it does
# not tell; at most one a minute keeps the till from pausing for it often.
FULL_EVERY_S = 60.0


class UiThreadCollector(QObject):
    """While started: automatic collection off, and the UI thread collects instead."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._was_enabled = False
        self._last_full = time.monotonic()

    def start(self) -> None:
        """Turn automatic collection off; collect on the UI thread from now on."""
        if self._timer.isActive():
            return
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Collect the young garbage here, and give collection back to Python as it was found."""
        if not self._timer.isActive():
            return
        self._timer.stop()
        gc.collect(0)
        if self._was_enabled:
            gc.enable()

    @property
    def running(self) -> bool:
        """Whether the UI thread is the one collecting."""
        return self._timer.isActive()

    def collect(self) -> int:
        """Collect the generations that are full, youngest first, as Python would; how many freed."""
        first, second, third = gc.get_threshold()
        young, middle, old = gc.get_count()
        freed = 0
        if young > first:
            freed += gc.collect(0)
            if middle > second:
                freed += gc.collect(1)
                now = time.monotonic()
                if old > third and now - self._last_full >= FULL_EVERY_S:
                    freed += gc.collect(2)
                    self._last_full = now
        return freed
