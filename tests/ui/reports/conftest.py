"""The report screens on a small demo shop: built once per test session, copied for each test.

The demo posts a year of sales through the services (members, walk-ins,
refunds, points paid and lapsed), so every tile and chart has real figures.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.demo.build import build_demo
from loyalty_desktop.services import staff
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.ui.console.reports.reports_page import ReportsPage
from loyalty_desktop.ui.main_window import MainWindow
from tests.ui.conftest import PIN, signed_in

DEMO_MEMBERS = 60


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a demo shop's database and keys, with an admin, a manager and a cashier."""
    folder = tmp_path_factory.mktemp("demo-shop")
    opened = open_database(folder / "shop.db", keys_dir=folder / "keys")
    try:
        build_demo(opened.shop, LOCAL_ADMIN, members=DEMO_MEMBERS, seed=11)
        staff.add_staff(opened.shop, LOCAL_ADMIN, "Ada", "admin", PIN)
        staff.add_staff(opened.shop, LOCAL_ADMIN, "Mia", "manager", PIN)
        staff.add_staff(opened.shop, LOCAL_ADMIN, "Cai", "cashier", PIN)
    finally:
        opened.engine.dispose()
    return folder


@pytest.fixture
def demo_shop(demo_template: Path, tmp_path: Path) -> Iterator[Opened]:
    """This test's own copy of the demo shop."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    opened = open_database(folder / "shop.db", keys_dir=folder / "keys")
    yield opened
    opened.engine.dispose()


@pytest.fixture
def demo_window(qtbot: QtBot, demo_shop: Opened) -> Iterator[MainWindow]:
    """The main window on the demo shop at the size of a small shop PC screen."""
    shown = MainWindow(demo_shop.shop)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitUntil(lambda: shown.stack.currentWidget() is shown.sign_in)
    yield shown
    shown.tasks.wait()


def open_reports(qtbot: QtBot, window: MainWindow, who: str = "Mia") -> ReportsPage:
    """Sign ``who`` in, open the back office's Reports page and wait for the dashboard."""
    signed_in(qtbot, window, who)
    window.toggle_console()
    assert window.console is not None
    page = window.console.open_page("reports")
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(
        lambda: page.view.shown_filter is not None and not page.computing, timeout=15_000
    )
    return page
