"""Rewards at the till: listed with Alt+N, taken and given back by key, the one that fits pre-chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import browsing, member_view, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.screens.checkout import CheckoutScreen
from tests.integration.conftest import PROGRAM
from tests.ui.conftest import MEMBER_NO, signed_in
from tests.ui.test_checkout import _line, _scan

COUPONS = """
[[rewards]]
name = "5 off"
points = 200
value = "5.00"

[[rewards]]
name = "Free coffee"
points = 100
sku = "COF-1"

[[rewards]]
name = "Cake"
points = 800
value = "20.00"
"""
MORE = """
[[rewards]]
name = "2 off"
points = 100
value = "2.00"
"""


def _till(qtbot: QtBot, window: MainWindow, staffed: Opened, rewards: str) -> CheckoutScreen:
    """The cashier's checkout with the member (500 points) found, under a programme with ``rewards``."""
    programs.load_program(staffed.shop, LOCAL_ADMIN, PROGRAM + rewards, "rewards.toml")
    till = signed_in(qtbot, window)
    _scan(qtbot, till, MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    return till


def _alt(qtbot: QtBot, till: CheckoutScreen, number: int) -> None:
    key = getattr(Qt.Key, f"Key_{number}")
    qtbot.keyClick(till.sku, key, Qt.KeyboardModifier.AltModifier)


def test_the_panel_lists_every_reward_with_its_alt_key(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = _till(qtbot, window, staffed, COUPONS + MORE)
    rows = [row.text() for row in till.panel.reward_rows]
    assert [r.split("]")[0] for r in rows] == ["[Alt+1", "[Alt+2", "[Alt+3", "[Alt+4"]
    assert "5 off" in rows[0]
    assert "−5.00" in rows[0]
    assert "Cake" in rows[2]
    assert "needs 300 more points" in rows[2]  # 800 − 500
    assert not till.panel.reward_rows[2].isEnabled()
    assert all(row.isVisible() for row in till.panel.reward_rows)


def test_alt_1_takes_the_reward_and_the_quote_shows_it_alt_1_again_gives_it_back(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = _till(qtbot, window, staffed, COUPONS + MORE)  # two coupons fit: none pre-chosen
    _line(qtbot, till, "TEA", "2", "30.00")
    qtbot.waitUntil(lambda: till.quoted is not None)
    assert till.quoted is not None
    assert till.quoted.rewards == ()
    _alt(qtbot, till, 1)
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.rewards != ())
    assert [r.name for r in till.quoted.rewards] == ["5 off"]
    assert "5 off −5.00" in till.totals.text()
    assert "55.00" in till.to_pay.text()
    assert "✓" in till.panel.reward_rows[0].text()
    _alt(qtbot, till, 1)
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.rewards == ())
    assert "60.00" in till.to_pay.text()
    assert "✓" not in till.panel.reward_rows[0].text()


def test_an_unaffordable_reward_is_refused_in_the_screen_and_not_taken(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = _till(qtbot, window, staffed, COUPONS + MORE)
    _line(qtbot, till, "TEA", "2", "30.00")
    qtbot.waitUntil(lambda: till.quoted is not None)
    _alt(qtbot, till, 3)  # Cake: 800 points, the member has 500
    assert "Cake needs 800 points" in till.message.text()
    assert till.rewards.names == ()
    assert till.quoted is not None  # the basket's quote stands
    assert till.quoted.rewards == ()
    _alt(qtbot, till, 7)
    assert "No reward on Alt+7" in till.message.text()


def test_a_reward_the_quote_refuses_says_why_in_the_message_line(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = _till(qtbot, window, staffed, COUPONS + MORE)
    _line(qtbot, till, "TEA", "1", "3.00")
    _alt(qtbot, till, 1)  # 5.00 off a 3.00 basket: fine, capped
    _alt(qtbot, till, 4)  # 2.00 off what is left: nothing is
    qtbot.waitUntil(lambda: "nothing is left" in till.message.text())
    assert till.quoted is None
    assert not till.complete.isEnabled()


def test_the_one_reward_that_fits_is_pre_chosen_and_f12_posts_it(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = _till(qtbot, window, staffed, COUPONS)  # 5 off fits; coffee is not in the basket
    assert till.rewards.names == ("5 off",)
    assert "✓" in till.panel.reward_rows[0].text()
    _line(qtbot, till, "TEA", "2", "30.00")
    qtbot.waitUntil(lambda: till.quoted is not None)
    assert till.quoted is not None
    assert [r.name for r in till.quoted.rewards] == ["5 off"]
    sale_no = till.sale_no
    with qtbot.waitSignal(till.completed, timeout=5000) as done:
        qtbot.keyClick(till.sku, Qt.Key.Key_F12)
    result = done.args[0]
    assert result.sale_no == sale_no
    assert [(r.name, r.points, r.value) for r in result.rewards] == [("5 off", 200, 500)]
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
    assert member_view.show_member(staffed.shop, LOCAL_ADMIN, MEMBER_NO).points == 500 - 200 + 55
    assert sale_no in [
        s.sale_no for s in browsing.member_sales(staffed.shop, LOCAL_ADMIN, MEMBER_NO).rows
    ]


def test_alt_1_gives_back_the_pre_chosen_reward_and_it_stays_given_back(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = _till(qtbot, window, staffed, COUPONS)
    _line(qtbot, till, "TEA", "2", "30.00")
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.rewards != ())
    _alt(qtbot, till, 1)
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.rewards == ())
    _line(qtbot, till, "BUN", "1", "6.00")  # another line does not choose it again
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.subtotal == 6600)
    assert till.quoted.rewards == ()
    assert till.rewards.names == ()


def test_a_second_fitting_reward_ends_the_pre_choice(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = _till(qtbot, window, staffed, COUPONS)
    assert till.rewards.names == ("5 off",)
    _line(qtbot, till, "COF-1", "1", "12.00")  # now the coffee fits too: the cashier chooses
    qtbot.waitUntil(lambda: till.quoted is not None)
    assert till.rewards.names == ()
    _alt(qtbot, till, 2)
    qtbot.waitUntil(lambda: till.quoted is not None and till.quoted.rewards != ())
    assert "Free coffee −12.00" in till.totals.text()
    assert "0.00" in till.to_pay.text()


def test_start_over_clears_the_chosen_rewards(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = _till(qtbot, window, staffed, COUPONS + MORE)
    _alt(qtbot, till, 1)
    assert till.rewards.names == ("5 off",)
    qtbot.keyClick(till.sku, Qt.Key.Key_Escape)
    assert till.member is None
    assert till.rewards.names == ()
    assert till.panel.reward_rows == []
    assert till._request().rewards == ()
