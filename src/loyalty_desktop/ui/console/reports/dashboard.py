"""The Dashboard: KPI tiles, revenue by week or month, points lapsing by month, sales and best buyers.

Click a week or month on the revenue chart to narrow the period to it;
double-click a best buyer to open the member. The grouping follows the
period (weeks up to three months, months beyond) until the manager picks one.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from loyalty_desktop.analytics.kpis import rate
from loyalty_desktop.analytics.sales_trend import Bucket, TrendBucket
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.long_jobs import Job
from loyalty_desktop.services.report_dashboard import Dashboard
from loyalty_desktop.services.report_files import ExportTable
from loyalty_desktop.ui.console.reports import dashboard_figures
from loyalty_desktop.ui.console.reports.formats import (
    money_float,
    money_text,
    money_value,
    percent_text,
    percent_value,
)
from loyalty_desktop.ui.console.reports.ranges import ReportFilter
from loyalty_desktop.ui.console.reports.table import ReportColumn, ReportTable
from loyalty_desktop.ui.console.reports.tiles import Tile, TileGrid
from loyalty_desktop.ui.console.reports.view import ReportView, ReportWork
from loyalty_desktop.ui.widgets.charts import MUTED, ChartView, Series

WEEKS_UP_TO_DAYS = 92
CHART_HEIGHT = 330
TABLE_HEIGHT = 380


def bucket_label(bucket: TrendBucket, by: Bucket) -> str:
    """A week as its Monday's month and day (03-30), a month as 2026-03."""
    return f"{bucket.first_day:%m-%d}" if by is Bucket.WEEK else bucket.key


