"""Syncing as a till shows it: the status bar's word, the background pump, the back office's Sync page.

The central server is a stand-in here (tests/server tries the real one); what is under
test is what the till's screens do with its answers.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import chain_redemption, members, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.member_view import show_member
from loyalty_desktop.ui.console.sync_page import SyncPage
from loyalty_desktop.ui.sync_pump import SyncPump
from loyalty_desktop.ui.tasks import Tasks
from loyalty_desktop.ui.widgets.sync_status import SyncStatusLabel
from tests.sync_wire import Wire, wired

ADMIN = Actor("Ada", Role.ADMIN)
MANAGER = Actor("Mia", Role.MANAGER)


@pytest.fixture
def wire() -> Wire:
    return Wire(store_id="store-7")


@pytest.fixture
def shop(staffed: Opened, wire: Wire) -> Shop:
    return wired(staffed.shop, wire)


@pytest.fixture
def tasks() -> Iterator[Tasks]:
    worker = Tasks()
    yield worker
    worker.wait()


def _page(qtbot: QtBot, shop: Shop, tasks: Tasks, actor: Actor) -> SyncPage:
    page = SyncPage(shop, tasks, actor)
    qtbot.addWidget(page)
    page.show()
    page.shown()
    qtbot.waitUntil(lambda: page.state.text() != "")
    return page


def test_an_admin_connects_the_store_and_sends_the_outbox_from_the_page(
    qtbot: QtBot, shop: Shop, tasks: Tasks, wire: Wire
) -> None:
    page = _page(qtbot, shop, tasks, ADMIN)
    assert "Not connected" in page.state.text()
    assert not page.send_now.isEnabled()
    waiting = sync.status(shop).queue
    assert waiting > 0

    page.url.setText("https://hq.example")
    page.token.setText("t0ken")
    page.connect_button.click()
    qtbot.waitUntil(lambda: "Server: https://hq.example" in page.state.text())
    assert page.token.text() == ""  # the token is not left on the screen
    assert "Connected" in page.message.text()
    page.send_now.click()
    qtbot.waitUntil(lambda: "Waiting to send: 0" in page.state.text())
    assert len(wire.keys) == waiting + 1  # and the programme in force, sent on connecting


def test_the_page_says_which_numbers_new_members_get_once_connected(
    qtbot: QtBot, staffed: Opened, tasks: Tasks
) -> None:
    shop = wired(staffed.shop, Wire(store_id="store-4", store_no=4))
    page = _page(qtbot, shop, tasks, ADMIN)
    assert "104000001" not in page.state.text()
    page.url.setText("https://hq.example")
    page.token.setText("t0ken")
    page.connect_button.click()
    qtbot.waitUntil(lambda: "Server: https://hq.example" in page.state.text())
    assert "New member numbers: 104000001-104999999" in page.state.text()


def _theirs_with_our_number(pos: int, member_id: str, member_no: str) -> dict[str, Any]:
    """Another person, enrolled at another store with a number a member here holds."""
    return {
        "pos": pos,
        "kind": "member",
        "store_id": "store-other",
        "member_id": member_id,
        "points": 0,
        "member_no": member_no,
        "status": "active",
        "consent": False,
        "created_at": "2026-01-05T10:00:00+00:00",
        "review": False,
        "movements": [],
    }


def test_the_page_says_when_other_stores_changes_came_and_which_members_could_not_be_added(
    qtbot: QtBot, shop: Shop, tasks: Tasks, wire: Wire
) -> None:
    here = members.enrol(shop, ADMIN, members.NewMember(name="王芳"))
    wire.log = [_theirs_with_our_number(1, str(uuid.uuid4()), here.member_no)]
    page = _page(qtbot, shop, tasks, ADMIN)
    page.url.setText("https://hq.example")
    page.token.setText("t0ken")
    page.connect_button.click()
    qtbot.waitUntil(lambda: "Server: https://hq.example" in page.state.text())
    assert "Last received from other stores: —" in page.state.text()
    page.send_now.click()
    qtbot.waitUntil(lambda: "not added here: 1" in page.state.text())
    assert "Last received from other stores: —" not in page.state.text()
    assert show_member(shop, ADMIN, here.member_no).name == "王芳"  # ours, untouched


def test_an_admin_reads_a_clash_again_from_the_page_once_the_number_here_is_changed(
    qtbot: QtBot, staffed: Opened, shop: Shop, tasks: Tasks, wire: Wire
) -> None:
    here = members.enrol(shop, ADMIN, members.NewMember(name="王芳"))
    theirs = str(uuid.uuid4())
    wire.log = [_theirs_with_our_number(3, theirs, here.member_no)]
    sync.connect_to(shop, ADMIN, "https://hq.example", "t0ken")
    page = _page(qtbot, shop, tasks, ADMIN)
    assert not page.read_again_button.isEnabled()  # nothing passed over yet
    page.send_now.click()
    qtbot.waitUntil(lambda: "not added here: 1" in page.state.text())
    assert page.read_again_button.isEnabled()
    assert not _page(qtbot, shop, tasks, MANAGER).read_again_button.isEnabled()

    page.read_again_button.click()  # nothing fixed: noted again, and the page says so
    qtbot.waitUntil(lambda: "Still not applied here: 1" in page.message.text())
    assert "Read again from change 3" in page.message.text()

    with staffed.engine.begin() as conn:  # a person gives ours another number (by hand)
        conn.exec_driver_sql(f"update members set member_no = 'X-1' where id = '{here.id}'")
    page.read_again_button.click()
    qtbot.waitUntil(lambda: "Still not applied here: 0" in page.message.text())
    assert "not added here" not in page.state.text()
    assert not page.read_again_button.isEnabled()
    assert show_member(shop, ADMIN, here.member_no).id == theirs  # their number finds them now


def test_a_refused_token_is_said_on_the_page_and_nothing_is_remembered(
    qtbot: QtBot, shop: Shop, tasks: Tasks, wire: Wire
) -> None:
    wire.failure = sync.TokenRefused("401")
    page = _page(qtbot, shop, tasks, ADMIN)
    page.url.setText("https://hq.example")
    page.token.setText("wrong")
    page.connect_button.click()
    qtbot.waitUntil(lambda: "refused this token" in page.message.text())
    assert sync.connection(shop) == (None, None)
    assert page.connect_button.isEnabled()


def test_a_manager_sees_the_held_events_but_cannot_connect(
    qtbot: QtBot, shop: Shop, tasks: Tasks, wire: Wire
) -> None:
    sync.connect(shop, LOCAL_ADMIN, "https://hq.example", "t0ken", "store-7")
    wire.answer = "conflict"
    held = sync.status(shop).queue
    sync.run_pass(shop)

    page = _page(qtbot, shop, tasks, MANAGER)

    qtbot.waitUntil(lambda: page.model.rowCount() == held)
    assert not page.connect_button.isEnabled()
    assert not page.token.isEnabled()
    assert page.send_now.isEnabled()
    kinds = {page.model.index(r, 0).data() for r in range(page.model.rowCount())}
    # the programme goes on connecting; a member's profile goes with their enrolment
    assert kinds <= {"member", "profile", "sale", "program"}


def test_the_pump_sends_in_the_background_and_the_status_bar_says_what_happened(
    qtbot: QtBot, shop: Shop, wire: Wire
) -> None:
    label = SyncStatusLabel()
    qtbot.addWidget(label)
    pump = SyncPump(shop, interval_ms=60_000)
    pump.changed.connect(label.show_status)
    with qtbot.waitSignal(pump.changed):
        pump.run_now()
    assert label.isHidden()  # not connected: nothing to say, nothing sent
    assert wire.keys == []

    sync.connect(shop, LOCAL_ADMIN, "https://hq.example", "t0ken", "store-7")
    wire.failure = sync.ServerUnavailable("cable out")
    with qtbot.waitSignal(pump.changed):
        pump.run_now()
    assert not label.isHidden()
    assert label.text().startswith("Offline:")
    assert "sales go on" in label.text()

    wire.failure = None
    with qtbot.waitSignal(pump.changed):
        pump.run_now()
    assert label.text().startswith("Synced")
    assert sync.status(shop).queue == 0

    wire.failure = sync.TokenRefused("revoked")
    sync.connect(shop, LOCAL_ADMIN, "https://hq.example", "t0ken", "store-7")
    members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="新会员"))
    with qtbot.waitSignal(pump.changed):
        pump.run_now()
    assert "refused this till's token" in label.text()
    pump.stop()


def test_a_manager_sets_the_offline_limits_on_the_page_and_a_cashier_cannot(
    qtbot: QtBot, shop: Shop, tasks: Tasks
) -> None:
    sync.connect(shop, LOCAL_ADMIN, "https://hq.example", "t0ken", "store-7")
    page = _page(qtbot, shop, tasks, MANAGER)
    qtbot.waitUntil(lambda: page.allowance.value() == 500)
    assert (page.store_cap.value(), page.snapshot_age.value()) == (5000, 24)
    page.allowance.setValue(300)
    page.store_cap.setValue(2000)
    page.snapshot_age.setValue(6)
    page.save_limits.click()
    qtbot.waitUntil(lambda: "saved" in page.message.text())
    kept = chain_redemption.redemption_limits(shop, MANAGER)
    assert (kept.member_allowance, kept.store_cap, kept.max_snapshot_age_hours) == (300, 2000, 6)

    cashier = SyncPage(shop, tasks, Actor("Cai", Role.CASHIER))  # the page is a manager's
    qtbot.addWidget(cashier)
    assert not cashier.save_limits.isEnabled()
    assert not cashier.allowance.isEnabled()


def _connected(qtbot: QtBot, shop: Shop, tasks: Tasks) -> SyncPage:
    page = _page(qtbot, shop, tasks, ADMIN)
    page.url.setText("https://hq.example")
    page.token.setText("t0ken")
    page.connect_button.click()
    qtbot.waitUntil(lambda: "Server: https://hq.example" in page.state.text())
    return page


def test_an_answer_the_till_cannot_use_says_the_server_answered_not_unreachable(
    qtbot: QtBot, shop: Shop, tasks: Tasks, wire: Wire
) -> None:
    page = _connected(qtbot, shop, tasks)
    wire.failure = sync.ServerAnswerUnreadable("the server's answer is not JSON")
    page.send_now.click()
    qtbot.waitUntil(lambda: "the server answered" in page.state.text())
    assert "could not be reached" not in page.state.text()
    assert page.send_now.isEnabled()
    wire.failure = sync.ServerUnavailable("refused")
    page.send_now.click()
    qtbot.waitUntil(lambda: "could not be reached" in page.state.text())


def test_a_pass_a_refusal_stops_leaves_send_now_usable_and_says_why(
    qtbot: QtBot, shop: Shop, tasks: Tasks, wire: Wire, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _connected(qtbot, shop, tasks)

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise LoyaltyError("the disk is full; nothing was changed", code="storage_full")

    monkeypatch.setattr(sync, "push_pending", refused)
    page.send_now.click()
    qtbot.waitUntil(lambda: "the disk is full" in page.message.text())
    qtbot.waitUntil(page.send_now.isEnabled)
    assert "stopped at a problem of this till's" in page.state.text()
