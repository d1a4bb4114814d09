"""What one report inside the Reports page is: the contract every report tab fulfils.

The Reports page owns the filters, the worker, the progress bar, Cancel and
the exports; a report view only says how to compute its figures for a filter
(``work``: called on the UI thread, it returns what runs on the worker) and
how to show them (``show_result``: back on the UI thread). Everything it
shows it also hands over for files: ``tiles()``, ``charts()``, ``tables()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.report_files import ExportTable
from loyalty_desktop.ui.console.reports.ranges import ReportFilter
from loyalty_desktop.ui.console.reports.tiles import Tile
from loyalty_desktop.ui.widgets.charts import ChartView

# Runs on the worker: report progress and honour Cancel through the job (``job.step``).
ReportWork = Callable[[Job], Any]


class ReportView(QWidget):
    """One report tab. Subclasses set ``key`` and implement ``title``, ``work`` and ``show_result``.

    ``member_chosen(member_no)`` opens a member's record (drill-down);
    ``days_chosen(first, last)`` narrows the period to a week or month picked on a chart;
    ``recompute`` asks the page to compute again (a control of the view's own changed).
    """

    key = ""
    uses_store = True  # False: the figures are the whole shop's whatever store is picked

    member_chosen = Signal(str)
    days_chosen = Signal(object, object)
    recompute = Signal()

    def __init__(self, shop: Shop, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop, self.actor = shop, actor
        self.shown_filter: ReportFilter | None = None  # the filter the figures shown are for

    def title(self) -> str:
        """The tab's name, in the UI language."""
        raise NotImplementedError

    def work(self, wanted: ReportFilter) -> ReportWork:
        """What computes this report for ``wanted`` (read the view's own controls here)."""
        raise NotImplementedError

    def show_result(self, result: Any, wanted: ReportFilter) -> None:
        """Show what ``work`` returned."""
        raise NotImplementedError

    def controls(self) -> QWidget | None:
        """The report's own controls, shown beside its tab (None: it has none)."""
        return None

    def note(self) -> str:
        """How to read the figures, for the PDF ("" for nothing to say)."""
        return ""

    def tiles(self) -> list[Tile]:
        """The figures shown as tiles (for the PDF)."""
        return []

    def charts(self) -> list[ChartView]:
        """The charts shown (drawn into the PDF as images)."""
        return []

    def tables(self) -> list[ExportTable]:
        """The tables shown, sorted as shown (CSV, Excel and PDF)."""
        return []

    def pdf_tables(self) -> list[ExportTable]:
        """The tables a PDF prints (by default all; leave out what the tiles already say)."""
        return self.tables()

    def file_stem(self) -> str:
        """The start of a suggested file name."""
        return self.key or "report"
