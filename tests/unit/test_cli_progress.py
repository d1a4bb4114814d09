"""The command line's progress line for long jobs."""

from __future__ import annotations

import io

from loyalty_desktop.cli.progress import TerminalProgress, progress_job, progress_line
from loyalty_desktop.services.long_jobs import Progress


def test_a_progress_line_says_the_phase_the_count_and_the_share() -> None:
    assert progress_line(Progress("writing", 12_345, 370_929)) == "importing 12,345 / 370,929 (3%)"
    assert progress_line(Progress("reading", 500)) == "reading the file 500"


def test_the_line_is_redrawn_in_place_and_cleared_at_the_end() -> None:
    out = io.StringIO()
    draw = TerminalProgress(out)
    draw(Progress("writing", 1, 10))
    draw(Progress("writing", 10, 10))
    draw(Progress("done", 10, 10))
    text = out.getvalue()
    assert text.count("\r") == 4
    assert text.endswith("\r")
    assert "importing 10 / 10 (100%)" in text


def test_nothing_is_drawn_when_stderr_is_not_a_terminal() -> None:
    out = io.StringIO()  # a pipe or a file: scripts read the JSON, not a progress bar
    job = progress_job(out)
    job.step("writing", 1, 2, final=True)
    assert out.getvalue() == ""
