"""A refused start (here a file that is not a shop) exits 1 with the reason, and the box says it too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from loyalty_desktop.logs import log_file
from loyalty_desktop.ui.start_refused import refusal_text
from tests.e2e.desktop import desktop


def test_a_file_that_is_not_a_shop_is_refused_with_its_reason(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    db.write_bytes(b"a spreadsheet, not a database" * 300)
    done = desktop("--db", str(db), timeout=90)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "bad_database" in done.stderr or "cannot be opened" in done.stderr
    assert db.read_bytes() == b"a spreadsheet, not a database" * 300


def test_the_box_repeats_the_refusal_and_names_the_log() -> None:
    printed = "error: bad_database: the upgrade from schema 0011 to 0012 failed\n"
    text = refusal_text(printed)
    assert text.startswith("error: bad_database: the upgrade from schema 0011 to 0012 failed")
    assert str(log_file()) in text
    assert "changed nothing" in text


_WINDOWED = """
import os, sys
sys.argv[0] = "loyalty-desktop"
sys.stdout = sys.stderr = None  # a windowed program (the Windows bundle) has no console
import loyalty_desktop.ui.start_refused as start_refused
start_refused.tell_refusal = lambda printed: os.write(2, b"BOX: " + printed.encode())
from loyalty_desktop.entry import desktop_main
try:
    desktop_main()
except SystemExit as done:
    os._exit(done.code if isinstance(done.code, int) else 3)
except BaseException as error:
    os.write(2, f"CRASH: {error!r}".encode())
    os._exit(9)
"""


def test_a_windowed_program_without_a_console_still_tells_the_refusal_in_its_box(
    tmp_path: Path,
) -> None:
    db = tmp_path / "shop.db"
    db.write_bytes(b"a spreadsheet, not a database" * 300)
    done = subprocess.run(
        [sys.executable, "-c", _WINDOWED, "--db", str(db)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert "CRASH" not in done.stderr, done.stderr
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("BOX: ")
    assert "bad_database" in done.stderr or "cannot be opened" in done.stderr


def test_a_database_under_a_file_is_refused_with_its_reason_not_a_traceback(
    tmp_path: Path,
) -> None:
    """``--db`` pointing inside a file (a typo in the path) must not crash on the lock file."""
    (tmp_path / "notes.txt").write_text("not a folder")
    done = desktop("--db", str(tmp_path / "notes.txt" / "shop.db"), timeout=90)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "no_such_folder" in done.stderr or "does not exist" in done.stderr


def test_a_folder_that_takes_no_files_is_not_called_already_running(tmp_path: Path) -> None:
    """/proc takes no new file even from root, as a read-only folder takes none from a user."""
    if not Path("/proc/self").is_dir():
        pytest.skip("no /proc on this system")
    done = desktop("--db", "/proc/loyalty-shop.db", timeout=90)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "already running" not in done.stderr, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "/proc/loyalty-shop.db" in done.stderr
