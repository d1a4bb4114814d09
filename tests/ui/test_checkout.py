"""A member checkout from the keyboard: scan, ring up, pay with points, complete once; refusals in the screen."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import browsing, member_view, members, products, programs, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.screens.checkout import CheckoutScreen
from tests.integration.conftest import PROGRAM
from tests.ui.conftest import MEMBER_NO, signed_in
from tests.unit.ui.test_scanner import scan


def _scan(qtbot: QtBot, till: CheckoutScreen, code: str) -> None:
    """A keyboard-wedge scanner: the code's characters, then Enter, into the focused scan box."""
    till.scan.setFocus()
    qtbot.keyClicks(till.scan, code)
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)


def _line(qtbot: QtBot, till: CheckoutScreen, sku: str, qty: str, price: str) -> None:
    till.sku.setFocus()
    qtbot.keyClicks(till.sku, sku)
    qtbot.keyClick(till.sku, Qt.Key.Key_Return)
    till.qty.selectAll()
    qtbot.keyClicks(till.qty, qty)
    qtbot.keyClick(till.qty, Qt.Key.Key_Return)
    qtbot.keyClicks(till.price, price)
    qtbot.keyClick(till.price, Qt.Key.Key_Return)


def test_a_scanned_card_checkout_with_points_posts_one_sale_and_moves_the_ledger(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    shop = staffed.shop
    card = members.member_card(shop, LOCAL_ADMIN, MEMBER_NO, deliver=lambda _m, code, _s: code)
    till = signed_in(qtbot, window)
    _scan(qtbot, till, card)
    qtbot.waitUntil(lambda: till.member is not None)
    assert MEMBER_NO in till.panel.who.text()
    assert till.panel.points.text().startswith("500")
    _line(qtbot, till, "TEA", "2", "30.00")
    _line(qtbot, till, "CUP", "1", "40.00")
    qtbot.waitUntil(lambda: till.quoted is not None)
    assert "100.00" in till.to_pay.text()
    qtbot.keyClick(till.sku, Qt.Key.Key_F9)  # use points: 500 points pay 5.00
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.redeemed == 500)
    assert "95.00" in till.to_pay.text()
    assert "Earns 95 points" in till.earn.text()
    sale_no = till.sale_no
    qtbot.keyClick(till.sku, Qt.Key.Key_F12)
    qtbot.keyClick(till.sku, Qt.Key.Key_F12)  # a double press posts nothing more
    with qtbot.waitSignal(till.completed, timeout=5000) as done:
        pass
    result = done.args[0] if done.args else None
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert result is not None
    assert result.sale_no == sale_no
    assert f"Sale {sale_no} done" in till.message.text()
    assert till.member is None
    assert not till.basket.lines
    view = member_view.show_member(shop, LOCAL_ADMIN, MEMBER_NO)
    assert view.points == 500 - 500 + 95
    sales = browsing.member_sales(shop, LOCAL_ADMIN, MEMBER_NO).rows
    assert [s.sale_no for s in sales].count(sale_no) == 1


