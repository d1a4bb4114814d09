"""The back office's programme page: edit the programme, preview what a sale earns, save it as a new version.

Saving goes through ``services.programs.load_program`` like a shop's own
file: a new version, in force from then on, audited with the manager's name;
sales keep the version they were posted under. Import reads a programme file
into the editor (saved only when the manager saves); export writes the
edited programme as a file.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from loyalty_desktop.domain.errors import BadProgram, LoyaltyError
from loyalty_desktop.domain.program import Program
from loyalty_desktop.domain.program_writer import write_program
from loyalty_desktop.services import programs
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.console.page import ConsolePage
from loyalty_desktop.ui.console.programme_editor import ProgrammeEditor, field_message
from loyalty_desktop.ui.console.programme_preview import PreviewPanel
from loyalty_desktop.ui.console.programme_versions import VersionsModel
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks

_FILES = "TOML (*.toml);;*"


class ProgrammePage(ConsolePage):
    """Editor tabs on the left, the preview on the right, save, import and export below."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__(shop, tasks, actor)
        self.in_force: Program | None = None
        self.edited_program: Program | None = None
        heading = QLabel(self.tr("Programme"))
        heading.setObjectName("title")
        self.version = QLabel()
        self.editor = ProgrammeEditor()
        self.versions = VersionsModel()
        self.versions_view = QTableView()
        self.versions_view.setModel(self.versions)
        self.versions_view.horizontalHeader().setStretchLastSection(True)
        self.versions_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.editor.addTab(self.versions_view, self.tr("Versions"))
        today = QDate.fromString(shop.clock.now().date().isoformat(), "yyyy-MM-dd")
        self.preview = PreviewPanel(shop, tasks, actor, today)
        self.status = QLabel()
        self.status.setObjectName("programme_status")
        self.status.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import file…"))
        self.export_button = QPushButton(self.tr("Export file…"))
        self.revert = QPushButton(self.tr("Undo changes"))
        self.save = QPushButton(self.tr("Save as new version (Ctrl+S)"))
        self.save.setObjectName("primary")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.version)
        buttons = QHBoxLayout()
        for button in (self.import_button, self.export_button, self.revert):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.editor, 1)
        box.addWidget(self.preview)
        box.addWidget(self.status)
        box.addLayout(buttons)
        self.editor.edited.connect(self.check)
        self.save.clicked.connect(self.save_program)
        self.revert.clicked.connect(self.undo_changes)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save_program)
        self.save.setEnabled(False)

    def shown(self) -> None:
        """Load the programme in force (another till or the command line may have changed it)."""
        if self.in_force is not None and self.edited_program != self.in_force:
            return  # keep the manager's unsaved edits
        shop, actor = self.shop, self.actor
        self.tasks.submit(lambda: programs.show_program(shop, actor), self._loaded, self._failed)
        self._load_versions()

    def _load_versions(self) -> None:
        shop, actor = self.shop, self.actor
        self.tasks.submit(
            lambda: programs.program_versions(shop, actor), self.versions.set_versions, self._failed
        )

    def _loaded(self, current: programs.ProgramVersion) -> None:
        self.in_force = current.program
        # "Today" is the shop's day (its time zone), not the UTC date the clock gives.
        local = self.shop.clock.now().astimezone(ZoneInfo(current.program.timezone)).date()
        self.preview.day.setDate(QDate(local.year, local.month, local.day))
        self._show_version(current.version)
        self.editor.fill(current.program)
        self.check()

    def _show_version(self, version: int) -> None:
        self.version.setText(
            self.tr("Version {version} is in force").format(version=version)
            if version
            else self.tr("The built-in defaults are in force")
        )

    def check(self) -> None:
        """Check the edits as the file's reader would; enable saving when they make a new programme."""
        try:
            self.edited_program = self.editor.program()
        except BadProgram as refused:
            self.edited_program = None
            self.save.setEnabled(False)
            self.export_button.setEnabled(False)
            self.revert.setEnabled(self.in_force is not None)
            tell(
                self.status,
                self.tr("Not a programme yet: {problem}").format(problem=field_message(refused)),
            )
            self.preview.set_program(None)
            return
        changed = self.edited_program != self.in_force
        self.save.setEnabled(changed)
        self.revert.setEnabled(changed)
        self.export_button.setEnabled(True)
        tell(
            self.status,
            self.tr("Changed: save to put it in force.")
            if changed
            else self.tr("This is the programme in force."),
            ok=not changed,
        )
        self.preview.set_program(self.edited_program)

    def save_program(self) -> None:
        """Store the edited programme as a new version, in force from now."""
        program = self.edited_program
        if program is None or program == self.in_force:
            return
        shop, actor = self.shop, self.actor
        self.save.setEnabled(False)
        text = write_program(program)
        self.tasks.submit(
            lambda: programs.load_program(shop, actor, text, "back office"),
            self._saved,
            self._refused,
        )

    def _saved(self, saved: programs.ProgramVersion) -> None:
        self.in_force = saved.program
        self._show_version(saved.version)
        self.editor.fill(saved.program)
        self.check()
        tell(
            self.status,
            self.tr("Saved as version {version}; it is in force from now.").format(
                version=saved.version
            ),
            ok=True,
        )
        self._load_versions()

    def _refused(self, error: LoyaltyError) -> None:
        widget = self.editor.show_error(error)
        if widget is not None:
            self.editor.reveal(widget)
        tell(self.status, spoken(error))
        self.save.setEnabled(self.edited_program is not None)

    def _failed(self, error: LoyaltyError) -> None:
        tell(self.status, spoken(error))

    def undo_changes(self) -> None:
        """Show the programme in force again, dropping the edits."""
        if self.in_force is not None:
            self.editor.fill(self.in_force)
            self.check()

    def ask_open_path(self) -> str:
        """The programme file the manager picks to import (empty: cancelled)."""
        return QFileDialog.getOpenFileName(self, self.tr("Import a programme file"), "", _FILES)[0]

    def ask_save_path(self) -> str:
        """Where the manager wants the programme file written (empty: cancelled)."""
        return QFileDialog.getSaveFileName(
            self, self.tr("Export the programme file"), "programme.toml", _FILES
        )[0]

    def import_file(self) -> None:
        """Read a programme file into the editor; it is put in force only when saved."""
        path = self.ask_open_path()
        if not path:
            return
        actor = self.actor
        self.tasks.submit(
            lambda: programs.read_program_file(actor, Path(path)),
            lambda got: self._imported(path, got[1]),
            self._failed,
        )

    def _imported(self, path: str, program: Program) -> None:
        self.editor.fill(program)
        self.check()
        if self.edited_program != self.in_force:
            tell(
                self.status,
                self.tr("Read {file}: check it, then save to put it in force.").format(
                    file=Path(path).name
                ),
            )

    def export_file(self) -> None:
        """Write the programme as the editor shows it to a file the manager picks."""
        program = self.edited_program
        if program is None:
            return
        path = self.ask_save_path()
        if not path:
            return
        shop, actor = self.shop, self.actor
        self.tasks.submit(
            lambda: programs.write_program_file(shop, actor, Path(path), program),
            lambda written: tell(
                self.status, self.tr("Written to {file}.").format(file=str(written)), ok=True
            ),
            self._failed,
        )
