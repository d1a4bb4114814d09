"""Satisfaction: CSAT or NPS month by month and by store, tier, staff and stage; repurchase after.

The page's own controls are the shop's survey setting (stars or NPS, and
whether the till asks after each sale; a manager's change, audited) and the
days within which a member counts as having bought again. A group with fewer
answers than the report trusts says so in its row, and its bar is drawn grey.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.analytics.proportions import Interval
from loyalty_desktop.analytics.satisfaction import MIN_ANSWERS, SatisfactionReport, ScoreGroup
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.surveys import SurveyScale
from loyalty_desktop.services import surveys
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.report_files import ExportTable
from loyalty_desktop.services.reports import report
from loyalty_desktop.ui.console.reports.lifecycle_texts import LifecycleTexts
from loyalty_desktop.ui.console.reports.ranges import ReportFilter
from loyalty_desktop.ui.console.reports.table import ReportColumn, ReportTable
from loyalty_desktop.ui.console.reports.view import ReportView, ReportWork
from loyalty_desktop.ui.screens.messages import spoken
from loyalty_desktop.ui.widgets.charts import MUTED, ChartView, Series

DEFAULT_DAYS = 90


def _score(group: ScoreGroup) -> Decimal | None:
    """The group's score in points with one decimal, as tables sort it and files carry it."""
    if group.score is None:
        return None
    return Decimal(f"{group.score.estimate * 100:.1f}")


def _range(group: ScoreGroup) -> str | None:
    if group.score is None:
        return None
    return f"{group.score.low * 100:.1f} – {group.score.high * 100:.1f}"


