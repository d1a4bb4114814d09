"""One till program per database: a second start on the same file is refused with a clear message.

The lock is a ``QLockFile`` next to the database (``loyalty.db.lock``). Qt
writes the holder's process id and host into it and takes it over when that
process is gone (a crash or a power cut), so a stale lock never keeps a shop
out. Age alone never makes it stale: a till runs for days.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile


class AlreadyRunning(Exception):
    """Another program has the database open; ``message`` says which and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def lock_path(database: Path) -> Path:
    """The lock file for ``database``."""
    return database.with_name(database.name + ".lock")


def claim(database: Path) -> QLockFile | None:
    """Hold the database's lock for as long as the returned object lives, or raise AlreadyRunning.

    None when no lock file can be made next to the database (its folder is missing, the path
    runs through a file, the folder is read-only): then neither can the database, and opening
    it says why. The folder is never made here: a shop on a stick that is not plugged in must
    be refused, not started empty in a new folder of the same name.
    """
    if not database.parent.is_dir():
        return None
    lock = QLockFile(str(lock_path(database)))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return lock
    if lock.error() is not QLockFile.LockError.LockFailedError:
        return None  # not another program's lock: the folder took no file
    pid, host, _app = lock.getLockInfo()
    holder = QCoreApplication.translate("SingleInstance", "process {pid} on {host}").format(
        pid=pid, host=host or "?"
    )
    raise AlreadyRunning(
        QCoreApplication.translate(
            "SingleInstance",
            "The loyalty program is already running on this database ({holder}):\n{database}\n\n"
            "Switch to its window (look in the taskbar), or close it before starting it again.",
        ).format(holder=holder, database=database)
    )


def refuse(refusal: AlreadyRunning) -> int:
    """Say why this start is refused (stderr, and a dialog when there is a screen); the exit code."""
    import sys

    from PySide6.QtWidgets import QApplication, QMessageBox

    sys.stderr.write(refusal.message + "\n")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if QApplication.platformName() != "offscreen":
        QMessageBox.information(
            None, QCoreApplication.translate("SingleInstance", "Already running"), refusal.message
        )
    del app
    return 1
