"""The member record's "Likely to buy next" tab: items, scores and reasons, asked off the UI thread."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.services import members, products, staff
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import LineRequest, SaleRequest
from loyalty_desktop.services.checkout import checkout
from loyalty_desktop.services.recommendations import RecommendedItem
from loyalty_desktop.ui.console.member_detail import MemberDetailDialog
from loyalty_desktop.ui.tasks import Tasks
from tests.ui.conftest import MEMBER_NO, PIN


@pytest.fixture
def tasks() -> Iterator[Tasks]:
    worker = Tasks()
    yield worker
    worker.wait()


def _history(opened: Opened) -> None:
    shop = opened.shop
    for sku, name in [("TEA", "Green tea"), ("POT", "Tea pot"), ("CUP", "Tea cup")]:
        products.save_product(shop, LOCAL_ADMIN, sku, name=name, price="5.00", category="tea")
    other = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="Bo")).member_no
    tea, pot = LineRequest("TEA", "1", "5.00"), LineRequest("POT", "1", "5.00")
    for day in range(3):
        checkout(shop, LOCAL_ADMIN, SaleRequest(f"T{day}", MEMBER_NO, lines=(tea,)))
        checkout(shop, LOCAL_ADMIN, SaleRequest(f"B{day}", other, lines=(tea, pot)))


def _open(qtbot: QtBot, opened: Opened, tasks: Tasks) -> MemberDetailDialog:
    admin = staff.sign_in(opened.shop, "Ada", PIN)
    detail = MemberDetailDialog(opened.shop, tasks, admin, MEMBER_NO)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitUntil(lambda: detail.suggestions is not None)
    assert detail.suggestions is not None
    detail.suggestions._retry.setInterval(50)  # the shop's first model is built meanwhile
    detail.tabs.setCurrentWidget(detail.suggestions)
    return detail


def test_the_record_lists_what_the_member_will_likely_buy_with_score_and_reason(
    qtbot: QtBot, staffed: Opened, tasks: Tasks
) -> None:
    _history(staffed)
    detail = _open(qtbot, staffed, tasks)
    shown = detail.suggestions
    assert shown is not None
    qtbot.waitUntil(lambda: not shown.provisional and shown.model.rowCount() >= 2, timeout=20_000)
    titles = [detail.tabs.tabText(i) for i in range(detail.tabs.count())]
    assert "Likely to buy next" in titles
    model = shown.model
    first = [model.index(0, c).data() for c in range(4)]
    assert first[0:2] == ["Green tea", "TEA"]
    assert first[3] == "they often buy it"
    rows = {model.index(r, 1).data(): model.index(r, 3).data() for r in range(model.rowCount())}
    assert rows["POT"] == "popular in the shop"  # one day of purchases: nothing "goes with" yet
    with_tea = RecommendedItem("CUP", "Tea cup", 0.4, "", "with", "Green tea")
    assert shown.reason(with_tea) == "often bought with Green tea"
    in_tea = RecommendedItem("CUP", "Tea cup", 0.4, "", "category", "tea")
    assert shown.reason(in_tea) == "popular in tea"
    assert float(first[2]) > float(model.index(1, 2).data())
    assert shown.note.text().startswith("Best first")


def test_a_member_of_a_shop_without_sales_is_told_there_is_nothing_yet(
    qtbot: QtBot, staffed: Opened, tasks: Tasks
) -> None:
    detail = _open(qtbot, staffed, tasks)
    shown = detail.suggestions
    assert shown is not None
    qtbot.waitUntil(lambda: "Nothing to suggest yet" in shown.note.text(), timeout=20_000)
    assert shown.model.rowCount() == 0
