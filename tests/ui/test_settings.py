"""This till's settings (F10): the language switches at once, a cashier changes only the language."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.preferences import TillPreferences, load_preferences, save_preferences
from tests.ui.conftest import MEMBER_NO, signed_in


def _open_settings(qtbot: QtBot, window: MainWindow) -> None:
    assert window.checkout is not None
    qtbot.keyClick(window.checkout.scan, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: window.settings is not None and window.settings.isVisible())


def test_switching_to_chinese_rebuilds_the_screens_in_chinese_and_is_remembered(
    qtbot: QtBot, window: MainWindow
) -> None:
    signed_in(qtbot, window, "Ada")
    _open_settings(qtbot, window)
    screen = window.settings
    assert screen is not None
    screen.language.setCurrentIndex(screen.language.findData("zh_CN"))
    qtbot.keyClick(screen.language, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.settings is None)
    till = window.checkout
    assert till is not None
    assert window.stack.currentWidget() is till
    assert till.complete.text() == "完成结账 (F12)"
    assert window.sign_out_button.text() == "退出登录 (Ctrl+L)"
    assert load_preferences().language == "zh_CN"
    # a refusal is worded in Chinese too (the services' reasons follow the locale)
    till.find_member("99999999")
    qtbot.waitUntil(lambda: till.message.text() != "")
    assert not till.message.text().isascii()
    window.sign_out()
    assert window.sign_in.button.text() != "Sign in (Enter)"


def test_the_language_is_not_switched_under_a_sale_in_progress(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = signed_in(qtbot, window, "Ada")
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    _open_settings(qtbot, window)
    screen = window.settings
    assert screen is not None
    screen.language.setCurrentIndex(screen.language.findData("zh_CN"))
    screen.submit()
    assert window.settings is screen  # still open, saying why
    assert "sale in progress" in screen.note.text()
    assert window.checkout is till
    assert till.member is not None
    assert load_preferences().language == ""


def test_a_cashier_may_change_the_language_but_not_the_lock_or_the_printer(
    qtbot: QtBot, window: MainWindow
) -> None:
    save_preferences(TillPreferences(idle_minutes=3, printer="/dev/usb/lp0"))
    window.preferences = load_preferences()
    signed_in(qtbot, window, "Cai")
    _open_settings(qtbot, window)
    screen = window.settings
    assert screen is not None
    assert not screen.idle.isEnabled()
    assert not screen.printer.isEnabled()
    screen.idle.setValue(60)  # even if the field were reached, the cashier's change is dropped
    screen.printer.setText("tcp://10.0.0.9:9100")
    screen.language.setCurrentIndex(screen.language.findData("en"))
    screen.submit()
    qtbot.waitUntil(lambda: window.settings is None)
    kept = load_preferences()
    assert (kept.language, kept.idle_minutes, kept.printer) == ("en", 3, "/dev/usb/lp0")


def test_a_manager_sets_the_idle_lock_and_it_takes_effect(qtbot: QtBot, window: MainWindow) -> None:
    signed_in(qtbot, window, "Ada")
    _open_settings(qtbot, window)
    screen = window.settings
    assert screen is not None
    screen.idle.setValue(2)
    screen.submit()
    qtbot.waitUntil(lambda: window.settings is None)
    assert window.idle.interval() == 2 * 60_000
    assert load_preferences().idle_minutes == 2


def test_every_sale_printing_needs_a_printer(qtbot: QtBot, window: MainWindow) -> None:
    signed_in(qtbot, window, "Ada")
    _open_settings(qtbot, window)
    screen = window.settings
    assert screen is not None
    screen.every_sale.setChecked(True)
    screen.submit()
    assert window.settings is screen
    assert "printer" in screen.note.text()


def test_damaged_settings_fall_back_to_the_defaults() -> None:
    settings = QSettings()
    settings.setValue("till/language", "klingon")
    settings.setValue("till/idle_minutes", "forever")
    settings.setValue("printer/paper", 57)
    settings.setValue("printer/encoding", "ebcdic")
    assert load_preferences() == TillPreferences()


def test_a_printer_target_with_a_control_character_falls_back_to_no_printer() -> None:
    settings = QSettings()
    for damaged in ("/dev/usb/lp0\x00", "COM3\r\nLPT1", "tcp://printer\u2028:9100", "lp\x1b0"):
        settings.setValue("printer/target", damaged)
        assert load_preferences().printer == "", repr(damaged)
    settings.setValue("printer/target", "  C:\\Shop Receipts\\till 2.bin ")
    assert load_preferences().printer == "C:\\Shop Receipts\\till 2.bin"
