"""A shop on in-memory fakes with the contract's example programme, and helpers to drive it."""

from __future__ import annotations

from datetime import datetime

import pytest

from loyalty_desktop.services import checkout, members, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.member_view import MemberView, show_member
from loyalty_desktop.services.sale_results import SaleResult
from tests.conftest import FixedClock
from tests.fakes import FakeDatabase, fake_shop

PROGRAM = """
shop_name = "测试小店"
currency = "CNY"
timezone = "Asia/Shanghai"
[earn]
points = 1
per = "1.00"
[activity]
review = 10
check_in = 1
birthday = 100
[expiry]
days = 365
[redeem]
point_value = "0.01"
max_share = "0.5"
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Gold"
threshold = "1000"
discount_pct = "10"
earn_multiplier = "2"
"""


class ShopDriver:
    """Short verbs for tests: enrol, sell, show, on one fake shop."""

    def __init__(self, shop: Shop, database: FakeDatabase, clock: FixedClock) -> None:
        self.shop = shop
        self.database = database
        self.clock = clock

    def enrol(self, name: str = "张三", **extra: object) -> members.Enrolled:
        return members.enrol(self.shop, LOCAL_ADMIN, members.NewMember(name=name, **extra))  # type: ignore[arg-type]

    def sell(
        self,
        sale_no: str,
        ref: str,
        total: str | None = None,
        *,
        lines: tuple[checkout.LineRequest, ...] = (),
        redeem: int = 0,
        discount: str | None = None,
        at: datetime | None = None,
    ) -> SaleResult:
        request = checkout.SaleRequest(
            sale_no, ref, total=total, lines=lines, redeem=redeem, discount=discount, at=at
        )
        return checkout.checkout(self.shop, LOCAL_ADMIN, request)

    def show(self, ref: str, at: datetime | None = None) -> MemberView:
        return show_member(self.shop, LOCAL_ADMIN, ref, at)

    def balance(self, member_no: str) -> int:
        member = next(m for m in self.database.store.members.values() if m.member_no == member_no)
        return member.balance


@pytest.fixture
def driver(clock: FixedClock) -> ShopDriver:
    shop, database = fake_shop(clock)
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "test.toml")
    return ShopDriver(shop, database, clock)
