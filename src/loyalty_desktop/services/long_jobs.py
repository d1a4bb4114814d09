"""Long jobs (imports, rebuilds): progress they report and a way to ask them to stop.

A job calls ``Job.step`` between units of work. The caller (the GUI's
background runner, the command line's progress bar) receives ``Progress``
through ``on_progress`` and may call ``cancel`` from another thread; the job
then stops at its next step with ``JobCancelled``, after rolling back the unit
it was in. What a job committed before it stopped stays committed, and running
it again finishes it (jobs are written to be re-run safely).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from loyalty_desktop.domain.errors import LoyaltyError

# Reports closer together than this are dropped (a screen repaints ~10 times a second).
REPORT_EVERY = 0.1


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a job is: ``done`` of ``total`` units (``None``: not known yet) in ``phase``."""

    phase: str
    done: int
    total: int | None = None

    @property
    def fraction(self) -> float | None:
        """Share done, 0–1, when the total is known."""
        if not self.total:
            return None
        return min(1.0, self.done / self.total)


class JobCancelled(LoyaltyError):
    """The person stopped the job; the unit it was in was rolled back."""

    code = "cancelled"


ProgressListener = Callable[[Progress], None]


class Job:
    """The handle a long job reports to and is cancelled through (cancel is thread-safe)."""

    def __init__(
        self, on_progress: ProgressListener | None = None, *, every: float = REPORT_EVERY
    ) -> None:
        self._on_progress = on_progress
        self._every = every
        self._stop = threading.Event()
        self._last = float("-inf")
        self.last: Progress | None = None

    def cancel(self) -> None:
        """Ask the job to stop at its next step."""
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        """Whether the job was asked to stop."""
        return self._stop.is_set()

    def check(self, phase: str) -> None:
        """Raise ``JobCancelled`` if the job was asked to stop (call it before each unit)."""
        if self._stop.is_set():
            raise JobCancelled("stopped on request", reason="job_cancelled", phase=phase)

    def step(self, phase: str, done: int, total: int | None = None, *, final: bool = False) -> None:
        """Report progress (throttled, except ``final``); raise ``JobCancelled`` if asked to stop."""
        self.check(phase)
        self.last = Progress(phase, done, total)
        now = time.monotonic()
        if self._on_progress is not None and (final or now - self._last >= self._every):
            self._last = now
            self._on_progress(self.last)
