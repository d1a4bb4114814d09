"""A refund whose movements give back to a lot exactly what they take from it (found by the soak)."""

from __future__ import annotations

import uuid

from tests.server.conftest import Server
from tests.server.events import AT, enrolled, refund, sale


def _move(member: str, kind: str, points: int, lot: str, taken: int) -> dict[str, object]:
    return {
        "id": str(uuid.uuid4()),
        "member_id": member,
        "kind": kind,
        "points": points,
        "at": AT,
        "lots": [],
        "allocations": [{"lot_id": lot, "points": taken}],
        "reason": None,
        "activity": None,
        "request_id": None,
    }


def test_a_refund_restoring_and_reversing_on_one_lot_is_applied_not_a_server_error(
    server: Server,
) -> None:
    # A till wrote this: the points a sale spent go back to lot L (-2 taken) and the points
    # it earned are taken back from that same lot (+2). Alone in a batch, the server's lot
    # update had no row to write and answered 500 on every try, so the store's queue stuck.
    member = str(uuid.uuid4())
    sold = sale(member, 2, earned=100, price="100.00")
    lot = str(uuid.uuid4())
    sold["payload"]["movements"][0]["lots"] = [
        {"id": lot, "points": 100, "expires_at": "2027-03-02T02:00:00+00:00"}
    ]
    back = refund(sold, 3, 2)
    back["payload"]["restored"] = 2
    back["payload"]["movements"] = [
        _move(member, "refund_restore", 2, lot, -2),
        _move(member, "refund_reversal", -2, lot, 2),
    ]
    assert server.post("/v1/events", {"events": [enrolled(member, 1), sold]})[0] == 200

    code, answer = server.post("/v1/events", {"events": [back]})

    assert (code, answer["results"][0]["status"]) == (200, "applied"), answer
    assert server.sql(f"select points from balances where member_id = '{member}'") == [(100,)]
    assert server.sql(f"select remaining from lots where id = '{lot}'") == [(100,)]
