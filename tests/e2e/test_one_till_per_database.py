"""A second ``loyalty-desktop`` on the same database is refused; a crashed one does not lock a shop out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.desktop import desktop, spawn

_LOYALTY = "import sys; sys.argv[0] = 'loyalty'; from loyalty_desktop.entry import main; main()"


def _holder(lock: Path) -> int | None:
    """The process id written in the lock file, once it is there."""
    try:
        return int(lock.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _wait_for_lock(lock: Path, running: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while _holder(lock) != running.pid:
        if running.poll() is not None:
            out, err = running.communicate()
            pytest.fail(f"the first program ended (exit {running.returncode}): {out}{err}")
        if time.monotonic() > deadline:
            pytest.fail("the first program never took the database's lock")
        time.sleep(0.2)


def _stop(running: subprocess.Popen[str]) -> None:
    if running.poll() is None:
        os.kill(running.pid, signal.SIGKILL)  # as a power cut would: no clean-up runs
    running.communicate(timeout=30)


@pytest.mark.slow
def test_a_second_program_on_the_same_database_is_refused_and_a_crash_frees_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "shop.db"
    lock = tmp_path / "shop.db.lock"
    first = spawn("--db", str(db))
    try:
        _wait_for_lock(lock, first)
        second = desktop("--db", str(db), timeout=60)
        assert second.returncode == 1
        assert "already running on this database" in second.stderr
        assert str(first.pid) in second.stderr
        assert str(db) in second.stderr
        # Another database is another shop: not refused (it starts; stopped here at once).
        other = spawn("--db", str(tmp_path / "other.db"))
        try:
            _wait_for_lock(tmp_path / "other.db.lock", other)
        finally:
            _stop(other)
    finally:
        _stop(first)
    assert lock.exists()  # killed: the lock file stays behind, naming a dead process
    third = spawn("--db", str(db))
    try:
        _wait_for_lock(lock, third)  # ...and the next start takes it over
    finally:
        _stop(third)


@pytest.mark.slow
def test_loyalty_gui_on_a_database_a_till_has_open_is_refused_too(tmp_path: Path) -> None:
    """``loyalty gui`` is the same program (CONTRACT.md): two windows on one till's file are refused."""
    db = tmp_path / "shop.db"
    first = spawn("--db", str(db))
    try:
        _wait_for_lock(tmp_path / "shop.db.lock", first)
        second = subprocess.run(
            [sys.executable, "-c", _LOYALTY, "--db", str(db), "gui"],
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 1, second.stdout + second.stderr
        assert "already running on this database" in second.stderr
    finally:
        _stop(first)
