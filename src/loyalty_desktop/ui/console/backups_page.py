"""The backups page: the backups folder and its copies, a backup now, how many daily ones to keep, restore.

A restore replaces the database under this window: the services close its
connections, and the window then closes so that nothing keeps using what it
had read from the old database. The manager is told so before and after, and
starts the till again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import backups
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.backups import BackupCheck, BackupShelf, Restored
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.ports import BackupFile
from loyalty_desktop.ui.console.audit_model import local_time
from loyalty_desktop.ui.console.page import ConsolePage
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks

Index = QModelIndex | QPersistentModelIndex


def size_text(size: int) -> str:
    """A file size a person reads at a glance."""
    if size >= 1024**3:
        return f"{size / 1024**3:.1f} GB"
    if size >= 1024**2:
        return f"{size / 1024**2:.1f} MB"
    return f"{max(1, size // 1024)} KB"


class BackupsModel(QAbstractTableModel):
    """The backups in the folder, newest first: when, what kind, how big, the file's name."""

    WHEN, KIND, SIZE, FILE = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[BackupFile, ...] = ()

    def show_backups(self, found: tuple[BackupFile, ...]) -> None:
        """Show these backups instead."""
        self.beginResetModel()
        self._rows = found
        self.endResetModel()

    def backup(self, row: int) -> BackupFile:
        """The backup on ``row``."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """How many backups."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        """When, kind, size, file."""
        return 0 if parent.isValid() else 4

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Taken"), self.tr("Kind"), self.tr("Size"), self.tr("File"))
        return titles[section] if 0 <= section < len(titles) else None

    def kind(self, label: str) -> str:
        """A backup's kind in words."""
        kinds = {
            "manual": self.tr("by hand"),
            "daily": self.tr("daily"),
            "before-restore": self.tr("before a restore"),
        }
        return kinds.get(label, self.tr("other"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Each cell's text and alignment (sizes to the right), the full path as a tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        backup = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                local_time(backup.taken_at),
                self.kind(backup.label),
                size_text(backup.size),
                backup.path.name,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = (
                Qt.AlignmentFlag.AlignRight
                if index.column() == self.SIZE
                else Qt.AlignmentFlag.AlignLeft
            )
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackupsPage(ConsolePage):
    """The folder and its backups; back up now; keep N daily; restore a chosen backup or file."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__(shop, tasks, actor)
        title = QLabel(self.tr("Backups"))
        title.setObjectName("title")
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = BackupsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 160, 100)):
            self.table.setColumnWidth(column, width)
        self.keep = QSpinBox()
        self.keep.setRange(*backups.KEEP_RANGE)
        self.keep.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.keep.setMinimumWidth(70)
        self.save_keep = QPushButton(self.tr("Save"))
        self.back_up = QPushButton(self.tr("Back up now"))
        self.back_up.setObjectName("primary")
        self.back_up_to = QPushButton(self.tr("Back up to a file…"))
        self.restore_chosen = QPushButton(self.tr("Restore the chosen backup…"))
        self.restore_file = QPushButton(self.tr("Restore from a file…"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        explain = QLabel(
            self.tr(
                "A backup is made automatically once a day when someone signs in. "
                "A restore replaces every member, sale and point with the backup's; the "
                "database in use is copied here first, and the till closes afterwards."
            )
        )
        explain.setWordWrap(True)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Daily backups to keep")))
        keep_row.addWidget(self.keep)
        keep_row.addWidget(self.save_keep)
        keep_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up)
        buttons.addWidget(self.back_up_to)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_chosen)
        buttons.addWidget(self.restore_file)
        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addWidget(explain)
        box.addWidget(self.folder)
        box.addWidget(self.table, 1)
        box.addLayout(keep_row)
        box.addWidget(self.message)
        box.addLayout(buttons)
        self.back_up.clicked.connect(self.make_backup)
        self.back_up_to.clicked.connect(self.make_backup_to_file)
        self.save_keep.clicked.connect(self.set_keep)
        self.restore_chosen.clicked.connect(self.restore_selected)
        self.restore_file.clicked.connect(self.restore_from_file)
        self._folder: Path | None = None

    def shown(self) -> None:
        """Read the folder afresh."""
        self.refresh()

    def refresh(self) -> None:
        """The folder, its backups and the setting, read on the worker."""
        shop, actor = self.shop, self.actor
        self.tasks.submit(lambda: backups.list_backups(shop, actor), self._listed, self._failed)

    def _listed(self, shelf: BackupShelf) -> None:
        self._folder = shelf.folder
        self.model.show_backups(shelf.backups)
        self.keep.setValue(shelf.keep)
        due = self.tr("A daily backup is due.") if shelf.due else ""
        self.folder.setText(
            self.tr("Backups folder: {folder}. {due}").format(folder=shelf.folder, due=due)
        )

    def _failed(self, error: LoyaltyError) -> None:
        self._enable(True)
        tell(self.message, spoken(error))

    def _enable(self, on: bool) -> None:
        buttons = (self.back_up, self.back_up_to, self.restore_chosen, self.restore_file)
        for button in (*buttons, self.save_keep):
            button.setEnabled(on)

    def make_backup(self) -> None:
        """A backup now, into the folder."""
        shop, actor = self.shop, self.actor
        self._enable(False)
        tell(self.message, self.tr("Backing up…"), ok=True)
        self.tasks.submit(lambda: backups.back_up(shop, actor), self._made, self._failed)

    def ask_backup_target(self) -> str:
        """A new file for a backup elsewhere, a USB stick (a dialog; tests answer it themselves)."""
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up to a file"),
            "loyalty-backup.db",
            self.tr("Databases (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing file is refused anyway
        )
        return chosen

    def make_backup_to_file(self) -> None:
        """A backup now, into a new file chosen in a dialog (never over an existing file)."""
        chosen = self.ask_backup_target()
        if not chosen:
            return
        shop, actor, target = self.shop, self.actor, Path(chosen)
        self._enable(False)
        tell(self.message, self.tr("Backing up…"), ok=True)
        self.tasks.submit(lambda: backups.back_up(shop, actor, target), self._made, self._failed)

    def _made(self, made: BackupFile) -> None:
        self._enable(True)
        tell(
            self.message,
            self.tr("Backed up to {file} ({size}).").format(
                file=made.path, size=size_text(made.size)
            ),
            ok=True,
        )
        self.refresh()

    def set_keep(self) -> None:
        """Save how many daily backups are kept."""
        shop, actor, keep = self.shop, self.actor, self.keep.value()
        self.tasks.submit(lambda: backups.set_keep(shop, actor, keep), self._kept, self._failed)

    def _kept(self, keep: int) -> None:
        tell(
            self.message,
            self.tr("The newest {count} daily backups are kept.").format(count=keep),
            ok=True,
        )

    def restore_selected(self) -> None:
        """Restore the backup chosen in the list."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            tell(self.message, self.tr("Choose a backup in the list first."))
            return
        self.check(self.model.backup(rows[0].row()).path)

    def ask_backup_file(self) -> str:
        """A backup file to restore (a dialog; tests answer it themselves)."""
        start = str(self._folder) if self._folder else ""
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore a backup"), start, self.tr("Databases (*.db);;All files (*)")
        )
        return chosen

    def restore_from_file(self) -> None:
        """Restore a backup file chosen in a dialog (a USB stick, another folder)."""
        chosen = self.ask_backup_file()
        if chosen:
            self.check(Path(chosen))

    def check(self, file: Path) -> None:
        """Check the file on the worker; a sound one is offered for restoring."""
        shop, actor = self.shop, self.actor
        self._enable(False)
        tell(self.message, self.tr("Checking {file}…").format(file=file.name), ok=True)
        self.tasks.submit(
            lambda: backups.check_backup(shop, actor, file), self._checked, self._failed
        )

    def confirm(self, checked: BackupCheck) -> bool:
        """Ask before replacing the database; No is the default."""
        asked = QMessageBox(self)
        asked.setIcon(QMessageBox.Icon.Warning)
        asked.setWindowTitle(self.tr("Restore a backup"))
        asked.setText(
            self.tr(
                "Replace the database with {file}? It holds {members} members. Everything "
                "recorded since that backup is taken out (a copy of the database in use is "
                "kept in the backups folder). The till closes when it is done; start it again."
            ).format(file=checked.file.name, members=checked.members)
        )
        asked.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        asked.setDefaultButton(QMessageBox.StandardButton.No)
        return asked.exec() == QMessageBox.StandardButton.Yes

    def _checked(self, checked: BackupCheck) -> None:
        if not self.confirm(checked):
            self._enable(True)
            tell(self.message, self.tr("Nothing was restored."))
            return
        shop, actor, file = self.shop, self.actor, checked.file
        tell(self.message, self.tr("Restoring… do not switch the computer off."), ok=True)
        self.tasks.submit(
            lambda: backups.restore_backup(shop, actor, file), self._restored, self._failed
        )

    def _restored(self, done: Restored) -> None:
        tell(
            self.message,
            self.tr("Restored {file}. The database replaced was kept as {copy}.").format(
                file=done.file.name, copy=done.safety_copy.name
            ),
            ok=True,
        )
        self.tell_restart(done)
        self.window().close()

    def tell_restart(self, done: Restored) -> None:
        """Say the till closes now and must be started again."""
        QMessageBox.information(
            self,
            self.tr("Backup restored"),
            self.tr(
                "The backup is restored ({members} members). The till closes now: "
                "start it again to go on."
            ).format(members=done.members),
        )
