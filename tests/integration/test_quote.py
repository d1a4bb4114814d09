"""The till's preview: a quote is exactly the sale checkout would post, and posts nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.errors import IdConflict, LoyaltyError
from loyalty_desktop.services import browsing, checkout, member_view, members, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import LineRequest, SaleRequest
from tests.integration.conftest import PROGRAM


@pytest.fixture
def shop(opened: Opened) -> Opened:
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "test")
    members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember(name="王芳", member_no="10000001"))
    checkout.checkout(opened.shop, LOCAL_ADMIN, SaleRequest("S-0", "10000001", total="300.00"))
    return opened


def test_a_quote_matches_the_sale_and_leaves_no_trace(shop: Opened) -> None:
    request = SaleRequest(
        "S-1",
        "10000001",
        lines=(LineRequest("TEA", "2", "30.00"), LineRequest("CUP", "1", "40.00")),
        redeem=200,
    )
    quoted = checkout.quote(shop.shop, LOCAL_ADMIN, request)
    assert member_view.show_member(shop.shop, LOCAL_ADMIN, "10000001").points == 300
    assert len(browsing.member_sales(shop.shop, LOCAL_ADMIN, "10000001").rows) == 1
    posted = checkout.checkout(shop.shop, LOCAL_ADMIN, request)
    same = ("earned", "redeemed", "points", "tier", "subtotal", "net", "points_value", "paid")
    assert {k: getattr(quoted, k) for k in same} == {k: getattr(posted, k) for k in same}
    assert (quoted.paid, quoted.earned, quoted.points) == (9800, 98, 300 - 200 + 98)


def test_a_quote_refuses_what_the_sale_would_refuse(shop: Opened) -> None:
    too_much = SaleRequest("S-2", "10000001", total="10.00", redeem=900)
    with pytest.raises(LoyaltyError, match="can spend 300 points"):
        checkout.quote(shop.shop, LOCAL_ADMIN, too_much)
    with pytest.raises(IdConflict):  # a number already posted is not a new basket
        checkout.quote(shop.shop, LOCAL_ADMIN, replace(too_much, sale_no="S-0", redeem=0))
