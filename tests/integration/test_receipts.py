"""A receipt read back from a real database says what the stored sale says: names, money, points, refunds."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.errors import InvalidRequest, PermissionDenied, UnknownSale
from loyalty_desktop.services import checkout, members, products, programs, receipts, refunds
from loyalty_desktop.services.auth import LOCAL_ADMIN, NOT_SIGNED_IN, Actor, Role
from loyalty_desktop.services.receipts import ReceiptLine, mask_member_no

PROGRAM = """\
shop_name = "好邻居便利店"
currency = "CNY"
timezone = "Asia/Shanghai"

[earn]
points = 1
per = "1.00"

[redeem]
point_value = "0.01"
max_share = "0.5"

[[tiers.levels]]
name = "铜卡"
threshold = "0"
[[tiers.levels]]
name = "银卡"
threshold = "100"
discount_pct = "10"
"""

CASHIER = Actor("Cai", Role.CASHIER)
MANAGER = Actor("Mia", Role.MANAGER)


@pytest.fixture
def shop(opened: Opened) -> tuple[Opened, str]:
    """A shop with a programme, one product in the catalogue and one member; the member's number."""
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "p.toml")
    products.save_product(opened.shop, LOCAL_ADMIN, "COLA", name="可口可乐 330ml", price="3.50")
    joined = datetime(2026, 1, 1, tzinfo=UTC)
    member = members.enrol(
        opened.shop, LOCAL_ADMIN, members.NewMember("张三", phone="13800138000"), joined
    )
    return opened, member.member_no


def _sell(opened: Opened, sale_no: str, member_no: str, **fields: Any) -> None:
    request = checkout.SaleRequest(sale_no, member_no, **fields)
    checkout.checkout(opened.shop, LOCAL_ADMIN, request)


def test_a_receipt_shows_the_stored_lines_with_catalogue_names_else_the_sku(
    shop: tuple[Opened, str],
) -> None:
    opened, member_no = shop
    lines = (
        checkout.LineRequest("COLA", "2", "3.50"),
        checkout.LineRequest("BANANA", "0.75", "6.40"),
        checkout.LineRequest("X1", "1", "3.3333"),
    )
    _sell(opened, "S-1", member_no, lines=lines, discount="1.00")

    receipt = receipts.receipt_for(opened.shop, CASHIER, "S-1")

    assert receipt.lines == (
        ReceiptLine("COLA", "可口可乐 330ml", Decimal(2), Decimal("3.50"), 700, 654),
        ReceiptLine("BANANA", "BANANA", Decimal("0.75"), Decimal("6.40"), 480, 448),
        ReceiptLine("X1", "X1", Decimal(1), Decimal("3.3333"), 333, 311),
    )
    assert (receipt.subtotal, receipt.order_discount, receipt.tier_discount) == (1513, 100, 0)
    assert (receipt.net, receipt.points_value, receipt.paid) == (1413, 0, 1413)
    assert (receipt.earned, receipt.redeemed, receipt.points) == (14, 0, 14)
    assert receipt.tier == "铜卡"
    assert receipt.currency.code == "CNY"
    assert receipt.header == "好邻居便利店"  # the shop's name until a header is set
    assert member_no == "10000001"
    assert receipt.member_no == "****0001"
    assert receipt.at.isoformat() == "2026-03-02T10:00:00+08:00"  # the shop's wall clock
    assert receipt.refunds == ()


def test_a_receipt_shows_points_paid_the_tier_discount_and_the_balance_right_after_the_sale(
    shop: tuple[Opened, str],
) -> None:
    opened, member_no = shop
    _sell(opened, "S-1", member_no, total="150.00")  # 150 points, and silver from now on
    _sell(opened, "S-2", member_no, lines=(checkout.LineRequest("COLA", "10", "3.50"),), redeem=100)
    _sell(opened, "S-3", member_no, total="5.00")  # later: must not change S-2's receipt

    receipt = receipts.receipt_for(opened.shop, CASHIER, "S-2")

    assert (receipt.subtotal, receipt.tier_discount, receipt.net) == (3500, 350, 3150)
    assert (receipt.redeemed, receipt.points_value, receipt.paid) == (100, 100, 3050)
    assert receipt.earned == 30
    assert receipt.points == 150 - 100 + 30
    assert receipt.tier == "银卡"


