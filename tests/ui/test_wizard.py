"""The first-run wizard: answers checked page by page, then a real shop and settings file made from them."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import open_database
from loyalty_desktop.entry import _with_shop
from loyalty_desktop.first_start import (
    ShopSetup,
    machine_settings_path,
    needs_wizard,
    settings_database,
    settings_path,
    write_settings,
)
from loyalty_desktop.services import browsing, programs, staff
from loyalty_desktop.services.auth import Role
from loyalty_desktop.ui.first_start_run import finish
from loyalty_desktop.ui.preferences import load_preferences
from loyalty_desktop.ui.wizard import FirstRunWizard


def _fill(qtbot: QtBot, wizard: FirstRunWizard, database: Path, *, demo: bool) -> None:
    wizard.show()
    wizard.shop.name.setText("Corner Shop 街角店")  # keyClicks types ASCII only
    wizard.shop.currency.setCurrentText("HKD")
    wizard.shop.timezone.setCurrentText("Asia/Hong_Kong")
    wizard.next()
    assert wizard.currentPage() is wizard.admin
    qtbot.keyClicks(wizard.admin.name, "Ada")
    qtbot.keyClicks(wizard.admin.pin, "2468")
    qtbot.keyClicks(wizard.admin.again, "2468")
    wizard.next()
    assert wizard.currentPage() is wizard.data
    wizard.data.demo.setChecked(demo)
    wizard.data.path.setText(str(database))


def test_an_empty_shop_is_made_with_its_admin_programme_and_settings_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOYALTY_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LOYALTY_DATA_DIR", str(tmp_path / "data"))
    assert needs_wizard(None)
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    database = tmp_path / "shop" / "corner.db"
    _fill(qtbot, wizard, database, demo=False)

    assert finish(wizard) == str(database.resolve())

    written = json.loads(settings_path().read_text(encoding="utf-8"))
    assert written["database"] == str(database.resolve())
    assert (written["currency"], written["timezone"]) == ("HKD", "Asia/Hong_Kong")
    assert not needs_wizard(None)
    assert _with_shop(["--fullscreen"]) == ["--db", str(database.resolve()), "--fullscreen"]
    opened = open_database(database)
    try:
        admin = staff.sign_in(opened.shop, "Ada", "2468")
        assert admin.role is Role.ADMIN
        program = programs.show_program(opened.shop, admin).program
        assert (program.shop_name, program.currency.code) == ("Corner Shop 街角店", "HKD")
        assert program.timezone == "Asia/Hong_Kong"
        assert browsing.list_members(opened.shop, admin).rows == ()
    finally:
        opened.engine.dispose()


def test_a_pin_that_is_too_short_or_typed_differently_keeps_the_admin_page(
    qtbot: QtBot,
) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.shop.name, "Corner Shop")
    wizard.next()
    qtbot.keyClicks(wizard.admin.name, "Ada")
    qtbot.keyClicks(wizard.admin.pin, "12")
    qtbot.keyClicks(wizard.admin.again, "12")
    wizard.next()
    assert wizard.currentPage() is wizard.admin
    assert "4" in wizard.admin.message.text()
    wizard.admin.pin.setText("123456")
    wizard.admin.again.setText("654321")
    wizard.next()
    assert wizard.currentPage() is wizard.admin
    assert wizard.admin.message.text()


def test_a_shop_name_is_needed_before_next(qtbot: QtBot) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentPage() is wizard.shop
    qtbot.keyClicks(wizard.shop.name, "X")
    qtbot.keyClick(wizard.shop.name, Qt.Key.Key_Return)
    wizard.next()
    assert wizard.currentPage() is wizard.admin


def test_the_demo_shop_keeps_its_sales_and_takes_the_wizards_name_and_language(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOYALTY_CONFIG_DIR", str(tmp_path / "config"))
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    database = tmp_path / "demo.db"
    _fill(qtbot, wizard, database, demo=True)
    wizard.shop.language.setCurrentIndex(2)  # 简体中文: the wizard speaks it at once
    try:
        qtbot.waitUntil(lambda: wizard.windowTitle() == "设置 loyalty-desktop")
        assert wizard.admin.title() == "管理员"
        assert finish(wizard) == str(database.resolve())
    finally:
        wizard.shop.language.setCurrentIndex(1)  # English again for the next tests
        qtbot.waitUntil(lambda: wizard.windowTitle() == "Set up loyalty-desktop")
    assert load_preferences().language == "zh_CN"
    opened = open_database(database)
    try:
        admin = staff.sign_in(opened.shop, "Ada", "2468")
        assert len(browsing.list_members(opened.shop, admin).rows) > 0
        program = programs.show_program(opened.shop, admin).program
        assert (program.shop_name, program.currency.code) == ("Corner Shop 街角店", "CNY")
        assert program.timezone == "Asia/Hong_Kong"
    finally:
        opened.engine.dispose()


def test_qts_own_buttons_change_language_on_the_page_where_it_is_chosen(qtbot: QtBot) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.WizardButton.NextButton
    assert wizard.button(next_button).text() == "&Next >"
    wizard.shop.language.setCurrentIndex(2)  # 简体中文, still on the first page
    try:
        qtbot.waitUntil(lambda: wizard.windowTitle() == "设置 loyalty-desktop")
        assert wizard.button(next_button).text() == "下一步(&N) >"
        assert wizard.button(wizard.WizardButton.CancelButton).text() == "取消"
    finally:
        wizard.shop.language.setCurrentIndex(1)
        qtbot.waitUntil(lambda: wizard.windowTitle() == "Set up loyalty-desktop")
    assert wizard.button(next_button).text() == "&Next >"


def test_a_shared_till_writes_the_machines_settings_which_every_user_then_opens(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOYALTY_CONFIG_DIR", str(tmp_path / "first-user"))
    monkeypatch.setenv("LOYALTY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LOYALTY_MACHINE_CONFIG_DIR", str(tmp_path / "machine"))
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    database = tmp_path / "shared" / "till.db"
    _fill(qtbot, wizard, database, demo=False)
    wizard.data.shared.setChecked(True)
    assert wizard.data.validatePage()

    assert finish(wizard) == str(database.resolve())

    assert machine_settings_path() == tmp_path / "machine" / "settings.json"
    assert json.loads(machine_settings_path().read_text("utf-8"))["database"] == str(
        database.resolve()
    )
    assert not settings_path().exists()  # nothing in the first user's own folder
    monkeypatch.setenv("LOYALTY_CONFIG_DIR", str(tmp_path / "second-user"))
    assert not needs_wizard(None)  # another user of the PC goes straight to the shop
    assert settings_database() == str(database.resolve())
    own = tmp_path / "second-user" / "settings.json"
    own.parent.mkdir()
    own.write_text(json.dumps({"database": str(tmp_path / "own.db")}), encoding="utf-8")
    assert settings_database() == str(tmp_path / "own.db")  # a user's own settings win


def test_a_shared_till_is_refused_with_a_reason_when_the_machine_folder_cannot_be_written(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")  # a file where the folder would be: never writable
    monkeypatch.setenv("LOYALTY_MACHINE_CONFIG_DIR", str(blocker / "loyalty-desktop"))
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    _fill(qtbot, wizard, tmp_path / "till.db", demo=False)
    wizard.data.shared.setChecked(True)

    assert not wizard.data.validatePage()
    assert "administrator" in wizard.data.message.text()
    wizard.data.shared.setChecked(False)
    assert wizard.data.validatePage()
    assert wizard.data.message.text() == ""


@pytest.mark.parametrize(
    "damaged", ["{}", '{"database": ""}', '{"database": 5}', '{"language": "en"}']
)
def test_a_users_settings_file_naming_no_database_does_not_hide_the_shared_till(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damaged: str
) -> None:
    """A damaged file counts as none: here the machine's shop is opened, not a new empty one."""
    monkeypatch.setenv("LOYALTY_CONFIG_DIR", str(tmp_path / "user"))
    monkeypatch.setenv("LOYALTY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LOYALTY_MACHINE_CONFIG_DIR", str(tmp_path / "machine"))
    monkeypatch.delenv("LOYALTY_DB", raising=False)
    for path, body in (
        (machine_settings_path(), json.dumps({"database": str(tmp_path / "shared.db")})),
        (settings_path(), damaged),
    ):
        path.parent.mkdir(parents=True)
        path.write_text(body, encoding="utf-8")

    assert settings_database() == str(tmp_path / "shared.db")
    assert _with_shop([]) == ["--db", str(tmp_path / "shared.db")]


