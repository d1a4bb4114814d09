"""A refused start (here a file that is not a shop) exits 1 with the reason, and the box says it too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from loyalty_desktop.first_start import needs_wizard, settings_database
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


def _settings_naming(database: str) -> None:
    config = Path(os.environ["LOYALTY_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"database": database}), encoding="utf-8")


def test_a_shop_whose_folder_is_gone_is_refused_not_started_empty(tmp_path: Path) -> None:
    """The settings name a shop on a stick or share not plugged in: no empty shop in its place."""
    gone = tmp_path / "usb-stick" / "shop.db"
    _settings_naming(str(gone))
    done = desktop(timeout=90)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "no_such_folder" in done.stderr or "does not exist" in done.stderr
    assert not gone.parent.exists(), "an empty shop was made where the real one should be"


def test_a_settings_file_with_a_null_in_its_path_counts_as_damaged() -> None:
    """No path holds a NUL (opening it was a traceback): the file is damaged, the wizard asks."""
    _settings_naming("shop\u0000.db")
    assert settings_database() is None
    assert needs_wizard(None)


def test_a_relative_path_in_the_settings_is_read_from_the_settings_folder() -> None:
    """A hand-edited ``"shop.db"`` must not mean whatever folder the shortcut starts in."""
    _settings_naming("shop.db")
    assert settings_database() == str(Path(os.environ["LOYALTY_CONFIG_DIR"]) / "shop.db")
