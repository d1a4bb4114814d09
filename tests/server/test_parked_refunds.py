"""A refund that reaches the server before its sale waits for it; any order of arrival ends the same."""

from __future__ import annotations

import itertools
import uuid

from tests.server.conftest import Server, _command
from tests.server.events import enrolled, merged, refund, sale


def _balance(server: Server, member: str) -> int:
    found = server.sql(f"select points from balances where member_id = '{member}'")
    return found[0][0] if found else 0


def _pull_points(server: Server, member: str) -> list[int]:
    body = server.get("/v1/changes?after=0")
    return [c["points"] for c in body["changes"] if c["member_id"] == member]


def test_a_refund_before_its_sale_is_parked_then_applied_with_the_sale(server: Server) -> None:
    member = str(uuid.uuid4())
    joined, sold = enrolled(member, 1), sale(member, 2, earned=100, price="100.00")
    back = refund(sold, 3, 40)
    assert server.post("/v1/events", {"events": [joined]})[0] == 200

    code, answer = server.post("/v1/events", {"events": [back]})

    assert (code, answer["results"][0]["status"]) == (200, "applied")  # recorded: the store is done
    assert _balance(server, member) == 0  # nothing taken back from a sale not seen yet
    assert server.sql("select count(*) from parked")[0][0] == 1
    code, answer = server.post("/v1/events", {"events": [sold]})
    assert answer["results"][0]["status"] == "applied"
    assert _balance(server, member) == 60
    assert server.sql("select count(*) from parked")[0][0] == 0
    assert _pull_points(server, member)[-1] == 60
    again = server.post("/v1/events", {"events": [back, sold]})[1]
    assert [r["status"] for r in again["results"]] == ["duplicate", "duplicate"]
    assert _balance(server, member) == 60


def test_every_order_of_one_members_events_ends_with_the_same_balance(server: Server) -> None:
    finals = set()
    for order in itertools.permutations(range(4)):
        member = str(uuid.uuid4())
        first, second = sale(member, 2, 50, "50.00"), sale(member, 3, 30, "30.00")
        events = [enrolled(member, 1), first, second, refund(first, 4, 20)]
        shuffled = [events[i] for i in order]
        # one by one (each its own batch), then the same events again as one batch
        for event in shuffled:
            assert server.post("/v1/events", {"events": [event]})[0] == 200
        assert server.post("/v1/events", {"events": shuffled})[0] == 200
        finals.add(_balance(server, member))
    assert finals == {60}
    assert server.sql("select count(*) from parked")[0][0] == 0


def test_a_sale_and_its_refund_in_one_batch_apply_together_in_either_order(
    server: Server,
) -> None:
    for refund_first in (True, False):
        member = str(uuid.uuid4())
        sold = sale(member, 2, 70, "70.00")
        back = refund(sold, 3, 70)
        pair = [back, sold] if refund_first else [sold, back]
        code, answer = server.post("/v1/events", {"events": [enrolled(member, 1), *pair]})
        assert code == 200
        assert [r["status"] for r in answer["results"]] == ["applied"] * 3
        assert _balance(server, member) == 0
        assert server.sql(f"select count(*) from ledger where member_id = '{member}'")[0][0] == 2


def test_a_sale_and_a_refund_without_a_member_are_still_applied(server: Server) -> None:
    """A walk-in sale (no card) is published with member_id None; the server must not refuse it."""
    sold = sale(str(uuid.uuid4()), 2, earned=0, price="12.00")
    sold["payload"]["member_id"] = None
    sold["payload"]["movements"] = []
    back = refund(sold, 3, 0)
    back["payload"]["movements"] = []

    for batch in ([back], [sold], [back, sold]):
        code, answer = server.post("/v1/events", {"events": batch})
        assert code == 200
        assert {r["status"] for r in answer["results"]} <= {"applied", "duplicate"}, answer
    assert server.sql("select count(*) from parked")[0][0] == 0


def test_a_refund_cannot_move_another_members_points(server: Server) -> None:
    """A refund of A's sale whose movements credit B is refused: B's balance does not move."""
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    sold = sale(a, 3, earned=100, price="100.00")
    assert server.post("/v1/events", {"events": [enrolled(a, 1), enrolled(b, 2), sold]})[0] == 200
    forged = refund(sold, 4, 40)
    forged["payload"]["movements"][0]["member_id"] = b
    forged["payload"]["movements"][0]["points"] = 5000

    code, answer = server.post("/v1/events", {"events": [forged]})

    assert (code, answer["results"][0]["status"]) == (200, "rejected")
    assert "another member" in answer["results"][0]["reason"]
    assert (_balance(server, a), _balance(server, b)) == (100, 0)
    assert server.sql("select count(*) from parked")[0][0] == 0


