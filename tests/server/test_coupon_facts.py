"""An older till's coupon fact (keyed by the coupon alone): a second use is held and flagged."""

from __future__ import annotations

import uuid

from tests.server.conftest import Server, _command
from tests.server.events import coupon_redeemed, enrolled


def test_an_older_tills_coupon_fact_applies_once_and_another_use_is_quarantined_and_flagged(
    server: Server,
) -> None:
    member, coupon = str(uuid.uuid4()), str(uuid.uuid4())
    old_key = f"coupon:{coupon}"  # before the key named the sale
    used = coupon_redeemed(member, 2, coupon, key=old_key)
    code, body = server.post("/v1/events", {"events": [enrolled(member, 1), used]})
    assert code == 200, body
    assert [r["status"] for r in body["results"]] == ["applied", "applied"]
    assert server.post("/v1/events", {"events": [used]})[1]["results"][0]["status"] == "duplicate"
    assert _command(server.db, "review", "list")["coupons"] == []

    elsewhere = coupon_redeemed(member, 3, coupon, key=old_key)  # another till's sale, offline
    body = server.post("/v1/events", {"events": [elsewhere]})[1]
    assert body["results"][0]["code"] == 409
    assert server.sql("select key from quarantine") == [(old_key,)]
    assert server.sql("select points from balances")[0][0] == 50  # the held event moved nothing
    [flagged] = _command(server.db, "review", "list")["coupons"]
    assert (flagged["coupon_id"], flagged["status"]) == (coupon, "quarantined")
    assert flagged["sale_id"] == elsewhere["payload"]["sale"]
    assert flagged["first_sale_id"] == used["payload"]["sale"]


def test_a_coupon_fact_the_table_cannot_hold_is_rejected_alone_and_a_garbled_reuse_is_held(
    server: Server,
) -> None:
    """Bad facts never fail the batch with a 500: the store would be stuck resending it."""
    member, coupon = str(uuid.uuid4()), str(uuid.uuid4())
    too_long = coupon_redeemed(member, 2, coupon)
    too_long["payload"]["offer_id"] = "x" * 65
    good = coupon_redeemed(member, 3, coupon, key=f"coupon:{coupon}")
    code, body = server.post("/v1/events", {"events": [enrolled(member, 1), too_long, good]})
    assert code == 200, body
    assert [r["status"] for r in body["results"]] == ["applied", "rejected", "applied"]
    assert "offer_id" in body["results"][1]["reason"]

    garbled = coupon_redeemed(member, 4, coupon, key=f"coupon:{coupon}")
    del garbled["payload"]["sale"]
    code, body = server.post("/v1/events", {"events": [garbled]})
    assert (code, body["results"][0]["status"]) == (200, "conflict")
    assert _command(server.db, "review", "list")["coupons"] == []
