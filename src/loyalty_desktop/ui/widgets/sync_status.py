"""The status bar's word on syncing: sent, waiting, offline, or a token the server refused.

Hidden while the store is not connected to a server (most single shops). Being
offline is said calmly: sales go on and the events wait in the outbox.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from loyalty_desktop.services.sync import SyncStatus


def clock_time(iso: str | None) -> str:
    """An ISO moment as this PC's hours and minutes ("" when none)."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%H:%M")
    except ValueError:
        return ""


class SyncStatusLabel(QLabel):
    """One line: the outbox's state against the central server."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync")
        self.hide()
        self._status: SyncStatus | None = None

    def show_status(self, status: SyncStatus) -> None:
        """Say what this status means (and hide when not connected)."""
        self._status = status
        self.setVisible(status.server is not None)
        self.label()

    def label(self) -> None:
        """The words, in the language in force."""
        status = self._status
        if status is None or status.server is None:
            return
        if status.problem == "token_refused":
            text = self.tr(
                "Sync stopped: the server refused this till's token. Ask the administrator."
            )
            tone = "bad"
        elif status.problem == "server_unavailable":
            text = self.tr("Offline: {n} to send (sales go on)").format(n=status.queue)
            tone = "warn"
        elif status.problem in ("server_answer", "refused"):
            text = self.tr("Sync stopped (see the Sync page): {n} to send").format(n=status.queue)
            tone = "warn"
        elif status.queue:
            text = self.tr("Sync: {n} to send").format(n=status.queue)
            tone = "ok"
        else:
            text = self.tr("Synced {time}").format(time=clock_time(status.last_sync))
            tone = "ok"
        if status.quarantined:
            text += " · " + self.tr("{n} held for a manager").format(n=status.quarantined)
            tone = "bad" if tone == "bad" else "warn"
        self.setText(text)
        self.setProperty("tone", tone)
        self.setToolTip(status.server)
        self.style().unpolish(self)
        self.style().polish(self)
