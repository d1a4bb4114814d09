"""A manager's Reports page on a demo shop: the dashboard's figures, the period, Cancel, drill-down, roles."""

from __future__ import annotations

import threading
from typing import cast

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.analytics.kpis import Kpis
from loyalty_desktop.analytics.liability import Liability
from loyalty_desktop.app import Opened
from loyalty_desktop.services import staff
from loyalty_desktop.services.reports import report
from loyalty_desktop.ui.console.reports.dashboard import DashboardView
from loyalty_desktop.ui.console.reports.formats import count_text, money_text, percent_text
from loyalty_desktop.ui.console.reports.liability_page import LiabilityView
from loyalty_desktop.ui.console.reports.ranges import Preset, ReportFilter
from loyalty_desktop.ui.console.reports.reports_page import ReportsPage
from loyalty_desktop.ui.main_window import MainWindow
from tests.ui.conftest import PIN, signed_in
from tests.ui.reports.conftest import open_reports
from tests.ui.reports.test_charts import click_bar


def _kpis(opened: Opened, shown: ReportFilter) -> Kpis:
    admin = staff.sign_in(opened.shop, "Mia", PIN)
    found = report(opened.shop, admin, "kpis", start=shown.start, at=shown.end, store=shown.store)
    return cast(Kpis, found)


def _dashboard(page: ReportsPage) -> DashboardView:
    view = page.view
    assert isinstance(view, DashboardView)
    return view


def _settled(qtbot: QtBot, page: ReportsPage) -> None:
    qtbot.waitUntil(lambda: not page.computing and page.tasks.pending == 0, timeout=15_000)


def test_a_manager_sees_the_dashboard_filled_with_the_shops_figures(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened
) -> None:
    page = open_reports(qtbot, demo_window)
    view = _dashboard(page)
    shown = view.shown_filter
    assert shown is not None
    assert shown.days >= 365  # the last 12 months, the page's first choice
    kpis = _kpis(demo_shop, shown)
    tiles = view.tile_grid
    assert kpis.revenue > 0
    assert kpis.buying_members > 0
    assert tiles.value_of("revenue") == money_text(kpis.revenue, kpis.currency)
    assert tiles.value_of("members") == count_text(kpis.members)
    assert tiles.value_of("buying_members") == count_text(kpis.buying_members)
    assert tiles.value_of("repurchase_rate") == percent_text(kpis.repurchase_rate)
    assert tiles.value_of("liability") == money_text(kpis.liability, kpis.currency)
    assert tiles.value_of("points_expired") == count_text(kpis.points_expired)
    figures = view.figures
    assert figures is not None
    assert view.trend_chart.keys == tuple(b.key for b in figures.trend.buckets)
    assert figures.trend.revenue == kpis.revenue, "the chart's months add up to the tile"
    assert view.lapse_chart.keys == tuple(m.month for m in figures.liability.expiring)
    assert view.buyers_table.report_model.rowCount() == len(figures.buyers) == 10
    assert "all stores" in page.caption.text()


def test_choosing_this_month_computes_the_figures_again_for_its_days(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened
) -> None:
    page = open_reports(qtbot, demo_window)
    view = _dashboard(page)
    year = view.tile_grid.value_of("revenue")
    page.filters.choose_preset(Preset.THIS_MONTH)
    today = page.filters.today()
    qtbot.waitUntil(
        lambda: (
            view.shown_filter is not None and view.shown_filter.first_day == today.replace(day=1)
        ),
        timeout=15_000,
    )
    _settled(qtbot, page)
    assert view.shown_filter is not None
    kpis = _kpis(demo_shop, view.shown_filter)
    assert view.tile_grid.value_of("revenue") == money_text(kpis.revenue, kpis.currency)
    assert view.tile_grid.value_of("revenue") != year
    assert view.bucket.currentData() == "week", "a month is shown by week"


