"""The Events page's table: each event with its dates, tiers, places taken and members checked in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from loyalty_desktop.services.member_events import EventSummary

_Index = QModelIndex | QPersistentModelIndex
_COLUMNS = 6  # name, start, end, tiers, places, checked in


class EventTableModel(QAbstractTableModel):
    """Events as rows, soonest first."""

    def __init__(self) -> None:
        super().__init__()
        self.events: tuple[EventSummary, ...] = ()

    def show(self, events: tuple[EventSummary, ...]) -> None:
        """Show these events instead."""
        self.beginResetModel()
        self.events = events
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008  (Qt's names)
        """The events (a flat table)."""
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Name, start, end, tiers, places, checked in."""
        return 0 if parent.isValid() else _COLUMNS

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles in the UI language."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {
                0: self.tr("Event"),
                1: self.tr("Starts"),
                2: self.tr("Ends"),
                3: self.tr("Tiers"),
                4: self.tr("Signed up"),
                5: self.tr("Checked in"),
            }.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text and alignment (counts right-aligned)."""
        if not index.isValid() or not 0 <= index.row() < len(self.events):
            return None
        summary = self.events[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(summary, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if column >= 4 else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, summary: EventSummary, column: int) -> str | None:
        event = summary.event
        if column == 0:
            return event.name
        if column in (1, 2):
            moment = event.starts_at if column == 1 else event.ends_at
            return moment.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == 3:
            return ", ".join(event.tiers) or self.tr("All tiers")
        if column == 4:
            return f"{summary.signed_up} / {event.capacity}"
        if column == 5:
            return str(summary.checked_in)
        return None