def test_the_settings_file_is_never_written_through_a_planted_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone who can write the machine folder plants settings.json.new -> a file of the admin's."""
    monkeypatch.setenv("LOYALTY_MACHINE_CONFIG_DIR", str(tmp_path / "machine"))
    victim = tmp_path / "admins-file.txt"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / "machine").mkdir()
    (tmp_path / "machine" / "settings.json.new").symlink_to(victim)
    setup = ShopSetup("Shop", "CNY", "Asia/Shanghai", "", "boss", "1234", False, tmp_path / "a.db")

    written = write_settings(replace(setup, shared=True))

    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not written.is_symlink()
    assert json.loads(written.read_text(encoding="utf-8"))["database"] == str(tmp_path / "a.db")


def test_a_settings_folder_that_cannot_be_written_stops_before_the_shop_is_made(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Else the shop is made, the settings fail, and Finish again is refused: 'staff exist'."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("LOYALTY_CONFIG_DIR", str(blocker / "config"))
    monkeypatch.setenv("LOYALTY_DATA_DIR", str(tmp_path / "data"))
    told: list[str] = []
    monkeypatch.setattr(
        "loyalty_desktop.ui.first_start_run.QMessageBox.warning",
        lambda parent, title, text: told.append(text),
    )
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    database = tmp_path / "shop" / "corner.db"
    _fill(qtbot, wizard, database, demo=False)

    assert finish(wizard) is None
    assert len(told) == 1
    assert not database.exists()  # nothing made: Finish can be pressed again
    monkeypatch.setenv("LOYALTY_CONFIG_DIR", str(tmp_path / "config"))
    assert finish(wizard) == str(database.resolve())
    assert told == told[:1]