class DashboardView(ReportView):
    """Tiles, two charts and two tables in a page that scrolls."""

    key = "dashboard"

    def __init__(self, shop: Shop, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(shop, actor, parent)
        self.figures: Dashboard | None = None
        self._figure_values: list[tuple[Tile, Any]] = []
        self._bucket_chosen = False
        self.tile_grid = TileGrid(6)
        self.store_note = QLabel()
        self.store_note.setWordWrap(True)
        self.store_note.setVisible(False)
        self.bucket = QComboBox()
        self.bucket.addItem(self.tr("By week"), Bucket.WEEK.value)
        self.bucket.addItem(self.tr("By month"), Bucket.MONTH.value)
        self.bucket.setCurrentIndex(1)
        self.trend_chart = ChartView()
        self.trend_chart.setToolTip(self.tr("Click a bar to see only that week or month"))
        self.lapse_chart = ChartView()
        self.trend_chart.setFixedHeight(CHART_HEIGHT)
        self.lapse_chart.setFixedHeight(CHART_HEIGHT)
        self.trend_table = ReportTable(self._trend_columns())
        self.buyers_table = ReportTable(self._buyer_columns())
        for table in (self.trend_table, self.buyers_table):
            table.setMinimumHeight(TABLE_HEIGHT)
        self.trend_title = self._section(self.tr("Sales by period"))
        self.buyers_title = self._section(self.tr("Best customers in the period"))

        self.grouping = QWidget()
        grouping = QHBoxLayout(self.grouping)
        grouping.setContentsMargins(0, 0, 0, 2)
        grouping.addWidget(QLabel(self.tr("Group sales")))
        grouping.addWidget(self.bucket)
        charts = QHBoxLayout()
        charts.addWidget(self.trend_chart, 3)
        charts.addWidget(self.lapse_chart, 2)
        tables = QGridLayout()
        tables.addWidget(self.trend_title, 0, 0)
        tables.addWidget(self.buyers_title, 0, 1)
        tables.addWidget(self.trend_table, 1, 0)
        tables.addWidget(self.buyers_table, 1, 1)
        tables.setColumnStretch(0, 1)
        tables.setColumnStretch(1, 1)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.addWidget(self.tile_grid)
        inner.addWidget(self.store_note)
        inner.addLayout(charts)
        inner.addLayout(tables)
        self.scroller = QScrollArea()
        self.scroller.setWidget(content)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(self.scroller)

        self.bucket.activated.connect(self._bucket_picked)
        self.trend_chart.picked.connect(self._bucket_clicked)
        self.buyers_table.member_chosen.connect(self.member_chosen)
        self.trend_chart.show_nothing(self.tr("Computing…"))
        self.lapse_chart.show_nothing(self.tr("Computing…"))

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("section")
        return label

    def title(self) -> str:
        """The tab's name."""
        return self.tr("Dashboard")

    def controls(self) -> QWidget:
        """Weeks or months for the sales."""
        return self.grouping

    # -- computing ----------------------------------------------------------------------------

    def work(self, wanted: ReportFilter) -> ReportWork:
        """KPIs, trend, liability and best buyers for ``wanted``."""
        if not self._bucket_chosen:
            natural = Bucket.WEEK if wanted.days <= WEEKS_UP_TO_DAYS else Bucket.MONTH
            self.bucket.setCurrentIndex(self.bucket.findData(natural.value))
        bucket = str(self.bucket.currentData())
        shop, actor = self.shop, self.actor

        def run(job: Job) -> Dashboard:
            return dashboard_figures.compute(shop, actor, wanted, bucket, job)

        return run

    def _bucket_picked(self) -> None:
        self._bucket_chosen = True
        self.recompute.emit()

    def _bucket_clicked(self, key: str) -> None:
        found = self._bucket(key)
        if found is not None:
            self.days_chosen.emit(found.first_day, found.last_day)

    def _bucket(self, key: str) -> TrendBucket | None:
        if self.figures is None:
            return None
        return next((b for b in self.figures.trend.buckets if b.key == key), None)

    # -- showing -----------------------------------------------------------------------------

    def show_result(self, result: Any, wanted: ReportFilter) -> None:
        """Fill the tiles, charts and tables."""
        figures: Dashboard = result
        self.figures = figures
        one_store = wanted.store is not None
        self._figure_values = dashboard_figures.tiles(figures, one_store)
        self.tile_grid.show_tiles([tile for tile, _ in self._figure_values])
        self.store_note.setText(
            self.tr(
                "Sales are those of {store}. Members, points outstanding and the liability are "
                "the whole shop's: members shop at any store."
            ).format(store=wanted.store_name)
        )
        self.store_note.setVisible(one_store)
        self._show_trend(figures)
        self._show_lapsing(figures)
        self.trend_table.show_rows(figures.trend.buckets)
        self.buyers_table.show_rows(figures.buyers)

    def _show_trend(self, figures: Dashboard) -> None:
        trend, cur = figures.trend, figures.trend.currency
        by = trend.bucket
        self.trend_chart.set_title(
            self.tr("Revenue by week ({currency})").format(currency=cur.code)
            if by is Bucket.WEEK
            else self.tr("Revenue by month ({currency})").format(currency=cur.code)
        )
        if not any(b.sales or b.revenue for b in trend.buckets):
            self.trend_chart.show_nothing(self.tr("No sales in this period"))
            return
        self.trend_chart.show_bars(
            [b.key for b in trend.buckets],
            [bucket_label(b, by) for b in trend.buckets],
            [
                Series(
                    self.tr("Members' sales"),
                    [money_float(b.member_revenue, cur) for b in trend.buckets],
                ),
                Series(
                    self.tr("Other sales"),
                    [money_float(b.other_revenue, cur) for b in trend.buckets],
                    MUTED,
                ),
            ],
            stacked=True,
        )

    def _show_lapsing(self, figures: Dashboard) -> None:
        months = figures.liability.expiring
        self.lapse_chart.set_title(self.tr("Points lapsing by month"))
        if not months:
            self.lapse_chart.show_nothing(self.tr("No points lapse in the next 12 months"))
            return
        self.lapse_chart.show_bars(
            [m.month for m in months],
            [m.month for m in months],
            [Series(self.tr("Points"), [float(m.points) for m in months])],
        )

    def _trend_columns(self) -> list[ReportColumn]:
        def cur_of() -> Any:
            return self.figures.trend.currency if self.figures else None

        def money(minor: int) -> Any:
            return money_value(minor, cur_of())

        def first(b: TrendBucket) -> date:
            return b.first_day

        return [
            ReportColumn(self.tr("Period"), lambda b: b.key, lambda b: self._period_text(b)),
            ReportColumn(self.tr("From"), first, shown=False),
            ReportColumn(self.tr("To"), lambda b: b.last_day, shown=False),
            ReportColumn(self.tr("Sales"), lambda b: b.sales, number=True),
            ReportColumn(
                self.tr("Revenue"),
                lambda b: money(b.revenue),
                lambda b: money_text(b.revenue, cur_of()),
                number=True,
            ),
            ReportColumn(
                self.tr("Members' revenue"),
                lambda b: money(b.member_revenue),
                lambda b: money_text(b.member_revenue, cur_of()),
                number=True,
                shown=False,
            ),
            ReportColumn(
                self.tr("Member share (%)"),
                lambda b: percent_value(_share(b)),
                lambda b: percent_text(_share(b)),
                number=True,
            ),
            ReportColumn(
                self.tr("Avg basket"),
                lambda b: None if b.average_order is None else money(b.average_order),
                lambda b: money_text(b.average_order, cur_of()),
                number=True,
            ),
        ]

    def _period_text(self, bucket: TrendBucket) -> str:
        if self.figures is not None and self.figures.trend.bucket is Bucket.WEEK:
            return self.tr("Week of {day}").format(day=f"{bucket.key}")
        return bucket.key

    def _buyer_columns(self) -> list[ReportColumn]:
        def cur_of() -> Any:
            return self.figures.trend.currency if self.figures else None

        return [
            ReportColumn(self.tr("Member number"), lambda b: b.member_no),
            ReportColumn(self.tr("Name"), lambda b: b.name),
            ReportColumn(self.tr("Purchases"), lambda b: b.purchases, number=True),
            ReportColumn(
                self.tr("Spend"),
                lambda b: money_value(b.spend, cur_of()),
                lambda b: money_text(b.spend, cur_of()),
                number=True,
            ),
        ]

    # -- for files ---------------------------------------------------------------------------

    def tiles(self) -> list[Tile]:
        """The KPI tiles as shown."""
        return list(self.tile_grid.tiles)

    def charts(self) -> list[ChartView]:
        """Revenue and points lapsing."""
        return [self.trend_chart, self.lapse_chart]

    def pdf_tables(self) -> list[ExportTable]:
        """The sales by period and the best customers (the tiles print the figures)."""
        return self.tables()[1:]

    def tables(self) -> list[ExportTable]:
        """The figures, the sales by period and the best customers."""
        if self.figures is None:
            return []
        figures = ExportTable(
            self.tr("Figures"),
            (self.tr("Figure"), self.tr("Value"), self.tr("As shown")),
            tuple((tile.caption, value, tile.value) for tile, value in self._figure_values),
        )
        return [
            figures,
            self.trend_table.export(self.trend_title.text()),
            self.buyers_table.export(self.buyers_title.text()),
        ]


def _share(bucket: TrendBucket) -> Decimal | None:
    return rate(bucket.member_revenue, bucket.revenue) if bucket.revenue > 0 else None
