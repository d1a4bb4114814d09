"""A coupon is used once across the stores: a second use by another sale stands and is flagged for review."""

from __future__ import annotations

import threading
import uuid
from typing import Any

from tests.server.conftest import Server, _command
from tests.server.events import coupon_redeemed, enrolled, refund, sale


def _sale_with_coupon(member: str, seq: int, coupon: str) -> list[dict[str, Any]]:
    """A sale earning 105 points that used ``coupon`` (50 bonus points), as a till sends it."""
    sold = sale(member, seq)
    return [sold, coupon_redeemed(member, seq + 1, coupon, sale_id=sold["payload"]["id"])]


def _statuses(answer: dict[str, Any]) -> list[str]:
    return [r["status"] for r in answer["results"]]


def _balance(server: Server, member: str) -> int:
    return server.sql(f"select points from balances where member_id = '{member}'")[0][0]


def _redemptions(server: Server, coupon: str) -> list[Any]:
    return server.sql(
        f"select store_id::text, sale_id::text from coupon_redemptions where coupon_id = '{coupon}'"
    )


def test_two_stores_redeeming_one_coupon_offline_keep_both_sales_and_flag_the_second_use(
    server: Server,
) -> None:
    shop_b = _command(server.db, "store", "add", "Shop B")
    member, coupon = str(uuid.uuid4()), str(uuid.uuid4())
    assert server.post("/v1/events", {"events": [enrolled(member, 1)]})[0] == 200
    at_a = _sale_with_coupon(member, 2, coupon)
    at_b = _sale_with_coupon(member, 1, coupon)  # the other store's till, offline meanwhile

    code_a, answer_a = server.post("/v1/events", {"events": at_a})
    code_b, answer_b = server.post("/v1/events", {"events": at_b}, token=shop_b["token"])

    assert (code_a, code_b) == (200, 200)
    assert _statuses(answer_a) == _statuses(answer_b) == ["applied", "applied"]
    assert _balance(server, member) == 2 * (105 + 50)  # nothing reversed: the till gave both
    assert _redemptions(server, coupon) == [(server.store_id, at_a[0]["payload"]["id"])]
    [flagged] = _command(server.db, "review", "list")["coupons"]
    assert flagged["coupon_id"] == coupon
    assert (flagged["store_id"], flagged["sale_id"]) == (
        shop_b["store_id"],
        at_b[0]["payload"]["id"],
    )
    assert (flagged["first_store_id"], flagged["status"]) == (server.store_id, "applied")
    checked = _command(server.db, "check", "--json")
    assert checked["ok"] is True  # for review, not a broken book
    assert [
        r["coupon_id"] for r in checked["for_review"] if r["review"] == "coupon_used_twice"
    ] == [coupon]

    # every store can learn that the coupon is spent, and that its second use is under review
    used = [c for c in server.get("/v1/changes?after=0")["changes"] if c["kind"] == "coupon"]
    assert [(c["coupon_id"], c["store_id"], c["review"]) for c in used] == [
        (coupon, server.store_id, False),
        (coupon, shop_b["store_id"], True),
    ]

    # the other store's retry is a duplicate, not a third use
    again = server.post("/v1/events", {"events": at_b}, token=shop_b["token"])[1]
    assert _statuses(again) == ["duplicate", "duplicate"]
    assert len(_command(server.db, "review", "list")["coupons"]) == 1

    assert _command(server.db, "review", "clear-coupon", coupon)["cleared"] == 1
    assert _command(server.db, "review", "list")["coupons"] == []
    checked = _command(server.db, "check", "--json")
    assert [r for r in checked["for_review"] if r["review"] == "coupon_used_twice"] == []


