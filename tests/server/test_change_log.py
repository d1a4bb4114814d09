"""The pull log carries the movements a push applied, erasures and the server's own expire rows."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.server.conftest import Server
from tests.server.events import enrolled, sale
from tests.server.events import merged as merged_event
from tests.server.test_server_expiry import YEAR, _earning, _expire, _push, _spending, _till_expiry


def _changes(server: Server, after: int = 0) -> list[dict[str, Any]]:
    return list(server.get(f"/v1/changes?after={after}")["changes"])


def test_a_members_change_carries_the_movements_pushed_with_the_lot_expiry_the_server_keeps(
    server: Server,
) -> None:
    member = str(uuid.uuid4())
    behind = datetime.now(UTC) - YEAR  # the till's clock: the server counts the year from receipt
    sold, lot = _earning(member, 2, 300, behind)
    assert _push(server, enrolled(member, 1), sold) == ["applied"] * 2
    spent = _spending(member, 3, 100, lot)
    assert _push(server, spent) == ["applied"]

    first, second = _changes(server)
    [earn] = first["movements"]
    assert (earn["id"], earn["kind"], earn["points"], earn["server"]) == (
        sold["payload"]["movements"][0]["id"],
        "earn",
        300,
        False,
    )
    assert earn["sale"] == sold["payload"]["id"]
    [opened] = earn["lots"]
    kept = server.sql(f"select expires_at from lots where id = '{lot}'")[0][0]
    assert (opened["id"], opened["points"]) == (lot, 300)
    assert datetime.fromisoformat(opened["expires_at"]) == kept
    assert kept > datetime.now(UTC) + YEAR - timedelta(minutes=5)  # not the till's year-old one
    [redeem] = second["movements"]
    assert (redeem["kind"], redeem["points"], redeem["allocations"]) == (
        "redeem",
        -100,
        [{"lot_id": lot, "points": 100}],
    )
    assert second["points"] == 200


def test_the_servers_expiry_and_its_undoing_of_a_tills_expiry_travel_as_server_rows(
    server: Server,
) -> None:
    member = str(uuid.uuid4())
    now = datetime.now(UTC)
    sold, lot = _earning(member, 2, 500, now)
    _push(server, enrolled(member, 1), sold)
    cursor = server.get("/v1/changes?after=0")["cursor"]
    assert _push(server, _till_expiry(member, 3, lot, 500, now + YEAR)) == ["applied"]
    _expire(server, now + YEAR + timedelta(days=1))

    till, ours = _changes(server, cursor)
    assert [(m["kind"], m["points"], m["server"]) for m in till["movements"]] == [
        ("expire", -500, False),
        ("expire_undone", 500, True),
    ]
    assert till["movements"][1]["allocations"] == [{"lot_id": lot, "points": -500}]
    assert ours["store_id"] == str(uuid.UUID(int=0))
    [expired] = ours["movements"]
    assert (expired["kind"], expired["points"], expired["server"]) == ("expire", -500, True)
    assert expired["allocations"] == [{"lot_id": lot, "points": 500}]


def test_a_member_erased_at_a_store_is_logged_with_the_status_erased(server: Server) -> None:
    member = str(uuid.uuid4())
    _push(server, enrolled(member, 1))
    cursor = server.get("/v1/changes?after=0")["cursor"]
    erase = {
        **enrolled(member, 2),
        "kind": "member.erased",
        "key": f"erase:{member}",
        "payload": {"member_id": member},
    }
    assert _push(server, erase) == ["applied"]
    [change] = _changes(server, cursor)
    assert (change["kind"], change["member_id"], change["status"]) == ("member", member, "erased")
    assert change["movements"] == []


def test_a_members_change_says_what_the_server_knows_of_them_now(server: Server) -> None:
    """Balance, record, merge, review and number clash, read for the log as the push commits."""
    kept, merged, clashing, overdrawn, unknown = (str(uuid.uuid4()) for _ in range(5))
    twin = enrolled(clashing, 3)
    twin["payload"]["member_no"] = "M000001"  # the number `kept` was enrolled with
    spent = sale(overdrawn, 8, earned=0, price="10.00")
    p = spent["payload"]
    p["points_redeemed"], p["points_value"], p["paid"] = 80, "0.80", "9.20"
    p["movements"] = [dict(p["movements"][0], kind="redeem", points=-80)]
    events = [
        enrolled(kept, 1),
        enrolled(merged, 2),
        twin,
        enrolled(overdrawn, 4),
        sale(kept, 5),
        sale(merged, 6, earned=50, price="50.00"),
        merged_event(kept, merged, 7, 50),
        spent,
        sale(unknown, 9, earned=20, price="20.00"),  # a member the server has no record of
    ]
    assert _push(server, *events) == ["applied"] * len(events)

    last = {c["member_id"]: c for c in _changes(server)}
    said = {
        member: {k: v for k, v in last[member].items() if k not in ("pos", "movements")}
        for member in (kept, merged, clashing, overdrawn, unknown)
    }
    created = "2026-03-02T02:00:00+00:00"
    store = server.store_id
    assert said == {
        kept: _said(kept, 155, "M000001", "active", True, created, "member", store),
        merged: _said(merged, 0, "M000002", "closed", True, created, "member", store)
        | {"merged_into": kept},
        clashing: _said(clashing, 0, "M000001", "active", True, created, "member", store)
        | {"number_clash": True, "number_held_by": kept},
        overdrawn: _said(overdrawn, -80, "M000004", "active", True, created, "member", store)
        | {"review": True},
        unknown: _said(unknown, 20, None, None, None, None, "balance", store),
    }


def _said(
    member: str,
    points: int,
    member_no: str | None,
    status: str | None,
    consent: bool | None,
    created_at: str | None,
    kind: str,
    store_id: str,
) -> dict[str, Any]:
    return {
        "kind": kind,
        "store_id": store_id,
        "member_id": member,
        "points": points,
        "member_no": member_no,
        "status": status,
        "consent": consent,
        "created_at": created_at,
        "card_no": None,  # the test's enrolments carry none
        "card_serial": None,  # never reprinted
        "merged_into": None,
        "review": False,
        "number_clash": False,
        "number_held_by": None,
    }
