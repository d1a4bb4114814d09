"""Rewards at checkout on SQLite and PostgreSQL: what they pay, what they cost, and that refunds undo them.

A member holds 1000 points; the programme offers a coupon, an item reward, a
coupon bigger than most baskets, one for Gold only, one that ended, and one
nobody can afford.
"""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from loyalty_desktop.app import Opened
from loyalty_desktop.db.tables import outbox, sales
from loyalty_desktop.domain.errors import IdConflict, LoyaltyError
from loyalty_desktop.domain.rewards import RewardUse
from loyalty_desktop.printing.receipt_text import receipt_lines
from loyalty_desktop.services import checkout, integrity, member_view, members, programs
from loyalty_desktop.services import refunds as refunding
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import LineRequest, SaleRequest
from loyalty_desktop.services.fingerprints import fingerprint, number_text
from loyalty_desktop.services.receipts import receipt_for

PROGRAM = """\
currency = "CNY"
timezone = "Asia/Shanghai"

[earn]
points = 1
per = "1.00"

[expiry]
days = 365

[redeem]
point_value = "0.01"
max_share = "0.5"
min_points = 100

[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Gold"
threshold = "5000"

[[rewards]]
name = "Free coffee"
points = 300
sku = "COF-1"

[[rewards]]
name = "10 off"
points = 500
value = "10.00"

[[rewards]]
name = "Big coupon"
points = 100
value = "500.00"

[[rewards]]
name = "Gold gift"
points = 10
value = "1.00"
tiers = ["Gold"]

[[rewards]]
name = "Winter coupon"
points = 10
value = "1.00"
end = "2026-01-31"

[[rewards]]
name = "Pricey"
points = 100000
value = "5.00"
"""

MEMBER = "10000001"
TEA = LineRequest("TEA", "2", "30.00")  # 60.00
COFFEE = LineRequest("COF-1", "2", "12.00")  # 24.00, one unit 12.00


@pytest.fixture
def shop(opened: Opened) -> Opened:
    """The programme above and a member with 1000 points (from a sale of 1000.00)."""
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "rewards.toml")
    members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember(name="王芳", member_no=MEMBER))
    checkout.checkout(opened.shop, LOCAL_ADMIN, SaleRequest("S-0", MEMBER, total="1000.00"))
    return opened


def _points(opened: Opened) -> int:
    return member_view.show_member(opened.shop, LOCAL_ADMIN, MEMBER).points


def _checked(opened: Opened) -> None:
    result = integrity.check(opened.shop, LOCAL_ADMIN, opened.integrity)
    assert result.ok, result.problems


def _rows(opened: Opened) -> tuple[int, int]:
    with opened.engine.connect() as conn:
        return (
            conn.execute(select(func.count()).select_from(sales)).scalar_one(),
            conn.execute(select(func.count()).select_from(outbox)).scalar_one(),
        )


def test_a_coupon_takes_its_value_off_and_that_part_earns_nothing(shop: Opened) -> None:
    sold = checkout.checkout(
        shop.shop, LOCAL_ADMIN, SaleRequest("S-1", MEMBER, lines=(TEA,), rewards=("10 off",))
    )
    assert sold.rewards == (RewardUse("10 off", 500, 1000),)
    assert (sold.net, sold.points_value, sold.paid) == (6000, 1000, 5000)
    assert sold.redeemed == 500
    assert sold.earned == 50  # the 50.00 paid in money, not the 10.00 the coupon paid
    assert sold.points == 1000 - 500 + 50 == _points(shop)
    _checked(shop)


def test_an_item_reward_takes_one_units_net_off(shop: Opened) -> None:
    sold = checkout.checkout(
        shop.shop,
        LOCAL_ADMIN,
        SaleRequest(
            "S-1", MEMBER, lines=(COFFEE, LineRequest("BUN", "1", "6.00")), rewards=("Free coffee",)
        ),
    )
    assert sold.rewards == (RewardUse("Free coffee", 300, 1200),)
    assert (sold.net, sold.paid, sold.earned) == (3000, 1800, 18)
    assert _points(shop) == 1000 - 300 + 18


def test_a_reward_is_capped_at_the_basket_and_a_free_basket_earns_nothing(shop: Opened) -> None:
    sold = checkout.checkout(
        shop.shop,
        LOCAL_ADMIN,
        SaleRequest("S-1", MEMBER, total="20.00", rewards=("Big coupon",)),
    )
    assert sold.rewards == (RewardUse("Big coupon", 100, 2000),)
    assert (sold.points_value, sold.paid, sold.earned) == (2000, 0, 0)
    # a second reward finds nothing left to pay: refused, not taken for nothing
    with pytest.raises(LoyaltyError) as caught:
        checkout.quote(
            shop.shop,
            LOCAL_ADMIN,
            SaleRequest("S-2", MEMBER, total="5.00", rewards=("Big coupon", "10 off")),
        )
    assert caught.value.reason == "reward_nothing_left"


