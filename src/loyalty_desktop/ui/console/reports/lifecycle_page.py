"""Lifecycle stages: members in each stage month by month, who moved between stages, and who is where.

The stages and their thresholds come from the programme (``[lifecycle]``);
the figures are as of the period's end, the flow covers each month of the
period. Click a stage in the Stages table (or pick it above the members) to
list only its members; double-click a member to open them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from loyalty_desktop.analytics.lifecycle import (
    STAGE_KEYS,
    LifecycleReport,
    StageMove,
    StageTotal,
)
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.services import report_series
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.report_files import ExportTable
from loyalty_desktop.services.reports import report
from loyalty_desktop.ui.console.reports.formats import money_text, money_value
from loyalty_desktop.ui.console.reports.lifecycle_texts import STAGE_COLOURS, LifecycleTexts
from loyalty_desktop.ui.console.reports.ranges import ReportFilter
from loyalty_desktop.ui.console.reports.table import ReportColumn, ReportTable
from loyalty_desktop.ui.console.reports.view import ReportView, ReportWork
from loyalty_desktop.ui.widgets.charts import ChartView, Series

ALL = ""  # the member list's "every stage" choice


@dataclass(frozen=True)
class Lifecycle:
    """The lifecycle report and the shop's currency (for its money)."""

    report: LifecycleReport
    currency: Currency


@dataclass(frozen=True)
class FlowRow:
    """One line of the flow table: members who went from one stage to another in a month."""

    month: str
    move: StageMove


