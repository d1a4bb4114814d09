"""Customer segments (RFM): the ten segments as a donut, their sizes and what to do, and their members.

Click a segment on the chart or in the table (or pick it above the members)
to list only its members; double-click a member to open them. Beside them,
the items most often suggested to the segment's members. "Export for a
campaign…" writes the chosen segment's members who agreed to marketing (the
service drops the others), each with their own top items unless unticked, as
CSV or an Excel workbook for a mailing tool; it runs on the view's worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.analytics.rfm import RfmMember, RfmReport, RfmSegmentTotal
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.output_files import write_new_file
from loyalty_desktop.services import campaign_lists, report_series, segment_suggestions
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.report_files import ExportTable
from loyalty_desktop.services.reports import report
from loyalty_desktop.services.segment_suggestions import MemberTiers
from loyalty_desktop.ui.console.reports.formats import money_text, money_value
from loyalty_desktop.ui.console.reports.ranges import ReportFilter
from loyalty_desktop.ui.console.reports.segment_filters import GroupFilters
from loyalty_desktop.ui.console.reports.segment_items import SegmentItems
from loyalty_desktop.ui.console.reports.segment_texts import SegmentTexts
from loyalty_desktop.ui.console.reports.table import ReportColumn, ReportTable
from loyalty_desktop.ui.console.reports.view import ReportView, ReportWork
from loyalty_desktop.ui.screens.messages import spoken
from loyalty_desktop.ui.screens.messages import tell as _tell
from loyalty_desktop.ui.tasks import Tasks
from loyalty_desktop.ui.widgets.charts import ChartView

ALL = ""  # the member list's "every segment" choice
CAMPAIGN_ITEMS = 3  # each member's suggested items in the campaign file


@dataclass(frozen=True)
class Segments:
    """The RFM report and the shop's currency (for its money)."""

    rfm: RfmReport
    currency: Currency
    tiers: MemberTiers


def tell(label: QLabel, text: str, *, ok: bool = False) -> None:
    """Show the line (hidden while there is nothing to say)."""
    label.setVisible(True)
    _tell(label, text, ok=ok)


