"""The back office's Staff and Till rules pages, and what they change at the till."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.errors import SignInFailed
from loyalty_desktop.services import staff, staff_accounts, till_policy
from loyalty_desktop.services.auth import LOCAL_ADMIN, Role
from loyalty_desktop.ui.console.staff_dialogs import AddStaffDialog, PinDialog
from loyalty_desktop.ui.console.staff_page import StaffPage
from loyalty_desktop.ui.console.till_rules_page import TillRulesPage
from loyalty_desktop.ui.main_window import MainWindow
from tests.ui.conftest import MEMBER_NO, PIN, signed_in

WAIT = 15_000  # ms: adding or re-PINning hashes a PIN on the worker, slow on a busy machine


def _staff_page(qtbot: QtBot, window: MainWindow, who: str = "Ada") -> StaffPage:
    signed_in(qtbot, window, who)
    window.toggle_console()
    assert window.console is not None
    page = window.console.open_page("staff")
    assert isinstance(page, StaffPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT)
    return page


def _names(page: StaffPage) -> list[str]:
    return [a.name for a in page.model.accounts]


def test_an_admin_adds_a_manager_with_the_pin_typed_twice(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    page = _staff_page(qtbot, window)
    assert _names(page) == ["Ada", "Cai"]
    assert page.model.data(page.model.index(1, 1)) == "Cashier"
    assert page.model.data(page.model.index(0, 3)) != "Not yet"  # Ada just signed in
    page.add.click()
    dialog = page.dialog
    assert isinstance(dialog, AddStaffDialog)
    assert dialog.role.count() == 3
    dialog.name.setText("Mia")
    dialog.role.setCurrentIndex(dialog.role.findData("manager"))
    dialog.pin.setText("8642")
    dialog.pin_again.setText("8641")
    dialog.ok.click()
    assert dialog.isVisible()  # the PINs differ: the dialog stays, saying so
    assert "differ" in dialog.note.text()
    dialog.pin_again.setText("8642")
    dialog.ok.click()
    qtbot.waitUntil(lambda: "Mia" in _names(page), timeout=WAIT)
    assert "Mia" in page.message.text()
    assert staff.sign_in(staffed.shop, "Mia", "8642").role is Role.MANAGER


def test_a_new_pin_replaces_the_old_one(qtbot: QtBot, window: MainWindow, staffed: Opened) -> None:
    page = _staff_page(qtbot, window)
    page.choose("Cai")
    assert page.new_pin.isEnabled()
    page.new_pin.click()
    dialog = page.dialog
    assert isinstance(dialog, PinDialog)
    dialog.pin.setText("97531")
    dialog.pin_again.setText("97531")
    dialog.ok.click()
    qtbot.waitUntil(lambda: "new PIN" in page.message.text(), timeout=WAIT)
    with pytest.raises(SignInFailed):
        staff.sign_in(staffed.shop, "Cai", PIN)
    assert staff.sign_in(staffed.shop, "Cai", "97531").name == "Cai"


def test_disabling_asks_first_with_cancel_as_the_default_then_stops_the_sign_in(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    page = _staff_page(qtbot, window)
    page.choose("Cai")
    assert page.switch.text() == "Disable"
    page.switch.click()
    question = page.question
    assert isinstance(question, QMessageBox)
    assert question.defaultButton().text() == "Cancel"
    question.defaultButton().click()  # Cancel: nothing changes
    assert staff.sign_in(staffed.shop, "Cai", PIN).name == "Cai"
    page.switch.click()
    question = page.question
    assert question is not None
    disable = question.findChild(QPushButton, "disable")
    disable.click()
    qtbot.waitUntil(lambda: page.model.accounts[1].active is False, timeout=WAIT)
    assert page.model.data(page.model.index(1, 2)) == "Disabled"
    assert page.switch.text() == "Enable"
    with pytest.raises(SignInFailed):
        staff.sign_in(staffed.shop, "Cai", PIN)
    page.switch.click()  # enabling asks nothing
    qtbot.waitUntil(lambda: page.model.accounts[1].active is True, timeout=WAIT)


def test_disabling_oneself_is_refused_on_the_page(qtbot: QtBot, window: MainWindow) -> None:
    page = _staff_page(qtbot, window)
    page.choose("Ada")
    page.switch.click()
    question = page.question
    assert question is not None
    question.findChild(QPushButton, "disable").click()
    qtbot.waitUntil(lambda: "own account" in page.message.text(), timeout=WAIT)
    assert page.model.accounts[0].active


def test_a_manager_is_offered_cashier_accounts_only(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    admin = staff.sign_in(staffed.shop, "Ada", PIN)
    staff.add_staff(staffed.shop, admin, "Mia", "manager", PIN)
    page = _staff_page(qtbot, window, "Mia")
    assert not page.role.isVisible()
    page.choose("Ada")
    assert not page.switch.isEnabled()
    assert not page.new_pin.isEnabled()
    page.choose("Cai")
    assert page.switch.isEnabled()
    page.add.click()
    assert isinstance(page.dialog, AddStaffDialog)
    assert [page.dialog.role.itemData(i) for i in range(page.dialog.role.count())] == ["cashier"]
    page.dialog.reject()


def test_a_till_signed_in_with_an_account_since_disabled_signs_out_at_its_next_step(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = signed_in(qtbot, window, "Cai")
    staff_accounts.disable_staff(staffed.shop, LOCAL_ADMIN, "Cai")
    till.scanned("10000001")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.sign_in, timeout=WAIT)
    assert window.actor is None
    assert "disabled" in window.sign_in.message.text()


def test_an_admin_sets_the_till_rules_and_a_manager_only_reads_them(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    signed_in(qtbot, window, "Ada")
    window.toggle_console()
    assert window.console is not None
    page = window.console.open_page("till_rules")
    assert isinstance(page, TillRulesPage)
    qtbot.waitUntil(lambda: page.refund_limit.text() == "0.00", timeout=WAIT)
    assert page.discount_limit.value() == 100
    page.refund_limit.setText("50")
    page.discount_limit.setValue(10)
    page.save.click()
    qtbot.waitUntil(lambda: page.refund_limit.text() == "50.00", timeout=WAIT)
    rules = till_policy.till_rules(staffed.shop, LOCAL_ADMIN)
    assert (rules.refund_limit, rules.discount_limit) == (5000, 10)
    page.refund_limit.setText("a lot")
    page.save.click()
    qtbot.waitUntil(lambda: page.save.isEnabled(), timeout=WAIT)
    assert page.message.text() != ""
    assert till_policy.till_rules(staffed.shop, LOCAL_ADMIN).refund_limit == 5000


def test_a_manager_reads_the_till_rules_but_cannot_change_them(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till_policy.set_till_rules(staffed.shop, LOCAL_ADMIN, refund_limit="20")
    staff.add_staff(staffed.shop, LOCAL_ADMIN, "Mia", "manager", PIN)
    signed_in(qtbot, window, "Mia")
    window.toggle_console()
    assert window.console is not None
    page = window.console.open_page("till_rules")
    assert isinstance(page, TillRulesPage)
    qtbot.waitUntil(lambda: page.refund_limit.text() == "20.00", timeout=WAIT)
    assert not page.save.isEnabled()
    assert not page.refund_limit.isEnabled()
    assert "admin" in page.message.text()


def test_a_discount_above_the_cashiers_limit_waits_for_a_manager_with_the_basket_kept(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till_policy.set_till_rules(staffed.shop, LOCAL_ADMIN, discount_limit="10")
    till = signed_in(qtbot, window, "Cai")
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None, timeout=WAIT)
    till.sku.setText("TEA")
    till.qty.setText("1")
    till.price.setText("100.00")
    till.add_line()
    qtbot.waitUntil(lambda: till.quoted is not None, timeout=WAIT)
    till.discount.setFocus()
    qtbot.keyClicks(till.discount, "20.00")
    qtbot.waitUntil(lambda: "10%" in till.message.text(), timeout=WAIT)
    assert "manager" in till.message.text()
    assert not till.complete.isEnabled()
    window.sign_out()
    manager = signed_in(qtbot, window, "Ada")
    assert [line.sku for line in manager.basket.lines] == ["TEA"]  # kept for the manager
    qtbot.waitUntil(
        lambda: manager.quoted is not None and manager.quoted.discount == 2000, timeout=WAIT
    )
