"""Points liability: what the shop owes in points at the end of the period, and the months they lapse in.

Points belong to members, not to a store, so this report is the whole
shop's whatever store is picked. Clicking a month on the chart selects it
in the table.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from loyalty_desktop.analytics.kpis import rate
from loyalty_desktop.analytics.liability import ExpiringMonth, Liability
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.report_files import ExportTable
from loyalty_desktop.services.reports import report
from loyalty_desktop.ui.console.reports.formats import (
    count_text,
    money_text,
    money_value,
    percent_text,
    percent_value,
)
from loyalty_desktop.ui.console.reports.ranges import ReportFilter
from loyalty_desktop.ui.console.reports.table import ReportColumn, ReportTable
from loyalty_desktop.ui.console.reports.tiles import Tile, TileGrid
from loyalty_desktop.ui.console.reports.view import ReportView, ReportWork
from loyalty_desktop.ui.widgets.charts import ChartView, Series

HORIZONS = (6, 12, 24)  # months looked ahead
DAYS_PER_MONTH = 30.44
SOON_MONTHS = 3


class LiabilityView(ReportView):
    """Tiles, the lapsing chart and the month table."""

    key = "liability"
    uses_store = False

    def __init__(self, shop: Shop, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(shop, actor, parent)
        self.liability: Liability | None = None
        self.tile_grid = TileGrid(6)
        self.horizon = QComboBox()
        for months in HORIZONS:
            self.horizon.addItem(self.tr("{n} months").format(n=months), months)
        self.horizon.setCurrentIndex(HORIZONS.index(12))
        self.chart = ChartView()
        self.chart.setMinimumHeight(260)
        self.chart.setToolTip(self.tr("Click a month to find it in the table"))
        self.table = ReportTable(self._columns())
        self.ahead = QWidget()
        ahead = QHBoxLayout(self.ahead)
        ahead.setContentsMargins(0, 0, 0, 2)
        ahead.addWidget(QLabel(self.tr("Look ahead")))
        ahead.addWidget(self.horizon)
        self.note_label = QLabel(self.note())
        self.note_label.setWordWrap(True)
        lower = QHBoxLayout()
        lower.addWidget(self.chart, 1)
        lower.addWidget(self.table, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(self.note_label)
        box.addWidget(self.tile_grid)
        box.addLayout(lower, 1)
        self.horizon.activated.connect(lambda _: self.recompute.emit())
        self.chart.picked.connect(self.select_month)
        self.chart.show_nothing(self.tr("Computing…"))

    def title(self) -> str:
        """The tab's name."""
        return self.tr("Points liability")

    def controls(self) -> QWidget:
        """How far ahead the lapsing months go."""
        return self.ahead

    def note(self) -> str:
        """How to read the figures."""
        return self.tr(
            "Points belong to members, not to a store: these figures are for all stores, "
            "as they stood at the end of the period."
        )

    def work(self, wanted: ReportFilter) -> ReportWork:
        """The liability at the end of the period, lapsing months over the horizon chosen."""
        months = int(self.horizon.currentData())
        days = round(months * DAYS_PER_MONTH)
        shop, actor, at = self.shop, self.actor, wanted.end

        def run(job: Job) -> Liability:
            job.step("liability", 0, 1)
            owed = cast(Liability, report(shop, actor, "liability", at=at, horizon_days=days))
            job.step("done", 1, 1, final=True)
            return owed

        return run

    def show_result(self, result: Any, wanted: ReportFilter) -> None:
        """Fill the tiles, the chart and the table."""
        owed: Liability = result
        self.liability = owed
        cur = owed.currency
        soon = sum(m.points for m in owed.expiring[:SOON_MONTHS])
        self.tile_grid.show_tiles(
            [
                Tile("points", self.tr("Points outstanding"), count_text(owed.points)),
                Tile(
                    "value",
                    self.tr("Worth ({currency})").format(currency=cur.code),
                    money_text(owed.value, cur),
                    self.tr("What the points are worth when spent"),
                ),
                Tile(
                    "soon",
                    self.tr("Lapsing within 3 months"),
                    count_text(soon),
                    self.tr("Points lapsing this month and the next two"),
                ),
                Tile(
                    "later",
                    self.tr("Lapsing later"),
                    count_text(owed.expiring_later),
                    self.tr("Points lapsing after the months shown"),
                ),
                Tile("never", self.tr("Never lapse"), count_text(owed.never_expiring)),
                Tile(
                    "owing",
                    self.tr("Members owing points"),
                    count_text(owed.negative_members),
                    self.tr("Members whose balance is below zero after refunds"),
                ),
            ]
        )
        months = owed.expiring
        self.chart.set_title(self.tr("Points lapsing by month"))
        if months:
            self.chart.show_bars(
                [m.month for m in months],
                [m.month for m in months],
                [Series(self.tr("Points"), [float(m.points) for m in months])],
            )
        else:
            self.chart.show_nothing(self.tr("No points lapse in the months shown"))
        self.table.show_rows(months)

    def select_month(self, month: str) -> None:
        """Select ``month``'s row in the table."""
        model = self.table.report_model
        for row in range(model.rowCount()):
            found = model.row_at(row)
            if isinstance(found, ExpiringMonth) and found.month == month:
                self.table.selectRow(row)
                self.table.scrollTo(model.index(row, 0))
                return

    def _share(self, month: ExpiringMonth) -> Decimal | None:
        total = self.liability.points if self.liability else 0
        return rate(month.points, total) if total > 0 else None

    def _columns(self) -> list[ReportColumn]:
        def cur() -> Any:
            return self.liability.currency if self.liability else None

        return [
            ReportColumn(self.tr("Month"), lambda m: m.month),
            ReportColumn(self.tr("Points lapsing"), lambda m: m.points, number=True),
            ReportColumn(
                self.tr("Worth"),
                lambda m: money_value(m.value, cur()),
                lambda m: money_text(m.value, cur()),
                number=True,
            ),
            ReportColumn(
                self.tr("Share of points (%)"),
                lambda m: percent_value(self._share(m)),
                lambda m: percent_text(self._share(m)),
                number=True,
            ),
        ]

    def tiles(self) -> list[Tile]:
        """The tiles as shown."""
        return list(self.tile_grid.tiles)

    def charts(self) -> list[ChartView]:
        """The lapsing chart."""
        return [self.chart]

    def tables(self) -> list[ExportTable]:
        """The lapsing months."""
        if self.liability is None:
            return []
        return [self.table.export(self.tr("Points lapsing by month"))]
