"""The back office's audit log and backups pages, driven like a manager would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.services import browsing, members, points, staff
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.backups import BackupCheck, Restored
from loyalty_desktop.ui.console.audit_page import AuditPage
from loyalty_desktop.ui.console.backups_page import BackupsPage
from loyalty_desktop.ui.main_window import MainWindow
from tests.ui.conftest import MEMBER_NO, PIN, signed_in

LEFT = Qt.MouseButton.LeftButton


def _page(qtbot: QtBot, window: MainWindow, key: str) -> object:
    signed_in(qtbot, window, "Ada")
    window.toggle_console()
    assert window.console is not None
    return window.console.open_page(key)


def _audit_page(qtbot: QtBot, window: MainWindow) -> AuditPage:
    page = _page(qtbot, window, "audit")
    assert isinstance(page, AuditPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading)
    return page


def _adjust(staffed: Opened, points_: int, reason: str, request: str) -> None:
    ada = staff.sign_in(staffed.shop, "Ada", PIN)
    points.adjust(staffed.shop, ada, MEMBER_NO, points_, reason, request)


def test_the_audit_log_filters_by_member_and_shows_an_entry_in_full(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    _adjust(staffed, 20, "lost receipt", "Q-1")
    page = _audit_page(qtbot, window)
    assert page.model.rowCount() >= 3  # the staff added, the programme, the adjustment
    page.member.setText(MEMBER_NO)
    qtbot.mouseClick(page.apply, LEFT)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.loading)
    assert page.model.line(0).reason == "lost receipt"
    page.table.selectRow(0)
    text = page.details.toPlainText()
    assert "lost receipt" in text
    assert f"member {MEMBER_NO}" in text
    assert "points: 20" in text
    assert "1" in page.message.text()


def test_the_action_list_holds_the_actions_in_the_log(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    _adjust(staffed, 20, "lost receipt", "Q-1")
    page = _audit_page(qtbot, window)
    qtbot.waitUntil(lambda: page.action.findData("points.adjust") >= 0)
    page.action.setCurrentIndex(page.action.findData("points.adjust"))
    page.show_entries()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.loading)
    assert page.model.line(0).action == "points.adjust"


def test_verifying_the_chain_says_intact_then_names_the_entry_changed_in_the_file(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    _adjust(staffed, 20, "lost receipt", "Q-1")
    page = _audit_page(qtbot, window)
    qtbot.mouseClick(page.verify, LEFT)
    qtbot.waitUntil(lambda: "intact" in page.chain.text() and page.verify.isEnabled())
    assert "NOT" not in page.chain.text()
    assert staffed.path is not None
    raw = sqlite3.connect(staffed.path)
    seq = raw.execute("SELECT seq FROM audit WHERE reason = 'lost receipt'").fetchone()[0]
    raw.execute("UPDATE audit SET reason = 'gift' WHERE seq = ?", (seq,))
    raw.commit()
    raw.close()
    qtbot.mouseClick(page.verify, LEFT)
    qtbot.waitUntil(lambda: "NOT intact" in page.chain.text())
    assert f"Entry {seq} was changed" in page.chain.text()


def test_the_filtered_log_is_exported_to_csv_but_never_over_the_database(
    qtbot: QtBot, window: MainWindow, staffed: Opened, tmp_path: Path
) -> None:
    _adjust(staffed, 20, "lost receipt", "Q-1")
    page = _audit_page(qtbot, window)
    page.member.setText(MEMBER_NO)
    target = tmp_path / "out" / "audit.csv"
    page.ask_csv_path = lambda: str(target)  # type: ignore[method-assign]
    page.export_csv()
    qtbot.waitUntil(lambda: "written" in page.message.text())
    text = target.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("seq,at,staff,action")
    assert len(text.splitlines()) == 2
    assert "lost receipt" in text
    assert staffed.path is not None
    page.ask_csv_path = lambda: str(staffed.path)  # type: ignore[method-assign]
    page.export_csv()
    qtbot.waitUntil(lambda: page.export.isEnabled() and "database" in page.message.text())
    raw = sqlite3.connect(staffed.path)
    try:
        assert raw.execute("SELECT count(*) FROM members").fetchone()[0] == 1
    finally:
        raw.close()


def _backups_page(qtbot: QtBot, window: MainWindow) -> BackupsPage:
    page = _page(qtbot, window, "backups")
    assert isinstance(page, BackupsPage)
    return page


def test_signing_in_makes_the_daily_backup_and_the_page_lists_it(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    assert staffed.path is not None
    folder = staffed.path.parent / "backups"
    window.daily_backup.setInterval(0)  # a minute after the sign-in, in the till
    signed_in(qtbot, window, "Cai")  # any till's sign-in
    qtbot.waitUntil(lambda: folder.is_dir() and any(folder.glob("*daily*")), timeout=10_000)
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    window.sign_out()
    page = _backups_page(qtbot, window)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1)
    assert "daily" in page.model.backup(0).path.name


def test_a_till_nobody_signs_in_to_still_makes_the_daily_backup(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    assert staffed.path is not None
    folder = staffed.path.parent / "backups"
    qtbot.waitUntil(window.daily_backup.isActive)  # the start-up set it off, signed in or not
    window.daily_backup.setInterval(0)  # not the minute it waits in the shop
    window.daily_backup.start()
    qtbot.waitUntil(lambda: folder.is_dir() and any(folder.glob("*daily*")), timeout=10_000)
    assert window.actor is None
    assert window.daily_backup.isActive()  # and it looks again every hour


def test_backing_up_by_hand_adds_a_backup_to_the_list(qtbot: QtBot, window: MainWindow) -> None:
    page = _backups_page(qtbot, window)
    qtbot.waitUntil(lambda: page.folder.text() != "")
    before = page.model.rowCount()
    qtbot.mouseClick(page.back_up, LEFT)
    qtbot.waitUntil(lambda: "Backed up" in page.message.text())
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1 or page.model.rowCount() > before)
    assert any("manual" in page.model.backup(r).path.name for r in range(page.model.rowCount()))


def test_a_file_that_is_not_a_backup_is_refused_with_the_reason(
    qtbot: QtBot, window: MainWindow, staffed: Opened, tmp_path: Path
) -> None:
    page = _backups_page(qtbot, window)
    junk = tmp_path / "photo.db"
    junk.write_bytes(b"\x89PNG not a database at all" * 100)
    page.ask_backup_file = lambda: str(junk)  # type: ignore[method-assign]
    asked: list[BackupCheck] = []
    page.confirm = lambda checked: asked.append(checked) or True  # type: ignore[method-assign]
    qtbot.mouseClick(page.restore_file, LEFT)
    qtbot.waitUntil(lambda: "not a database" in page.message.text())
    assert asked == []
    assert page.restore_file.isEnabled()
    names = [r.name for r in browsing.list_members(staffed.shop, _ada(staffed)).rows]
    assert names == ["王芳"]


def _ada(staffed: Opened) -> Actor:
    return staff.sign_in(staffed.shop, "Ada", PIN)


def test_restoring_the_chosen_backup_brings_its_data_back_and_closes_the_till(
    qtbot: QtBot, window: MainWindow, staffed: Opened, tmp_path: Path
) -> None:
    page = _backups_page(qtbot, window)
    qtbot.mouseClick(page.back_up, LEFT)
    qtbot.waitUntil(lambda: "Backed up" in page.message.text())
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1)
    row = next(r for r in range(page.model.rowCount()) if page.model.backup(r).label == "manual")
    ada = staff.sign_in(staffed.shop, "Ada", PIN)
    members.enrol(staffed.shop, ada, members.NewMember(name="后来的"))
    told: list[Restored] = []
    page.confirm = lambda checked: True  # type: ignore[method-assign]
    page.tell_restart = told.append  # type: ignore[method-assign]
    page.table.selectRow(row)
    qtbot.mouseClick(page.restore_chosen, LEFT)
    qtbot.waitUntil(lambda: bool(told), timeout=15_000)
    assert not window.isVisible()
    assert staffed.path is not None
    again = open_database(staffed.path, keys_dir=staffed.keys_dir)
    try:
        names = [r.name for r in browsing.list_members(again.shop, _ada(again)).rows]
        assert names == ["王芳"]
    finally:
        again.engine.dispose()
    assert told[0].safety_copy.exists()


def test_a_backup_goes_to_a_new_file_chosen_but_never_over_an_existing_one(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = _backups_page(qtbot, window)
    target = tmp_path / "stick" / "shop-copy.db"
    page.ask_backup_target = lambda: str(target)  # type: ignore[method-assign]
    qtbot.mouseClick(page.back_up_to, LEFT)
    qtbot.waitUntil(lambda: "Backed up" in page.message.text() and page.back_up_to.isEnabled())
    assert target.stat().st_size > 0
    qtbot.mouseClick(page.back_up_to, LEFT)
    qtbot.waitUntil(lambda: "Backing" not in page.message.text() and page.back_up_to.isEnabled())
    assert "database" in page.message.text()