class SegmentsView(ReportView):
    """Donut of the segments, the segments table, and the chosen segment's members."""

    key = "segments"
    campaign_written = Signal(object)  # the Path written

    def __init__(self, shop: Shop, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(shop, actor, parent)
        self.found: Segments | None = None
        self.texts = SegmentTexts(self)
        self.chart = ChartView()
        self.chart.setMinimumHeight(320)  # the ten segments' names beside the pie
        self.chart.setToolTip(self.tr("Click a segment to list its members"))
        self.segments_table = ReportTable(self._segment_columns())
        self.members_table = ReportTable(self._member_columns())
        self.segment = QComboBox()
        self.segment.addItem(self.tr("All segments"), ALL)
        self.segment.setToolTip(self.tr("Segment"))
        for key, name in self.texts.names.items():
            self.segment.addItem(name, key)
        self.worker = Tasks(self)  # campaign files, stages and suggestions, off the UI thread
        self.filters = GroupFilters(shop, actor, self.worker, self)
        self.items = SegmentItems(shop, actor, self.worker)
        self.export_button = QPushButton(self.tr("Export for a campaign…"))
        self.export_button.setToolTip(
            self.tr(
                "Writes the chosen segment's members who agreed to marketing, as a CSV file "
                "or an Excel workbook"
            )
        )
        self.with_items = QCheckBox(self.tr("with items"))
        self.with_items.setChecked(True)
        self.with_items.setToolTip(
            self.tr("Adds each member's top three suggested items (item_1, item_2, item_3)")
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.members_title = QLabel(self.tr("Members"))
        self.members_title.setObjectName("section")
        upper = QHBoxLayout()
        upper.addWidget(self.chart, 2)
        upper.addWidget(self.segments_table, 3)
        pick = QHBoxLayout()
        pick.addWidget(self.members_title)
        pick.addStretch(1)
        pick.addWidget(self.segment)
        pick.addWidget(self.filters.stage)
        pick.addWidget(self.filters.tier)
        export = QHBoxLayout()
        export.addWidget(self.with_items)
        export.addWidget(self.export_button, 1)
        campaign = QVBoxLayout()
        campaign.addWidget(self.items, 1)
        campaign.addLayout(export)
        lower = QHBoxLayout()
        lower.addWidget(self.members_table, 3)
        lower.addLayout(campaign, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addLayout(upper, 1)
        box.addLayout(pick)
        box.addWidget(self.message)
        box.addLayout(lower, 1)
        self.chart.picked.connect(self.choose_segment)
        self.segments_table.clicked.connect(self._segment_row_clicked)
        self.segments_table.activated.connect(self._segment_row_clicked)
        self.segment.activated.connect(lambda _: self.choose_segment(self.chosen_segment()))
        self.filters.changed.connect(lambda: self.choose_segment(self.chosen_segment()))
        self.filters.failed.connect(lambda error: tell(self.message, spoken(error)))
        self.members_table.member_chosen.connect(self.member_chosen)
        self.export_button.clicked.connect(lambda: self.export_campaign())
        self.chart.show_nothing(self.tr("Computing…"))

    def title(self) -> str:
        """The tab's name."""
        return self.tr("Segments")

    def note(self) -> str:
        """How to read the figures."""
        return self.tr(
            "Members scored 1–5 on how recently and how often they bought (and how much), as "
            "of the end of the period; the segment follows recency and frequency."
        )

    # -- computing ----------------------------------------------------------------------------

    def work(self, wanted: ReportFilter) -> ReportWork:
        """RFM scores as of the period's end, for the store chosen."""
        shop, actor, at, store = self.shop, self.actor, wanted.end, wanted.store

        def run(job: Job) -> Segments:
            job.step("rfm", 0, 1)
            rfm = report(shop, actor, "rfm", at=at, store=store)
            currency = report_series.report_setup(shop, actor).currency
            tiers = segment_suggestions.member_tiers(shop, actor)
            job.step("done", 1, 1, final=True)
            assert isinstance(rfm, RfmReport)
            return Segments(rfm, currency, tiers)

        return run

    # -- showing -----------------------------------------------------------------------------

    def show_result(self, result: Any, wanted: ReportFilter) -> None:
        """Fill the chart and both tables, keeping the segment chosen."""
        self.found = result
        segments = result.rfm.segments
        self.chart.set_title(self.tr("Members by segment"))
        shown = [s for s in segments if s.members > 0]
        if shown:
            self.chart.show_pie(
                [s.key for s in shown],
                [self.texts.name(s.key) for s in shown],
                [float(s.members) for s in shown],
                donut=True,
            )
        else:
            self.chart.show_nothing(self.tr("No member had bought by the end of the period"))
        self.segments_table.show_rows(segments)
        self.filters.set_figures(result.tiers, wanted.end)
        self.message.clear()
        self.message.setVisible(False)
        if result.rfm.computed_at is not None:  # the nightly job's figures, read back
            moment = result.rfm.at.astimezone(ZoneInfo(wanted.timezone))
            tell(
                self.message,
                self.tr(
                    "Computed by the nightly job as of {time} today; nothing has been sold, "
                    "refunded or changed since."
                ).format(time=f"{moment:%H:%M}"),
                ok=True,
            )
        self.choose_segment(self.chosen_segment())

    def chosen_segment(self) -> str:
        """The segment whose members are listed (``ALL``: every member)."""
        return str(self.segment.currentData())

    def choose_segment(self, key: str) -> None:
        """List the members of segment ``key`` (``ALL``: everybody) and select it in the table."""
        index = self.segment.findData(key)
        self.segment.setCurrentIndex(max(index, 0))
        members = self.found.rfm.members if self.found else ()
        narrowed = key != ALL or self.filters.narrowed
        keeps = self.filters.keeps
        listed = [m for m in members if (key == ALL or m.segment == key) and keeps(m.member_no)]
        self.members_table.show_rows(listed)
        self.members_title.setText(
            self.tr("Members ({n})").format(n=len(listed))
            if key == ALL
            else self.tr("Members in {segment} ({n})").format(
                segment=self.texts.name(key), n=len(listed)
            )
        )
        if self.filters.reading:
            self.items.wait_for_stage()
        else:
            self.items.show_for([m.member_no for m in listed], narrowed=narrowed)
        model = self.segments_table.report_model
        self.segments_table.clearSelection()
        for row in range(model.rowCount()):
            found = model.row_at(row)
            if isinstance(found, RfmSegmentTotal) and found.key == key:
                self.segments_table.selectRow(row)

    def _segment_row_clicked(self, index: Any) -> None:
        row = self.segments_table.report_model.row_at(index.row())
        if isinstance(row, RfmSegmentTotal):
            self.choose_segment(row.key)

    # -- the campaign file -------------------------------------------------------------------

    def listed_members(self) -> list[RfmMember]:
        """The members in the list, as sorted on screen."""
        model = self.members_table.report_model
        return [model.row_at(n) for n in range(model.rowCount())]

    def export_campaign(self, path: Path | None = None) -> None:
        """Write the listed members who agreed to marketing to ``path`` (asked for when None).

        CSV, or an Excel workbook for a name ending ``.xlsx``; written on the view's
        worker, then ``campaign_written(path)``.
        """
        numbers = [m.member_no for m in self.listed_members()]
        if not numbers:
            tell(self.message, self.tr("No members to export: pick a segment that has some."))
            return
        if path is None:
            key = self.chosen_segment() or "all"
            chosen, kind = QFileDialog.getSaveFileName(
                self,
                self.tr("Export members for a campaign"),
                f"campaign-{key}.csv",
                self.tr("CSV files (*.csv)") + ";;" + self.tr("Excel workbooks (*.xlsx)"),
            )
            if not chosen:
                return
            path = Path(chosen)
            if path.suffix.lower() not in (".csv", ".xlsx"):
                path = path.with_name(path.name + (".xlsx" if "xlsx" in kind else ".csv"))
        shop, actor, items = self.shop, self.actor, self.with_items.isChecked()
        file_format = "xlsx" if path.suffix.lower() == ".xlsx" else "csv"
        target = path

        def work() -> tuple[Path, int, str | None]:
            if items:
                listing = segment_suggestions.campaign_list(shop, actor, numbers, CAMPAIGN_ITEMS)
                data, written = listing.file(file_format), len(listing.contacts)
            else:
                contacts = campaign_lists.consenting_members(shop, actor, numbers)
                data, written = campaign_lists.campaign_file(contacts, file_format), len(contacts)
            try:  # the chooser asked before replacing a file; the shop's own files are refused
                write_new_file(target, data, force=True, protected=shop.own_files())
            except OSError as error:
                return target, written, str(error)
            return target, written, None

        self.export_button.setEnabled(False)
        tell(self.message, self.tr("Writing the campaign file…"), ok=True)
        self.worker.submit(
            work,
            lambda done: self._exported(done, len(numbers)),
            self._export_refused,
            owner=self,
        )

    def _exported(self, done: tuple[Path, int, str | None], total: int) -> None:
        path, written, problem = done
        self.export_button.setEnabled(True)
        if problem is not None:
            tell(self.message, self.tr("Could not write the file: {why}").format(why=problem))
            return
        tell(
            self.message,
            self.tr(
                "{n} of {total} members agreed to offers and were written to {file}; "
                "the others were left out."
            ).format(n=written, total=total, file=path.name),
            ok=True,
        )
        self.campaign_written.emit(path)

    def _export_refused(self, error: LoyaltyError) -> None:
        self.export_button.setEnabled(True)
        tell(self.message, spoken(error))

    # -- columns and files -------------------------------------------------------------------

    def _money(self, minor: int) -> Any:
        return money_value(minor, self.found.currency) if self.found else minor

    def _money_text(self, minor: int) -> str:
        return money_text(minor, self.found.currency) if self.found else str(minor)

    def _segment_columns(self) -> list[ReportColumn]:
        return [
            ReportColumn(self.tr("Segment"), lambda s: self.texts.name(s.key)),
            ReportColumn(self.tr("Members"), lambda s: s.members, number=True),
            ReportColumn(
                self.tr("Revenue"),
                lambda s: self._money(s.revenue),
                lambda s: self._money_text(s.revenue),
                number=True,
            ),
            ReportColumn(self.tr("Suggested action"), lambda s: self.texts.action(s.key)),
        ]

    def _member_columns(self) -> list[ReportColumn]:
        return [
            ReportColumn(self.tr("Member number"), lambda m: m.member_no),
            ReportColumn(self.tr("Segment"), lambda m: self.texts.name(m.segment)),
            ReportColumn(self.tr("R"), lambda m: m.r, number=True),
            ReportColumn(self.tr("F"), lambda m: m.f, number=True),
            ReportColumn(self.tr("M"), lambda m: m.m, number=True),
            ReportColumn(
                self.tr("Days since last purchase"), lambda m: m.recency_days, number=True
            ),
            ReportColumn(self.tr("Purchase days"), lambda m: m.frequency, number=True),
            ReportColumn(
                self.tr("Spend"),
                lambda m: self._money(m.monetary),
                lambda m: self._money_text(m.monetary),
                number=True,
            ),
        ]

    def charts(self) -> list[ChartView]:
        """The segments donut."""
        return [self.chart]

    def tables(self) -> list[ExportTable]:
        """The segments and the members listed."""
        if self.found is None:
            return []
        return [
            self.segments_table.export(self.tr("Segments")),
            self.members_table.export(self.members_title.text()),
        ]
