"""Churn risk: how well the model foretold the past, how risk spreads, and the members most at risk.

The back-test line says, in percent, how often the model ranked a member
who stopped buying above one who did not (its AUC), beside recency alone
and BG/NBD. A history too short for a model is said in words, not as an
error. The horizon (days ahead) is the page's own control.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from loyalty_desktop.analytics.churn import MIN_EACH_OUTCOME, MIN_MEMBERS, ChurnReport
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.report_files import ExportTable
from loyalty_desktop.services.reports import report
from loyalty_desktop.ui.console.reports.clv_page import rate
from loyalty_desktop.ui.console.reports.formats import percent_text, percent_value
from loyalty_desktop.ui.console.reports.ranges import ReportFilter
from loyalty_desktop.ui.console.reports.table import ReportColumn, ReportTable
from loyalty_desktop.ui.console.reports.view import ReportView, ReportWork
from loyalty_desktop.ui.widgets.charts import ChartView, Series

DEFAULT_HORIZON_DAYS = 90
BANDS = 10  # risk bands of 10 points each


@dataclass(frozen=True)
class TooLittleHistory:
    """The churn report's refusal, kept to be said in the UI language."""

    reason: str
    details: dict[str, object]


def band_counts(risks: list[float]) -> list[int]:
    """How many members fall in each risk band 0–10%, 10–20% … 90–100% (100% in the last)."""
    counts = [0] * BANDS
    for risk in risks:
        counts[min(int(risk * BANDS), BANDS - 1)] += 1
    return counts


