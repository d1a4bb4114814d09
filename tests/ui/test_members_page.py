"""The back office's member list and record: lazy pages, sorting, search, and every action on a member."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.members import MemberStatus
from loyalty_desktop.services import browsing, member_view, members, points, staff
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor
from loyalty_desktop.services.read_models import MemberFilter
from loyalty_desktop.ui.console import member_files
from loyalty_desktop.ui.console.member_actions import AdjustDialog, MergeDialog
from loyalty_desktop.ui.console.member_detail import MemberDetailDialog
from loyalty_desktop.ui.console.member_model import MemberListModel, MemberQuery
from loyalty_desktop.ui.console.members_page import MembersPage
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.tasks import Tasks
from tests.ui.conftest import MEMBER_NO, PIN, signed_in

NAME, POINTS = 1, 4


@pytest.fixture
def tasks() -> Iterator[Tasks]:
    worker = Tasks()
    yield worker
    worker.wait()


@pytest.fixture
def admin(staffed: Opened) -> Actor:
    return staff.sign_in(staffed.shop, "Ada", PIN)


@pytest.fixture
def crowd(staffed: Opened) -> Opened:
    """Thirty more members: 张 0–9, 李 0–9, Wu 0–9, each with a phone."""
    for i, family in enumerate(("张", "李", "Wu") * 10):
        members.enrol(
            staffed.shop,
            LOCAL_ADMIN,
            members.NewMember(name=f"{family}{i:02d}", phone=f"1390000{i:04d}"),
        )
    return staffed


@pytest.fixture
def page(qtbot: QtBot, crowd: Opened, tasks: Tasks, admin: Actor) -> MembersPage:
    shown = MembersPage(crowd.shop, tasks, admin)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    shown.shown()
    qtbot.waitUntil(lambda: shown.model.rowCount() == 31 and shown.model.currency is not None)
    return shown


def _names(model: MemberListModel) -> list[str]:
    return [model.index(r, NAME).data() for r in range(model.rowCount())]


def test_the_list_holds_only_the_pages_read_and_grows_by_fetch_more(
    qtbot: QtBot, crowd: Opened, tasks: Tasks, admin: Actor
) -> None:
    def read(query: MemberQuery, after: object, limit: int) -> browsing.MemberPage:
        return browsing.list_members(
            crowd.shop, admin, MemberFilter(text=query.text), after=after, limit=limit
        )  # type: ignore[arg-type]

    model = MemberListModel(tasks, read, lambda q: 31, page_size=10)
    assert model.rowCount() == 0
    assert not model.canFetchMore()  # nothing asked for yet
    model.show(MemberQuery())
    qtbot.waitUntil(lambda: model.rowCount() == 10)
    assert model.canFetchMore()
    qtbot.waitUntil(lambda: model.total == 31)
    assert model.rowCount() == 10  # counting loads no rows
    model.fetchMore()
    assert not model.canFetchMore()  # one page at a time
    qtbot.waitUntil(lambda: model.rowCount() == 20)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 30)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 31)
    assert not model.canFetchMore()
    assert model.index(0, 0).data() == MEMBER_NO


def test_an_answer_to_a_search_typed_over_is_dropped(qtbot: QtBot, page: MembersPage) -> None:
    page.model.show(MemberQuery("张"))
    page.model.show(MemberQuery("Wu"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 10 and not page.model.loading)
    page.tasks.wait()
    qtbot.wait(0)
    assert all(name.startswith("Wu") for name in _names(page.model))


def test_typing_in_the_search_box_filters_after_a_pause(qtbot: QtBot, page: MembersPage) -> None:
    qtbot.keyClicks(page.search, "Wu")
    assert page.model.rowCount() == 31  # not on every key press
    qtbot.waitUntil(lambda: page.model.rowCount() == 10, timeout=3000)
    assert all(name.startswith("Wu") for name in _names(page.model))
    qtbot.waitUntil(lambda: "10" in page.count.text())
    page.search.setText("0007")  # a phone's last four digits
    page.run_search()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 2).data() == "139****0007"  # masked in the list


def test_clicking_a_header_sorts_by_it_in_the_database(qtbot: QtBot, page: MembersPage) -> None:
    header = page.table.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(POINTS) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(
        lambda: page.model.query.sort.value == "balance" and page.model.rowCount() == 31
    )
    column = [int(page.model.index(r, POINTS).data()) for r in range(31)]
    assert column == sorted(column)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: page.model.query.descending and page.model.rowCount() == 31)
    assert page.model.index(0, 0).data() == MEMBER_NO  # the one with 500 points


def _open_first(qtbot: QtBot, page: MembersPage) -> MemberDetailDialog:
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    detail = page.detail
    assert detail is not None
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: detail.tables is not None and detail.tables.ledger.rowCount() > 0)
    return detail


def test_enter_opens_the_member_with_their_ledger_and_running_balance(
    qtbot: QtBot, page: MembersPage, crowd: Opened
) -> None:
    points.adjust(crowd.shop, LOCAL_ADMIN, MEMBER_NO, -120, "damaged voucher", "Q1")
    detail = _open_first(qtbot, page)
    assert detail.heading.text() == f"王芳 · {MEMBER_NO}"
    ledger = detail.tables.ledger  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: ledger.rowCount() == 2)
    newest, oldest = ledger.row_at(0), ledger.row_at(1)
    assert (newest.points, newest.balance_after) == (-120, 380)
    assert (oldest.points, oldest.balance_after) == (500, 500)
    assert ledger.index(0, 3).data() == "380"
    lots = detail.tables.lots  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: lots.rowCount() == 1)
    assert lots.index(0, 2).data() == "380"  # left in the lot
    purchases = detail.tables.sales  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: purchases.rowCount() == 1)
    assert purchases.index(0, 1).data() == "S-0"


def test_the_record_shows_the_members_lifecycle_stage_since_their_first_purchase(
    qtbot: QtBot, page: MembersPage
) -> None:
    detail = _open_first(qtbot, page)
    assert detail.tables is not None
    stages = detail.tables.stages
    qtbot.waitUntil(lambda: stages.rowCount() == 1)
    bought = detail.tables.sales
    qtbot.waitUntil(lambda: bought.rowCount() == 1)
    assert stages.index(0, 1).data() == "New"
    assert stages.row_at(0).day <= bought.row_at(0).at.date() + timedelta(days=1)
    titles = [detail.tabs.tabText(i) for i in range(detail.tabs.count())]
    assert "Lifecycle stages" in titles


def test_a_points_correction_needs_a_reason_and_refreshes_the_record_and_list(
    qtbot: QtBot, page: MembersPage, crowd: Opened
) -> None:
    detail = _open_first(qtbot, page)
    detail.adjust()
    form = detail.findChild(AdjustDialog)
    assert form is not None
    form.points.setValue(25)
    assert not form.save.isEnabled()  # no reason yet
    form.reason.setText("   ")
    assert not form.save.isEnabled()
    form.reason.setText("missed receipt")
    assert form.save.isEnabled()
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "525" in detail.summary.text())
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 31 and page.model.index(0, POINTS).data() == "525"
    )
    assert member_view.show_member(crowd.shop, LOCAL_ADMIN, MEMBER_NO).points == 525


def test_a_merge_is_previewed_first_then_done(
    qtbot: QtBot, page: MembersPage, crowd: Opened
) -> None:
    dup = members.enrol(crowd.shop, LOCAL_ADMIN, members.NewMember(name="王芳 2", email="w@x.cn"))
    points.adjust(crowd.shop, LOCAL_ADMIN, dup.member_no, 40, "welcome", "Q2")
    detail = _open_first(qtbot, page)
    detail.merge()
    form = detail.findChild(MergeDialog)
    assert form is not None
    form.other.setText(dup.member_no)
    assert not form.save.isEnabled()  # no merge without a preview
    form.preview()
    qtbot.waitUntil(form.save.isEnabled)
    text = form.outcome.text()
    assert "540 points" in text
    assert "w@x.cn" in text
    assert member_view.show_member(crowd.shop, LOCAL_ADMIN, dup.member_no).id == dup.id  # unchanged
    form.other.setText("10000002")
    assert not form.save.isEnabled()  # another member than the one previewed
    form.other.setText(dup.member_no)
    assert form.save.isEnabled()
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "540 points" in detail.summary.text())
    closed = browsing.list_members(
        crowd.shop, LOCAL_ADMIN, MemberFilter(status=MemberStatus.CLOSED)
    )
    assert [r.member_no for r in closed.rows] == [dup.member_no]


def test_export_writes_the_members_json_where_chosen_and_never_over_the_database(
    qtbot: QtBot, page: MembersPage, crowd: Opened, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    detail = _open_first(qtbot, page)
    target = tmp_path / "out" / "wang.json"
    target.parent.mkdir()
    monkeypatch.setattr(member_files, "choose_save_path", lambda *args: target)
    detail.export()
    qtbot.waitUntil(lambda: "wang.json" in detail.message.text())
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["member"]["member_no"] == MEMBER_NO
    assert data["member"]["name"] == "王芳"
    database = tmp_path / "shop.db"
    before = database.read_bytes()
    monkeypatch.setattr(member_files, "choose_save_path", lambda *args: database)
    detail.message.clear()
    detail.export()
    qtbot.waitUntil(lambda: detail.message.text() != "")
    assert detail.message.objectName() == "notice"
    assert database.read_bytes()[:100] == before[:100]
    assert browsing.list_members(crowd.shop, LOCAL_ADMIN, limit=1).rows  # still a database


def test_erase_asks_first_with_cancel_the_default_then_erases(
    qtbot: QtBot, page: MembersPage, crowd: Opened, monkeypatch: pytest.MonkeyPatch
) -> None:
    detail = _open_first(qtbot, page)
    box = member_files.erase_box(detail, MEMBER_NO)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    asked: list[str] = []

    def answer(given: QMessageBox, *, yes: bool) -> bool:
        asked.append(given.text())
        return yes

    monkeypatch.setattr(member_files, "ask", lambda b: answer(b, yes=False))
    detail.erase()
    assert asked
    assert MEMBER_NO in asked[0]
    page.tasks.wait()
    assert member_view.show_member(crowd.shop, LOCAL_ADMIN, MEMBER_NO).name == "王芳"
    monkeypatch.setattr(member_files, "ask", lambda b: answer(b, yes=True))
    detail.erase()
    qtbot.waitUntil(lambda: "erased" in detail.fields["status"].text())
    erased = member_view.show_member(crowd.shop, LOCAL_ADMIN, MEMBER_NO)
    assert erased.status is MemberStatus.ERASED
    assert erased.points == 500
    assert not detail.adjust_button.isEnabled()
    qtbot.waitUntil(lambda: page.model.rowCount() == 30)  # gone from the active list


def test_a_card_scanned_on_the_members_page_opens_that_member(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    signed_in(qtbot, window, "Ada")
    window.toggle_console()
    assert window.console is not None
    page = window.console.open_page("members")
    assert isinstance(page, MembersPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    card = member_view.show_member(staffed.shop, LOCAL_ADMIN, MEMBER_NO).card
    assert card is not None
    window.scanner.scanned.emit(card)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.view is not None)
    assert page.detail is not None
    qtbot.addWidget(page.detail)
    assert page.detail.view is not None
    assert page.detail.view.member_no == MEMBER_NO
    page.detail.close()
    page.detail = None
    window.scanner.scanned.emit("134567890123456789")  # a WeChat Pay code
    assert "payment code" in page.message.text()
    assert page.detail is None


def test_the_card_is_saved_as_png_and_sent_to_the_printer_chosen(
    qtbot: QtBot, page: MembersPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    detail = _open_first(qtbot, page)
    target = tmp_path / "card-wang"  # the suffix is added
    monkeypatch.setattr(member_files, "choose_save_path", lambda *args: target)
    detail.save_card()
    saved = tmp_path / "card-wang.png"
    qtbot.waitUntil(lambda: "card-wang.png" in detail.message.text())
    assert saved.read_bytes().startswith(b"\x89PNG")
    printed: list[bytes] = []
    monkeypatch.setattr(
        member_files, "print_image", lambda _parent, png: printed.append(png) or True
    )
    detail.print_card()
    qtbot.waitUntil(lambda: bool(printed))
    assert printed[0].startswith(b"\x89PNG")
    assert detail.message.objectName() == "ok"


def test_coming_back_to_the_page_shows_points_changed_meanwhile(
    qtbot: QtBot, page: MembersPage, crowd: Opened
) -> None:
    assert page.model.index(0, POINTS).data() == "500"
    points.adjust(crowd.shop, LOCAL_ADMIN, MEMBER_NO, 7, "found receipt", "Q9")
    page.shown()
    qtbot.waitUntil(lambda: page.model.index(0, POINTS).data() == "507")


def test_the_which_members_choice_lists_erased_and_merged_members_too(
    qtbot: QtBot, page: MembersPage, crowd: Opened
) -> None:
    found = browsing.list_members(crowd.shop, LOCAL_ADMIN, MemberFilter(text="李01")).rows
    gone = found[0].member_no
    from loyalty_desktop.services import privacy

    privacy.erase_member(crowd.shop, LOCAL_ADMIN, gone)
    page.model.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 30)  # the default: active members only
    page.status.setCurrentIndex(page.status.findData(MemberStatus.ERASED))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 0).data() == gone
    page.status.setCurrentIndex(page.status.findData(None))
    qtbot.waitUntil(lambda: page.model.rowCount() == 31)
    qtbot.waitUntil(lambda: "31" in page.count.text())