def test_cancel_stops_the_computation_and_keeps_the_figures_shown(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page = open_reports(qtbot, demo_window)
    view = _dashboard(page)
    before, revenue = view.shown_filter, view.tile_grid.value_of("revenue")
    gate = threading.Event()
    page.tasks.submit(gate.wait, lambda _: None, lambda _: None)  # the worker is busy elsewhere
    page.filters.choose_preset(Preset.LAST_30_DAYS)
    page.refresh()
    assert page.computing
    assert page.cancel.isEnabled()
    assert page.progress.isVisible()
    assert page.isEnabled(), "the page stays usable while it computes"
    page.cancel.click()
    gate.set()
    _settled(qtbot, page)
    assert "Cancelled" in page.message.text()
    assert view.shown_filter == before
    assert view.tile_grid.value_of("revenue") == revenue
    assert not page.progress.isVisible()


def test_clicking_a_month_on_the_revenue_chart_narrows_the_period_to_it(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page = open_reports(qtbot, demo_window)
    view = _dashboard(page)
    assert view.figures is not None
    month = view.figures.trend.buckets[2]
    with qtbot.waitSignal(view.trend_chart.picked) as picked:
        click_bar(qtbot, view.trend_chart, 2)
    assert picked.args == [month.key]
    qtbot.waitUntil(
        lambda: view.shown_filter is not None and view.shown_filter.first_day == month.first_day,
        timeout=15_000,
    )
    assert view.shown_filter is not None
    assert view.shown_filter.last_day == month.last_day
    assert page.filters.preset.currentData() == Preset.CUSTOM.value


def test_double_clicking_a_best_customer_opens_their_member_record(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page = open_reports(qtbot, demo_window)
    view = _dashboard(page)
    view.scroller.ensureWidgetVisible(view.buyers_table)
    table = view.buyers_table
    best = table.report_model.row_at(0)
    cell = table.visualRect(table.report_model.index(0, 1)).center()
    # A person's double click is a click and then a second press: QTest's alone is not.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.view is not None)
    assert page.detail is not None
    assert page.detail.view is not None
    assert page.detail.view.member_no == best.member_no
    page.detail.close()


def test_sorting_by_a_column_sorts_the_rows_and_what_is_exported(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page = open_reports(qtbot, demo_window)
    table = _dashboard(page).buyers_table
    purchases = 2
    table.sortByColumn(purchases, Qt.SortOrder.AscendingOrder)
    shown = [table.report_model.row_at(r).purchases for r in range(table.report_model.rowCount())]
    assert shown == sorted(shown)
    exported = table.export("x")
    assert [row[purchases] for row in exported.rows] == shown


def test_one_store_keeps_members_and_points_owed_shop_wide_and_says_so(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened
) -> None:
    page = open_reports(qtbot, demo_window)
    view = _dashboard(page)
    page.filters.choose_store(demo_shop.shop.device_id)
    qtbot.waitUntil(
        lambda: view.shown_filter is not None and view.shown_filter.store is not None,
        timeout=15_000,
    )
    _settled(qtbot, page)
    assert view.shown_filter is not None
    kpis = _kpis(demo_shop, view.shown_filter)
    assert view.tile_grid.value_of("revenue") == money_text(kpis.revenue, kpis.currency)
    assert view.tile_grid.value_of("points_expired") == "—", "expiry is kept for no store"
    assert not view.store_note.isHidden()
    assert "This till" in page.caption.text()


def test_the_liability_page_lists_the_months_points_lapse_in(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened
) -> None:
    page = open_reports(qtbot, demo_window)
    view = page.open_report("liability")
    assert isinstance(view, LiabilityView)
    qtbot.waitUntil(lambda: view.liability is not None and not page.computing, timeout=15_000)
    assert not page.filters.store.isEnabled(), "points belong to no store"
    assert view.shown_filter is not None
    manager = staff.sign_in(demo_shop.shop, "Mia", PIN)
    owed = cast(Liability, report(demo_shop.shop, manager, "liability", at=view.shown_filter.end))
    months = [view.table.report_model.row_at(r) for r in range(view.table.report_model.rowCount())]
    assert months == list(owed.expiring)
    assert view.tile_grid.value_of("points") == count_text(owed.points)
    target = owed.expiring[1].month
    click_bar(qtbot, view.chart, 1)
    assert view.table.report_model.row_at(view.table.currentIndex().row()).month == target


def test_a_cashier_cannot_reach_the_reports(qtbot: QtBot, demo_window: MainWindow) -> None:
    till = signed_in(qtbot, demo_window, "Cai")
    demo_window.toggle_console()
    assert demo_window.console is None
    assert "manager" in till.message.text()


def test_the_services_refuse_a_cashier_even_on_a_reports_page_made_for_one(
    qtbot: QtBot, demo_shop: Opened
) -> None:
    cashier = staff.sign_in(demo_shop.shop, "Cai", PIN)
    window = MainWindow(demo_shop.shop)
    qtbot.addWidget(window)
    page = ReportsPage(demo_shop.shop, window.tasks, cashier)
    qtbot.addWidget(page)
    page.shown()
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert page.view.shown_filter is None
    assert "manager" in page.message.text()
    window.tasks.wait()


def test_typing_a_date_makes_the_period_custom_and_computes_it(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page = open_reports(qtbot, demo_window)
    view = _dashboard(page)
    wanted = page.filters.today().replace(day=1)
    page.filters.first.setDate(QDate(wanted.year, wanted.month, wanted.day))
    assert page.filters.preset.currentData() == Preset.CUSTOM.value
    qtbot.waitUntil(
        lambda: view.shown_filter is not None and view.shown_filter.first_day == wanted,
        timeout=15_000,
    )
    assert view.shown_filter is not None
    assert view.shown_filter.last_day == page.filters.today()
