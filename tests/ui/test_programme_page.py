"""The back office's programme page: edit, see a refusal beside the field, preview, save a new version."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.services import programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.ui.console.programme_page import ProgrammePage
from loyalty_desktop.ui.main_window import MainWindow
from tests.ui.conftest import signed_in

TIERED = """
currency = "CNY"
timezone = "Asia/Shanghai"
[earn]
points = 1
per = "1.00"
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Silver"
threshold = "1000"
discount_pct = "2"
earn_multiplier = "1.5"
"""


@pytest.fixture
def page(qtbot: QtBot, window: MainWindow, staffed: Opened) -> ProgrammePage:
    programs.load_program(staffed.shop, LOCAL_ADMIN, TIERED, "tiered.toml")
    signed_in(qtbot, window, "Ada")
    window.toggle_console()
    assert window.console is not None
    shown = window.console.open_page("programme")
    assert isinstance(shown, ProgrammePage)
    qtbot.waitUntil(lambda: shown.in_force is not None)
    qtbot.waitUntil(lambda: "earns" in shown.preview.result.text())
    return shown


def _edit(page: ProgrammePage, row: int, key: str, value: str) -> None:
    model = page.editor.tiers.model
    model.setData(model.index(row, model.column_of(key)), value, Qt.ItemDataRole.EditRole)


def test_a_bad_threshold_is_refused_beside_its_cell_and_saving_is_off(page: ProgrammePage) -> None:
    _edit(page, 1, "threshold", "lots")
    assert not page.save.isEnabled()
    error = page.editor.tiers.error
    assert not error.isHidden()
    assert "Row 2" in error.text()
    assert "Threshold" in error.text()
    assert "not a number" in error.text()
    model = page.editor.tiers.model
    cell = model.index(1, model.column_of("threshold"))
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole) is not None
    _edit(page, 1, "threshold", "800")
    assert error.isHidden()
    assert page.save.isEnabled()


def test_a_bad_earning_rate_is_refused_under_its_field(qtbot: QtBot, page: ProgrammePage) -> None:
    per = page.editor.earning.fields["earn.per"].editor
    per.clear()
    qtbot.keyClicks(per, "0")
    qtbot.waitUntil(lambda: per.text() == "0")  # the scanner's listener holds keys back a moment
    assert "more than 0" in page.editor.earning.error_text("earn.per"), page.status.text()
    assert not page.save.isEnabled()
    assert "Fix the marked field" in page.preview.result.text()


def test_the_preview_follows_the_edits_and_saving_makes_a_new_version_in_force(
    qtbot: QtBot, page: ProgrammePage, staffed: Opened
) -> None:
    page.preview.tier.setCurrentIndex(page.preview.tier.findData("Silver"))
    qtbot.waitUntil(lambda: "earns 147 points" in page.preview.result.text())  # 98.00 × 1.5
    _edit(page, 1, "earn_multiplier", "2")
    qtbot.waitUntil(lambda: "earns 196 points" in page.preview.result.text())
    before = programs.show_program(staffed.shop, LOCAL_ADMIN).version
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved as version" in page.status.text())
    now = programs.show_program(staffed.shop, LOCAL_ADMIN)
    assert now.version == before + 1
    assert now.program.tiers.level("Silver").earn_multiplier == 2  # type: ignore[union-attr]
    assert not page.save.isEnabled()
    qtbot.waitUntil(lambda: page.versions.rowCount() == before + 1)
    newest = page.versions.versions[0]
    assert (newest.version, newest.loaded_by, newest.in_force) == (now.version, "Ada", True)


def test_a_new_campaign_row_and_a_reward_row_are_saved(qtbot: QtBot, page: ProgrammePage) -> None:
    campaigns = page.editor.campaigns
    campaigns.add_row()
    model = campaigns.model
    for key, value in (("name", "Weekend"), ("weekdays", "sat, sun"), ("tiers", "Silver")):
        model.setData(model.index(0, model.column_of(key)), value, Qt.ItemDataRole.EditRole)
    rewards = page.editor.rewards
    rewards.add_row()
    for key, value in (("name", "Coffee"), ("points", "500")):
        rewards.model.setData(
            rewards.model.index(0, rewards.model.column_of(key)), value, Qt.ItemDataRole.EditRole
        )
    assert "value (a coupon) or a sku" in rewards.error.text()
    rewards.model.setData(
        rewards.model.index(0, rewards.model.column_of("sku")), "COF-1", Qt.ItemDataRole.EditRole
    )
    stock = rewards.model.index(0, rewards.model.column_of("stock"))
    rewards.model.setData(stock, "many", Qt.ItemDataRole.EditRole)
    assert "Stock" in rewards.error.text()
    assert "whole number" in rewards.error.text()
    rewards.model.setData(stock, "", Qt.ItemDataRole.EditRole)
    assert page.save.isEnabled()
    page.save_program()
    qtbot.waitUntil(lambda: "Saved as version" in page.status.text())
    saved = page.in_force
    assert saved is not None
    assert saved.campaigns[0].weekdays == frozenset({5, 6})
    assert saved.rewards[0].sku == "COF-1"
    assert saved.rewards[0].stock is None


def test_import_fills_the_editor_and_export_writes_what_it_shows(
    qtbot: QtBot, page: ProgrammePage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "new.toml"
    source.write_text(TIERED.replace('"1000"', '"1500"'), encoding="utf-8")
    monkeypatch.setattr(page, "ask_open_path", lambda: str(source))
    page.import_file()
    qtbot.waitUntil(lambda: "new.toml" in page.status.text())
    assert page.save.isEnabled()  # read, not yet in force
    out = tmp_path / "out.toml"
    monkeypatch.setattr(page, "ask_save_path", lambda: str(out))
    page.export_file()
    qtbot.waitUntil(out.exists)
    assert parse_program(out.read_text(encoding="utf-8")) == parse_program(source.read_text())


def test_export_never_writes_over_the_database(
    qtbot: QtBot, page: ProgrammePage, staffed: Opened, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = next(f for f in staffed.shop.own_files() if f.suffix == ".db")
    monkeypatch.setattr(page, "ask_save_path", lambda: str(database))
    page.export_file()
    qtbot.waitUntil(lambda: "database" in page.status.text())
    assert database.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Etc/GMT+12"])
def test_the_preview_day_starts_on_the_shops_today_not_the_utc_date(
    qtbot: QtBot, window: MainWindow, staffed: Opened, zone: str
) -> None:
    # UTC+14 and UTC-12: at any hour one of the two is on another date than UTC.
    programs.load_program(
        staffed.shop, LOCAL_ADMIN, TIERED.replace("Asia/Shanghai", zone), "zone.toml"
    )
    signed_in(qtbot, window, "Ada")
    window.toggle_console()
    assert window.console is not None
    shown = window.console.open_page("programme")
    assert isinstance(shown, ProgrammePage)
    qtbot.waitUntil(lambda: shown.in_force is not None)
    today = staffed.shop.clock.now().astimezone(ZoneInfo(zone)).date()
    assert shown.preview.day.date().toString("yyyy-MM-dd") == today.isoformat()


def test_the_score_scale_shows_for_the_score_basis_and_is_saved(
    qtbot: QtBot, page: ProgrammePage, staffed: Opened
) -> None:
    form = page.editor.tier_rule
    spend_full = form.fields["tiers.score.spend_full"].editor
    row = form.row_of("tiers.score.spend_full")
    assert not form.form.isRowVisible(row)  # spend since joining: no score to scale
    basis = form.fields["tiers.basis"].editor
    assert isinstance(basis, QComboBox)
    basis.setCurrentIndex(basis.findData("score"))
    assert form.form.isRowVisible(row)
    assert isinstance(spend_full, QLineEdit)
    spend_full.setText("0")
    page.check()
    assert "more than 0" in form.error_text("tiers.score.spend_full")
    spend_full.setText("5000")
    visits = form.fields["tiers.score.visits_full"].editor
    assert isinstance(visits, QLineEdit)
    visits.setText("12")
    _edit(page, 1, "threshold", "50")  # a score runs from 0 to 100
    page.check()
    assert page.save.isEnabled(), page.status.text()
    assert form.error_text("tiers.score.spend_full") == ""
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            programs.show_program(staffed.shop, LOCAL_ADMIN).program.tiers.basis.value == "score"
        )
    )
    scale = programs.show_program(staffed.shop, LOCAL_ADMIN).program.tiers.score
    assert (scale.spend_full, scale.visits_full) == (5000, 12)


def test_the_lifecycle_thresholds_are_edited_refused_beside_their_field_and_saved(
    qtbot: QtBot, page: ProgrammePage, staffed: Opened
) -> None:
    form = page.editor.lifecycle
    quiet = form.fields["lifecycle.quiet_days"].editor
    lapsed = form.fields["lifecycle.lapsed_days"].editor
    assert isinstance(quiet, QLineEdit)
    assert isinstance(lapsed, QLineEdit)
    assert (quiet.text(), lapsed.text()) == ("90", "180")
    lapsed.setText("60")
    page.check()
    assert "at most 59" in form.error_text("lifecycle.quiet_days"), page.status.text()
    assert not page.save.isEnabled()
    quiet.setText("30")
    page.check()
    assert page.save.isEnabled(), page.status.text()
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: programs.show_program(staffed.shop, LOCAL_ADMIN).program.lifecycle.lapsed_days == 60
    )
    assert programs.show_program(staffed.shop, LOCAL_ADMIN).program.lifecycle.quiet_days == 30
