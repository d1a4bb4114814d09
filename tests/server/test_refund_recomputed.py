"""The server works each refund out again from the sale it applied: a real till, a real server."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.money import format_money
from loyalty_desktop.services import (
    checkout,
    member_view,
    members,
    points,
    refunds,
    sync,
)
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.sync.http import HttpSyncServer
from tests.conftest import FixedClock
from tests.server.conftest import Server, _command
from tests.server.test_earn_recomputed import BASKET, till

__all__ = ["till"]  # the till with the programme loaded, by the name the tests ask for


def _connect(till: Opened, server: Server) -> str:
    sync.connect_to(till.shop, LOCAL_ADMIN, server.url, server.token)
    return members.enrol(till.shop, LOCAL_ADMIN, members.NewMember("王芳")).member_no


def _sell(till: Opened, sale_no: str, member_no: str, redeem: int = 0) -> int:
    return checkout.checkout(
        till.shop, LOCAL_ADMIN, SaleRequest(sale_no, member_no, lines=BASKET, redeem=redeem)
    ).earned


def _refund(till: Opened, refund_no: str, sale_no: str, **asked: Any) -> refunds.RefundResult:
    return refunds.refund(
        till.shop, LOCAL_ADMIN, refunds.RefundRequest(refund_no, sale_no, **asked)
    )


def _push(server: Server, till: Opened) -> sync.SyncReport:
    return sync.push_pending(till.shop, HttpSyncServer(server.url, server.token))


def _check(server: Server) -> dict[str, Any]:
    return dict(_command(server.db, "check", "--json"))


def _balance(server: Server, member_no: str) -> int:
    found = server.sql(
        f"select b.points from balances b join members m on m.id = b.member_id "
        f"where m.member_no = '{member_no}'"
    )
    return int(found[0][0]) if found else 0


def _till_balance(till: Opened, member_no: str) -> int:
    return member_view.show_member(till.shop, LOCAL_ADMIN, member_no).points


def _edit_refund(till: Opened, refund_no: str, change: Callable[[dict[str, Any]], None]) -> None:
    """Change a queued refund's payload, as a bad or hostile till would before sending it."""
    db = str(till.engine.url.database)
    with sqlite3.connect(db) as conn:
        for row_id, text in conn.execute("select id, payload from outbox where kind = 'refund'"):
            payload = json.loads(text)
            if payload["refund_id"] == refund_no:
                change(payload)
                conn.execute(
                    "update outbox set payload = ? where id = ?", (json.dumps(payload), row_id)
                )


def _reversing(p: dict[str, Any], points: int) -> None:
    """Make a refund payload take back ``points`` (said, and moved from its one lot)."""
    p["reversed"] = points
    for m in p["movements"]:
        if m["kind"] == "refund_reversal":
            m["points"] = -points
            m["allocations"][0]["points"] = points


def _rejected(server: Server) -> list[str]:
    return [r for (r,) in server.sql("select reason from inbox where status = 'rejected'")]


def test_refunds_by_goods_and_by_amount_are_each_worked_out_again_and_agree(
    server: Server, till: Opened
) -> None:
    member_no = _connect(till, server)
    _sell(till, "S1", member_no)
    _sell(till, "S2", member_no, redeem=100)  # points paid: a refund gives a share back
    done = [
        _refund(till, "R1", "S1", lines=(("TEA", "1"),)),
        _refund(till, "R2", "S1", amount="10.00"),
        _refund(till, "R3", "S2", lines=(("CAKE", "1"), ("TEA", "2"))),
        _refund(till, "R4", "S1", lines=(("TEA", "1"), ("CAKE", "1"))),
    ]
    assert all(r.reversed > 0 for r in done)  # the test moves points
    assert done[2].restored > 0

    report = _push(server, till)

    assert (report.rejected, _rejected(server)) == (0, [])
    assert _balance(server, member_no) == _till_balance(till, member_no)
    found = _check(server)
    assert (found["ok"], found["refunds_unchecked"]) == (True, 0)
    assert server.sql("select sum(refunds), sum(unchecked) from refund_totals") == [(4, 0)]


def test_a_refund_that_takes_back_fewer_points_than_the_sale_gives_is_rejected(
    server: Server, till: Opened
) -> None:
    member_no = _connect(till, server)
    earned = _sell(till, "S1", member_no)
    honest = _refund(till, "R1", "S1", lines=(("TEA", "2"),))

    _edit_refund(till, "R1", lambda p: _reversing(p, 1))  # the member keeps all but one point

    assert _push(server, till).rejected == 1
    assert _rejected(server) == [
        "refund: reversed 1 and restored 0 points, paid back 60.00; "
        f"the sale gives {honest.reversed}, 0 and 60.00"
    ]
    assert _balance(server, member_no) == earned  # the sale's points; the refund applied none


