"""The one way screens run database work: on a single background worker, results back on the UI thread.

One worker means one writer at a time from this window, in the order the
cashier asked (a scan queued behind a sale runs after it), and the UI thread
never waits for SQLite. A person's mistake (``LoyaltyError``) comes back as a
value for the screen to show; anything else is reported as an internal error
without its text, which may hold personal data.
"""

from __future__ import annotations

import inspect
import logging
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import Shiboken

from loyalty_desktop.domain.errors import LoyaltyError

log = logging.getLogger(__name__)


class InternalError(LoyaltyError):
    """Something failed inside the program (not the user's input)."""

    code = "internal_error"


class _Relay(QObject):
    """Lives on the UI thread; signals emitted by the worker arrive here queued."""

    # One tuple (callback, value), never a bare value: PySide6 6.12 miscounts references to
    # None passed as a queued signal argument across threads, and a few hundred chores that
    # return None crashed the process ("deallocating None").
    finished = Signal(object)


class _Work(QRunnable):
    def __init__(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[LoyaltyError], None],
        relay: _Relay,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._done, self._failed, self._relay = work, done, failed, relay

    def run(self) -> None:
        # Let go of the work before answering: a screen it names must never be freed by
        # this thread (a widget destroyed off the UI thread crashes Qt).
        work, self._work = self._work, _nothing
        try:
            value = work()
        except LoyaltyError as exc:
            self._relay.finished.emit((self._failed, exc))
            return
        except Exception as exc:
            log.error("background task failed: %s", type(exc).__name__)
            self._relay.finished.emit(
                (
                    self._failed,
                    InternalError(
                        f"something went wrong inside the program ({type(exc).__name__}); "
                        "nothing was changed unless it said so"
                    ),
                )
            )
            return
        self._relay.finished.emit((self._done, value))


def _nothing() -> None:
    return None


def _after(guard: Callable[[], None], work: Callable[[], Any]) -> Callable[[], Any]:
    def guarded() -> Any:
        guard()
        return work()

    return guarded


def _guarded(callback: Callable[[Any], None], owner: object) -> Callable[[Any], None]:
    """``callback``, skipped once ``owner`` is gone; a screen's own method is held weakly.

    The worker thread keeps the callbacks until its task object is freed; if it held the
    last reference to a closed screen, the screen would be destroyed on the worker thread
    (Qt: "QBasicTimer::stop: Failed … from a different thread", then a crash).
    """
    if not isinstance(owner, QObject):
        return callback
    held = weakref.ref(owner)
    if inspect.ismethod(callback) and callback.__self__ is owner:
        method = weakref.WeakMethod(callback)

        def call_method(value: Any) -> None:
            bound, screen = method(), held()
            if bound is not None and screen is not None and Shiboken.isValid(screen):
                bound(value)

        return call_method

    def call(value: Any) -> None:
        screen = held()
        if screen is not None and Shiboken.isValid(screen):
            callback(value)

    return call


class Tasks(QObject):
    """Runs work off the UI thread, one task at a time, in the order submitted."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._pending = 0
        # Run on the worker before each task; a refusal it raises is the task's (a disabled account).
        self.guard: Callable[[], None] | None = None

    def submit(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[LoyaltyError], None],
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``work()`` on the worker; then ``done(result)`` or ``failed(error)`` on the UI thread.

        The callback is dropped if ``owner`` (by default the object whose method
        ``done`` is) was deleted meanwhile: a screen closed by sign-out while its
        lookup ran. The work itself has happened; only its display is skipped.
        """
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        keeper = owner if owner is not None else getattr(done, "__self__", None)
        guard = self.guard
        if guard is not None:
            work = _after(guard, work)
        self._pool.start(_Work(work, _guarded(done, keeper), _guarded(failed, keeper), self._relay))

    @property
    def pending(self) -> int:
        """Tasks submitted whose callback has not run yet."""
        return self._pending

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (closing the window; tests use ``qtbot.waitUntil``)."""
        return self._pool.waitForDone(msecs)

    def _deliver(self, outcome: tuple[Callable[[Any], None], Any]) -> None:
        callback, value = outcome
        self._pending -= 1
        try:
            callback(value)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)
