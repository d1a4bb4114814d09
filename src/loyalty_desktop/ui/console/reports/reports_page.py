"""The Reports page: one set of filters, a tab per report, the worker's progress with Cancel, and exports.

Only the report in view is computed, on the window's worker; the page stays
responsive meanwhile. A new choice of period or store while one is computing
cancels it and computes the new one; answers to an older choice are dropped.
A cancelled computation leaves the figures shown as they were, and the
caption above them always says which period and store they are for.
Exports write what is shown: CSV or Excel for the tables, PDF for the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import report_series
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.long_jobs import Job, JobCancelled, Progress
from loyalty_desktop.services.report_series import ReportSetup
from loyalty_desktop.ui.console.member_detail import MemberDetailDialog
from loyalty_desktop.ui.console.page import ConsolePage
from loyalty_desktop.ui.console.reports.exports import ReportExports
from loyalty_desktop.ui.console.reports.filters import ReportFilters
from loyalty_desktop.ui.console.reports.ranges import ReportFilter
from loyalty_desktop.ui.console.reports.registry import REPORT_VIEWS, ViewMaker
from loyalty_desktop.ui.console.reports.view import ReportView
from loyalty_desktop.ui.screens.messages import spoken, tell
from loyalty_desktop.ui.tasks import Tasks

SETTLE_MS = 250  # the dates settle (typing a year digit by digit) before anything is computed


class _ProgressRelay(QObject):
    """Carries a computation's progress from the worker to the page (a queued signal)."""

    progressed = Signal(object)  # (generation, Progress)


