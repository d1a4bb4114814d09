"""A progress line on the terminal for long jobs (imports), drawn on stderr only when it is a terminal."""

from __future__ import annotations

import sys
from typing import TextIO

from loyalty_desktop.services.long_jobs import Job, Progress

_PHASES = {"reading": "reading the file", "checking": "checking", "writing": "importing"}


def progress_line(progress: Progress) -> str:
    """``importing  12,345 / 370,929 rows  3%`` (no total: just the count)."""
    what = _PHASES.get(progress.phase, progress.phase)
    if progress.total is None:
        return f"{what} {progress.done:,}"
    share = progress.fraction or 0.0
    return f"{what} {progress.done:,} / {progress.total:,} ({share:.0%})"


class TerminalProgress:
    """Redraws one line in place; clears it when the job is done."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.width = 0

    def __call__(self, progress: Progress) -> None:
        """Draw ``progress`` over the previous line."""
        if progress.phase == "done":
            self.stream.write("\r" + " " * self.width + "\r")
        else:
            text = progress_line(progress)
            self.stream.write("\r" + text.ljust(self.width))
            self.width = max(self.width, len(text))
        self.stream.flush()


def progress_job(stream: TextIO | None = None) -> Job:
    """A job whose progress is drawn on ``stream`` (stderr) if that is a terminal."""
    out = stream or sys.stderr
    return Job(TerminalProgress(out) if out.isatty() else None)
