"""The first-run wizard speaks the PC's language from its first page, and lets it go when it closes."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from loyalty_desktop.ui.first_start_run import run_first_start
from loyalty_desktop.ui.wizard import FirstRunWizard

TITLE_ZH = "设置 loyalty-desktop"

_OPEN_AND_SAY_TITLES = """
from PySide6.QtWidgets import QApplication
from loyalty_desktop.ui.wizard import FirstRunWizard
app = QApplication([])
wizard = FirstRunWizard()
print(wizard.windowTitle(), wizard.shop.title(), sep="|")
"""


def test_on_a_chinese_pc_the_wizard_opens_in_chinese() -> None:
    """LANG=zh_CN.UTF-8, as a Chinese Debian or Windows sets it: no choice made yet."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANGUAGE"))}
    env.update(LANG="zh_CN.UTF-8", QT_QPA_PLATFORM="offscreen")
    said = subprocess.run(
        [sys.executable, "-c", _OPEN_AND_SAY_TITLES],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert said.stdout.strip().splitlines()[-1] == f"{TITLE_ZH}|您的店铺"


def test_the_wizard_opens_in_the_language_in_force_and_words_refusals_in_it(
    qtbot: QtBot,
) -> None:
    QLocale.setDefault(QLocale("zh_CN"))  # the conftest puts the one it found back
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    try:
        assert wizard.windowTitle() == TITLE_ZH
        assert wizard.shop.language.currentIndex() == 0  # still "the PC's own" language
        wizard.show()
        wizard.shop.name.setText("街角店")
        wizard.next()
        wizard.admin.name.setText("Ada")
        wizard.admin.pin.setText("12")
        wizard.admin.again.setText("12")
        wizard.next()
        assert wizard.currentPage() is wizard.admin
        assert "PIN 码须为" in wizard.admin.message.text()
    finally:
        wizard.release_language()
    assert QCoreApplication.translate("FirstRunWizard", "Set up loyalty-desktop") == (
        "Set up loyalty-desktop"
    )


def test_chinese_chosen_in_the_wizard_words_its_refusals_in_chinese(qtbot: QtBot) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.windowTitle() == "Set up loyalty-desktop"
    wizard.shop.language.setCurrentIndex(2)  # 简体中文
    try:
        qtbot.waitUntil(lambda: wizard.windowTitle() == TITLE_ZH)
        wizard.shop.name.setText("Corner Shop")
        wizard.next()
        wizard.admin.name.setText("Ada")
        wizard.admin.pin.setText("12")
        wizard.next()
        assert "PIN 码须为" in wizard.admin.message.text()
        wizard.shop.language.setCurrentIndex(0)  # back to the PC's own: English here
        qtbot.waitUntil(lambda: wizard.windowTitle() == "Set up loyalty-desktop")
        wizard.next()
        assert wizard.admin.message.text().startswith("a PIN is")
    finally:
        wizard.release_language()


def test_the_wizards_language_is_let_go_when_it_closes(qtbot: QtBot) -> None:
    """Else its Chinese stays installed under the till, which then cannot switch to English."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kept = (app.styleSheet(), app.organizationName(), app.applicationName())
    seen: list[str] = []

    def choose_chinese_then_close() -> None:
        wizard = QApplication.activeModalWidget()
        assert isinstance(wizard, FirstRunWizard)
        wizard.shop.language.setCurrentIndex(2)
        QCoreApplication.processEvents()
        seen.append(wizard.windowTitle())
        wizard.reject()

    QTimer.singleShot(0, choose_chinese_then_close)
    try:
        assert run_first_start() is None
    finally:  # run_first_start dresses the shared test application as the program
        app.setStyleSheet(kept[0])
        app.setOrganizationName(kept[1])
        app.setApplicationName(kept[2])
    assert seen == [TITLE_ZH]
    assert QCoreApplication.translate("FirstRunWizard", "Set up loyalty-desktop") == (
        "Set up loyalty-desktop"
    )
    assert QLocale().name() != "zh_CN"
