"""The Import page: members, past sales or products from a CSV or Excel file, seen before anything is written.

Choose what the file holds and the file; the page reads its first rows on the
worker, says which encoding it was read in (the person may pick another) and
guesses the columns. The import runs on the worker with a progress bar and a
Cancel button. Any rejected row means nothing is imported, unless "Import valid
rows only" is ticked; either way every rejected row is listed, and the list can
be saved as a CSV file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.import_files import (
    FilePreview,
    ImportKind,
    fields_of,
    import_file,
    preview_file,
)
from loyalty_desktop.services.import_report import ImportReport
from loyalty_desktop.services.long_jobs import Job, JobCancelled, Progress
from loyalty_desktop.ui.console.import_mapping import MappingForm, field_label
from loyalty_desktop.ui.console.import_preview import PreviewModel, rejections
from loyalty_desktop.ui.console.import_rejected import RejectedRows
from loyalty_desktop.ui.console.page import ConsolePage
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks

# The encodings offered besides "detect": what shops' files are in (codec, label).
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030")


class _ProgressRelay(QObject):
    """Carries a job's progress from the worker to the page (a queued signal)."""

    progressed = Signal(object)  # Progress


def _table(model: PreviewModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(28)
    return view


class ImportPage(ConsolePage):
    """Kind and file, preview and columns, then the import with its report."""

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__(shop, tasks, actor)
        self.preview: FilePreview | None = None
        self.path: Path | None = None
        self.job: Job | None = None
        self.report: ImportReport | None = None
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._progressed)
        heading = QLabel(self.tr("Import"))
        heading.setObjectName("title")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Members"), ImportKind.MEMBERS)
        self.kind.addItem(self.tr("Past sales"), ImportKind.SALES)
        self.kind.addItem(self.tr("Products"), ImportKind.PRODUCTS)
        self.kind.addItem(self.tr("Survey answers"), ImportKind.SURVEYS)
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("A CSV file or an Excel workbook (.xlsx)"))
        self.browse = QPushButton(self.tr("Choose file…"))
        self.encoding = QComboBox()
        self.encoding.addItem(self.tr("Detect"), "")
        names = {
            "utf-8": "UTF-8",
            "utf-8-sig": self.tr("UTF-8 with BOM"),
            "gb18030": self.tr("GBK (Chinese)"),
        }
        for codec in ENCODINGS:
            self.encoding.addItem(names[codec], codec)
        self.read_as = QLabel()
        self.preview_model = PreviewModel()
        self.preview_table = _table(self.preview_model)
        self.preview_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.rejected = RejectedRows(shop, tasks, actor)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview_table, self.tr("First rows"))
        self.tabs.addTab(self.rejected, self.tr("Rejected rows"))
        self.mapping = MappingForm()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        columns_title = QLabel(self.tr("Columns (* every row needs it)"))
        columns_title.setObjectName("section")
        self.valid_only = QCheckBox(self.tr("Import valid rows only"))
        self.valid_only.setToolTip(self.tr("Unticked, nothing is imported if any row is rejected."))
        self.create_members = QCheckBox(self.tr("Enrol unknown member numbers"))
        self.start = QPushButton(self.tr("Import"))
        self.start.setObjectName("primary")
        self.start.setEnabled(False)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setVisible(False)
        self.phase = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("File holds")))
        chooser.addWidget(self.kind)
        chooser.addWidget(self.file, 1)
        chooser.addWidget(self.browse)
        reading = QHBoxLayout()
        reading.addWidget(QLabel(self.tr("Read as")))
        reading.addWidget(self.encoding)
        reading.addWidget(self.read_as, 1)
        right = QVBoxLayout()
        right.addWidget(columns_title)
        right.addWidget(self.hint)
        right.addWidget(self.mapping)
        right.addStretch(1)
        right.addWidget(self.valid_only)
        right.addWidget(self.create_members)
        right_panel = QWidget()
        right_panel.setLayout(right)
        right_panel.setFixedWidth(400)
        middle = QHBoxLayout()
        middle.addWidget(self.tabs, 1)
        middle.addWidget(right_panel)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.phase)
        running.addStretch(0)
        for button in (self.cancel, self.start):
            button.setMinimumWidth(160)
            running.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addLayout(chooser)
        box.addLayout(reading)
        box.addLayout(middle, 1)
        box.addLayout(running)
        box.addWidget(self.message)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.browse.clicked.connect(self._browse)
        self.encoding.currentIndexChanged.connect(self._read_again)
        self.mapping.changed.connect(self._mapping_changed)
        self.rejected.told.connect(lambda text, ok: tell(self.message, text, ok=ok))
        self.start.clicked.connect(self.run)
        self.cancel.clicked.connect(self.stop)
        self._kind_changed()

    # Choosing -----------------------------------------------------------------

    @property
    def chosen_kind(self) -> ImportKind:
        """What the file is said to hold."""
        return ImportKind(self.kind.currentData())

    def choose_kind(self, kind: ImportKind) -> None:
        """Say what the file holds (the Products page opens this page for products)."""
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def choose_file(self, path: Path) -> None:
        """Read ``path``'s first rows (the file dialog ends here; tests call it directly)."""
        self.path = path
        self.file.setText(str(path))
        self._read_again()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            str(self.path.parent) if self.path else "",
            self.tr("CSV or Excel (*.csv *.txt *.xlsx);;All files (*)"),
        )
        if chosen:
            self.choose_file(Path(chosen))

    def _kind_changed(self) -> None:
        kind = self.chosen_kind
        self.create_members.setVisible(kind is ImportKind.SALES)
        fields = [field_label(f.name, kind) + (" *" if f.required else "") for f in fields_of(kind)]
        self.hint.setText(
            self.tr(
                "Choose a file: its first rows show on the left. Its columns are matched to "
                "these fields by their headers (会员号, 手机, …); you can correct each one.\n\n{fields}"
            ).format(fields="\n".join(fields))
        )
        self.hint.setVisible(self.preview is None)
        if self.path is not None:
            self._read_again()

    def _read_again(self) -> None:
        if self.path is None or self.job is not None:
            return
        path, kind = self.path, self.chosen_kind
        encoding = str(self.encoding.currentData()) or None
        self.start.setEnabled(False)
        tell(self.message, self.tr("Reading the file…"), ok=True)
        self.tasks.submit(
            lambda: preview_file(self.shop, self.actor, kind, path, encoding),
            self._previewed,
            self._preview_failed,
        )

    def _previewed(self, preview: FilePreview) -> None:
        if preview.kind is not self.chosen_kind:
            return  # the kind changed meanwhile: its own preview is on its way
        self.preview = preview
        self.preview_model.show(preview.headers, preview.rows)
        self.mapping.show_preview(preview)
        self.hint.setVisible(False)
        self.tabs.setCurrentIndex(0)
        self.encoding.setEnabled(preview.encoding != "xlsx")
        self.read_as.setText(self._encoding_words(preview.encoding))
        self.message.clear()
        self._mapping_changed()

    def _encoding_words(self, encoding: str) -> str:
        detected = not self.encoding.currentData()
        words = {
            "xlsx": self.tr("an Excel workbook"),
            "utf-8": "UTF-8",
            "utf-8-sig": self.tr("UTF-8 with BOM"),
            "gbk": self.tr("GBK (Chinese)"),
            "gb18030": self.tr("GBK (Chinese)"),
        }.get(encoding, encoding)
        if encoding == "xlsx":
            return self.tr("Read as {what}").format(what=words)
        if detected:
            return self.tr("Detected: {what}").format(what=words)
        return self.tr("Read as {what}, as chosen").format(what=words)

    def _preview_failed(self, error: LoyaltyError) -> None:
        self.preview = None
        self.mapping.clear()
        self.hint.setVisible(True)
        self.preview_model.show((), ())
        self.read_as.clear()
        self.start.setEnabled(False)
        tell(self.message, spoken(error))

    def _mapping_changed(self) -> None:
        if self.preview is None:
            return
        self.preview_model.mark(self.mapping.mapping(), self.preview.kind)
        missing = self.mapping.unmapped_required()
        self.start.setEnabled(not missing and self.job is None)
        if missing:
            separator = "、" if QLocale().language() == QLocale.Language.Chinese else ", "
            tell(
                self.message,
                self.tr("Choose a column for: {fields}").format(fields=separator.join(missing)),
            )
        else:
            self.message.clear()

    # Running ------------------------------------------------------------------

    def run(self) -> None:
        """Import the file with the columns chosen, on the worker."""
        if self.preview is None or self.path is None or self.job is not None:
            return
        if self.mapping.unmapped_required():
            return
        job = self.job = Job(self._relay.progressed.emit)
        kind, path = self.preview.kind, self.path
        encoding = str(self.encoding.currentData()) or None
        mapping = self.mapping.mapping()
        valid_only = self.valid_only.isChecked()
        create = self.create_members.isChecked() and kind is ImportKind.SALES
        self._running(True)
        tell(self.message, self.tr("Importing…"), ok=True)
        self.tasks.submit(
            lambda: import_file(
                self.shop,
                self.actor,
                kind,
                path,
                encoding=encoding,
                mapping=mapping,
                skip_invalid=valid_only,
                create_members=create,
                job=job,
            ),
            lambda report: self._finished(report, mapping),
            self._failed,
        )

    def stop(self) -> None:
        """Ask the import to stop at its next step."""
        if self.job is not None:
            self.job.cancel()
            self.cancel.setEnabled(False)
            tell(self.message, self.tr("Stopping…"))

    def _running(self, running: bool) -> None:
        for widget in (self.kind, self.browse, self.encoding, self.mapping, self.valid_only):
            widget.setEnabled(not running)
        self.create_members.setEnabled(not running)
        self.start.setEnabled(not running)
        self.cancel.setEnabled(running)
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        self.phase.setText(self.tr("Reading the file…") if running else "")

    def _progressed(self, progress: Progress) -> None:
        if self.job is None:
            return
        phases = {
            "reading": self.tr("Reading the file…"),
            "checking": self.tr("Checking rows…"),
            "writing": self.tr("Importing…"),
            "done": self.tr("Finishing…"),
        }
        self.phase.setText(phases.get(progress.phase, progress.phase))
        if progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(min(progress.done, progress.total))
        else:
            self.progress.setRange(0, 0)

    def _finished(self, report: ImportReport, mapping: dict[str, str]) -> None:
        kind = self.preview.kind if self.preview else self.chosen_kind
        self.job = None
        self._running(False)
        self._mapping_changed()
        self.report = report
        lines = rejections(report.rejected, mapping, kind, QLocale().name())
        self.rejected.show_lines(lines, self.path)
        self.tabs.setTabText(1, self.tr("Rejected rows ({n})").format(n=len(report.rejected)))
        if report.rejected:
            self.tabs.setCurrentIndex(1)
        tell(self.message, self._summary(report), ok=not report.rejected)

    def _summary(self, report: ImportReport) -> str:
        rejected = len(report.rejected)
        if report.stopped:
            return self.tr(
                "A sale was refused while importing; the {n} row(s) before it were imported. "
                "Fix the rows listed and import the file again: rows already imported are skipped."
            ).format(n=report.imported)
        if rejected and not self.valid_only.isChecked():
            return self.tr(
                "{n} row(s) cannot be imported, so nothing was imported. Fix them, or tick "
                "“Import valid rows only”."
            ).format(n=rejected)
        done = self.tr("Rows imported: {n}.").format(n=report.imported)
        if report.skipped:
            done += " " + self.tr("Already there, skipped: {n}.").format(n=report.skipped)
        if report.created_members:
            done += " " + self.tr("Members enrolled: {n}.").format(n=report.created_members)
        if rejected:
            done += " " + self.tr("Rows rejected (listed): {n}.").format(n=rejected)
        return done

    def _failed(self, error: LoyaltyError) -> None:
        kind = self.preview.kind if self.preview else self.chosen_kind
        phase = self.job.last.phase if self.job and self.job.last else ""
        self.job = None
        self._running(False)
        self._mapping_changed()
        if isinstance(error, JobCancelled):
            if kind is ImportKind.SALES and phase == "writing":
                text = self.tr(
                    "Stopped. The sales written before you pressed Cancel stay; import the same "
                    "file again to finish (rows already imported are skipped)."
                )
            elif kind is ImportKind.MEMBERS and phase == "writing":
                text = self.tr(
                    "Stopped. The members written before you pressed Cancel stay; import the "
                    "same file again to finish (members already imported are skipped)."
                )
            else:
                text = self.tr("Cancelled. Nothing was imported.")
            tell(self.message, text)
            return
        tell(self.message, spoken(error))
