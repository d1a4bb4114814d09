"""A till restored from a backup and not synced since says so where the cashier is refused.

services/restored_till.py refuses enrolling, card reprints, paying with points and refunds
until the till's first pass; the screens show why, in the till's language.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import checkout, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.restored_till import mark_restored
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.preferences import TillPreferences
from tests.ui.conftest import MEMBER_NO, signed_in

SAID = {
    "en": "restored from a backup and has not synced",
    "zh_CN": "本机已从备份恢复，之后尚未与总部服务器同步",
}


def _restored(opened: Opened) -> None:
    """Connected, and just restored (backups.restore_backup marks the file so)."""
    shop = opened.shop
    checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S-9", MEMBER_NO, total="100.00"))
    sync.connect(shop, LOCAL_ADMIN, "https://hq.example", "t0ken", "store-7")
    with shop.uow() as uow:
        mark_restored(uow, shop.clock.now())
        uow.commit()


def _look(window: MainWindow, name: str) -> None:
    """Save the window's picture when LOYALTY_SHOTS names a folder (to look at by eye)."""
    folder = os.environ.get("LOYALTY_SHOTS")
    if folder:
        window.grab().save(os.path.join(folder, f"{name}.png"))


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_refund_and_enrolment_screens_say_the_till_must_sync_first(
    qtbot: QtBot, staffed: Opened, language: str
) -> None:
    _restored(staffed)
    window = MainWindow(staffed.shop, preferences=TillPreferences(language=language))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.sign_in)
    till = signed_in(qtbot, window, "Ada")

    till.open_enrolment()
    form = till.enrolment
    form.name.setText("新会员")
    form.submit()
    qtbot.waitUntil(lambda: SAID[language] in form.message.text())
    _look(window, f"restored_enrol_{language}")
    till.close_enrolment()

    window.open_refunds()
    screen = window.refunds
    assert screen is not None
    screen.sale.setText("S-9")
    screen.amount.setText("10.00")
    qtbot.keyClick(screen.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: SAID[language] in screen.message.text())
    _look(window, f"restored_refund_{language}")
    window.close_refunds()
    with staffed.shop.uow(write=False) as uow:  # nothing was enrolled or refunded
        assert [m.name for m in uow.members.active()] == ["王芳"]
        assert uow.sales.get("S-9").refunded_net == 0
    window.tasks.wait()
    window.close()
