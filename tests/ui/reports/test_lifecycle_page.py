"""The Lifecycle tab on the demo shop: the service's figures, a clicked stage's members, exports."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from openpyxl import load_workbook
from PySide6.QtCharts import QStackedBarSeries
from pytestqt.qtbot import QtBot

from loyalty_desktop.analytics.lifecycle import STAGE_KEYS, LifecycleReport
from loyalty_desktop.app import Opened
from loyalty_desktop.services import staff
from loyalty_desktop.services.reports import report
from loyalty_desktop.ui.console.reports.formats import count_text
from loyalty_desktop.ui.console.reports.lifecycle_page import ALL, LifecycleView
from loyalty_desktop.ui.console.reports.reports_page import ReportsPage
from loyalty_desktop.ui.main_window import MainWindow
from tests.ui.conftest import PIN
from tests.ui.reports.conftest import open_reports
from tests.ui.reports.test_report_exports import _export, pdf_pages


def _open(qtbot: QtBot, window: MainWindow) -> tuple[ReportsPage, LifecycleView]:
    page = open_reports(qtbot, window)
    view = page.open_report("lifecycle")
    assert isinstance(view, LifecycleView)
    qtbot.waitUntil(lambda: view.shown_filter is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not page.computing and page.tasks.pending == 0, timeout=30_000)
    return page, view


def _expected(view: LifecycleView, opened: Opened) -> LifecycleReport:
    shown = view.shown_filter
    assert shown is not None
    manager = staff.sign_in(opened.shop, "Mia", PIN)
    found = report(opened.shop, manager, "lifecycle", start=shown.start, at=shown.end)
    return cast(LifecycleReport, found)


def test_the_tab_shows_the_services_stages_and_flow_and_a_clicked_stage_lists_its_members(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened
) -> None:
    _page, view = _open(qtbot, demo_window)
    expected = _expected(view, demo_shop)
    stages = view.stages_table.report_model
    assert stages.rowCount() == len(STAGE_KEYS)
    for row, stage in enumerate(expected.stages):
        assert stages.index(row, 1).data() == count_text(stage.members)
    assert view.flow_table.report_model.rowCount() == sum(len(m.moves) for m in expected.months)
    bars = [s for s in view.sizes_chart.chart().series() if isinstance(s, QStackedBarSeries)]
    assert [b.label() for b in bars[0].barSets()] == [view.texts.name(k) for k in STAGE_KEYS]
    assert [b.sum() for b in bars[0].barSets()] == [
        sum(m.counts[n] for m in expected.months) for n in range(len(STAGE_KEYS))
    ]
    assert view.members_table.report_model.rowCount() == len(expected.members)

    biggest = max(expected.stages, key=lambda s: s.members)
    row = [s.key for s in expected.stages].index(biggest.key)
    view.stages_table.clicked.emit(stages.index(row, 0))
    assert view.chosen_stage() == biggest.key
    assert view.lists.currentIndex() == 2  # the members
    listed = view.members_table.report_model
    assert listed.rowCount() == biggest.members
    assert {listed.row_at(n).stage for n in range(listed.rowCount())} == {biggest.key}
    assert view.texts.name(biggest.key) in view.members_title.text()
    view.choose_stage(ALL)
    assert listed.rowCount() == len(expected.members)


def test_the_tab_exports_its_three_tables_to_excel_and_draws_both_charts_into_the_pdf(
    qtbot: QtBot, demo_window: MainWindow, tmp_path: Path
) -> None:
    page, view = _open(qtbot, demo_window)
    book = load_workbook(_export(qtbot, page, tmp_path / "lifecycle.xlsx", "xlsx"))
    assert book.sheetnames[:2] == ["Stages", "Stage flow"]
    assert len(book.sheetnames) == 3
    rows = list(book["Stages"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Stage", "Members")
    assert [r[0] for r in rows[1:]] == [view.texts.name(k) for k in STAGE_KEYS]
    data = _export(qtbot, page, tmp_path / "lifecycle.pdf", "pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_pages(data) >= 2
