"""Segments and churn pages read the nightly job's figures back, and say so; fresh figures say nothing."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import reports
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.ui.console.reports.churn_page import ChurnView
from loyalty_desktop.ui.console.reports.reports_page import ReportsPage
from loyalty_desktop.ui.console.reports.segments_page import SegmentsView
from loyalty_desktop.ui.main_window import MainWindow
from tests.ui.reports.conftest import open_reports

NIGHTLY = "Computed by the nightly job as of"


def _view(qtbot: QtBot, page: ReportsPage, key: str) -> object:
    view = page.open_report(key)
    qtbot.waitUntil(lambda: view.shown_filter is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not page.computing and page.tasks.pending == 0, timeout=30_000)
    return view


def test_stored_segments_and_churn_say_the_nightly_job_computed_them(
    qtbot: QtBot, demo_window: MainWindow, demo_shop: Opened
) -> None:
    run = reports.store_for_later(demo_shop.shop, LOCAL_ADMIN)
    assert {"rfm", "churn"} <= set(run.stored)
    page = open_reports(qtbot, demo_window)
    segments = _view(qtbot, page, "segments")
    assert isinstance(segments, SegmentsView)
    assert segments.message.isVisibleTo(segments)
    assert NIGHTLY in segments.message.text()
    churn = _view(qtbot, page, "churn")
    assert isinstance(churn, ChurnView)
    assert NIGHTLY in churn.backtest.text()


def test_figures_computed_for_the_page_do_not_mention_the_nightly_job(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page = open_reports(qtbot, demo_window)
    segments = _view(qtbot, page, "segments")
    assert isinstance(segments, SegmentsView)
    assert not segments.message.isVisibleTo(segments)
    churn = _view(qtbot, page, "churn")
    assert isinstance(churn, ChurnView)
    assert NIGHTLY not in churn.backtest.text()