def test_a_refund_that_gives_back_more_points_paid_than_the_goods_carry_is_rejected(
    server: Server, till: Opened
) -> None:
    member_no = _connect(till, server)
    _sell(till, "S1", member_no)
    _sell(till, "S2", member_no, redeem=100)
    honest = _refund(till, "R1", "S2", lines=(("CAKE", "1"),))
    assert 0 < honest.restored < 100

    def all_back(p: dict[str, Any]) -> None:
        p["restored"] = 100
        for m in p["movements"]:
            if m["kind"] == "refund_restore":
                m["points"] = 100
                m["allocations"][0]["points"] = -100

    _edit_refund(till, "R1", all_back)

    assert _push(server, till).rejected == 1
    [reason] = _rejected(server)
    assert reason.startswith(f"refund: reversed {honest.reversed} and restored 100 points")
    back = format_money(honest.paid_back, honest.currency)
    assert reason.endswith(f"the sale gives {honest.reversed}, {honest.restored} and {back}")


def test_a_refund_carrying_a_sale_other_than_the_one_sent_is_rejected(
    server: Server, till: Opened
) -> None:
    member_no = _connect(till, server)
    _sell(till, "S1", member_no)
    _refund(till, "R1", "S1", lines=(("TEA", "1"),))

    def richer_sale(p: dict[str, Any]) -> None:  # earned more, so more seems owed back
        p["sale_event"]["payload"]["earned"] += 1000

    _edit_refund(till, "R1", richer_sale)

    assert _push(server, till).rejected == 1
    assert _rejected(server) == ["refund: the sale it carries is not the sale this store sent"]


def test_refunds_the_server_cannot_work_out_are_applied_as_sent_and_counted(
    server: Server, till: Opened
) -> None:
    member_no = _connect(till, server)
    _sell(till, "S1", member_no)
    _sell(till, "S2", member_no)
    _refund(till, "R1", "S1", lines=(("TEA", "1"),))
    _refund(till, "R2", "S2", lines=(("TEA", "1"),))
    _refund(till, "R3", "S2", lines=(("CAKE", "1"),))

    def older_till(p: dict[str, Any]) -> None:  # queued before refunds carried their sale
        for name in ("sale_event", "refunds_before", "expired"):
            del p[name]

    def ahead(p: dict[str, Any]) -> None:  # names an earlier refund the server has not got
        p["refunds_before"] = 5

    _edit_refund(till, "R1", older_till)
    with sqlite3.connect(str(till.engine.url.database)) as conn:
        conn.execute(
            "update outbox set version = 1 where key like 'refund:%' and payload "
            "not like '%sale_event%'"
        )
    _edit_refund(till, "R3", ahead)

    assert _push(server, till).rejected == 0
    assert _balance(server, member_no) == _till_balance(till, member_no)
    found = _check(server)
    assert (found["ok"], found["refunds_unchecked"]) == (True, 2)
    assert server.sql("select refunds, unchecked from refund_totals order by refunds") == [
        (1, 1),
        (2, 1),
    ]


def test_a_refund_after_the_sale_s_points_expired_at_the_till_takes_back_none_and_agrees(
    server: Server, till: Opened, clock: FixedClock
) -> None:
    clock.current = datetime.now(UTC) - timedelta(days=400)  # sold 400 days ago (till's clock)
    member_no = _connect(till, server)
    _sell(till, "S1", member_no)
    clock.current = datetime.now(UTC)  # the programme's points live 365 days
    late = _refund(till, "R1", "S1", lines=(("TEA", "2"),))
    assert late.reversed == 0  # the points the tea earned are gone already

    assert _push(server, till).rejected == 0
    assert _check(server)["refunds_unchecked"] == 0


def test_a_refund_after_the_server_undid_the_till_s_own_write_off_takes_back_as_checked(
    server: Server, till: Opened, clock: FixedClock
) -> None:
    # The till writes the lot off by its clock, the server undoes it (by its clock the lot
    # has a year left) and the undo comes back refilled by pull; opening the account for the
    # refund writes it off again. Two write-offs of one lot are one lot's points expired.
    client = HttpSyncServer(server.url, server.token)
    clock.current = datetime.now(UTC) - timedelta(days=400)
    member_no = _connect(till, server)
    earned = _sell(till, "S1", member_no)
    sync.sync_pass(till.shop, client)
    clock.current = datetime.now(UTC)
    assert points.expire(till.shop, LOCAL_ADMIN).expired_points == earned
    sync.sync_pass(till.shop, client)  # pushed, undone on the server, and pulled back
    assert server.sql("select count(*) from ledger where kind = 'expire_undone'") == [(1,)]

    late = _refund(till, "R1", "S1", lines=(("TEA", "2"),))

    assert late.reversed == 0  # what the tea earned had expired: nothing more to take back
    assert _push(server, till).rejected == 0  # was: "refund: 410 points expired; … hold 205"
    assert _check(server)["refunds_unchecked"] == 0


