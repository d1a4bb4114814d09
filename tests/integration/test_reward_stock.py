"""A reward with a stock is taken only while stock lasts; a sale refunded in full gives its one back."""

from __future__ import annotations

import pytest

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.errors import RedemptionNotAllowed
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.domain.program_writer import write_program
from loyalty_desktop.services import checkout, members, points, programs
from loyalty_desktop.services import refunds as refunding
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest

PROGRAM = """\
currency = "CNY"
timezone = "Asia/Shanghai"
[earn]
points = 1
per = "1.00"

[[rewards]]
name = "Mooncake box 月饼礼盒"
points = 100
value = "5.00"
stock = 2

[[rewards]]
name = "Tea coupon"
points = 100
value = "5.00"
"""


@pytest.fixture
def member_no(opened: Opened) -> str:
    shop = opened.shop
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "stock.toml")
    member = members.enrol(shop, LOCAL_ADMIN, members.NewMember("库存"))
    points.adjust(shop, LOCAL_ADMIN, member.member_no, 2000, "stock test", "Q-stock")
    return member.member_no


def _take(opened: Opened, sale_no: str, member_no: str, reward: str) -> object:
    request = SaleRequest(sale_no, member_no, total="20.00", rewards=(reward,))
    return checkout.checkout(opened.shop, LOCAL_ADMIN, request)


def test_the_last_of_the_stock_is_taken_and_then_the_reward_is_refused(
    opened: Opened, member_no: str
) -> None:
    box = "Mooncake box 月饼礼盒"
    _take(opened, "S-1", member_no, box)
    _take(opened, "S-2", member_no, box)
    with pytest.raises(RedemptionNotAllowed) as refused:
        _take(opened, "S-3", member_no, box)
    assert refused.value.reason == "reward_out_of_stock"
    assert refused.value.details["stock"] == 2
    _take(opened, "S-4", member_no, "Tea coupon")  # a reward without a stock is never out


def test_a_sale_refunded_in_full_gives_its_reward_back_to_the_stock(
    opened: Opened, member_no: str
) -> None:
    box = "Mooncake box 月饼礼盒"
    _take(opened, "S-1", member_no, box)
    _take(opened, "S-2", member_no, box)
    refunding.refund(opened.shop, LOCAL_ADMIN, refunding.RefundRequest("R-1", "S-1", amount="5.00"))
    with pytest.raises(RedemptionNotAllowed):  # part of a sale back: the box stays taken
        _take(opened, "S-3", member_no, box)
    refunding.refund(
        opened.shop, LOCAL_ADMIN, refunding.RefundRequest("R-2", "S-1", amount="15.00")
    )
    _take(opened, "S-3", member_no, box)


def test_stock_is_written_and_read_back_with_the_programme() -> None:
    program = parse_program(PROGRAM)
    assert program.rewards[0].stock == 2
    assert program.rewards[1].stock is None
    assert parse_program(write_program(program)) == program
