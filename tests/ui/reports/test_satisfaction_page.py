"""The Satisfaction tab on the demo shop: the service's score and groups, the setting, the exports."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from loyalty_desktop.analytics.satisfaction import SatisfactionReport
from loyalty_desktop.app import Opened
from loyalty_desktop.domain.surveys import SurveyScale
from loyalty_desktop.services import staff, surveys
from loyalty_desktop.services.reports import report
from loyalty_desktop.ui.console.reports.reports_page import ReportsPage
from loyalty_desktop.ui.console.reports.satisfaction_page import SatisfactionView
from loyalty_desktop.ui.main_window import MainWindow
from tests.ui.conftest import PIN
from tests.ui.reports.conftest import open_reports
from tests.ui.reports.test_report_exports import _export


def _open(qtbot: QtBot, window: MainWindow) -> tuple[ReportsPage, SatisfactionView]:
    page = open_reports(qtbot, window)
    view = page.open_report("satisfaction")
    assert isinstance(view, SatisfactionView)
    qtbot.waitUntil(lambda: view.shown_filter is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not page.computing and page.tasks.pending == 0, timeout=30_000)
    return page, view


def test_the_tab_shows_the_services_score_and_a_row_per_staff_member(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened
) -> None:
    _page, view = _open(qtbot, demo_window)
    shown = view.shown_filter
    assert shown is not None
    manager = staff.sign_in(demo_shop.shop, "Mia", PIN)
    expected = cast(
        SatisfactionReport,
        report(demo_shop.shop, manager, "satisfaction", start=shown.start, at=shown.end),
    )
    assert expected.overall.answers > 0
    assert f"from {expected.overall.answers} answers" in view.summary.text()
    staff_rows = view.tables_by["staff"].report_model
    assert staff_rows.rowCount() == len(expected.staff)
    assert view.trend_chart.chart().series()


def test_switching_the_till_question_on_is_stored_for_every_till(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened
) -> None:
    page, view = _open(qtbot, demo_window)
    view.ask.setChecked(True)
    view.scale.setCurrentIndex(view.scale.findData("nps"))
    view.scale.activated.emit(view.scale.currentIndex())
    qtbot.waitUntil(lambda: not page.computing and page.tasks.pending == 0, timeout=30_000)
    cashier = staff.sign_in(demo_shop.shop, "Cai", PIN)
    stored = surveys.survey_settings(demo_shop.shop, cashier)
    assert (stored.ask_at_till, stored.scale) == (True, SurveyScale.NPS)
    assert view.found is not None
    assert view.found.scale is SurveyScale.NPS
    assert view.found.other_scale > 0  # the demo's star answers are left out, and said to be


def test_the_tab_exports_every_breakdown_to_excel(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page, _view = _open(qtbot, demo_window)
    book = load_workbook(_export(qtbot, page, tmp_path / "satisfaction.xlsx", "xlsx"))
    assert book.sheetnames[:5] == ["Months", "Stores", "Tiers", "Staff", "Lifecycle stages"]
    header = next(book["Staff"].iter_rows(values_only=True))
    assert header[:3] == ("Staff", "Answers", "Score")
