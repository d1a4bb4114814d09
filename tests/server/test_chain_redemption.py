"""Real tills redeeming against a real server: a hold online, the manager's limits offline, a lone shop untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from loyalty_desktop.app import open_database
from loyalty_desktop.domain.errors import RedemptionNotAllowed
from loyalty_desktop.services import checkout, members, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.chain_redemption import redemption_limits, set_redemption_limits
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM
from tests.server import test_store_pull
from tests.server.conftest import Server
from tests.server.test_store_pull import Till, _server_points

MANAGER = Actor("Mia", Role.MANAGER)
tills = test_store_pull.tills  # two connected tills (the fixture)


def _member_with_points(till: Till, sale_no: str, total: str) -> members.Member:
    member = members.enrol(till.shop, LOCAL_ADMIN, members.NewMember("王芳"))
    checkout.checkout(till.shop, LOCAL_ADMIN, SaleRequest(sale_no, member.member_no, total))
    return member


def _redeem(till: Till, sale_no: str, member_no: str, points: int) -> checkout.SaleResult:
    # 0.01 a point, at most half the bill: a bill of twice the points' value
    total = f"{points / 50:.2f}"
    return checkout.checkout(
        till.shop, LOCAL_ADMIN, SaleRequest(sale_no, member_no, total, redeem=points)
    )


def _refused(till: Till, sale_no: str, member_no: str, points: int) -> RedemptionNotAllowed:
    sales_before = till.sql("select count(*) from sales")
    queued_before = till.sql("select count(*) from outbox")
    with pytest.raises(RedemptionNotAllowed) as refused:
        _redeem(till, sale_no, member_no, points)
    assert till.sql("select count(*) from sales") == sales_before  # nothing posted
    assert till.sql("select count(*) from outbox") == queued_before
    return refused.value


def test_online_a_redemption_the_chain_has_not_got_is_refused_and_nothing_posted(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    member = _member_with_points(a, "A-1", "1000.00")
    a.sync()
    b.sync()
    assert b.points(member.member_no) == 1000

    at_a = _redeem(a, "A-2", member.member_no, 800)  # held on the server, not sent yet
    assert at_a.redeemed == 800
    (payload,) = a.sql("select payload from outbox where key like 'sale:%' and sent_at is null")
    assert '"hold_id"' in payload[0]
    assert "redeemed_offline" not in payload[0]
    assert [h["points"] for h in _live_holds(server)] == [800]

    # B's own copy still says 1000: the server says the chain has 200 left
    refused = _refused(b, "B-1", member.member_no, 800)
    assert refused.reason == "chain_balance_too_low"
    assert (refused.details["available"], refused.details["points"]) == (200, 800)
    assert "without redeeming" in str(refused)
    # the cashier completes the sale without the points
    plain = checkout.checkout(b.shop, LOCAL_ADMIN, SaleRequest("B-1", member.member_no, "16.00"))
    assert plain.redeemed == 0

    a.sync()  # A's sale commits its hold
    assert sorted(server.sql("select status from holds")) == [("committed",), ("refused",)]
    assert _live_holds(server) == []
    spent = _redeem(b, "B-2", member.member_no, 100)
    assert spent.redeemed == 100
    b.sync()
    a.sync()
    left = _server_points(server, member.id)
    assert a.points(member.member_no) == b.points(member.member_no) == left
    assert left == 1000 - 800 + at_a.earned + plain.earned - 100 + spent.earned
    assert a.check() == b.check() == ()


def _live_holds(server: Server) -> list[dict[str, int]]:
    rows = server.sql("select points from holds where status = 'held' and expires_at > now()")
    return [{"points": r[0]} for r in rows]


def test_points_earned_here_and_not_sent_yet_need_no_hold(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, _ = tills
    member = _member_with_points(a, "A-1", "1000.00")  # the server has not heard of the member
    spent = _redeem(a, "A-2", member.member_no, 800)
    assert spent.redeemed == 800
    assert server.sql("select count(*) from holds") == [(0,)]
    a.sync()
    assert _server_points(server, member.id) == 1000 - 800 + spent.earned


def test_offline_the_snapshot_age_member_allowance_and_store_cap_each_refuse_at_their_limit(
    tills: tuple[Till, Till], server: Server, clock: FixedClock
) -> None:
    a, _ = tills
    first = _member_with_points(a, "A-1", "1000.00")
    second = _member_with_points(a, "A-2", "1000.00")
    third = _member_with_points(a, "A-3", "1000.00")
    a.sync()
    set_redemption_limits(a.shop, MANAGER, store_cap=800)
    server.proc.kill()  # the server goes away; the till keeps selling
    server.proc.wait()

    # the per-member allowance (500): up to it, then not a point more
    assert _redeem(a, "A-4", first.member_no, 500).redeemed == 500
    refused = _refused(a, "A-5", first.member_no, 1)
    assert refused.reason == "offline_allowance"
    assert (refused.details["allowance"], refused.details["used"]) == (500, 500)

    # the store's exposure cap (800 here): 500 taken, 300 more is the cap, 1 beyond is not
    refused = _refused(a, "A-6", second.member_no, 301)
    assert refused.reason == "offline_exposure_cap"
    assert (refused.details["cap"], refused.details["exposure"]) == (800, 500)
    assert _redeem(a, "A-6", second.member_no, 300).redeemed == 300
    assert _refused(a, "A-7", third.member_no, 1).reason == "offline_exposure_cap"

    # the snapshot's age (24 h): just under it the rules above apply, just over it no redemption
    set_redemption_limits(a.shop, MANAGER, store_cap=5000)
    clock.advance(hours=23, minutes=59)
    assert _redeem(a, "A-8", third.member_no, 100).redeemed == 100
    clock.advance(minutes=2)
    refused = _refused(a, "A-9", third.member_no, 100)
    assert refused.reason == "offline_snapshot_stale"
    assert refused.details["max_hours"] == 24
    # a sale without points goes ahead
    checkout.checkout(a.shop, LOCAL_ADMIN, SaleRequest("A-9", third.member_no, "10.00"))
    offline = a.sql("select count(*) from outbox where payload like '%redeemed_offline%'")
    assert offline == [(3,)]


def test_a_till_not_connected_to_a_server_redeems_without_any_limit(
    tmp_path: Path, clock: FixedClock
) -> None:
    opened = open_database(tmp_path / "lone.db", clock=clock, keys_dir=tmp_path / "keys")
    assert opened.shop.sync_server is not None  # it could connect, but has not
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "test")
    member = members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember("李雷"))
    checkout.checkout(opened.shop, LOCAL_ADMIN, SaleRequest("L-1", member.member_no, "5000.00"))
    clock.advance(days=30)  # nothing was ever pulled; no allowance applies either
    for n in range(3):
        sold = checkout.checkout(
            opened.shop,
            LOCAL_ADMIN,
            SaleRequest(f"L-{n + 2}", member.member_no, "20.00", redeem=900),
        )
        assert sold.redeemed == 900
    assert "redeemed_offline" not in str(
        opened.engine.connect().exec_driver_sql("select group_concat(payload) from outbox").all()
    )
    opened.engine.dispose()


def test_the_limits_are_a_manager_s_and_kept(tills: tuple[Till, Till]) -> None:
    a, _ = tills
    set_redemption_limits(a.shop, MANAGER, member_allowance=200, max_snapshot_age_hours=2)
    got = redemption_limits(a.shop, MANAGER)
    assert (got.member_allowance, got.store_cap, got.max_snapshot_age_hours) == (200, 5000, 2)
    assert a.sql("select action from audit where action = 'sync.limits'") == [("sync.limits",)]