def test_an_invalid_card_is_said_in_the_screen_and_nothing_is_attached(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = signed_in(qtbot, window)
    _scan(qtbot, till, "LD1.1.10000001.AAAAAAAAAAAAAAAAAAAAAA")
    qtbot.waitUntil(lambda: till.message.text() != "")
    assert till.member is None
    assert "card" in till.message.text().lower()
    assert not till.complete.isEnabled()


def test_a_phone_tail_shared_by_members_gives_a_pick_list(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    shop = staffed.shop
    for number, phone in (("20000001", "13800005678"), ("20000002", "13900005678")):
        members.enrol(
            shop, LOCAL_ADMIN, members.NewMember(name="李", member_no=number, phone=phone)
        )
    till = signed_in(qtbot, window)
    _scan(qtbot, till, "5678")
    qtbot.waitUntil(lambda: till.picks.isVisible())
    assert till.picks.count() == 2
    assert "****" in till.picks.item(0).text()  # phones masked over the counter
    qtbot.keyClick(till.picks, Qt.Key.Key_Down)
    qtbot.keyClick(till.picks, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: till.member is not None)
    assert till.member is not None
    assert till.member.member_no == "20000002"


def test_an_unknown_phone_is_enrolled_inline_and_attached_to_the_basket(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = signed_in(qtbot, window)
    _line(qtbot, till, "TEA", "1", "20.00")
    _scan(qtbot, till, "13712345678")
    qtbot.waitUntil(lambda: "F4" in till.message.text())
    assert till.member is None
    qtbot.keyClick(till.scan, Qt.Key.Key_F4)
    form = till.enrolment
    assert form.phone.text() == "13712345678"  # the typed number, not typed again
    assert not form.consent.isChecked()  # marketing consent is opt-in
    form.name.setText("陈静")  # typed through an input method, not key presses
    form.birthday.setText("1990-02-30")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert form.message.text() != ""  # a date that does not exist: said, nothing enrolled
    form.birthday.setText("1990-02-28")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: till.member is not None)
    assert till.member is not None
    assert till.member.name == "陈静"
    assert till.member.consent is False
    assert not form.card.pixmap().isNull()  # the QR card is on screen
    assert [line.sku for line in till.basket.lines] == ["TEA"]  # the basket survived
    found = browsing.search_members(staffed.shop, LOCAL_ADMIN, "13712345678")
    assert [row.member_no for row in found] == [till.member.member_no]


def test_a_card_scanned_with_focus_on_a_button_attaches_the_member_and_presses_nothing(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    card = members.member_card(
        staffed.shop, LOCAL_ADMIN, MEMBER_NO, deliver=lambda _m, code, _s: code
    )
    till = signed_in(qtbot, window)
    pressed: list[bool] = []
    till.use_all.clicked.connect(lambda: pressed.append(True))
    till.use_all.setFocus()
    scan(till.use_all, card)  # 10 ms a character, then Enter, at the focused button
    qtbot.waitUntil(lambda: till.member is not None)
    assert till.member is not None
    assert till.member.member_no == MEMBER_NO
    assert pressed == []
    assert till.scan.text() == ""
    assert till.sku.text() == ""


def test_a_product_barcode_scanned_in_the_item_field_adds_the_line_at_its_price(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    products.save_product(
        staffed.shop,
        LOCAL_ADMIN,
        "TEA-500",
        name="Green tea 500 g",
        price="38.00",
        category="tea",
        barcode="6901234567892",
    )
    till = signed_in(qtbot, window)
    _scan(qtbot, till, MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    till.sku.setFocus()
    scan(till.sku, "6901234567892", start=50_000)  # a scanner, into the item field
    qtbot.waitUntil(lambda: len(till.basket.lines) == 1)
    line = till.basket.lines[0]
    assert (line.sku, line.quantity, line.unit_price, line.category) == (
        "TEA-500",
        "1",
        "38.00",
        "tea",
    )
    assert "Green tea" in till.basket.data(till.basket.index(0, 0))
    assert till.member is not None  # the barcode was not taken for a member card
    assert till.member.member_no == MEMBER_NO
    qtbot.waitUntil(lambda: till.quoted is not None)
    assert "38.00" in till.to_pay.text()


def test_after_a_sale_the_idle_till_checkpoints_the_log_itself(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    """The sale's commit leaves SQLite's checkpoint to the idle moment after it."""
    assert staffed.path is not None
    window.tidy.setInterval(50)
    till = signed_in(qtbot, window)
    _scan(qtbot, till, MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    till.sku.setText("TEA")
    till.price.setText("20.00")
    till.add_line()
    qtbot.waitUntil(lambda: till.quoted is not None)
    with qtbot.waitSignal(till.completed, timeout=5000):
        till.complete_sale()
    in_file = hashlib.sha256(staffed.path.read_bytes()).hexdigest()  # the sale is in the log only
    qtbot.waitUntil(lambda: hashlib.sha256(staffed.path.read_bytes()).hexdigest() != in_file)


def test_f9_uses_as_many_points_as_the_programme_allows_not_more(
    qtbot: QtBot, window: MainWindow
) -> None:
    """500 points (5.00) on an 8.00 basket where points may pay half: F9 uses 400."""
    till = signed_in(qtbot, window)
    _scan(qtbot, till, MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    till.sku.setText("GUM")
    till.price.setText("8.00")
    till.add_line()
    qtbot.waitUntil(lambda: till.quoted is not None)
    qtbot.keyClick(till.sku, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.redeemed > 0)
    assert till.redeem.value() == 400
    assert "4.00" in till.to_pay.text()


def test_an_order_discount_typed_at_the_till_is_quoted_and_posted(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = signed_in(qtbot, window)
    _scan(qtbot, till, MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    _line(qtbot, till, "TEA", "2", "30.00")
    qtbot.waitUntil(lambda: till.quoted is not None)
    qtbot.keyClick(till.sku, Qt.Key.Key_F6)
    assert till.discount.hasFocus()
    qtbot.keyClicks(till.discount, "10.00")
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.discount == 1000)
    assert "50.00" in till.to_pay.text()
    assert "Discount −10.00" in till.totals.text()
    qtbot.keyClick(till.discount, Qt.Key.Key_F12)
    with qtbot.waitSignal(till.completed, timeout=5000) as done:
        pass
    assert done.args[0].paid == 5000
    assert till.discount.text() == ""  # the next customer starts without it


def test_a_discount_larger_than_the_basket_is_refused_in_the_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = signed_in(qtbot, window)
    _scan(qtbot, till, MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    _line(qtbot, till, "TEA", "1", "30.00")
    qtbot.waitUntil(lambda: till.quoted is not None)
    till.discount.setFocus()
    qtbot.keyClicks(till.discount, "31.00")
    qtbot.waitUntil(lambda: "more than the basket" in till.message.text())
    assert not till.complete.isEnabled()


def test_f5_takes_money_off_the_last_line_and_the_quote_follows(
    qtbot: QtBot, window: MainWindow
) -> None:
    till = signed_in(qtbot, window)
    _scan(qtbot, till, MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    _line(qtbot, till, "TEA", "2", "30.00")
    _line(qtbot, till, "CUP", "1", "40.00")
    qtbot.keyClick(till.sku, Qt.Key.Key_F5)
    assert till.line_off.hasFocus()
    qtbot.keyClicks(till.line_off, "4.50")
    qtbot.keyClick(till.line_off, Qt.Key.Key_Return)
    assert till.sku.hasFocus()  # back to scanning
    assert till.basket.lines[1].discount == "4.50"
    assert till.basket.lines[0].discount is None
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.subtotal == 9550)
    assert "95.50" in till.to_pay.text()
    till.line_off.setFocus()
    qtbot.keyClicks(till.line_off, "41")  # more than the 40.00 cup: refused in the screen
    qtbot.keyClick(till.line_off, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "more than the line" in till.message.text())
    assert not till.complete.isEnabled()


OFFERS = """
[[tiers.levels]]
name = "Silver"
threshold = "0"
[[tiers.levels]]
name = "Gold"
threshold = "100000"

[[campaigns]]
name = "Tea week"
start = "2000-01-01"
end = "2099-12-31"
multiplier = "3"
categories = ["Tea"]

[[campaigns]]
name = "Gold evening"
start = "2000-01-01"
end = "2099-12-31"
bonus = 50
tiers = ["Gold"]

[[campaigns]]
name = "Last year's sale"
start = "2000-01-01"
end = "2000-12-31"
multiplier = "2"
"""


def test_the_member_panel_lists_the_campaigns_on_for_this_member_today(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    programs.load_program(staffed.shop, LOCAL_ADMIN, PROGRAM + OFFERS, "offers")
    till = signed_in(qtbot, window)
    _scan(qtbot, till, MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    shown = till.panel.offers.text()
    assert "Tea week — ×3 points on Tea" in shown
    assert "Gold evening" not in shown  # the member is Silver
    assert "Last year" not in shown
    till.start_over()
    assert till.panel.offers.text() == ""


def test_points_the_chain_refuses_are_said_in_the_payment_area_and_f12_sells_without_them(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    shop = staffed.shop
    # connected, but the server is not there and nothing was ever received: offline rules
    sync.connect(shop, LOCAL_ADMIN, "http://127.0.0.1:9", "t0ken", "store-1")
    with staffed.engine.begin() as conn:  # the member's points reached the server long ago
        conn.exec_driver_sql("update outbox set sent_at = at")
    card = members.member_card(shop, LOCAL_ADMIN, MEMBER_NO, deliver=lambda _m, code, _s: code)
    till = signed_in(qtbot, window)
    _scan(qtbot, till, card)
    qtbot.waitUntil(lambda: till.member is not None)
    _line(qtbot, till, "TEA", "2", "30.00")
    qtbot.keyClick(till.sku, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.redeemed > 0)
    qtbot.keyClick(till.sku, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: "without points" in till.message.text())
    assert "received in the last 24 hours" in till.message.text()
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.redeemed == 0)
    assert till.redeem.value() == 0
    assert "without points" in till.message.text()  # the new total keeps the reason in view
    assert "60.00" in till.to_pay.text()
    qtbot.keyClick(till.sku, Qt.Key.Key_F12)
    with qtbot.waitSignal(till.completed, timeout=5000) as done:
        pass
    assert done.args[0].redeemed == 0
    assert member_view.show_member(shop, LOCAL_ADMIN, MEMBER_NO).points == 500 + 60
