"""``loyalty-desktop --self-test``: a real process checks Qt, QR codes and the database, exit 0 or 1."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from loyalty_desktop.app import open_database
from loyalty_desktop.logs import MAX_BYTES, start_logging, stop_logging
from tests.e2e.desktop import desktop, log_dir


def test_a_sound_database_passes_every_check_and_the_log_is_written(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    open_database(db, keys_dir=tmp_path / "keys").engine.dispose()
    done = desktop(
        "--self-test", "--db", str(db), env={"LOYALTY_CONFIG_DIR": str(tmp_path / "keys")}
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for check in (
        "Qt platform plugin",
        "Image formats",
        "QR round trip",
        "Database",
        "SQLite integrity",
    ):
        assert f"PASS  {check}" in done.stdout
    assert "self-test passed" in done.stdout
    assert str(db) in done.stdout
    assert (log_dir() / "loyalty-desktop.log").exists()


def test_a_file_that_is_not_a_database_fails_with_exit_code_1(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    db.write_bytes(b"this is a spreadsheet, not a database" * 200)
    done = desktop("--self-test", f"--db={db}")
    assert done.returncode == 1
    assert "FAIL  Database" in done.stdout
    assert "PASS  QR round trip" in done.stdout  # the other checks still ran
    assert "self-test failed: Database" in done.stdout


def test_without_a_database_a_scratch_one_is_checked_and_none_is_left_behind() -> None:
    default = Path(os.environ["LOYALTY_DATA_DIR"]) / "loyalty.db"
    done = desktop("--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "a scratch one" in done.stdout
    assert not default.exists()  # the first start still shows the first-run screens


def test_the_log_rotates_instead_of_growing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOYALTY_LOG_DIR", str(tmp_path / "logs"))
    stop_logging()
    path = start_logging()
    try:
        assert path == tmp_path / "logs" / "loyalty-desktop.log"
        for _ in range(3 * MAX_BYTES // 1000):
            logging.getLogger("test").warning("x" * 1000)
    finally:
        stop_logging()
    kept = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert kept[:3] == ["loyalty-desktop.log", "loyalty-desktop.log.1", "loyalty-desktop.log.2"]
    assert all(p.stat().st_size <= MAX_BYTES + 2000 for p in (tmp_path / "logs").iterdir())


_WITHOUT_PLUGINS = """
import sys
sys.argv[0] = "loyalty-desktop"
from PySide6.QtCore import QCoreApplication
QCoreApplication.setLibraryPaths([sys.argv.pop()])  # a bundle whose plugins folder is gone
from loyalty_desktop.entry import desktop_main
desktop_main()
"""


def test_a_missing_platform_plugin_fails_its_check_with_a_report_not_an_abort(
    tmp_path: Path,
) -> None:
    """Qt aborts the process when it finds no platform plugin: the self-test must look first."""
    empty = tmp_path / "plugins"
    empty.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_PLUGINS, "--self-test", "--db", str(tmp_path / "shop.db"),
         str(empty)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAIL  Qt platform plugin" in done.stdout, done.stdout + done.stderr
    assert "PASS  Database" in done.stdout  # the rest is still checked
    assert "self-test failed" in done.stdout


def test_a_windowed_self_test_with_a_log_folder_it_cannot_write_still_reports(
    tmp_path: Path,
) -> None:
    """No console and no log folder: the report goes to the temporary folder, not a traceback."""
    (tmp_path / "not-a-folder").write_text("")
    scratch = tmp_path / "temp"
    scratch.mkdir()
    done = desktop(
        "--self-test",
        "--db",
        str(tmp_path / "shop.db"),
        env={
            "LOYALTY_NO_CONSOLE": "1",
            "LOYALTY_LOG_DIR": str(tmp_path / "not-a-folder" / "logs"),
            "TMPDIR": str(scratch),
        },
    )
    assert "Traceback" not in done.stderr, done.stderr
    report = (scratch / "loyalty-desktop-self-test.txt").read_text(encoding="utf-8")
    assert "PASS  Database" in report
    assert "Log file: not writable" in report
