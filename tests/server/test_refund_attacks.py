"""Refunds a careless or hostile store sends: one refused alone, never a 500 or a lost count (attack14)."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy

from loyalty_desktop.app import Opened
from loyalty_desktop.db.sync_queue import SqlSyncQueue
from loyalty_desktop.server.refund_checks import RefundClaim, check_refunds
from loyalty_desktop.server.transactions import server_engine
from tests.server.conftest import Server, _command
from tests.server.direct import wait_for_lock
from tests.server.events import enrolled, refund, sale
from tests.server.test_refund_recomputed import (
    _balance,
    _check,
    _connect,
    _edit_refund,
    _push,
    _refund,
    _sell,
    till,
)

__all__ = ["till"]  # the fixture, by the name the tests ask for


def _post_queue(server: Server, till: Opened) -> tuple[int, Any]:
    """The till's queued events, posted as its pump posts them."""
    return server.post(
        "/v1/events", {"events": [e.wire() for e in SqlSyncQueue(till.engine).pending(1000)]}
    )


@pytest.mark.parametrize("ahead", [0, 5], ids=["checked", "unchecked"])
@pytest.mark.parametrize("lines", [1, True, 2.5, ["a line"]], ids=["int", "bool", "float", "text"])
def test_a_refund_whose_lines_are_not_a_list_of_lines_is_rejected_alone(
    server: Server, till: Opened, ahead: int, lines: Any
) -> None:
    member_no = _connect(till, server)
    _sell(till, "S1", member_no)
    assert _push(server, till).rejected == 0
    _refund(till, "R1", "S1", lines=(("TEA", "1"),))
    _edit_refund(till, "R1", lambda p: p.update(lines=lines, refunds_before=ahead))

    status, body = _post_queue(server, till)

    assert status == 200, body  # was a 500 on every retry: the till's queue stopped
    assert [(r["status"], r["reason"]) for r in body["results"]] == [
        ("rejected", "refund: lines must be a list of objects")
    ]


@pytest.mark.parametrize("paid_back", ["30.0001", "999999999999999"], ids=["5-decimals", "huge"])
def test_an_unchecked_refund_s_odd_money_leaves_the_next_refund_unchecked_not_a_500(
    server: Server, till: Opened, paid_back: str
) -> None:
    member_no = _connect(till, server)
    _sell(till, "S1", member_no)
    _refund(till, "R1", "S1", lines=(("TEA", "1"),))

    def odd(p: dict[str, Any]) -> None:  # unchecked: ahead of the refunds the server has
        p["refunds_before"] = 7
        p["paid_back"] = paid_back

    _edit_refund(till, "R1", odd)
    assert _push(server, till).rejected == 0
    _refund(till, "R2", "S1", lines=(("TEA", "1"),))  # honest, the sale's second refund

    report = _push(server, till)

    assert report.rejected == 0  # was a 500 on every retry
    assert _check(server)["refunds_unchecked"] == 2


def test_refunds_whose_totals_would_leave_what_a_till_keeps_are_refused_not_a_500(
    server: Server,
) -> None:
    member = str(uuid.uuid4())
    sold = sale(member, 2)  # never sent: its refunds are parked (and counted unchecked)
    big = 10**17  # the most points one refund may name (limits.MAX_POINTS)

    def swing(seq: int) -> dict[str, Any]:  # reverses and restores big: the balance stays
        event = refund(sold, seq, big)
        p = event["payload"]
        back = dict(p["movements"][0], id=str(uuid.uuid4()), kind="refund_restore", points=big)
        p["movements"].append(back)
        p["restored"] = big
        return event

    assert server.post("/v1/events", {"events": [enrolled(member, 1)]})[0] == 200
    status, body = server.post("/v1/events", {"events": [swing(3 + i) for i in range(93)]})

    assert status == 200, body  # 93 x 10**17 passes 2**63 - 1: was a bigint overflow, a 500
    statuses = [r["status"] for r in body["results"]]
    assert statuses == ["applied"] + ["rejected"] * 92
    assert body["results"][1]["reason"].startswith("refund: the sale's refunds would take back")


def test_a_refund_naming_another_member_than_its_sale_s_is_not_counted_as_worked_out(
    server: Server, till: Opened
) -> None:
    member_no = _connect(till, server)
    earned = _sell(till, "S1", member_no)
    _push(server, till)
    _refund(till, "R1", "S1", lines=(("TEA", "2"), ("POST", "1"), ("CAKE", "1")))
    nobody = str(uuid.uuid4())

    def elsewhere(p: dict[str, Any]) -> None:  # the honest numbers, another member
        p["member_id"] = nobody
        for m in p["movements"]:
            m["member_id"] = nobody

    _edit_refund(till, "R1", elsewhere)

    assert _push(server, till).rejected == 0
    assert _check(server)["refunds_unchecked"] == 1  # before: counted as worked out
    assert server.sql("select count(*) from parked") == [(1,)]  # waits for a sale never its
    assert _balance(server, member_no) == earned


def _claim(store: uuid.UUID, sale_id: uuid.UUID, points: int) -> RefundClaim:
    """An unchecked refund of one unit of the sale's first line."""
    payload = {
        "reversed": points,
        "restored": 0,
        "paid_back": "10.00",
        "lines": [{"line": 0, "qty": "1", "net": "10.00"}],
    }
    return RefundClaim(store, sale_id, payload, f"sale:{sale_id}", None, None, None)


def test_the_first_refunds_of_a_sale_in_two_transactions_at_once_are_both_counted(
    server_db: str,
) -> None:
    # Batches naming one member are serialised on the member's balance row; refunds of one
    # sale under two members (a merge between them) are not. check_refunds on two
    # connections, as the two batches' transactions run it.
    store = uuid.UUID(_command(server_db, "store", "add", "Shop A")["store_id"])
    sale_id = uuid.uuid4()
    engine = server_engine(server_db)
    now = datetime.now(UTC)
    try:
        first = engine.connect()
        held = first.begin()
        check_refunds(first, [_claim(store, sale_id, 5)], now)  # batch A, not committed

        def batch_b() -> None:
            with engine.begin() as second:
                check_refunds(second, [_claim(store, sale_id, 7)], now)

        b = threading.Thread(target=batch_b)
        b.start()
        wait_for_lock(engine, "refund_totals")  # until B waits on A's row
        held.commit()
        first.close()
        b.join(30)

        with engine.connect() as conn:
            row = conn.execute(
                sqlalchemy.text("select refunds, unchecked, reversed, lines from refund_totals")
            ).one()
    finally:
        engine.dispose()
    assert tuple(row) == (2, 2, 12, '{"0": ["2", "20.00"]}')  # before: (1, 1, 7, …)
