"""The Events page at the door: a card scanned with focus in the door field checks the member in once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import member_events, member_view, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.ui.console.events_page import EventsPage
from loyalty_desktop.ui.main_window import MainWindow
from tests.integration.conftest import PROGRAM
from tests.ui.conftest import MEMBER_NO, signed_in
from tests.unit.ui.test_scanner import scan

WAIT = 10_000


def _events_page(qtbot: QtBot, window: MainWindow) -> EventsPage:
    signed_in(qtbot, window, "Ada")
    window.toggle_console()
    assert window.console is not None
    page = window.console.open_page("events")
    assert isinstance(page, EventsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: page.activity.count() > 1, timeout=WAIT)
    return page


def test_a_scanned_card_at_the_door_checks_in_once_and_pays_once(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    shop = staffed.shop
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM + "\n[activity]\nevent = 20\n", "events")
    now = datetime.now(UTC)
    event = member_events.create_event(
        shop, LOCAL_ADMIN, "Tea tasting", now - timedelta(minutes=10), now + timedelta(hours=2),
        20, (), "event",
    )  # fmt: skip
    member_events.sign_up(shop, LOCAL_ADMIN, event.id, MEMBER_NO)
    before = member_view.show_member(shop, LOCAL_ADMIN, MEMBER_NO)
    assert before.card is not None
    page = _events_page(qtbot, window)
    assert page.chosen is not None
    assert page.model.data(page.model.index(0, 4)) == "1 / 20"

    page.door.setFocus()
    scan(page.door, before.card)  # 10 ms a key, then Enter: the window's scanner takes it
    qtbot.waitUntil(lambda: "20 points" in page.message.text(), timeout=WAIT)
    assert page.door.text() == ""  # the keys never landed in the field
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 5)) == "1", timeout=WAIT)

    window.scanner.scanned.emit(before.card)  # the same card again, past the scanner's 1.5 s
    qtbot.waitUntil(lambda: "already checked in" in page.message.text(), timeout=WAIT)
    after = member_view.show_member(shop, LOCAL_ADMIN, MEMBER_NO)
    assert after.points == before.points + 20


def test_a_member_without_a_place_is_told_so_at_the_door(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    now = datetime.now(UTC)
    member_events.create_event(
        staffed.shop, LOCAL_ADMIN, "Preview", now, now + timedelta(hours=1), 5
    )
    signed_in(qtbot, window, "Ada")
    window.toggle_console()
    assert window.console is not None
    page = window.console.open_page("events")
    assert isinstance(page, EventsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    page.door.setText(MEMBER_NO)  # typed by hand, not scanned
    qtbot.keyClick(page.door, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "has not signed up" in page.message.text(), timeout=WAIT)