def test_the_same_redemption_sent_twice_is_one_redemption_and_no_conflict(server: Server) -> None:
    member, coupon = str(uuid.uuid4()), str(uuid.uuid4())
    sold, used = _sale_with_coupon(member, 2, coupon)
    first = server.post("/v1/events", {"events": [enrolled(member, 1), sold, used, used]})[1]
    assert _statuses(first) == ["applied", "applied", "applied", "duplicate"]
    assert _statuses(server.post("/v1/events", {"events": [used]})[1]) == ["duplicate"]
    # the same sale's redemption under an older till's key is the same use, not a second one
    old = coupon_redeemed(member, 9, coupon, sale_id=sold["payload"]["id"], key=f"coupon:{coupon}")
    assert _statuses(server.post("/v1/events", {"events": [old]})[1]) == ["applied"]

    assert len(_redemptions(server, coupon)) == 1
    assert server.sql("select count(*) from coupon_conflicts") == [(0,)]
    assert _command(server.db, "review", "list")["coupons"] == []


def test_a_second_sale_at_the_same_store_using_the_coupon_is_applied_and_flagged(
    server: Server,
) -> None:
    """A till restored from a backup that had not seen the first use: its sale is not held back."""
    member, coupon = str(uuid.uuid4()), str(uuid.uuid4())
    first = _sale_with_coupon(member, 2, coupon)
    second = _sale_with_coupon(member, 4, coupon)
    # one batch, both new: the fast path claims the coupon once and flags the other sale
    answer = server.post("/v1/events", {"events": [enrolled(member, 1), *first, *second]})[1]
    assert _statuses(answer) == ["applied"] * 5
    assert _balance(server, member) == 2 * (105 + 50)
    assert _redemptions(server, coupon) == [(server.store_id, first[0]["payload"]["id"])]
    [flagged] = _command(server.db, "review", "list")["coupons"]
    assert (flagged["sale_id"], flagged["store_id"]) == (
        second[0]["payload"]["id"],
        server.store_id,
    )


def test_a_refunded_sale_keeps_its_coupon_used(server: Server) -> None:
    """As at the till, a refund gives the coupon's points back to the shop but not the coupon."""
    shop_b = _command(server.db, "store", "add", "Shop B")["token"]
    member, coupon = str(uuid.uuid4()), str(uuid.uuid4())
    sold, used = _sale_with_coupon(member, 2, coupon)
    returned = refund(sold, 4, 105)
    answer = server.post("/v1/events", {"events": [enrolled(member, 1), sold, used, returned]})[1]
    assert _statuses(answer) == ["applied"] * 4
    assert _redemptions(server, coupon) == [(server.store_id, sold["payload"]["id"])]

    later = _sale_with_coupon(member, 1, coupon)
    assert _statuses(server.post("/v1/events", {"events": later}, token=shop_b)[1]) == [
        "applied",
        "applied",
    ]
    [flagged] = _command(server.db, "review", "list")["coupons"]
    assert flagged["sale_id"] == later[0]["payload"]["id"]


def _post(
    server: Server,
    start: threading.Barrier,
    codes: list[int],
    events: list[dict[str, Any]],
    token: str | None,
) -> None:
    start.wait()
    codes.append(server.post("/v1/events", {"events": events}, token=token)[0])


def test_two_stores_pushing_one_coupon_at_the_same_moment_claim_it_once(server: Server) -> None:
    shop_b = _command(server.db, "store", "add", "Shop B")["token"]
    member = str(uuid.uuid4())
    assert server.post("/v1/events", {"events": [enrolled(member, 1)]})[0] == 200
    coupons = [str(uuid.uuid4()) for _ in range(8)]
    codes: list[int] = []
    for n, coupon in enumerate(coupons):
        batches = [
            (_sale_with_coupon(member, 10 + 2 * n, coupon), None),
            (_sale_with_coupon(member, 10 + 2 * n, coupon), shop_b),
        ]
        start = threading.Barrier(2)
        workers = [threading.Thread(target=_post, args=(server, start, codes, *b)) for b in batches]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
    assert codes == [200] * 2 * len(coupons)
    claims = server.sql("select coupon_id::text, count(*) from coupon_redemptions group by 1")
    later = server.sql("select coupon_id::text, count(*) from coupon_conflicts group by 1")
    assert sorted(claims) == sorted(later) == sorted((c, 1) for c in coupons)
    assert _balance(server, member) == 2 * len(coupons) * (105 + 50)