def test_an_item_reward_alone_in_the_basket_earns_nothing(shop: Opened) -> None:
    sold = checkout.checkout(
        shop.shop,
        LOCAL_ADMIN,
        SaleRequest(
            "S-1", MEMBER, lines=(LineRequest("COF-1", "1", "12.00"),), rewards=("Free coffee",)
        ),
    )
    assert (sold.paid, sold.earned, sold.points) == (0, 0, 700)


def test_rewards_and_points_pay_together_points_only_from_what_rewards_leave(shop: Opened) -> None:
    request = SaleRequest("S-1", MEMBER, lines=(TEA,), rewards=("10 off",), redeem=400)
    quoted = checkout.quote(shop.shop, LOCAL_ADMIN, request)
    assert (quoted.redeemed, quoted.points_value, quoted.paid, quoted.earned) == (
        900,
        1400,
        4600,
        46,
    )
    posted = checkout.checkout(shop.shop, LOCAL_ADMIN, request)
    assert replace(posted, changes=quoted.changes, at=quoted.at) == quoted
    assert posted.points == 1000 - 900 + 46 == _points(shop)
    _checked(shop)


def test_the_redeem_share_limits_plain_points_but_not_rewards(shop: Opened) -> None:
    # the coupon pays 10.00 of 12.00 (83 %, above max_share 0.5); plain points then pay
    # at most half of the 2.00 left
    request = SaleRequest("S-1", MEMBER, total="12.00", rewards=("10 off",))
    assert checkout.quote(shop.shop, LOCAL_ADMIN, request).paid == 200
    assert checkout.quote(shop.shop, LOCAL_ADMIN, replace(request, redeem=100)).paid == 100
    with pytest.raises(LoyaltyError) as caught:
        checkout.quote(shop.shop, LOCAL_ADMIN, replace(request, redeem=200))
    assert caught.value.reason == "redeem_exceeds_share"
    assert caught.value.details["max_points"] == 100


@pytest.mark.parametrize(
    ("rewards", "member", "reason"),
    [
        (("Pricey",), MEMBER, "reward_unaffordable"),
        (("Winter coupon",), MEMBER, "reward_not_today"),
        (("Gold gift",), MEMBER, "reward_wrong_tier"),
        (("Free tea",), MEMBER, "reward_unknown"),
        (("10 off", "10 off"), MEMBER, "reward_twice"),
        (("Free coffee",), MEMBER, "reward_item_missing"),
    ],
)
def test_a_reward_that_may_not_be_taken_is_refused_and_nothing_is_posted(
    shop: Opened, rewards: tuple[str, ...], member: str, reason: str
) -> None:
    before = (_points(shop), _rows(shop))
    request = SaleRequest("S-1", member, lines=(TEA,), rewards=rewards)
    for attempt in (checkout.quote, checkout.checkout):
        with pytest.raises(LoyaltyError) as caught:
            attempt(shop.shop, LOCAL_ADMIN, request)
        assert caught.value.reason == reason
    assert (_points(shop), _rows(shop)) == before
    _checked(shop)


def test_rewards_together_with_points_must_be_affordable(shop: Opened) -> None:
    request = SaleRequest("S-1", MEMBER, total="100.00", rewards=("10 off",), redeem=600)
    with pytest.raises(LoyaltyError) as caught:  # 500 + 600 > 1000
        checkout.checkout(shop.shop, LOCAL_ADMIN, request)
    assert caught.value.reason == "reward_unaffordable"
    assert caught.value.details == {"field": "reward", "points": 1100, "spendable": 1000}


def test_a_sale_without_a_member_cannot_take_a_reward(shop: Opened) -> None:
    with pytest.raises(LoyaltyError) as caught:
        checkout.quote(
            shop.shop, LOCAL_ADMIN, SaleRequest("S-1", None, lines=(TEA,), rewards=("10 off",))
        )
    assert caught.value.reason == "reward_without_member"


def test_the_same_sale_with_the_same_rewards_replays_and_other_rewards_conflict(
    shop: Opened,
) -> None:
    request = SaleRequest("S-1", MEMBER, lines=(TEA, COFFEE), rewards=("Free coffee", "10 off"))
    first = checkout.checkout(shop.shop, LOCAL_ADMIN, request)
    again = checkout.checkout(shop.shop, LOCAL_ADMIN, request)
    assert again.replayed
    assert replace(again, replayed=False, changes=first.changes) == first
    assert again.rewards == (RewardUse("Free coffee", 300, 1200), RewardUse("10 off", 500, 1000))
    for other in (("10 off",), (), ("10 off", "Free coffee")):
        with pytest.raises(IdConflict):
            checkout.checkout(shop.shop, LOCAL_ADMIN, replace(request, rewards=other))
    assert _points(shop) == first.points
    _checked(shop)