def test_a_refund_from_a_till_whose_clock_runs_far_ahead_is_applied_unchecked(
    server: Server, till: Opened, clock: FixedClock
) -> None:
    clock.current = datetime.now(UTC)
    member_no = _connect(till, server)
    _sell(till, "S1", member_no)
    clock.advance(days=400)  # a clock a year ahead: its lots have expired by it
    assert _refund(till, "R1", "S1", lines=(("TEA", "2"),)).reversed == 0

    assert _push(server, till).rejected == 0
    assert _check(server)["refunds_unchecked"] == 1  # what expired there cannot be told here


@pytest.mark.parametrize("expired", [10_000, 1], ids=["more-than-earned", "before-any-lot-due"])
def test_a_refund_that_says_points_expired_before_any_of_its_sale_s_lots_was_due_is_rejected(
    server: Server, till: Opened, expired: int
) -> None:
    member_no = _connect(till, server)
    _sell(till, "S1", member_no)
    _refund(till, "R1", "S1", lines=(("TEA", "2"),))  # minutes after: nothing can have expired

    def keep_points(p: dict[str, Any]) -> None:  # as if expired, so less to take back
        p["expired"] = expired
        _reversing(p, max(p["reversed"] - expired, 0))

    _edit_refund(till, "R1", keep_points)

    assert _push(server, till).rejected == 1
    [reason] = _rejected(server)
    assert reason.startswith(f"refund: {expired} points expired; the sale's lots due by ")
    assert reason.endswith(" hold 0")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda p: p["lines"][0].update(qty="NaN"), "refund: line 1 qty NaN is out of range"),
        (lambda p: p["lines"].append(dict(p["lines"][0])), "refund: line 0 is named twice"),
        (lambda p: p["lines"][0].update(line=99), "refund: line 99 is not a line of the sale"),
        (
            lambda p: p["lines"][0].update(qty="3"),
            "refund: line 1: 3 returned of 2 open",
        ),
    ],
    ids=["nan-quantity", "line-twice", "no-such-line", "more-than-bought"],
)
def test_a_refund_whose_goods_no_till_could_return_is_rejected_alone(
    server: Server, till: Opened, change: Callable[[dict[str, Any]], None], reason: str
) -> None:
    member_no = _connect(till, server)
    _sell(till, "S1", member_no)
    _refund(till, "R1", "S1", lines=(("TEA", "1"),))
    _sell(till, "S2", member_no)  # after the refund: not held back by it
    _edit_refund(till, "R1", change)

    report = _push(server, till)

    assert (report.rejected, _rejected(server)) == (1, [reason])
    assert server.sql("select count(*) from sales") == [(2,)]


def test_an_unchecked_refund_s_absurd_numbers_are_not_kept_in_its_sale_s_totals(
    server: Server, till: Opened
) -> None:
    member_no = _connect(till, server)
    _sell(till, "S1", member_no)
    _refund(till, "R1", "S1", lines=(("TEA", "1"),))

    def absurd(p: dict[str, Any]) -> None:  # applied unchecked: ahead of an earlier refund
        p["refunds_before"] = 1
        p["lines"][0].update(qty="1.00001", net="1e999999")
        p["paid_back"] = "0.000001"

    _edit_refund(till, "R1", absurd)

    assert _push(server, till).rejected == 0
    [(lines, paid_back)] = server.sql("select lines, paid_back from refund_totals")
    assert (json.loads(lines), paid_back) == ({"0": ["0", "0"]}, "0")  # none a till's number


def test_an_unchecked_refund_taking_the_sale_s_refunds_past_the_sale_is_rejected(
    server: Server, till: Opened
) -> None:
    """A till restored from a backup knew nothing of a refund paid since (helper-76)."""
    member_no = _connect(till, server)
    earned = _sell(till, "S1", member_no)
    _refund(till, "R1", "S1", lines=(("TEA", "1"),))
    after_first = _till_balance(till, member_no)
    _refund(till, "R2", "S1", lines=(("CAKE", "1"),))

    def knew_of_none(p: dict[str, Any]) -> None:  # unchecked: its count of refunds is wrong
        p["refunds_before"] = 0
        _reversing(p, earned)  # and it takes back all the sale earned, again

    _edit_refund(till, "R2", knew_of_none)
    assert _push(server, till).rejected == 1
    [reason] = _rejected(server)
    assert reason.startswith("refund: with the sale's earlier refunds it takes back")
    assert reason.endswith("more than the sale; it was refunded already")
    assert _balance(server, member_no) == after_first
    assert server.sql("select refunds, unchecked from refund_totals") == [(1, 0)]