class LifecycleView(ReportView):
    """Stage sizes and moves per month as stacked bars, the stages, the moves, and the members."""

    key = "lifecycle"

    def __init__(self, shop: Shop, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(shop, actor, parent)
        self.found: Lifecycle | None = None
        self.texts = LifecycleTexts(self)
        self.sizes_chart = ChartView()
        self.flow_chart = ChartView()
        for chart in (self.sizes_chart, self.flow_chart):
            chart.setMinimumHeight(260)
        self.stages_table = ReportTable(self._stage_columns())
        self.flow_table = ReportTable(self._flow_columns())
        self.members_table = ReportTable(self._member_columns())
        self.stage = QComboBox()
        self.stage.addItem(self.tr("All stages"), ALL)
        for key in STAGE_KEYS:
            self.stage.addItem(self.texts.name(key), key)
        self.members_title = QLabel(self.tr("Members"))
        self.members_title.setObjectName("section")
        charts = QHBoxLayout()
        charts.addWidget(self.sizes_chart, 1)
        charts.addWidget(self.flow_chart, 1)
        pick = QHBoxLayout()
        pick.setContentsMargins(0, 4, 0, 0)
        pick.addWidget(self.members_title)
        pick.addStretch(1)
        pick.addWidget(QLabel(self.tr("Stage")))
        pick.addWidget(self.stage)
        members = QWidget()
        listing = QVBoxLayout(members)
        listing.setContentsMargins(0, 0, 0, 0)
        listing.addLayout(pick)
        listing.addWidget(self.members_table, 1)
        # Three tables below the charts would each show three rows at 1366×768: one at a time.
        self.lists = QTabWidget()
        self.lists.setDocumentMode(True)
        self.lists.addTab(self.stages_table, self.tr("Stages"))
        self.lists.addTab(self.flow_table, self.tr("Stage flow"))
        self.lists.addTab(members, self.tr("Members"))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addLayout(charts, 1)
        box.addWidget(self.lists, 1)
        self.stages_table.clicked.connect(self._stage_row_clicked)
        self.stages_table.activated.connect(self._stage_row_clicked)
        self.stage.activated.connect(lambda _: self.choose_stage(self.chosen_stage()))
        self.members_table.member_chosen.connect(self.member_chosen)
        self.sizes_chart.show_nothing(self.tr("Computing…"))
        self.flow_chart.show_nothing(self.tr("Computing…"))

    def title(self) -> str:
        """The tab's name."""
        return self.tr("Lifecycle")

    def note(self) -> str:
        """How to read the figures."""
        return self.tr(
            "Each member who has bought is in one stage as of the end of the period: new, "
            "developing, loyal, declining, lapsed or won back, by the programme's rules. The "
            "bars count members in each stage at the end of each month, and those whose stage "
            "changed in it."
        )

    # -- computing ----------------------------------------------------------------------------

    def work(self, wanted: ReportFilter) -> ReportWork:
        """Stages as of the period's end and the flow over its months, for the store chosen."""
        shop, actor, store = self.shop, self.actor, wanted.store
        start, at = wanted.start, wanted.end

        def run(job: Job) -> Lifecycle:
            job.step("lifecycle", 0, 1)
            found = report(shop, actor, "lifecycle", start=start, at=at, store=store)
            currency = report_series.report_setup(shop, actor).currency
            job.step("done", 1, 1, final=True)
            assert isinstance(found, LifecycleReport)
            return Lifecycle(found, currency)

        return run

    # -- showing -----------------------------------------------------------------------------

    def show_result(self, result: Any, wanted: ReportFilter) -> None:
        """Fill both charts and the tables, keeping the stage chosen."""
        self.found = result
        months = result.report.months
        keys = [m.month for m in months]
        self.sizes_chart.set_title(self.tr("Members in each stage at the end of the month"))
        self.flow_chart.set_title(self.tr("Members who changed stage, by their new stage"))
        if any(sum(m.counts) for m in months):
            self.sizes_chart.show_bars(
                keys,
                keys,
                [
                    Series(self.texts.name(key), [m.counts[n] for m in months], STAGE_COLOURS[key])
                    for n, key in enumerate(STAGE_KEYS)
                ],
                stacked=True,
            )
        else:
            self.sizes_chart.show_nothing(self.tr("No member had bought by the end of the period"))
        if any(m.moves for m in months):
            self.flow_chart.show_bars(
                keys,
                keys,
                [
                    Series(
                        self.texts.name(key),
                        [sum(v.members for v in m.moves if v.to_stage == key) for m in months],
                        STAGE_COLOURS[key],
                    )
                    for key in STAGE_KEYS
                ],
                stacked=True,
            )
        else:
            self.flow_chart.show_nothing(self.tr("No member changed stage in the period"))
        self.stages_table.show_rows(result.report.stages)
        self.flow_table.show_rows(
            [FlowRow(m.month, move) for m in reversed(months) for move in m.moves]
        )
        self.choose_stage(self.chosen_stage())

    def chosen_stage(self) -> str:
        """The stage whose members are listed (``ALL``: every member)."""
        return str(self.stage.currentData())

    def choose_stage(self, key: str) -> None:
        """List the members in stage ``key`` (``ALL``: everybody) and select it in the table."""
        self.stage.setCurrentIndex(max(self.stage.findData(key), 0))
        members = self.found.report.members if self.found else ()
        listed = [m for m in members if key == ALL or m.stage == key]
        self.members_table.show_rows(listed)
        self.members_title.setText(
            self.tr("Members ({n})").format(n=len(listed))
            if key == ALL
            else self.tr("Members in {stage} ({n})").format(
                stage=self.texts.name(key), n=len(listed)
            )
        )
        model = self.stages_table.report_model
        self.stages_table.clearSelection()
        for row in range(model.rowCount()):
            found = model.row_at(row)
            if isinstance(found, StageTotal) and found.key == key:
                self.stages_table.selectRow(row)

    def _stage_row_clicked(self, index: Any) -> None:
        row = self.stages_table.report_model.row_at(index.row())
        if isinstance(row, StageTotal):
            self.choose_stage(row.key)
            self.lists.setCurrentIndex(2)  # the stage's members

    # -- columns and files -------------------------------------------------------------------

    def _money(self, minor: int) -> Any:
        return money_value(minor, self.found.currency) if self.found else minor

    def _money_text(self, minor: int) -> str:
        return money_text(minor, self.found.currency) if self.found else str(minor)

    def _stage_columns(self) -> list[ReportColumn]:
        return [
            ReportColumn(self.tr("Stage"), lambda s: self.texts.name(s.key)),
            ReportColumn(self.tr("Members"), lambda s: s.members, number=True),
            ReportColumn(self.tr("Suggested action"), lambda s: self.texts.action(s.key)),
        ]

    def _flow_columns(self) -> list[ReportColumn]:
        return [
            ReportColumn(self.tr("Month"), lambda r: r.month),
            ReportColumn(self.tr("From"), lambda r: self.texts.name(r.move.from_stage)),
            ReportColumn(self.tr("To"), lambda r: self.texts.name(r.move.to_stage)),
            ReportColumn(self.tr("Members"), lambda r: r.move.members, number=True),
        ]

    def _member_columns(self) -> list[ReportColumn]:
        return [
            ReportColumn(self.tr("Member number"), lambda m: m.member_no),
            ReportColumn(self.tr("Stage"), lambda m: self.texts.name(m.stage)),
            ReportColumn(self.tr("First purchase"), lambda m: m.first_purchase),
            ReportColumn(self.tr("Last purchase"), lambda m: m.last_purchase),
            ReportColumn(self.tr("Days since last purchase"), lambda m: m.days_since, number=True),
            ReportColumn(self.tr("Recent purchase days"), lambda m: m.visits, number=True),
            ReportColumn(
                self.tr("Recent spend"),
                lambda m: self._money(m.recent_spend),
                lambda m: self._money_text(m.recent_spend),
                number=True,
            ),
            ReportColumn(
                self.tr("Spend in the window before"),
                lambda m: self._money(m.previous_spend),
                lambda m: self._money_text(m.previous_spend),
                number=True,
            ),
        ]

    def charts(self) -> list[ChartView]:
        """The stage sizes and the stage flow."""
        return [self.sizes_chart, self.flow_chart]

    def tables(self) -> list[ExportTable]:
        """The stages, the moves and the members listed."""
        if self.found is None:
            return []
        return [
            self.stages_table.export(self.tr("Stages")),
            self.flow_table.export(self.tr("Stage flow")),
            self.members_table.export(self.members_title.text()),
        ]