def test_a_sale_without_rewards_keeps_the_fingerprint_it_had_before_rewards(shop: Opened) -> None:
    checkout.checkout(shop.shop, LOCAL_ADMIN, SaleRequest("S-1", MEMBER, lines=(TEA,)))
    with shop.engine.connect() as conn:
        stored = conn.execute(
            select(sales.c.request_hash, sales.c.rewards).where(sales.c.sale_id == "S-1")
        ).one()
    assert stored.rewards == "[]"
    before_rewards = fingerprint(
        "sale",
        {
            "lines": [["TEA", number_text(Decimal("2")), number_text(Decimal("30.00")), None]],
            "total": False,
            "discount": 0,
            "redeem": 0,
        },
    )
    assert stored.request_hash == before_rewards  # sales stored before rewards still replay


def test_a_full_refund_gives_back_every_point_exactly(shop: Opened) -> None:
    before = _points(shop)
    sold = checkout.checkout(
        shop.shop,
        LOCAL_ADMIN,
        SaleRequest(
            "S-1", MEMBER, lines=(TEA, COFFEE), rewards=("Free coffee", "10 off"), redeem=100
        ),
    )
    assert sold.points == before - 300 - 500 - 100 + sold.earned
    back = refunding.refund(
        shop.shop,
        LOCAL_ADMIN,
        refunding.RefundRequest("R-1", "S-1", lines=(("TEA", "2"), ("COF-1", "2"))),
    )
    assert (back.restored, back.reversed) == (900, sold.earned)
    assert back.points == before == _points(shop)
    _checked(shop)


def test_partial_refunds_give_back_in_proportion_and_add_up_to_everything(shop: Opened) -> None:
    before = _points(shop)
    sold = checkout.checkout(
        shop.shop, LOCAL_ADMIN, SaleRequest("S-1", MEMBER, lines=(TEA, COFFEE), rewards=("10 off",))
    )
    assert (sold.net, sold.paid, sold.earned) == (8400, 7400, 74)
    half = refunding.refund(
        shop.shop, LOCAL_ADMIN, refunding.RefundRequest("R-1", "S-1", lines=(("TEA", "1"),))
    )
    assert half.amount == 3000
    assert half.restored == 500 * 3000 // 8400  # the refunded share of the reward's points
    assert half.points == before - 500 + 74 + half.restored - half.reversed == _points(shop)
    _checked(shop)
    rest = refunding.refund(
        shop.shop, LOCAL_ADMIN, refunding.RefundRequest("R-2", "S-1", amount="54.00")
    )
    assert half.restored + rest.restored == 500
    assert half.reversed + rest.reversed == 74
    assert rest.points == before == _points(shop)
    _checked(shop)


def test_the_sale_event_and_the_receipt_name_each_reward(shop: Opened) -> None:
    checkout.checkout(
        shop.shop,
        LOCAL_ADMIN,
        SaleRequest("S-1", MEMBER, lines=(TEA, COFFEE), rewards=("Free coffee",), redeem=100),
    )
    with shop.engine.connect() as conn:
        payloads = (
            conn.execute(select(outbox.c.payload).where(outbox.c.kind == "sale")).scalars().all()
        )
    event = next(json.loads(p) if isinstance(p, str) else p for p in payloads if "S-1" in str(p))
    assert event["rewards"] == [{"name": "Free coffee", "points": 300, "value": "12.00"}]
    assert event["points_redeemed"] == 400
    receipt = receipt_for(shop.shop, LOCAL_ADMIN, "S-1")
    assert receipt.rewards == (RewardUse("Free coffee", 300, 1200),)
    text = "\n".join(receipt_lines(receipt, 32))
    assert "Free coffee" in text
    assert "-12.00" in text
    assert "300 points" in text
    assert "Paid with points" in text  # the plain points, not the reward again
    assert "-1.00" in text
    assert text.count("-13.00") == 0


def test_the_member_view_offers_todays_rewards_for_their_tier_in_file_order(shop: Opened) -> None:
    view = member_view.show_member(shop.shop, LOCAL_ADMIN, MEMBER)
    assert [(r.name, r.points, r.value, r.sku, r.affordable) for r in view.rewards] == [
        ("Free coffee", 300, None, "COF-1", True),
        ("10 off", 500, 1000, None, True),
        ("Big coupon", 100, 50000, None, True),
        ("Pricey", 100000, 500, None, False),  # shown, but they cannot afford it
    ]  # not "Gold gift" (Bronze member) nor "Winter coupon" (ended in January)
    checkout.checkout(shop.shop, LOCAL_ADMIN, SaleRequest("S-1", MEMBER, total="4000.00"))
    gold = member_view.show_member(shop.shop, LOCAL_ADMIN, MEMBER)
    assert gold.tier == "Gold"
    assert "Gold gift" in [r.name for r in gold.rewards]
