"""A coupon at the till: scanned where the card goes, checked, applied by F12 once, refused with its reason."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.cards import luhn_digit
from loyalty_desktop.services import members, offers
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.preferences import TillPreferences
from tests.integration.test_receipt_coupons import _scanned
from tests.ui.conftest import signed_in
from tests.ui.test_checkout import _line, _scan

FAN = "20000002"


def offer_text(kind: str = 'kind = "money_off"\namount = "10.00"') -> str:
    """A month-long offer for member 20000002 alone, no control group."""
    today = date.today()
    return (
        f'name = "Welcome back"\n{kind}\nstart = "{today - timedelta(days=1)}"\n'
        f'end = "{today + timedelta(days=30)}"\ncontrol_share = "0"\n'
        f'[audience]\nmembers = ["{FAN}"]\n'
    )


def coupon_for_fan(staffed: Opened) -> str:
    """Enrol the consenting member 20000002, give them the offer; their coupon code."""
    shop = staffed.shop
    members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="李雷", member_no=FAN, consent=True))
    offer = offers.create_offer(shop, LOCAL_ADMIN, offer_text(), "welcome.toml")
    offers.issue_offer(shop, LOCAL_ADMIN, offer.id)
    return offers.coupon_list(shop, LOCAL_ADMIN, offer.id)[0].code


def test_a_scanned_coupon_is_checked_applied_by_f12_and_refused_the_second_time(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    code = coupon_for_fan(staffed)
    till = signed_in(qtbot, window)
    _scan(qtbot, till, code)
    assert "member's card before their coupon" in till.message.text()
    _scan(qtbot, till, FAN)
    qtbot.waitUntil(lambda: till.member is not None)
    _line(qtbot, till, "TEA", "2", "30.00")
    _scan(qtbot, till, code)
    qtbot.waitUntil(lambda: till.coupon.code is not None)
    assert "Welcome back" in till.coupon.line.text()
    assert "10.00 off" in till.coupon.line.text()
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.coupon is not None)
    assert "Coupon −10.00" in till.totals.text()
    assert "To pay 50.00" in till.to_pay.text()
    qtbot.keyClick(till.sku, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: "done" in till.message.text())
    assert till.coupon.code is None
    with staffed.shop.uow(write=False) as uow:
        used = uow.offers.coupon_of_sale(uow.sales.of_member(
            members_id(staffed))[0].sale_no)  # fmt: skip
    assert used is not None
    assert used.money_off == 1000

    _scan(qtbot, till, FAN)
    qtbot.waitUntil(lambda: till.member is not None)
    _scan(qtbot, till, code)
    qtbot.waitUntil(lambda: "refused" in till.message.text())
    assert "already used" in till.message.text()
    assert till.coupon.code is None


def members_id(staffed: Opened) -> str:
    """Member 20000002's id."""
    with staffed.shop.uow(write=False) as uow:
        found = uow.members.by_number(FAN)
    assert found is not None
    return found.id


def test_someone_elses_and_forged_coupons_are_refused_and_alt_0_removes_one(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    code = coupon_for_fan(staffed)
    till = signed_in(qtbot, window)
    _scan(qtbot, till, "10000001")  # not the coupon's member
    qtbot.waitUntil(lambda: till.member is not None)
    _scan(qtbot, till, code)
    qtbot.waitUntil(lambda: "refused" in till.message.text())
    assert "another member" in till.message.text()
    misread = code[:-1] + str((int(code[-1]) + 1) % 10)
    till.message.clear()
    _scan(qtbot, till, misread)
    qtbot.waitUntil(lambda: "refused" in till.message.text())
    assert "misread" in till.message.text()
    body = code[:-11] + "0000000000"
    till.message.clear()
    _scan(qtbot, till, body + luhn_digit(body))
    qtbot.waitUntil(lambda: "refused" in till.message.text())
    assert "not issued by this shop" in till.message.text()
    assert till.coupon.code is None
    _scan(qtbot, till, FAN)
    qtbot.waitUntil(lambda: till.member is not None and till.member.member_no == FAN)
    _scan(qtbot, till, code)
    qtbot.waitUntil(lambda: till.coupon.code is not None)
    qtbot.keyClick(till.sku, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    assert till.coupon.code is None
    assert "removed" in till.message.text()


def test_the_members_coupon_on_file_is_shown_and_alt_0_takes_it_and_gives_it_back(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    coupon_for_fan(staffed)
    till = signed_in(qtbot, window)
    _scan(qtbot, till, FAN)
    qtbot.waitUntil(lambda: "on file" in till.coupon.line.text())
    assert "Welcome back" in till.coupon.line.text()
    _line(qtbot, till, "TEA", "1", "30.00")
    qtbot.keyClick(till.sku, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.coupon is not None)
    assert "To pay 20.00" in till.to_pay.text()
    qtbot.keyClick(till.sku, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    assert till.coupon.code is None
    assert "on file" in till.coupon.line.text()
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.coupon is None)
    _scan(qtbot, till, "10000001")  # another member: their own coupons, none here
    qtbot.waitUntil(lambda: till.member is not None and till.member.member_no == "10000001")
    assert not till.coupon.line.isVisible()


def test_a_coupon_checked_for_a_customer_who_has_gone_is_not_put_on_the_next_basket(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    """The check runs on the worker; Esc (new customer) before it answers leaves the next basket clean."""
    code = coupon_for_fan(staffed)
    till = signed_in(qtbot, window)
    _scan(qtbot, till, FAN)
    qtbot.waitUntil(lambda: till.member is not None)
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    till.coupon.take(code, FAN)  # the check is on its way...
    till.coupon.drop(quiet=True)  # ...and the customer is gone (what a new customer does)
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    qtbot.wait(50)  # the answer's callback runs on the GUI thread
    assert till.coupon.code is None
    assert not till.coupon.line.isVisible()


def test_the_receipt_printed_at_the_till_carries_the_members_coupon_as_a_qr_that_scans(
    qtbot: QtBot, window: MainWindow, staffed: Opened, tmp_path: Path
) -> None:
    code = coupon_for_fan(staffed)
    printer = tmp_path / "printer.bin"
    window.preferences = TillPreferences(printer=str(printer), paper=58, encoding="gb18030")
    till = signed_in(qtbot, window)
    _scan(qtbot, till, FAN)
    qtbot.waitUntil(lambda: till.member is not None)
    _line(qtbot, till, "TEA", "1", "30.00")
    qtbot.waitUntil(lambda: till.quoted is not None)
    qtbot.keyClick(till.sku, Qt.Key.Key_F12)  # sold without the coupon: it goes home on paper
    qtbot.waitUntil(lambda: till.receipts.view.receipt is not None)
    assert "Welcome back" in till.receipts.view.text.toPlainText()
    till.receipts.print_receipt()
    qtbot.waitUntil(lambda: "Printed" in till.receipts.view.status.text())
    assert _scanned(printer.read_bytes()) == [code]
