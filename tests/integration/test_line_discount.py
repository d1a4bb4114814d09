"""Money off one line: it lowers that line before order and tier discounts, earns nothing, refunds back."""

from __future__ import annotations

import pytest

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.errors import IdConflict, LoyaltyError
from loyalty_desktop.printing.receipt_text import receipt_lines
from loyalty_desktop.services import checkout, members, programs, receipts, refunds
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import LineRequest, SaleRequest
from loyalty_desktop.services.refunds import RefundRequest
from tests.integration.conftest import PROGRAM


@pytest.fixture
def shop(opened: Opened) -> Opened:
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "test")
    members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember(name="王芳", member_no="10000001"))
    return opened


def _sale(number: str, *lines: LineRequest, discount: str | None = None) -> SaleRequest:
    return SaleRequest(number, "10000001", lines=lines, discount=discount)


def test_a_line_discount_lowers_that_line_and_what_it_earns(shop: Opened) -> None:
    done = checkout.checkout(
        shop.shop,
        LOCAL_ADMIN,
        _sale("S-1", LineRequest("TEA", "2", "30.00", None, "5.00"), LineRequest("CUP", "1", "40")),
    )
    assert done.subtotal == 9500  # 60.00 − 5.00 + 40.00
    assert done.paid == 9500
    assert done.earned == 95


def test_order_discount_spreads_over_lines_after_their_own_discounts(shop: Opened) -> None:
    request = _sale(
        "S-1",
        LineRequest("TEA", "1", "50.00", None, "10.00"),
        LineRequest("CUP", "1", "40.00"),
        discount="8.00",
    )
    done = checkout.checkout(shop.shop, LOCAL_ADMIN, request)
    assert (done.subtotal, done.discount, done.paid) == (8000, 800, 7200)
    # returning the discounted tea gives back what was paid for it: 40.00 less its half
    # of the order discount (4.00), not its shelf price
    back = refunds.refund(
        shop.shop, LOCAL_ADMIN, RefundRequest("R-1", "S-1", lines=(("TEA", "1"),))
    )
    assert back.amount == 3600


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (LineRequest("TEA", "1", "30.00", None, "30.01"), "line_discount_exceeds_line"),
        (LineRequest("TEA", "-1", "30.00", None, "1.00"), "line_discount_on_return"),
        (LineRequest("TEA", "1", "30.00", None, "-1.00"), "amount_negative"),
        (LineRequest("TEA", "1", "30.00", None, "1.001"), "amount_too_precise"),
    ],
)
def test_impossible_line_discounts_are_refused_and_nothing_is_posted(
    shop: Opened, line: LineRequest, reason: str
) -> None:
    lines = (line, LineRequest("CUP", "1", "40.00")) if line.quantity.startswith("-") else (line,)
    with pytest.raises(LoyaltyError) as refused:
        checkout.checkout(shop.shop, LOCAL_ADMIN, _sale("S-1", *lines))
    assert refused.value.reason == reason
    assert refused.value.details.get("line") == 1
    # the sale number was not used up by the refusal
    checkout.checkout(shop.shop, LOCAL_ADMIN, _sale("S-1", LineRequest("TEA", "1", "30")))


def test_the_same_sale_number_with_another_line_discount_is_a_conflict(shop: Opened) -> None:
    first = _sale("S-1", LineRequest("TEA", "1", "30.00", None, "5"))
    checkout.checkout(shop.shop, LOCAL_ADMIN, first)
    again = checkout.checkout(
        shop.shop, LOCAL_ADMIN, _sale("S-1", LineRequest("TEA", "1", "30.00", None, "5.00"))
    )
    assert again.replayed
    with pytest.raises(IdConflict):
        checkout.checkout(
            shop.shop, LOCAL_ADMIN, _sale("S-1", LineRequest("TEA", "1", "30.00", None, "6.00"))
        )
    with pytest.raises(IdConflict):
        checkout.checkout(shop.shop, LOCAL_ADMIN, _sale("S-1", LineRequest("TEA", "1", "30.00")))


def test_the_receipt_shows_the_shelf_price_and_the_money_off_the_line(shop: Opened) -> None:
    checkout.checkout(
        shop.shop,
        LOCAL_ADMIN,
        _sale("S-1", LineRequest("TEA", "2", "30.00", None, "5.00"), LineRequest("CUP", "1", "40")),
    )
    receipt = receipts.receipt_for(shop.shop, LOCAL_ADMIN, "S-1")
    assert [(line.sku, line.amount, line.discount) for line in receipt.lines] == [
        ("TEA", 5500, 500),
        ("CUP", 4000, 0),
    ]
    text = "\n".join(receipt_lines(receipt, 32))
    assert "60.00" in text  # 2 x 30.00 before the discount
    assert "line discount" in text
    assert "-5.00" in text or "−5.00" in text