class SatisfactionView(ReportView):
    """The survey setting, a summary line, the monthly trend, a breakdown chart and its tables."""

    key = "satisfaction"

    def __init__(self, shop: Shop, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(shop, actor, parent)
        self.found: SatisfactionReport | None = None
        self.stages = LifecycleTexts(self)
        self.scale = QComboBox()
        self.scale.addItem(self.tr("1-5 stars (CSAT)"), SurveyScale.STARS.value)
        self.scale.addItem(self.tr("0-10 recommend (NPS)"), SurveyScale.NPS.value)
        self.ask = QCheckBox(self.tr("Ask at the till after each sale"))
        self.days = QSpinBox()
        self.days.setRange(7, 365)
        self.days.setSingleStep(30)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setPrefix(self.tr("back within "))
        self.days.setSuffix(self.tr(" days"))
        self.days.setToolTip(self.tr("A member counts as having bought again within these days"))
        self._asked_days = DEFAULT_DAYS
        self.setting = QHBoxLayout()  # the shop's question: in the page, the corner is narrow
        self.setting.addWidget(QLabel(self.tr("Question")))
        self.setting.addWidget(self.scale)
        self.setting.addWidget(self.ask)
        self.setting.addStretch(1)
        self.window_box = QWidget()
        row = QHBoxLayout(self.window_box)
        row.setContentsMargins(0, 0, 0, 2)
        row.addWidget(self.days)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.trend_chart = ChartView()
        self.groups_chart = ChartView()
        for chart in (self.trend_chart, self.groups_chart):
            chart.setMinimumHeight(240)
        self.tables_by: dict[str, ReportTable] = {
            key: ReportTable(self._columns(key))
            for key in ("months", "stores", "tiers", "staff", "stages")
        }
        self.lists = QTabWidget()
        self.lists.setDocumentMode(True)
        for key, table in self.tables_by.items():
            self.lists.addTab(table, self._tab_title(key))
        charts = QHBoxLayout()
        charts.addWidget(self.trend_chart, 1)
        charts.addWidget(self.groups_chart, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addLayout(self.setting)
        box.addWidget(self.summary)
        box.addLayout(charts, 1)
        box.addWidget(self.lists, 1)
        self._load_setting()
        self.scale.activated.connect(self._setting_changed)
        self.ask.toggled.connect(self._setting_changed)
        self.days.editingFinished.connect(self._days_changed)
        self.lists.currentChanged.connect(self._show_breakdown)
        self.trend_chart.show_nothing(self.tr("Computing…"))
        self.groups_chart.show_nothing(self.tr("Computing…"))

    def title(self) -> str:
        """The tab's name."""
        return self.tr("Satisfaction")

    def controls(self) -> QWidget:
        """The days within which a member counts as having bought again."""
        return self.window_box

    def note(self) -> str:
        """How to read the figures."""
        return self.tr(
            "CSAT is the share of answers with 4 or 5 stars; NPS is the share of 9-10 answers "
            "minus the share of 0-6 answers. Ranges are 95% intervals; a group with fewer than "
            "{n} answers is marked as too small to read much into."
        ).format(n=MIN_ANSWERS)

    # -- the setting -------------------------------------------------------------------------

    def _load_setting(self) -> None:
        try:
            now = surveys.survey_settings(self.shop, self.actor)
        except LoyaltyError as error:
            self.summary.setText(spoken(error))
            return
        self.scale.setCurrentIndex(max(self.scale.findData(now.scale.value), 0))
        self.ask.blockSignals(True)
        self.ask.setChecked(now.ask_at_till)
        self.ask.blockSignals(False)

    def _setting_changed(self) -> None:
        try:
            surveys.set_survey_settings(
                self.shop,
                self.actor,
                scale=SurveyScale(str(self.scale.currentData())),
                ask_at_till=self.ask.isChecked(),
            )
        except LoyaltyError as error:
            self._load_setting()  # the screen shows what is stored, and why it did not change
            self.summary.setText(spoken(error))
            return
        self.recompute.emit()

    def _days_changed(self) -> None:
        if self.days.value() != self._asked_days:
            self._asked_days = self.days.value()
            self.recompute.emit()

    # -- computing and showing ---------------------------------------------------------------

    def work(self, wanted: ReportFilter) -> ReportWork:
        """The satisfaction report for the period and store."""
        shop, actor, store = self.shop, self.actor, wanted.store
        start, at, days = wanted.start, wanted.end, self.days.value()

        def run(job: Job) -> SatisfactionReport:
            job.step("satisfaction", 0, 1)
            found = report(
                shop, actor, "satisfaction", start=start, at=at, horizon_days=days, store=store
            )
            job.step("done", 1, 1, final=True)
            assert isinstance(found, SatisfactionReport)
            return found

        return run

    def show_result(self, result: Any, wanted: ReportFilter) -> None:
        """The summary, the monthly trend, the breakdown shown and every table."""
        found: SatisfactionReport = result
        self.found = found
        self.summary.setText(self.summary_text(found))
        measure = self.measure()
        self.trend_chart.set_title(self.tr("{measure} by month").format(measure=measure))
        months = [m for m in found.months if m.score is not None]
        if months:
            keys = [m.key for m in months]
            self.trend_chart.show_trend(
                keys,
                keys,
                [Series(measure, [float(_score(m) or 0) for m in months])],
                value_format="%.0f",
            )
        else:
            self.trend_chart.show_nothing(self.tr("No answers in the period"))
        for key, table in self.tables_by.items():
            table.show_rows(list(getattr(found, key)))
        self._show_breakdown()

    def _show_breakdown(self) -> None:
        found = self.found
        key = list(self.tables_by)[self.lists.currentIndex()]
        if found is None:
            return
        if key == "months":
            self._show_month_counts(found)
            return
        groups = [g for g in getattr(found, key) if g.score is not None]
        self.groups_chart.set_title(self._by_title(key))
        if not groups:
            self.groups_chart.show_nothing(self.tr("No answers in the period"))
            return
        shown = groups[:12]  # the biggest; every group is in the table
        keys = [g.key for g in shown]
        labels = [self.group_name(key, g.key) for g in shown]
        trusted = [0.0 if g.too_small else float(_score(g) or 0) for g in shown]
        small = [float(_score(g) or 0) if g.too_small else 0.0 for g in shown]
        series = [Series(self.measure(), trusted)]
        if any(g.too_small for g in shown):
            series.append(Series(self.tr("Too few answers"), small, MUTED))
        self.groups_chart.show_bars(keys, labels, series, stacked=True)

    def _show_month_counts(self, found: SatisfactionReport) -> None:
        """Answers each month: satisfied, neutral and dissatisfied stacked."""
        self.groups_chart.set_title(self.tr("Answers by month"))
        months = list(found.months)
        if not months:
            self.groups_chart.show_nothing(self.tr("No answers in the period"))
            return
        keys = [m.key for m in months]
        self.groups_chart.show_bars(
            keys,
            keys,
            [
                Series(self.tr("Satisfied"), [float(m.satisfied) for m in months], "#2e7d32"),
                Series(self.tr("Neutral"), [float(m.neutral) for m in months], MUTED),
                Series(self.tr("Dissatisfied"), [float(m.dissatisfied) for m in months], "#c62828"),
            ],
            stacked=True,
        )

    def _by_title(self, key: str) -> str:
        measure = self.measure()
        return {
            "stores": self.tr("{measure} by store"),
            "tiers": self.tr("{measure} by tier"),
            "staff": self.tr("{measure} by staff member"),
            "stages": self.tr("{measure} by lifecycle stage"),
        }[key].format(measure=measure)

    # -- words ---------------------------------------------------------------------------------

    def measure(self) -> str:
        """CSAT or NPS, by the scale of the figures shown."""
        if self.found is not None and self.found.scale is SurveyScale.NPS:
            return self.tr("NPS")
        return self.tr("CSAT (%)")

    def _interval_text(self, found: Interval | None) -> str:
        if found is None:
            return "—"
        return self.tr("{value} ({low} to {high})").format(
            value=f"{found.estimate * 100:.1f}",
            low=f"{found.low * 100:.1f}",
            high=f"{found.high * 100:.1f}",
        )

    def summary_text(self, found: SatisfactionReport) -> str:
        """The score and the repurchase comparison in two sentences."""
        first = self.tr("{measure}: {score} from {n} answers.").format(
            measure=self.measure(),
            score=self._interval_text(found.overall.score),
            n=found.overall.answers,
        )
        happy, unhappy = found.satisfied, found.dissatisfied
        second = self.tr(
            "Bought again within {days} days (%): satisfied {happy} of {hn} members, "
            "dissatisfied {unhappy} of {un}; the gap is {gap} points."
        ).format(
            days=found.follow_days,
            happy=self._interval_text(happy.rate),
            hn=happy.members,
            unhappy=self._interval_text(unhappy.rate),
            un=unhappy.members,
            gap=self._interval_text(found.gap),
        )
        if found.other_scale:
            second += " " + self.tr("{n} answers given on the other scale are left out.").format(
                n=found.other_scale
            )
        return f"{first} {second}"

    def _tab_title(self, key: str) -> str:
        return {
            "months": self.tr("Months"),
            "stores": self.tr("Stores"),
            "tiers": self.tr("Tiers"),
            "staff": self.tr("Staff"),
            "stages": self.tr("Lifecycle stages"),
        }[key]

    def group_name(self, breakdown: str, key: str) -> str:
        """A group's name as the manager reads it."""
        if breakdown == "stages":
            return self.stages.name(key) if key else self.tr("No purchase yet")
        if breakdown == "stores":
            return self.tr("Till {id}").format(id=key[:8])
        if breakdown == "staff" and not key:
            return self.tr("Not at the till")
        if breakdown == "tiers" and not key:
            return self.tr("No tier")
        return key

    def _columns(self, breakdown: str) -> list[ReportColumn]:
        heading = {
            "months": self.tr("Month"),
            "stores": self.tr("Store"),
            "tiers": self.tr("Tier"),
            "staff": self.tr("Staff"),
            "stages": self.tr("Lifecycle stage"),
        }[breakdown]
        return [
            ReportColumn(heading, lambda g: self.group_name(breakdown, g.key)),
            ReportColumn(self.tr("Answers"), lambda g: g.answers, number=True),
            ReportColumn(self.tr("Score"), _score, number=True),
            ReportColumn(self.tr("95% range"), _range),
            ReportColumn(self.tr("Satisfied"), lambda g: g.satisfied, number=True),
            ReportColumn(self.tr("Neutral"), lambda g: g.neutral, number=True),
            ReportColumn(self.tr("Dissatisfied"), lambda g: g.dissatisfied, number=True),
            ReportColumn(
                self.tr("Note"), lambda g: self.tr("too few answers") if g.too_small else ""
            ),
        ]

    # -- files -------------------------------------------------------------------------------

    def charts(self) -> list[ChartView]:
        """The monthly trend and the breakdown shown."""
        return [self.trend_chart, self.groups_chart]

    def tables(self) -> list[ExportTable]:
        """Every breakdown, one table each."""
        if self.found is None:
            return []
        return [table.export(self._tab_title(key)) for key, table in self.tables_by.items()]
