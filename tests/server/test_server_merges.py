"""The server keeps the stores' merges: a duplicate's late sale is the kept member's; no loops."""

from __future__ import annotations

import uuid
from typing import Any

from tests.server.conftest import Server, _command
from tests.server.events import enrolled, merged, refund, sale


def _balance(server: Server, member: str) -> int:
    found = server.sql(f"select points from balances where member_id = '{member}'")
    return found[0][0] if found else 0


def _status(server: Server, events: list[dict[str, Any]]) -> list[str]:
    code, answer = server.post("/v1/events", {"events": events})
    assert code == 200, answer
    return [r["status"] for r in answer["results"]]


def _refund_by(member: str, sold: dict[str, Any], seq: int, points: int) -> dict[str, Any]:
    """A refund of ``sold`` made at a till that knows the buyer as ``member``."""
    back = refund(sold, seq, points)
    back["payload"]["member_id"] = member
    back["payload"]["movements"][0]["member_id"] = member
    return back


def test_a_chain_of_merges_records_a_late_sale_for_the_last_member_kept(server: Server) -> None:
    """A into B, B into C (sent in either order): A's late sale is C's, and C's refund applies."""
    for chain_backwards in (False, True):
        a, b, c = (str(uuid.uuid4()) for _ in range(3))
        assert _status(server, [enrolled(a, 1), enrolled(b, 2), enrolled(c, 3)]) == ["applied"] * 3
        steps = [merged(b, a, 4, 0), merged(c, b, 5, 0)]
        for step in reversed(steps) if chain_backwards else steps:
            assert _status(server, [step]) == ["applied"]
        sold = sale(a, 6, earned=100, price="100.00")

        assert _status(server, [sold]) == ["applied"]
        assert _status(server, [_refund_by(c, sold, 7, 30)]) == ["applied"]

        recorded = server.sql(f"select member_id from sales where id = '{sold['payload']['id']}'")
        assert [str(r[0]) for r in recorded] == [c]
        assert (_balance(server, a), _balance(server, c)) == (100, -30)
        assert server.sql("select count(*) from parked")[0][0] == 0


def test_a_refund_parked_under_the_duplicate_is_applied_when_the_sale_comes_after_the_merge(
    server: Server,
) -> None:
    """A till that had not heard of the merge refunds the duplicate's sale: it waits, then applies."""
    keep, other = str(uuid.uuid4()), str(uuid.uuid4())
    sold = sale(other, 3, earned=100, price="100.00")
    assert _status(server, [enrolled(keep, 1), enrolled(other, 2)]) == ["applied"] * 2
    assert _status(server, [refund(sold, 5, 40)]) == ["applied"]  # parked, names the duplicate
    assert _status(server, [merged(keep, other, 4, 0)]) == ["applied"]
    assert server.sql("select count(*) from parked")[0][0] == 1

    assert _status(server, [sold]) == ["applied"]

    assert server.sql("select count(*) from parked")[0][0] == 0
    assert _balance(server, other) == 60  # the sale's and the refund's movements name it


def test_a_merge_into_itself_or_into_a_loop_is_refused_and_changes_nothing(server: Server) -> None:
    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    rich = sale(a, 4, earned=100, price="100.00")
    joined = [enrolled(a, 1), enrolled(b, 2), enrolled(c, 3)]
    assert _status(server, [*joined, rich]) == ["applied"] * 4
    assert _status(server, [merged(b, a, 5, 100), merged(c, b, 6, 100)]) == ["applied"] * 2
    before = server.sql("select member_id, points from balances order by member_id")

    attempts = [merged(a, a, 7, 100), merged(a, c, 8, 100), merged(b, c, 9, 100)]
    attempts.append(merged(a, b, 10, 5))
    for n, attempt in enumerate(attempts):  # keys of their own: the refusal, not a replayed key
        attempt["key"] = f"merge:try-{n}"
    refused = _status(server, attempts)

    # itself; C into A and C into B close loops; B was merged already
    assert refused == ["rejected"] * 4
    assert server.sql("select member_id, points from balances order by member_id") == before
    assert server.sql("select count(*) from merges")[0][0] == 2
    reasons = server.sql("select reason from inbox where status = 'rejected' order by seq")
    assert "themselves" in reasons[0][0]
    assert "loop" in reasons[1][0]
    assert "loop" in reasons[2][0]
    assert "already merged" in reasons[3][0]


def test_a_merge_and_the_duplicates_sale_in_one_batch_apply_in_either_order(
    server: Server,
) -> None:
    for sale_first in (True, False):
        keep, other = str(uuid.uuid4()), str(uuid.uuid4())
        sold = sale(other, 3, earned=80, price="80.00")
        merge = merged(keep, other, 4, 0)
        pair = [sold, merge] if sale_first else [merge, sold]
        assert _status(server, [enrolled(keep, 1), enrolled(other, 2), *pair]) == ["applied"] * 4
        assert _status(server, [_refund_by(keep, sold, 5, 80)]) == ["applied"]
        assert _balance(server, keep) == -80
        assert server.sql(f"select count(*) from parked where member_id = '{keep}'")[0][0] == 0


def test_two_stores_merging_the_same_duplicate_offline_both_move_their_points(
    server: Server,
) -> None:
    """Each store moved the duplicate's points it knew of; together they leave it at zero."""
    shop_b = _command(server.db, "store", "add", "Shop B")
    keep, other, elsewhere = (str(uuid.uuid4()) for _ in range(3))
    joined = [enrolled(keep, 1), enrolled(other, 2), enrolled(elsewhere, 3)]
    assert _status(server, [*joined, sale(other, 4, earned=100, price="100.00")]) == ["applied"] * 4
    at_b = [sale(other, 1, earned=50, price="50.00")]
    code, answer = server.post("/v1/events", {"events": at_b}, token=shop_b["token"])
    assert (code, [r["status"] for r in answer["results"]]) == (200, ["applied"])
    assert _status(server, [merged(keep, other, 5, 100)]) == ["applied"]  # store A knew 100

    code, answer = server.post(
        "/v1/events", {"events": [merged(keep, other, 2, 50)]}, token=shop_b["token"]
    )  # store B merged the same pair offline, knowing its 50

    assert (code, [r["status"] for r in answer["results"]]) == (200, ["applied"])
    assert (_balance(server, other), _balance(server, keep)) == (0, 150)
    assert server.sql("select count(*) from merges")[0][0] == 1
    into_another = merged(elsewhere, other, 3, 0)  # the same duplicate into someone else: no
    into_another["key"] = "merge:elsewhere"
    code, answer = server.post("/v1/events", {"events": [into_another]}, token=shop_b["token"])
    assert [r["status"] for r in answer["results"]] == ["rejected"]
    assert "already merged" in answer["results"][0]["reason"]