def test_refunds_already_made_are_on_the_reprint(shop: tuple[Opened, str]) -> None:
    opened, member_no = shop
    _sell(opened, "S-1", member_no, lines=(checkout.LineRequest("COLA", "4", "3.50"),))
    refunds.refund(
        opened.shop, LOCAL_ADMIN, refunds.RefundRequest("R-1", "S-1", lines=(("COLA", "1"),))
    )

    receipt = receipts.receipt_for(opened.shop, CASHIER, "S-1")

    assert [(r.refund_no, r.amount, r.paid_back, r.reversed) for r in receipt.refunds] == [
        ("R-1", 350, 350, 4)  # 14 earned, 10 for the 10.50 kept
    ]
    assert receipt.refunds[0].at.utcoffset() is not None
    assert receipt.points == 14  # as right after the sale, not after the refund


def test_a_sale_number_typed_in_full_width_finds_the_sale(shop: tuple[Opened, str]) -> None:
    opened, member_no = shop
    _sell(opened, "S1", member_no, total="1.00")
    assert receipts.receipt_for(opened.shop, CASHIER, " Ｓ１ ").sale_no == "S1"


def test_an_unknown_sale_is_refused_by_its_reason(shop: tuple[Opened, str]) -> None:
    opened, _ = shop
    with pytest.raises(UnknownSale) as refused:
        receipts.receipt_for(opened.shop, CASHIER, "NOPE")
    assert (refused.value.code, refused.value.reason) == ("unknown_sale", "unknown_sale")
    assert refused.value.details["sale_id"] == "NOPE"


def test_a_cashier_reprints_but_nobody_signed_out_reads_a_members_receipt(
    shop: tuple[Opened, str],
) -> None:
    opened, member_no = shop
    _sell(opened, "S-1", member_no, total="1.00")
    with pytest.raises(PermissionDenied):
        receipts.receipt_for(opened.shop, NOT_SIGNED_IN, "S-1")


def test_a_manager_sets_the_header_that_every_receipt_then_prints(
    shop: tuple[Opened, str],
) -> None:
    opened, member_no = shop
    _sell(opened, "S-1", member_no, total="1.00")
    stored = receipts.set_receipt_header(
        opened.shop, MANAGER, "好邻居便利店  \r\n电话 010-1234\n\n"
    )
    assert stored == "好邻居便利店\n电话 010-1234"
    assert receipts.receipt_for(opened.shop, CASHIER, "S-1").header == stored
    receipts.set_receipt_header(opened.shop, MANAGER, "")
    assert receipts.receipt_for(opened.shop, CASHIER, "S-1").header == ""


def test_a_cashier_may_not_change_the_header(shop: tuple[Opened, str]) -> None:
    opened, _ = shop
    with pytest.raises(PermissionDenied):
        receipts.set_receipt_header(opened.shop, CASHIER, "Mine")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("\n".join("line" for _ in range(7)), "receipt_header_lines"),
        ("店" * 301, "receipt_header_long"),
        ("Shop\x1b@", "receipt_header_control"),
    ],
)
def test_a_header_a_printer_could_not_take_is_refused(
    shop: tuple[Opened, str], text: str, reason: str
) -> None:
    opened, _ = shop
    with pytest.raises(InvalidRequest) as refused:
        receipts.set_receipt_header(opened.shop, MANAGER, text)
    assert refused.value.reason == reason


@pytest.mark.parametrize(
    ("member_no", "masked"),
    [("10000001", "****0001"), ("A1234567890", "*******7890"), ("1001", "**01"), ("7", "*")],
)
def test_member_numbers_are_masked_to_their_last_digits(member_no: str, masked: str) -> None:
    assert mask_member_no(member_no) == masked
