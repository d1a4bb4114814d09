"""The programme's versions as a table: which is in force, when each was loaded, by whom, from where."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from loyalty_desktop.services.programs import LoadedVersion

Index = QModelIndex | QPersistentModelIndex


class VersionsModel(QAbstractTableModel):
    """Programme versions, newest first (a handful: all of them are held)."""

    def __init__(self) -> None:
        super().__init__()
        self.versions: tuple[LoadedVersion, ...] = ()

    def set_versions(self, versions: tuple[LoadedVersion, ...]) -> None:
        """Show these versions."""
        self.beginResetModel()
        self.versions = versions
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """One row per version."""
        return 0 if parent.isValid() else len(self.versions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Version, in force, loaded at, by, from."""
        return 0 if parent.isValid() else 5

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column headings."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Version"),
            self.tr("In force"),
            self.tr("Loaded"),
            self.tr("By"),
            self.tr("Source"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The version's number, whether it is in force, its local loading time, who and the source."""
        if not index.isValid():
            return None
        v = self.versions[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return v.source
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return str(v.version)
        if column == 1:
            return self.tr("in force") if v.in_force else ""
        if column == 2:
            return v.loaded_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return v.loaded_by if column == 3 else v.source
