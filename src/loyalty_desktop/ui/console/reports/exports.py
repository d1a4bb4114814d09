"""The Reports page's exports: the report in view's tables to CSV or Excel, the whole page to PDF.

The file is chosen in a save dialog, which asks before replacing a file; a
name typed without its extension gets it, and if that name is taken the
manager is asked too. The file is written beside its target and renamed into
place (``write_new_file``), never over the shop's own database, backups or
keys. What is written is what is shown: the figures of the period in the
caption, the tables sorted as they are on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.output_files import write_new_file
from loyalty_desktop.services.report_files import ExportTable, csv_bytes, xlsx_bytes
from loyalty_desktop.ui.console.reports.pdf import PdfContent, page_pdf
from loyalty_desktop.ui.screens.messages import spoken, tell

if TYPE_CHECKING:
    from loyalty_desktop.ui.console.reports.reports_page import ReportsPage
    from loyalty_desktop.ui.console.reports.view import ReportView


def chart_rows(view: ReportView) -> tuple[tuple[QImage, ...], ...]:
    """The view's charts as images, in rows as they stand on screen (same top: same row)."""
    rows: dict[int, list[QImage]] = {}
    for chart in view.charts():
        if chart.empty_text == "":
            top = chart.mapTo(view, QPoint(0, 0)).y()
            rows.setdefault(top, []).append(chart.image())
    return tuple(tuple(images) for _, images in sorted(rows.items()))


class ReportExports(QObject):
    """Three buttons and what they do; ``ask_path`` and ``confirm_replace`` are the dialogs."""

    def __init__(self, page: ReportsPage) -> None:
        super().__init__(page)
        self.page = page
        self.csv = QPushButton(self.tr("Export CSV…"))
        self.xlsx = QPushButton(self.tr("Export Excel…"))
        self.pdf = QPushButton(self.tr("Export PDF…"))
        self.buttons = (self.csv, self.xlsx, self.pdf)
        self.csv.setToolTip(self.tr("The tables of this report, for Excel (UTF-8)"))
        self.xlsx.setToolTip(
            self.tr("The tables of this report as an Excel workbook, a sheet each")
        )
        self.pdf.setToolTip(self.tr("This report as it shows: figures, charts and tables"))
        self.csv.clicked.connect(self.export_csv)
        self.xlsx.clicked.connect(self.export_xlsx)
        self.pdf.clicked.connect(self.export_pdf)
        self.written: Path | None = None  # the last file written (tests read it back)

    # -- the dialogs (tests answer them themselves) -----------------------------------------

    def ask_path(self, title: str, suggested: str, kinds: str) -> Path | None:
        """The file the manager chose to save to (the dialog asks before replacing one)."""
        chosen, _ = QFileDialog.getSaveFileName(self.page, title, suggested, kinds)
        return Path(chosen) if chosen else None

    def confirm_replace(self, path: Path) -> bool:
        """Whether to replace ``path``, asked when the dialog did not ask (an extension added)."""
        answer = QMessageBox.question(
            self.page,
            self.tr("Replace file"),
            self.tr("{file} already exists. Replace it?").format(file=path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- exporting ----------------------------------------------------------------------------

    def export_csv(self) -> None:
        """The report's tables to a CSV file Excel opens with Chinese intact."""
        tables = self._tables()
        if tables:
            self._save(
                self.tr("Export to CSV"),
                "csv",
                self.tr("CSV files (*.csv)"),
                lambda: csv_bytes(tables),
            )

    def export_xlsx(self) -> None:
        """The report's tables to an Excel workbook."""
        tables = self._tables()
        if tables:
            self._save(
                self.tr("Export to Excel"),
                "xlsx",
                self.tr("Excel workbooks (*.xlsx)"),
                lambda: xlsx_bytes(tables),
            )

    def export_pdf(self) -> None:
        """The report as shown (figures, charts, tables) to a PDF file."""
        view = self.page.view
        if view.shown_filter is None:
            tell(self.page.message, self.tr("Nothing to export yet: the figures are not ready."))
            return
        now = self.page.shop.clock.now().astimezone()
        lines = [self.page.describe(view.shown_filter, view)]
        if view.note():
            lines.append(view.note())
        lines.append(
            self.tr("Made {when} by {who}").format(
                when=f"{now:%Y-%m-%d %H:%M}",
                who=self.page.actor.name,
            )
        )
        content = PdfContent(
            title=view.title(),
            lines=tuple(lines),
            tiles=tuple(view.tiles()),
            charts=chart_rows(view),
            tables=tuple(view.pdf_tables()),
        )
        data, _ = page_pdf(content)  # charts are drawn on the UI thread; the file is written off it
        self._save(self.tr("Export to PDF"), "pdf", self.tr("PDF files (*.pdf)"), lambda: data)

    def _tables(self) -> list[ExportTable]:
        view = self.page.view
        tables = view.tables() if view.shown_filter is not None else []
        if not tables:
            tell(self.page.message, self.tr("Nothing to export yet: the figures are not ready."))
        return tables

    def _save(self, title: str, suffix: str, kinds: str, make: Callable[[], bytes]) -> None:
        view = self.page.view
        shown = view.shown_filter
        suggested = (
            f"{view.file_stem()}-{shown.first_day}-{shown.last_day}.{suffix}" if shown else ""
        )
        chosen = self.ask_path(title, suggested, kinds)
        if chosen is None:
            return
        if chosen.suffix.lower() != f".{suffix}":
            chosen = chosen.with_name(f"{chosen.name}.{suffix}")
            if chosen.exists() and not self.confirm_replace(chosen):
                return
        protected = self.page.shop.own_files

        def write() -> Path:
            # The dialog (or the question above) asked before replacing a file: force is theirs.
            return write_new_file(chosen, make(), force=True, protected=protected())

        for button in self.buttons:
            button.setEnabled(False)
        tell(self.page.message, self.tr("Writing {file}…").format(file=chosen.name), ok=True)
        self.page.tasks.submit(write, self._written, self._not_written, owner=self)

    def _written(self, path: Path) -> None:
        self._done()
        self.written = path
        tell(self.page.message, self.tr("Written: {file}").format(file=path), ok=True)

    def _not_written(self, error: LoyaltyError) -> None:
        self._done()
        tell(self.page.message, spoken(error))

    def _done(self) -> None:
        for button in self.buttons:
            button.setEnabled(True)