def test_a_refund_cannot_move_more_points_than_it_says(server: Server) -> None:
    """A refund that says it reversed 40 but whose movement gives 5000 back is refused."""
    a = str(uuid.uuid4())
    sold = sale(a, 2, earned=100, price="100.00")
    assert server.post("/v1/events", {"events": [enrolled(a, 1), sold]})[0] == 200
    forged = refund(sold, 3, 40)
    forged["payload"]["movements"][0]["points"] = 5000

    answer = server.post("/v1/events", {"events": [forged]})[1]

    assert answer["results"][0]["status"] == "rejected"
    assert _balance(server, a) == 100


def test_a_refund_after_a_merge_applies_to_the_sale_of_the_duplicate(server: Server) -> None:
    """The store moves a duplicate's sales to the member kept; a later refund names the kept one."""
    for refund_before_merge in (False, True):
        keep, other = str(uuid.uuid4()), str(uuid.uuid4())
        sold = sale(other, 3, earned=100, price="100.00")
        joined = [enrolled(keep, 1), enrolled(other, 2)]
        assert server.post("/v1/events", {"events": [*joined, sold]})[0] == 200
        back = refund(sold, 5, 40)
        back["payload"]["member_id"] = keep  # the store's sale row is the kept member's now
        back["payload"]["movements"][0]["member_id"] = keep
        steps = [[merged(keep, other, 4, 100)], [back]]
        for batch in reversed(steps) if refund_before_merge else steps:
            code, answer = server.post("/v1/events", {"events": batch})
            assert (code, answer["results"][0]["status"]) == (200, "applied"), answer

        assert (_balance(server, keep), _balance(server, other)) == (60, 0)
        assert server.sql(f"select count(*) from parked where member_id = '{keep}'")[0][0] == 0


def test_a_duplicates_sale_arriving_after_the_merge_is_still_refundable(server: Server) -> None:
    keep, other = str(uuid.uuid4()), str(uuid.uuid4())
    sold = sale(other, 3, earned=100, price="100.00")
    back = refund(sold, 5, 40)
    back["payload"]["member_id"] = keep
    back["payload"]["movements"][0]["member_id"] = keep
    for batch in ([enrolled(keep, 1), enrolled(other, 2)], [merged(keep, other, 4, 100)], [sold]):
        assert server.post("/v1/events", {"events": batch})[0] == 200
    assert server.post("/v1/events", {"events": [back]})[0] == 200

    assert (_balance(server, keep), _balance(server, other)) == (60, 0)


def test_a_refund_from_another_store_cannot_take_back_this_stores_sale(server: Server) -> None:
    """A till refunds only its own store's sales; another store's token naming it is refused."""
    other = _command(server.db, "store", "add", "Shop B")["token"]
    member = str(uuid.uuid4())
    sold = sale(member, 2, earned=100, price="100.00")
    early = sale(member, 4, earned=50, price="50.00")
    assert server.post("/v1/events", {"events": [enrolled(member, 1), sold]})[0] == 200

    code, answer = server.post("/v1/events", {"events": [refund(sold, 3, 40)]}, token=other)
    assert (code, answer["results"][0]["status"]) == (200, "rejected"), answer
    code, answer = server.post("/v1/events", {"events": [refund(early, 5, 50)]}, token=other)
    assert code == 200  # parked: its sale is not here yet
    assert server.post("/v1/events", {"events": [early]})[0] == 200

    assert _balance(server, member) == 150  # neither refund moved a point


def test_a_refund_may_expire_lapsed_points_but_never_credit_other_points(server: Server) -> None:
    """Opening the account at the till expires lapsed lots first: that rides with the refund."""
    member = str(uuid.uuid4())
    sold = sale(member, 2, earned=100, price="100.00")
    assert server.post("/v1/events", {"events": [enrolled(member, 1), sold]})[0] == 200
    honest, forged = refund(sold, 3, 40), refund(sold, 4, 0)
    lapsed = {**honest["payload"]["movements"][0], "id": str(uuid.uuid4())}
    honest["payload"]["movements"].append({**lapsed, "kind": "expire", "points": -10})
    forged["payload"]["movements"] = [
        {**lapsed, "id": str(uuid.uuid4()), "kind": "adjust", "points": 5000}
    ]

    answer = server.post("/v1/events", {"events": [honest, forged]})[1]

    assert [r["status"] for r in answer["results"]] == ["applied", "rejected"], answer
    assert _balance(server, member) == 50