class ChurnView(ReportView):
    """Back-test line, risk histogram, members by risk."""

    key = "churn"

    def __init__(self, shop: Shop, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(shop, actor, parent)
        self.found: ChurnReport | None = None
        self.horizon = QSpinBox()
        self.horizon.setRange(7, 730)
        self.horizon.setSingleStep(30)
        self.horizon.setValue(DEFAULT_HORIZON_DAYS)
        self.horizon.setSuffix(self.tr(" days"))
        self._asked = self.horizon.value()
        self.ahead = QWidget()
        ahead = QHBoxLayout(self.ahead)
        ahead.setContentsMargins(0, 0, 0, 2)
        ahead.addWidget(QLabel(self.tr("Stops buying within")))
        ahead.addWidget(self.horizon)
        self.backtest = QLabel()
        self.backtest.setWordWrap(True)
        self.chart = ChartView()
        self.chart.setMinimumHeight(260)
        self.table = ReportTable(self._columns())
        lower = QHBoxLayout()
        lower.addWidget(self.chart, 3)
        lower.addWidget(self.table, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(self.backtest)
        box.addLayout(lower, 1)
        self.horizon.editingFinished.connect(self._horizon_changed)
        self.table.member_chosen.connect(self.member_chosen)
        self.chart.show_nothing(self.tr("Computing…"))

    def title(self) -> str:
        """The tab's name."""
        return self.tr("Churn risk")

    def controls(self) -> QWidget:
        """The days ahead a member counts as stopped when they buy nothing."""
        return self.ahead

    def note(self) -> str:
        """How to read the figures."""
        return self.tr(
            "Risk is the chance a member buys nothing in the days ahead, learnt from what "
            "members did before the end of the period."
        )

    def _horizon_changed(self) -> None:
        if self.horizon.value() != self._asked:
            self._asked = self.horizon.value()
            self.recompute.emit()

    def work(self, wanted: ReportFilter) -> ReportWork:
        """The churn model as of the period's end (too little history is an answer, not an error)."""
        shop, actor, at, store = self.shop, self.actor, wanted.end, wanted.store
        days = self.horizon.value()

        def run(job: Job) -> ChurnReport | TooLittleHistory:
            job.step("churn", 0, 1)
            try:
                found = report(shop, actor, "churn", at=at, horizon_days=days, store=store)
            except InvalidRequest as error:
                if not error.reason.startswith("churn_"):
                    raise
                return TooLittleHistory(error.reason, dict(error.details))
            job.step("done", 1, 1, final=True)
            assert isinstance(found, ChurnReport)
            return found

        return run

    def show_result(self, result: Any, wanted: ReportFilter) -> None:
        """The back-test line, the histogram and the table; or why there is no model."""
        self.chart.set_title(self.tr("Members by risk of stopping"))
        if isinstance(result, TooLittleHistory):
            self.found = None
            self.backtest.setObjectName("notice")
            self.backtest.setText(self.too_little(result))
            self.backtest.style().polish(self.backtest)
            self.chart.show_nothing(self.tr("Not enough history for a churn model"))
            self.table.show_rows([])
            return
        churn: ChurnReport = result
        self.found = churn
        self.backtest.setObjectName("")
        self.backtest.style().polish(self.backtest)
        text = self.backtest_text(churn)
        if churn.computed_at is not None:  # the nightly job's figures, read back
            text += " " + self.stored_text(churn, wanted.timezone)
        self.backtest.setText(text)
        counts = band_counts([m.risk for m in churn.members])
        keys = [str(n) for n in range(BANDS)]
        labels = [f"{n * 10}–{n * 10 + 10}%" for n in range(BANDS)]
        self.chart.show_bars(keys, labels, [Series(self.tr("Members"), [float(c) for c in counts])])
        self.table.show_rows(churn.members)

    def backtest_text(self, churn: ChurnReport) -> str:
        """The back-test in one sentence."""
        test = churn.backtest

        def pct(value: float | None) -> str:
            return "—" if value is None else f"{value:.0%}"

        return self.tr(
            "The model ranks who stops buying correctly {auc} of the time (AUC); "
            "recency alone: {recency}; BG/NBD: {bgnbd}. Tested on {members} members as of {day}."
        ).format(
            auc=pct(test.auc),
            recency=pct(test.auc_recency),
            bgnbd=pct(test.auc_bgnbd),
            members=test.test_members,
            day=f"{test.test_cutoff:%Y-%m-%d}",
        )

    def stored_text(self, churn: ChurnReport, zone: str) -> str:
        """Where read-back figures come from: the nightly job, with nothing changed since."""
        return self.tr(
            "Computed by the nightly job as of {time} today; nothing has been sold, refunded "
            "or changed since."
        ).format(time=f"{churn.at.astimezone(ZoneInfo(zone)):%H:%M}")

    def too_little(self, short: TooLittleHistory) -> str:
        """Why no model could be learnt, in the UI language."""
        d = short.details
        if short.reason == "churn_too_few_members":
            return self.tr(
                "Not enough history for a churn model yet: {members} members had bought by "
                "{day}; it needs at least {needed}. Choose a later period or a shorter horizon."
            ).format(members=d.get("members"), day=d.get("cutoff"), needed=MIN_MEMBERS)
        return self.tr(
            "Not enough history for a churn model yet: of {members} members on {day}, "
            "{churned} bought nothing in the next {days} days; it needs at least {needed} who "
            "came back and {needed} who did not. Try another horizon."
        ).format(
            members=d.get("members"),
            day=d.get("cutoff"),
            churned=d.get("churned"),
            days=d.get("horizon_days"),
            needed=MIN_EACH_OUTCOME,
        )

    def _columns(self) -> list[ReportColumn]:
        return [
            ReportColumn(self.tr("Member number"), lambda m: m.member_no),
            ReportColumn(
                self.tr("Risk of stopping (%)"),
                lambda m: percent_value(rate(m.risk)),
                lambda m: percent_text(rate(m.risk)),
                number=True,
            ),
        ]

    def charts(self) -> list[ChartView]:
        """The risk histogram."""
        return [self.chart]

    def tables(self) -> list[ExportTable]:
        """Members by risk, highest first."""
        if self.found is None:
            return []
        return [self.table.export(self.tr("Members by risk of stopping"))]
