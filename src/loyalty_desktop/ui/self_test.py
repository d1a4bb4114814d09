"""``loyalty-desktop --self-test``: can this installation run a till? Checked offscreen, exit 0 or 1.

Each check runs even when one before it failed, so one run says everything a
support call needs: Qt's platform plugin and image formats, a QR card code
made and read back, the database opened (migrated like a start would) and
SQLite's own integrity check. Without a chosen or existing database a scratch
one in a temporary folder is used, so a fresh install's first start is unchanged.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TextIO

from loyalty_desktop.installation import default_db_path

NEEDED_FORMATS = ("png", "jpg")  # card images, product photos a manager may load
SAMPLE_CODE = "90000000000000000000000427"  # shaped like a card: 26 digits


@dataclass(frozen=True)
class Check:
    """One check's name, whether it passed, and what it found."""

    name: str
    ok: bool
    detail: str


PLATFORM = "offscreen"  # the self-test's platform plugin: no screen needed


def missing_platform_plugin() -> str | None:
    """Where Qt would look for the platform plugin, when it is not there; None when it is.

    Qt aborts the whole process when it finds none, so this is looked at before it tries.
    """
    from PySide6.QtCore import QCoreApplication

    folders = [Path(p) / "platforms" for p in QCoreApplication.libraryPaths()]
    if extra := os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        folders.append(Path(extra))
    if any(found for folder in folders for found in folder.glob(f"*{PLATFORM}*")):
        return None
    return ", ".join(str(f) for f in folders) or "no plugin folder at all"


def _qt() -> Check:
    from PySide6.QtGui import QGuiApplication

    if (searched := missing_platform_plugin()) is not None:
        return Check("Qt platform plugin", False, f"no {PLATFORM} plugin in {searched}; reinstall")
    app = QGuiApplication.instance()
    platform = QGuiApplication.platformName() if app is not None else ""
    return Check("Qt platform plugin", bool(platform), platform or "no platform plugin loaded")


def _image_formats() -> Check:
    from PySide6.QtGui import QImageReader

    found = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = [f for f in NEEDED_FORMATS if f not in found]
    if missing:
        return Check("Image formats", False, "missing: " + ", ".join(missing))
    return Check("Image formats", True, ", ".join(sorted(found)))


def _qr() -> Check:
    from PySide6.QtGui import QImage

    from loyalty_desktop.printing.card_image import qr_image
    from loyalty_desktop.ui.widgets.camera_scan import decode_qr

    png = BytesIO()
    qr_image(SAMPLE_CODE, 300).save(png, format="PNG")
    image = QImage()
    if not image.loadFromData(png.getvalue(), "PNG"):
        return Check("QR round trip", False, "Qt could not read the PNG of the code")
    read = decode_qr(image)
    if read != SAMPLE_CODE:
        return Check("QR round trip", False, f"made {SAMPLE_CODE!r}, read back {read!r}")
    return Check("QR round trip", True, "made and read back with zxing-cpp")


@contextlib.contextmanager
def _database_file(db: str | None) -> Iterator[tuple[Path | str, Path | None, str]]:
    """The database to check, the keys folder to open it with, and a word on which it is."""
    chosen = db or os.environ.get("LOYALTY_DB")
    if chosen or default_db_path().exists():
        yield (chosen or default_db_path()), None, ""
        return
    with tempfile.TemporaryDirectory(prefix="loyalty-self-test-") as scratch:
        yield Path(scratch) / "self-test.db", Path(scratch), " (no database yet: a scratch one)"


def _database(db: str | None) -> list[Check]:
    from loyalty_desktop.app import open_database

    with _database_file(db) as (where, keys_dir, note):
        try:
            opened = open_database(where, keys_dir=keys_dir, strict_keys=False)
        except Exception as exc:  # a damaged file, a folder, a newer schema: all reported
            return [Check("Database", False, f"{where}: {exc}")]
        try:
            checks = [Check("Database", True, f"{opened.location}{note}, schema {opened.revision}")]
            problems = opened.integrity.storage_problems()
            checks.append(Check("SQLite integrity", not problems, "; ".join(problems[:3]) or "ok"))
            if opened.key_problems:
                checks.append(Check("Card keys", False, opened.key_problems[0]))
            return checks
        finally:
            opened.engine.dispose()


def _guarded(name: str, check: Callable[[], Check]) -> Check:
    try:
        return check()
    except Exception as exc:  # a missing library or plugin fails its check, not the run
        return Check(name, False, f"{type(exc).__name__}: {exc}")


def run_checks(db: str | None) -> list[Check]:
    """Every check, in order; needs a Qt application (the caller makes an offscreen one)."""
    checks = [
        _guarded("Qt platform plugin", _qt),
        _guarded("Image formats", _image_formats),
        _guarded("QR round trip", _qr),
    ]
    try:
        checks += _database(db)
    except Exception as exc:
        checks.append(Check("Database", False, f"{type(exc).__name__}: {exc}"))
    return checks


def self_test(db: str | None, out: Callable[[str], object] | None = None) -> int:
    """Run the checks offscreen and print a summary; 0 when all passed, else 1.

    A windowed program (the Windows bundle) has no standard output: the summary
    goes to ``self-test.txt`` in the log folder instead, or, when that folder cannot
    be written, to ``loyalty-desktop-self-test.txt`` in the temporary folder.
    """
    if out is None:
        if sys.stdout is not None and not os.environ.get("LOYALTY_NO_CONSOLE"):
            return _checked(db, sys.stdout.write)
        with _report_file() as report:
            return _checked(db, report.write)
    return _checked(db, out)


def _report_file() -> TextIO:
    from loyalty_desktop.installation import log_dir

    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        return (log_dir() / "self-test.txt").open("w", encoding="utf-8")
    except OSError:  # a read-only profile: the till runs without a log, so must the report
        fallback = Path(tempfile.gettempdir()) / "loyalty-desktop-self-test.txt"
        return fallback.open("w", encoding="utf-8")


def _checked(db: str | None, out: Callable[[str], object]) -> int:
    os.environ["QT_QPA_PLATFORM"] = PLATFORM
    from PySide6.QtWidgets import QApplication

    from loyalty_desktop.logs import start_logging
    from loyalty_desktop.ui.diagnostics import facts

    log = start_logging()
    if missing_platform_plugin() is None:  # without one, Qt would abort before any report
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert app is not None
    checks = run_checks(db)
    for name, value in facts(db):
        out(f"  {name}: {value}\n")
    out(f"  Log file: {log or 'not writable'}\n")
    for check in checks:
        out(f"{'PASS' if check.ok else 'FAIL'}  {check.name}: {check.detail}\n")
    failed = [c.name for c in checks if not c.ok]
    out(f"self-test {'failed: ' + ', '.join(failed) if failed else 'passed'}\n")
    return 1 if failed else 0
