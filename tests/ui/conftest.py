"""The till's screens on a real SQLite file: a programme, a member with points, and the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.services import checkout, members, programs, staff
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.screens.checkout import CheckoutScreen
from loyalty_desktop.ui.ui_thread_gc import UiThreadCollector
from tests.integration.conftest import PROGRAM

MEMBER_NO = "10000001"
PIN = "4321"


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path) -> None:
    """Window state goes to a temporary ini file, never the developer's own settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))


@pytest.fixture(autouse=True)
def ui_gc(qapp: object) -> Iterator[UiThreadCollector]:
    """As in the application: the garbage collector runs on the UI thread, never on a worker."""
    collector = UiThreadCollector()
    collector.start()
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def _same_locale_after() -> Iterator[None]:
    """A test that switches the till's language leaves the next test the locale it found."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.fixture
def shop_db(tmp_path: Path) -> Iterator[Opened]:
    """A shop with the programme loaded and no staff yet."""
    opened = open_database(tmp_path / "shop.db", keys_dir=tmp_path / "keys")
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "test")
    yield opened
    opened.engine.dispose()


@pytest.fixture
def staffed(shop_db: Opened) -> Opened:
    """The shop with an admin (Ada) and a cashier (Cai), and member 10000001 holding 500 points."""
    shop = shop_db.shop
    members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="王芳", member_no=MEMBER_NO))
    checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S-0", MEMBER_NO, total="500.00"))
    staff.add_staff(shop, LOCAL_ADMIN, "Ada", "admin", PIN)
    admin = staff.sign_in(shop, "Ada", PIN)
    staff.add_staff(shop, admin, "Cai", "cashier", PIN)
    return shop_db


def cashier(opened: Opened) -> Actor:
    """The cashier, signed in through the service."""
    return staff.sign_in(opened.shop, "Cai", PIN)


@pytest.fixture
def window(qtbot: QtBot, staffed: Opened) -> Iterator[MainWindow]:
    """The main window on the staffed shop, showing the sign-in screen."""
    shown = MainWindow(staffed.shop)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.stack.currentWidget() is shown.sign_in)
    yield shown
    shown.tasks.wait()


def signed_in(qtbot: QtBot, window: MainWindow, who: str = "Cai") -> CheckoutScreen:
    """Sign ``who`` in on the window's sign-in screen; their checkout screen."""
    window.sign_in.name.setText(who)
    window.sign_in.pin.setText(PIN)
    window.sign_in.submit()
    qtbot.waitUntil(lambda: window.checkout is not None)
    assert window.checkout is not None
    return window.checkout
