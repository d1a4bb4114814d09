"""Exports of a report: CSV and Excel hold the figures shown, a PDF has the pages it should."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from loyalty_desktop.ui.console.reports.dashboard import DashboardView
from loyalty_desktop.ui.console.reports.formats import money_value
from loyalty_desktop.ui.console.reports.liability_page import LiabilityView
from loyalty_desktop.ui.console.reports.reports_page import ReportsPage
from loyalty_desktop.ui.main_window import MainWindow
from tests.ui.reports.conftest import open_reports


def pdf_pages(data: bytes) -> int:
    """The number of pages in a PDF file (its /Type /Page objects)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def _export(qtbot: QtBot, page: ReportsPage, target: Path, button: str) -> Path:
    page.exports.ask_path = lambda *_: target  # type: ignore[method-assign]
    page.exports.written = None
    getattr(page.exports, button).click()
    qtbot.waitUntil(lambda: page.exports.written is not None, timeout=10_000)
    assert page.exports.written == target.resolve()
    assert "Written" in page.message.text()
    return target


def _dashboard(page: ReportsPage) -> DashboardView:
    assert isinstance(page.view, DashboardView)
    return page.view


def test_the_dashboard_exports_to_csv_with_the_figures_shown(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page = open_reports(qtbot, demo_window)
    view = _dashboard(page)
    assert view.figures is not None
    kpis = view.figures.kpis
    path = _export(qtbot, page, tmp_path / "仪表板.csv", "csv")
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    figures = {row[0]: row[1] for row in rows if len(row) == 3}
    assert figures["Revenue (CNY)"] == str(money_value(kpis.revenue, kpis.currency))
    assert figures["Members"] == str(kpis.members)
    buyers = view.figures.buyers
    assert [buyers[0].member_no, buyers[0].name] in [row[:2] for row in rows]
    assert "Best customers in the period" in [row[0] for row in rows if len(row) == 1]


def test_the_dashboard_exports_to_excel_a_sheet_per_table(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page = open_reports(qtbot, demo_window)
    view = _dashboard(page)
    assert view.figures is not None
    kpis, trend = view.figures.kpis, view.figures.trend
    path = _export(qtbot, page, tmp_path / "dashboard.xlsx", "xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Figures", "Sales by period", "Best customers in the period"]
    figures = {row[0]: row[1] for row in book["Figures"].iter_rows(min_row=2, values_only=True)}
    assert figures["Revenue (CNY)"] == float(money_value(kpis.revenue, kpis.currency))
    assert figures["Buying members"] == kpis.buying_members
    sales = list(book["Sales by period"].iter_rows(values_only=True))
    assert sales[0][:3] == ("Period", "From", "To")
    assert [row[0] for row in sales[1:]] == [b.key for b in trend.buckets]
    assert sum(row[3] for row in sales[1:]) == sum(b.sales for b in trend.buckets)


def test_the_liability_page_exports_to_a_two_page_pdf(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page = open_reports(qtbot, demo_window)
    view = page.open_report("liability")
    assert isinstance(view, LiabilityView)
    qtbot.waitUntil(lambda: view.liability is not None and not page.computing, timeout=15_000)
    path = _export(qtbot, page, tmp_path / "liability.pdf", "pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 20_000, "the chart is drawn into it"
    assert pdf_pages(data) == 2, "tiles and chart, then the months' table on a page of its own"


def test_the_dashboard_pdf_turns_pages_for_its_tables(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page = open_reports(qtbot, demo_window)
    short = pdf_pages(_export(qtbot, page, tmp_path / "months.pdf", "pdf").read_bytes())
    view = _dashboard(page)
    view.bucket.setCurrentIndex(view.bucket.findData("week"))
    view.bucket.activated.emit(view.bucket.currentIndex())
    qtbot.waitUntil(lambda: not page.computing and len(view.trend_table.report_model.rows) > 50)
    long = pdf_pages(_export(qtbot, page, tmp_path / "weeks.pdf", "pdf").read_bytes())
    assert short >= 2
    assert long > short, "53 weeks of rows need another page"


def test_a_name_typed_without_its_extension_gets_it_and_asks_before_replacing(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page = open_reports(qtbot, demo_window)
    taken = tmp_path / "report.csv"
    taken.write_text("keep me", encoding="utf-8")
    asked: list[Path] = []
    page.exports.ask_path = lambda *_: tmp_path / "report"  # type: ignore[method-assign]
    page.exports.confirm_replace = lambda path: asked.append(path) or False  # type: ignore[method-assign]
    page.exports.csv.click()
    qtbot.wait(50)
    assert asked == [taken]
    assert taken.read_text(encoding="utf-8") == "keep me"
    assert page.tasks.pending == 0


def test_an_export_never_writes_over_the_shops_database_whatever_it_is_called(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page = open_reports(qtbot, demo_window)
    database = next(p for p in page.shop.own_files() if p.suffix == ".db")
    before = database.read_bytes()[:100]
    disguised = tmp_path / "report.xlsx"
    disguised.symlink_to(database)
    page.exports.ask_path = lambda *_: disguised  # type: ignore[method-assign]
    page.exports.written = None
    page.exports.xlsx.click()
    qtbot.waitUntil(lambda: page.tasks.pending == 0 and page.exports.xlsx.isEnabled())
    assert page.exports.written is None
    assert database.read_bytes()[:100] == before
    assert "database" in page.message.text()
