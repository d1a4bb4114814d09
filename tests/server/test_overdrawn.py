"""Two offline stores spend the same points: both sales stand, the balance goes negative, the member is flagged."""

from __future__ import annotations

import copy
import uuid
from typing import Any

from tests.server.conftest import Server, _command
from tests.server.events import enrolled, sale


def _redemption(member: str, seq: int, points: int) -> dict[str, Any]:
    """A sale of 10.00 paid with ``points`` worth 0.01 each and the rest in money, earning nothing."""
    event = sale(member, seq, earned=0, price="10.00")
    p = event["payload"]
    value = f"{points / 100:.2f}"
    p["points_redeemed"], p["points_value"] = points, value
    p["paid"] = f"{10 - points / 100:.2f}"
    p["movements"] = [dict(p["movements"][0], kind="redeem", points=-points)]
    return event


def _balance(server: Server, member: str) -> int:
    return server.sql(f"select points from balances where member_id = '{member}'")[0][0]


def test_two_stores_redeeming_800_of_1000_offline_leave_minus_600_flagged_then_repaid(
    server: Server,
) -> None:
    shop_b = _command(server.db, "store", "add", "Shop B")["token"]
    member = str(uuid.uuid4())
    home = [enrolled(member, 1), sale(member, 2, earned=1000, price="1000.00")]
    assert server.post("/v1/events", {"events": home})[0] == 200

    at_a = _redemption(member, 3, 800)
    at_b = copy.deepcopy(_redemption(member, 1, 800))  # the other till: its own device, its own seq
    code_a, answer_a = server.post("/v1/events", {"events": [at_a]})
    code_b, answer_b = server.post("/v1/events", {"events": [at_b]}, token=shop_b)

    assert (code_a, code_b) == (200, 200)
    assert [answer_a["results"][0]["status"], answer_b["results"][0]["status"]] == ["applied"] * 2
    assert _balance(server, member) == -600  # both sales stand: nothing is reversed
    flagged = _command(server.db, "review", "list")["members"]
    assert [(m["member_id"], m["points_when_flagged"]) for m in flagged] == [(member, -600)]
    pulled = [c for c in server.get("/v1/changes?after=0")["changes"] if c["member_id"] == member]
    assert pulled[-1]["review"] is True
    assert pulled[0]["review"] is False

    repaid = sale(member, 2, earned=700, price="700.00")
    assert server.post("/v1/events", {"events": [repaid]}, token=shop_b)[0] == 200
    assert _balance(server, member) == 100
    still = _command(server.db, "review", "list")["members"]
    assert [(m["points_when_flagged"], m["points_now"]) for m in still] == [(-600, 100)]
    assert _command(server.db, "review", "clear", member)["cleared"] is True
    assert _command(server.db, "review", "list")["members"] == []


def test_a_balance_that_stays_at_zero_or_above_flags_nobody(server: Server) -> None:
    member = str(uuid.uuid4())
    events = [enrolled(member, 1), sale(member, 2, 500, "500.00"), _redemption(member, 3, 500)]
    assert server.post("/v1/events", {"events": events})[0] == 200
    assert _balance(server, member) == 0
    assert _command(server.db, "review", "list")["members"] == []
