"""The till's member panel suggests what the member will likely buy, without holding the till up."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import members, products
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import LineRequest, SaleRequest
from loyalty_desktop.services.checkout import checkout
from loyalty_desktop.services.recommendations import Recommendations, RecommendedItem
from loyalty_desktop.ui.main_window import MainWindow
from tests.ui.conftest import MEMBER_NO, signed_in
from tests.ui.test_checkout import _scan


def _history(opened: Opened) -> None:
    shop = opened.shop
    for sku, name in [("TEA", "Green tea"), ("POT", "Tea pot"), ("CUP", "Tea cup")]:
        products.save_product(shop, LOCAL_ADMIN, sku, name=name, price="5.00")
    other = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="Bo")).member_no
    tea, pot = LineRequest("TEA", "1", "5.00"), LineRequest("POT", "1", "5.00")
    for day in range(3):
        checkout(shop, LOCAL_ADMIN, SaleRequest(f"T{day}", MEMBER_NO, lines=(tea,)))
        checkout(shop, LOCAL_ADMIN, SaleRequest(f"B{day}", other, lines=(tea, pot)))


def test_the_member_panel_suggests_their_items_and_clears_for_the_next_customer(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    _history(staffed)
    till = signed_in(qtbot, window)
    _scan(qtbot, till, MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    qtbot.waitUntil(lambda: till.suggest.text().startswith("Suggest: "), timeout=15_000)
    assert till.suggest.text().startswith("Suggest: Green tea")
    assert "Green tea: you often buy it" in till.suggest.toolTip()
    till.start_over()
    assert till.suggest.text() == ""


def test_a_late_answer_for_another_member_is_dropped(
    qtbot: QtBot, window: MainWindow, staffed: Opened
) -> None:
    till = signed_in(qtbot, window)
    till.suggest.show_for(MEMBER_NO)
    late = Recommendations(
        "99999999", (RecommendedItem("X", "Other", 1.0, "popular", "popular"),), False
    )
    till.suggest._got(late)
    assert till.suggest.text() == ""
    qtbot.waitUntil(lambda: window.tasks.pending == 0)