class ReportsPage(ConsolePage):
    """Filters, the report tabs, progress with Cancel, and the export buttons."""

    def __init__(
        self,
        shop: Shop,
        tasks: Tasks,
        actor: Actor,
        views: Sequence[ViewMaker] = REPORT_VIEWS,
    ) -> None:
        super().__init__(shop, tasks, actor)
        self.job: Job | None = None
        self.detail: MemberDetailDialog | None = None
        self._generation = 0
        self._opened = False
        self._relay = _ProgressRelay(self)
        self._relay.progressed.connect(self._progressed)
        title = QLabel(self.tr("Reports"))
        title.setObjectName("title")
        self.filters = ReportFilters()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("report_tabs")
        self.views: list[ReportView] = []
        for make in views:
            view = make(shop, actor)
            self.views.append(view)
            self.tabs.addTab(view, view.title())
            view.member_chosen.connect(self.open_member)
            view.days_chosen.connect(self.filters.choose_days)
            view.recompute.connect(self.refresh)
        self.caption = QLabel()
        self.caption.setObjectName("caption")
        self.caption.setWordWrap(True)  # a long store name wraps rather than widen the window
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setFixedWidth(220)
        self.progress.setVisible(False)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setEnabled(False)
        self.exports = ReportExports(self)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.filters)
        said = QVBoxLayout()
        said.setSpacing(0)
        said.addWidget(self.caption)
        said.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addLayout(said, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel)
        bottom.addSpacing(12)
        for button in self.exports.buttons:
            bottom.addWidget(button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.tabs, 1)
        box.addLayout(bottom)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.refresh)
        self.filters.changed.connect(self._settle.start)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.cancel.clicked.connect(self.stop)

    # -- the page's life --------------------------------------------------------------------

    @property
    def view(self) -> ReportView:
        """The report in view."""
        shown = self.tabs.currentWidget()
        assert isinstance(shown, ReportView)
        return shown

    def open_report(self, key: str) -> ReportView:
        """Bring the report ``key`` into view."""
        view = next(v for v in self.views if v.key == key)
        self.tabs.setCurrentWidget(view)
        return view

    def shown(self) -> None:
        """First view: learn the shop's zone and stores; later views compute afresh."""
        if not self._opened:
            self._opened = True
            shop, actor = self.shop, self.actor
            self.tasks.submit(
                lambda: report_series.report_setup(shop, actor), self._set_up, self._refused
            )
            tell(self.message, self.tr("Reading…"), ok=True)
            return
        self.refresh()  # sales at the till may have changed the figures meanwhile

    def _set_up(self, setup: ReportSetup) -> None:
        self.message.clear()
        self.filters.set_setup(setup)
        self._tab_changed()

    def _tab_changed(self) -> None:
        view = self.view
        self.filters.uses_store(view.uses_store)
        controls = view.controls()
        corner = self.tabs.cornerWidget()
        if corner is not None and corner is not controls:
            corner.hide()
        if controls is not None:
            self.tabs.setCornerWidget(controls)
            controls.show()
        self.caption.setText(self.describe(view.shown_filter, view))
        wanted = self.filters.current(self.shop.clock.now())
        if wanted is not None and (
            view.shown_filter is None or view.shown_filter.choice != wanted.choice
        ):
            self.refresh()

    # -- computing --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Compute the report in view for the filters, on the worker (cancelling any other)."""
        self._settle.stop()
        wanted = self.filters.current(self.shop.clock.now())
        if wanted is None:
            return
        if self.job is not None:
            self.job.cancel()  # its answer is dropped: a newer one is on its way
        self._generation += 1
        generation, view = self._generation, self.view
        relay = self._relay.progressed
        job = self.job = Job(lambda progress: relay.emit((generation, progress)))
        work = view.work(wanted)
        self._running(True)
        tell(self.message, self.tr("Computing…"), ok=True)
        self.tasks.submit(
            lambda: work(job),
            lambda result: self._computed(generation, view, wanted, result),
            lambda error: self._failed(generation, error),
            owner=self,
        )

    def stop(self) -> None:
        """Cancel the computation in progress; the figures shown stay as they were."""
        if self.job is not None:
            self.job.cancel()
            self.cancel.setEnabled(False)
            tell(self.message, self.tr("Stopping…"))

    @property
    def computing(self) -> bool:
        """Whether a computation is in progress."""
        return self.job is not None

    def _running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        self.cancel.setEnabled(running)
        if not running:
            self.job = None

    def _progressed(self, update: tuple[int, Progress]) -> None:
        generation, progress = update
        if generation != self._generation or self.job is None:
            return
        if progress.total:
            self.progress.setRange(0, progress.total)
            self.progress.setValue(min(progress.done, progress.total))

    def _computed(
        self, generation: int, view: ReportView, wanted: ReportFilter, result: Any
    ) -> None:
        if generation != self._generation:
            return
        self._running(False)
        self.message.clear()
        view.shown_filter = wanted
        view.show_result(result, wanted)
        if view is self.view:
            self.caption.setText(self.describe(wanted, view))

    def _failed(self, generation: int, error: LoyaltyError) -> None:
        if generation != self._generation:
            return
        self._running(False)
        if isinstance(error, JobCancelled):
            shown = self.view.shown_filter
            tell(
                self.message,
                self.tr("Cancelled. The figures shown have not changed.")
                if shown is not None
                else self.tr("Cancelled. Nothing was computed."),
            )
            return
        tell(self.message, spoken(error))

    def _refused(self, error: LoyaltyError) -> None:
        tell(self.message, spoken(error))

    def describe(self, wanted: ReportFilter | None, view: ReportView) -> str:
        """The caption above the figures: the period and the store they are for."""
        if wanted is None:
            return ""
        days = f"{wanted.first_day:%Y-%m-%d} – {wanted.last_day:%Y-%m-%d}"
        if not view.uses_store or wanted.store is None:
            return self.tr("Figures for {days}, all stores").format(days=days)
        return self.tr("Figures for {days}, {store}").format(days=days, store=wanted.store_name)

    # -- drill-down -------------------------------------------------------------------------

    def open_member(self, member_no: str) -> MemberDetailDialog:
        """Open a member's record over the report (the Members page's own record window)."""
        if self.detail is not None:
            self.detail.close()
        self.detail = MemberDetailDialog(
            self.shop, self.tasks, self.actor, f"no:{member_no}", parent=self
        )
        self.detail.show()
        return self.detail
