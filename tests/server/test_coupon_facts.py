"""A coupon redeemed offline reaches the server as a fact: applied once; a second use of it is quarantined."""

from __future__ import annotations

import uuid

from tests.server.conftest import Server
from tests.server.events import coupon_redeemed, enrolled


def test_a_coupon_fact_applies_once_and_another_use_of_the_coupon_is_quarantined(
    server: Server,
) -> None:
    member, coupon = str(uuid.uuid4()), str(uuid.uuid4())
    used = coupon_redeemed(member, 2, coupon)
    code, body = server.post("/v1/events", {"events": [enrolled(member, 1), used]})
    assert code == 200, body
    assert [r["status"] for r in body["results"]] == ["applied", "applied"]
    assert server.post("/v1/events", {"events": [used]})[1]["results"][0]["status"] == "duplicate"
    elsewhere = coupon_redeemed(member, 3, coupon)  # the same coupon used at another till, offline
    body = server.post("/v1/events", {"events": [elsewhere]})[1]
    assert body["results"][0]["code"] == 409
    assert server.sql("select key from quarantine") == [(f"coupon:{coupon}",)]
    assert server.sql("select points from balances")[0][0] == 50
