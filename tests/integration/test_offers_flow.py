"""Offers on a real database: lapsed Gold members get double points; two tills race for one coupon."""

from __future__ import annotations

import random
import threading
import uuid
from dataclasses import replace
from datetime import timedelta

import pytest

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.coupons import InvalidCoupon
from loyalty_desktop.services import checkout, integrity, members, offers, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.sale_results import SaleResult
from tests.conftest import FixedClock
from tests.databases import Database
from tests.integration.conftest import PROGRAM

GOLD = (
    PROGRAM
    + """
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Gold"
threshold = "1000"
"""
)

DOUBLE = """
name = "Come back, Gold"
kind = "points_multiplier"
multiplier = "2"
start = "2026-03-01"
end = "2026-03-31"
seed = 11
[audience]
tiers = ["Gold"]
stages = ["lapsed"]
"""


def _member(opened: Opened, clock: FixedClock, name: str, spend: str, days_ago: int) -> str:
    shop = opened.shop
    joined = clock.now() - timedelta(days=days_ago + 1)
    member = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name=name, consent=True), joined)
    at = clock.now() - timedelta(days=days_ago)
    request = SaleRequest(f"S-{name}", member.member_no, total=spend, at=at)
    checkout.checkout(shop, LOCAL_ADMIN, request)
    return member.member_no


def test_lapsed_gold_members_alone_are_chosen_and_the_split_holds_on_reissue(
    opened: Opened, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The control coin is drawn from the member id. Random ids would leave the control
    # group of 40 empty about once in 70 runs (0.9**40), so the ids come from a seeded draw.
    draws = random.Random(40)
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=draws.getrandbits(128), version=4))
    shop = opened.shop
    programs.load_program(shop, LOCAL_ADMIN, GOLD, "t")
    lapsed_gold = {_member(opened, clock, f"LG{i}", "1500.00", 200) for i in range(40)}
    _member(opened, clock, "RecentGold", "1500.00", 5)
    _member(opened, clock, "LapsedBronze", "50.00", 200)
    offer = offers.create_offer(shop, LOCAL_ADMIN, DOUBLE, "double.toml")
    first = offers.issue_offer(shop, LOCAL_ADMIN, offer.id)
    assert first.given + first.control == len(lapsed_gold)
    assert 0 < first.control < 15
    with shop.uow(write=False) as uow:
        chosen = uow.offers.targets(offer.id)
        numbers = uow.offers.member_numbers(list(chosen))
    assert set(numbers.values()) == lapsed_gold
    assert {t.rule for t in chosen.values()} == {"tier=Gold; stage=lapsed"}
    again = offers.issue_offer(shop, LOCAL_ADMIN, offer.id)
    assert (again.given, again.control, again.already) == (0, 0, len(lapsed_gold))
    with shop.uow(write=False) as uow:
        assert uow.offers.targets(offer.id) == chosen


def _till(
    opened: Opened,
    request: SaleRequest,
    line: threading.Barrier,
    results: list[SaleResult | BaseException],
) -> None:
    line.wait()
    try:
        results.append(checkout.checkout(opened.shop, LOCAL_ADMIN, request))
    except BaseException as failed:
        results.append(failed)


def test_two_tills_racing_for_one_coupon_use_it_once(database: Database, clock: FixedClock) -> None:
    first, second = database.open(clock), database.open(clock)
    shop = first.shop
    programs.load_program(shop, LOCAL_ADMIN, GOLD, "t")
    number = _member(first, clock, "Racer", "1500.00", 200)
    offer = offers.create_offer(
        shop, LOCAL_ADMIN, DOUBLE.replace('kind = "points_multiplier"\nmultiplier = "2"',
                                          'kind = "money_off"\namount = "10.00"')
        .replace('stages = ["lapsed"]', "").replace("seed = 11", 'control_share = "0"'),
        "off.toml",
    )  # fmt: skip
    offers.issue_offer(shop, LOCAL_ADMIN, offer.id)
    code = offers.coupon_list(shop, LOCAL_ADMIN, offer.id)[0].code
    line = threading.Barrier(2)
    results: list[SaleResult | BaseException] = []
    tills = [
        threading.Thread(
            target=_till,
            args=(o, SaleRequest(sale, number, total="50.00", coupon=code), line, results),
        )
        for o, sale in ((first, "T1-1"), (second, "T2-1"))
    ]
    for t in tills:
        t.start()
    for t in tills:
        t.join(30)
    sold = [r for r in results if isinstance(r, SaleResult)]
    refused = [r for r in results if isinstance(r, InvalidCoupon)]
    assert len(sold) == 1, results
    assert [r.reason for r in refused] == ["coupon_used"]
    assert sold[0].coupon is not None
    assert sold[0].coupon.money_off == 1000
    with shop.uow(write=False) as uow:
        assert uow.sales.get("T1-1" if sold[0].sale_no == "T2-1" else "T2-1") is None
        assert uow.offers.spent(offer.id) == (1000, 0)
    replay = checkout.checkout(
        shop, LOCAL_ADMIN, SaleRequest(sold[0].sale_no, number, total="50.00", coupon=code)
    )
    assert replay.replayed
    assert replay.coupon == sold[0].coupon
    assert integrity.check(shop, LOCAL_ADMIN, first.integrity).ok


def test_two_tills_using_two_coupons_never_spend_past_the_budget(
    database: Database, clock: FixedClock
) -> None:
    """Two members, a coupon each, a budget with room for one: one sale, one refusal, never both."""
    first, second = database.open(clock), database.open(clock)
    # Another till of the shop: its own device, so its sales take no lock the first till holds.
    second = replace(second, shop=replace(second.shop, device_id=str(uuid.uuid4())))
    shop = first.shop
    programs.load_program(shop, LOCAL_ADMIN, GOLD, "t")
    numbers = [_member(first, clock, name, "1500.00", 200) for name in ("Budget1", "Budget2")]
    offer = offers.create_offer(
        shop, LOCAL_ADMIN, DOUBLE.replace('kind = "points_multiplier"\nmultiplier = "2"',
                                          'kind = "money_off"\namount = "10.00"\n'
                                          'budget = "15.00"')
        .replace('stages = ["lapsed"]', "").replace("seed = 11", 'control_share = "0"'),
        "off.toml",
    )  # fmt: skip
    offers.issue_offer(shop, LOCAL_ADMIN, offer.id)
    codes = {c.member_no: c.code for c in offers.coupon_list(shop, LOCAL_ADMIN, offer.id)}
    line = threading.Barrier(2)
    results: list[SaleResult | BaseException] = []
    tills = [
        threading.Thread(
            target=_till,
            args=(o, SaleRequest(sale, who, total="50.00", coupon=codes[who]), line, results),
        )
        for o, sale, who in ((first, "B1-1", numbers[0]), (second, "B2-1", numbers[1]))
    ]
    for t in tills:
        t.start()
    for t in tills:
        t.join(30)
    sold = [r for r in results if isinstance(r, SaleResult)]
    refused = [r for r in results if isinstance(r, InvalidCoupon)]
    assert len(sold) == 1, results
    assert [r.reason for r in refused] == ["coupon_budget_spent"]
    with shop.uow(write=False) as uow:
        assert uow.offers.spent(offer.id) == (1000, 0)
