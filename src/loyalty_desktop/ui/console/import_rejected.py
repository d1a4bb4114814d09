"""The import page's list of rejected rows, and saving it as a CSV file for whoever fixes the spreadsheet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.import_report import save_rejections
from loyalty_desktop.ui.console.import_preview import Rejection, RejectionModel
from loyalty_desktop.ui.screens.messages import spoken
from loyalty_desktop.ui.tasks import Tasks


class RejectedRows(QWidget):
    """Row, column and reason of every rejection; ``told`` carries what saving did (text, ok)."""

    told = Signal(str, bool)

    def __init__(self, shop: Shop, tasks: Tasks, actor: Actor) -> None:
        super().__init__()
        self._shop, self._tasks, self._actor = shop, tasks, actor
        self.source: Path | None = None  # the imported file, to name the report after it
        self.model = RejectionModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.save = QPushButton(self.tr("Save this list as CSV…"))
        self.save.setEnabled(False)
        box = QVBoxLayout(self)
        box.addWidget(self.table, 1)
        box.addWidget(self.save, 0, Qt.AlignmentFlag.AlignRight)
        self.save.clicked.connect(self._ask_where)

    def show_lines(self, lines: list[Rejection], source: Path | None) -> None:
        """List an import's rejections."""
        self.source = source
        self.model.show(lines)
        self.save.setEnabled(bool(lines))

    def _ask_where(self) -> None:
        default = (self.source.stem + "-rejected.csv") if self.source else "rejected.csv"
        folder = self.source.parent if self.source else Path.home()
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the rejected rows"), str(folder / default), "CSV (*.csv)"
        )
        if chosen:
            self.save_to(Path(chosen))

    def save_to(self, path: Path) -> None:
        """Write the rejections, as listed, to ``path`` (on the worker)."""
        header = self.model.titles()
        lines = [(r.row, r.column, r.reason) for r in self.model.lines]
        self._tasks.submit(
            lambda: save_rejections(self._shop, self._actor, path, header, lines),
            self._saved,
            self._refused,
        )

    def _saved(self, saved: Path) -> None:
        self.told.emit(self.tr("Saved to {file}.").format(file=str(saved)), True)

    def _refused(self, error: LoyaltyError) -> None:
        self.told.emit(spoken(error), False)
