"""An unforeseen error: logged with its traceback, and a calm dialog naming the log file."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from loyalty_desktop.logs import start_logging, stop_logging
from loyalty_desktop.ui.crash import install_crash_dialog, show_crash


def _raised() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise RuntimeError("printer said 0x42")
    except RuntimeError:
        kind, error, trace = sys.exc_info()
    assert kind is not None
    assert error is not None
    return kind, error, trace


def test_an_unhandled_error_is_logged_and_shown_with_the_log_path(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOYALTY_LOG_DIR", str(tmp_path))
    stop_logging()
    log = start_logging(logging.INFO)
    assert log is not None
    before = install_crash_dialog()
    try:
        assert sys.excepthook is show_crash
        kind, error, trace = _raised()
        sys.excepthook(kind, error, trace)  # type: ignore[arg-type]
    finally:
        sys.excepthook = before
        stop_logging()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert len(boxes) == 1
    box = boxes[0]
    assert str(log) in box.text()
    assert "Sales already completed are saved" in box.text()
    assert "printer said 0x42" in box.detailedText()
    written = log.read_text()
    assert "unhandled error" in written
    assert "RuntimeError: printer said 0x42" in written  # the traceback, for support
    box.close()
    qtbot.waitUntil(
        lambda: not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    )
