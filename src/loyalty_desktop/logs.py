"""The desktop application's log: rotating files in the per-user log directory, for support."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from loyalty_desktop.installation import log_dir

LOG_NAME = "loyalty-desktop.log"
MAX_BYTES = 1_000_000  # a month of a busy till's warnings, and small enough to e-mail
KEEP = 5  # loyalty-desktop.log.1 ... .5: the newest file and five older ones


def log_file() -> Path:
    """Where the log is written now."""
    return log_dir() / LOG_NAME


def start_logging(level: int = logging.INFO) -> Path | None:
    """Log to a rotating file; returns its path, or None when the folder cannot be written.

    A second call changes nothing (tests and the self-test may both start it).
    """
    root = logging.getLogger()
    path = log_file()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8"
        )
    except OSError:
        return None  # a read-only profile still runs the till, without a log
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return path


def stop_logging() -> None:
    """Close the rotating file (tests that point the log somewhere else start it again)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
