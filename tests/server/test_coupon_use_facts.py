"""A coupon's use credits only its member's bonus points, the number it says (attack12 #6).

What the bonus should be is the offer's terms, vouched for by the store's token like an
adjustment's amount; what must hold whatever the terms is refused when it does not.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest

from tests.server.conftest import Server
from tests.server.events import coupon_redeemed, enrolled, sale

Event = dict[str, Any]


def _to_another_member(e: Event) -> None:
    e["payload"]["movements"][0]["member_id"] = str(uuid.uuid4())


def _says_fewer_than_it_credits(e: Event) -> None:
    e["payload"]["points"] = 1  # the movement credits 1,000,000


def _a_redemption_movement(e: Event) -> None:
    e["payload"]["movements"][0] |= {"kind": "redeem", "points": -50, "activity": None}
    e["payload"]["points"] = -50


def _not_the_coupons_activity(e: Event) -> None:
    e["payload"]["movements"][0]["activity"] = "referral"


def _a_second_credit(e: Event) -> None:
    move = e["payload"]["movements"][0]
    e["payload"]["movements"].append(dict(move, id=str(uuid.uuid4()), kind="adjust"))
    e["payload"]["points"] *= 2


@pytest.mark.parametrize(
    "spoil",
    [
        _to_another_member,
        _says_fewer_than_it_credits,
        _a_redemption_movement,
        _not_the_coupons_activity,
        _a_second_credit,
    ],
)
def test_a_coupon_use_that_credits_other_than_its_bonus_is_rejected_alone(
    server: Server, spoil: Callable[[Event], None]
) -> None:
    member = str(uuid.uuid4())
    sold = sale(member, 2)
    used = coupon_redeemed(
        member, 3, str(uuid.uuid4()), points=1_000_000, sale_id=sold["payload"]["id"]
    )
    spoil(used)
    status, body = server.post("/v1/events", {"events": [enrolled(member, 1), sold, used]})
    assert status == 200, body
    assert [r["status"] for r in body["results"]] == ["applied", "applied", "rejected"]
    assert "coupon.redeemed" in body["results"][2]["reason"]
    assert server.sql(f"select points from balances where member_id = '{member}'") == [(105,)]


def test_a_coupon_use_as_a_till_sends_it_is_applied(server: Server) -> None:
    member = str(uuid.uuid4())
    sold = sale(member, 2)
    used = coupon_redeemed(member, 3, str(uuid.uuid4()), sale_id=sold["payload"]["id"])
    status, body = server.post("/v1/events", {"events": [enrolled(member, 1), sold, used]})
    assert status == 200, body
    assert [r["status"] for r in body["results"]] == ["applied"] * 3, body
    assert server.sql(f"select points from balances where member_id = '{member}'") == [(155,)]
