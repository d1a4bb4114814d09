"""Expiry by the server's clock: a till's wrong clock neither shortens nor stretches a lot, and points expire once."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.server.conftest import Server, _command
from tests.server.events import enrolled, sale
from tests.server.events import merged as merged_event
from tests.server.events import refund as refund_event

YEAR = timedelta(days=365)


def _earning(
    member: str, seq: int, points: int, device_now: datetime
) -> tuple[dict[str, Any], str]:
    """A sale rung up on a till whose clock reads ``device_now``: one lot of a year."""
    event = sale(member, seq, earned=points, price=f"{points}.00")
    lot = str(uuid.uuid4())
    event["at"] = event["payload"]["at"] = device_now.isoformat()
    event["payload"]["movements"][0].update(
        at=device_now.isoformat(),
        lots=[
            {
                "id": lot,
                "points": points,
                "expires_at": (device_now + YEAR).isoformat(),
                "source": None,
            }
        ],
    )
    return event, lot


def _spending(member: str, seq: int, points: int, lot: str) -> dict[str, Any]:
    """A sale of 10.00 paid partly with ``points`` taken from ``lot``."""
    event = sale(member, seq, earned=0, price="10.00")
    p = event["payload"]
    p["points_redeemed"], p["points_value"] = points, f"{points / 100:.2f}"
    p["paid"] = f"{10 - points / 100:.2f}"
    p["movements"][0].update(
        kind="redeem", points=-points, allocations=[{"lot_id": lot, "points": points}]
    )
    return event


def _till_expiry(member: str, seq: int, lot: str, points: int, at: datetime) -> dict[str, Any]:
    """The till's own write-off of ``lot`` (services/expiry.py), as its outbox sends it."""
    move = {
        "id": str(uuid.uuid4()),
        "member_id": member,
        "kind": "expire",
        "points": -points,
        "at": at.isoformat(),
        "lots": [],
        "allocations": [{"lot_id": lot, "points": points}],
        "reason": None,
        "activity": None,
        "request_id": None,
    }
    event = sale(member, seq)  # borrow the wire envelope
    event.update(
        kind="expiry",
        key=f"expire:{move['id']}",
        at=at.isoformat(),
        payload={"member_id": member, "movements": [move]},
    )
    return event


def _push(server: Server, *events: dict[str, Any]) -> list[str]:
    code, answer = server.post("/v1/events", {"events": list(events)})
    assert code == 200, answer
    return [r["status"] for r in answer["results"]]


def _expire(server: Server, at: datetime) -> Any:
    return _command(server.db, "expire", "--at", at.isoformat(), "--future", "--json")


def _balance(server: Server, member: str) -> int:
    return server.sql(f"select points from balances where member_id = '{member}'")[0][0]


def _check_ok(server: Server) -> bool:
    done = subprocess.run(
        [sys.executable, "-m", "loyalty_desktop.server.cli", "--db", server.db, "check", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    found = json.loads(done.stdout)
    return done.returncode == 0 and found["ok"] and not found["problems"]


def test_tills_3_days_ahead_and_a_year_behind_earn_lots_that_expire_a_year_after_the_server_got_them(
    server: Server,
) -> None:
    real = datetime.now(UTC)
    ahead, behind = str(uuid.uuid4()), str(uuid.uuid4())
    sold_ahead, _ = _earning(ahead, 3, 300, real + timedelta(days=3))
    sold_behind, _ = _earning(behind, 4, 400, real - YEAR)

    assert (
        _push(server, enrolled(ahead, 1), enrolled(behind, 2), sold_ahead, sold_behind)
        == ["applied"] * 4
    )

    kept = {
        str(r.member_id): r
        for r in server.sql(
            "select member_id, device_at, device_expires_at, expires_at, received_at from lots"
        )
    }
    assert kept[ahead].device_at == real + timedelta(days=3)  # the till's clock, kept for audit
    assert kept[behind].device_at == real - YEAR
    for lot in kept.values():
        assert lot.expires_at - lot.received_at == YEAR
    received = max(lot.received_at for lot in kept.values())
    # By the till's own clock the year-behind lot lapsed as it arrived; by the server's it has a year.
    assert kept[behind].device_expires_at <= received
    assert _expire(server, datetime.now(UTC))["lots"] == 0
    assert _expire(server, received + YEAR - timedelta(seconds=1))["lots"] == 0
    assert (_balance(server, ahead), _balance(server, behind)) == (300, 400)

    done = _expire(server, received + YEAR)

    assert (done["lots"], done["expired_points"], done["members"]) == (2, 700, 2)
    assert (_balance(server, ahead), _balance(server, behind)) == (0, 0)
    assert _check_ok(server)


def test_expiring_twice_writes_off_once_and_the_pull_shows_the_balance_left(server: Server) -> None:
    member = str(uuid.uuid4())
    earned, lot = _earning(member, 2, 1000, datetime.now(UTC))
    assert (
        _push(server, enrolled(member, 1), earned, _spending(member, 3, 300, lot))
        == ["applied"] * 3
    )
    assert server.sql(f"select remaining from lots where id = '{lot}'")[0][0] == 700
    cursor = server.get("/v1/changes?after=0")["cursor"]
    later = datetime.now(UTC) + 2 * YEAR

    first, second = _expire(server, later), _expire(server, later)

    assert (first["lots"], first["expired_points"]) == (1, 700)
    assert (second["lots"], second["expired_points"], second["members"]) == (0, 0, 0)
    assert _balance(server, member) == 0
    written = server.sql("select id, points, store_id from ledger where kind = 'expire'")
    namespace = uuid.UUID("3b0f8f5e-7c2a-4f5e-9d3c-1a6e2b9c4d70")
    assert [(r.id, r.points) for r in written] == [(uuid.uuid5(namespace, lot), -700)]
    pulled = server.get(f"/v1/changes?after={cursor}")
    assert [(c["member_id"], c["points"], c["kind"]) for c in pulled["changes"]] == [
        (member, 0, "balance")
    ]
    assert pulled["changes"][0]["store_id"] == str(uuid.UUID(int=0))  # written by the server
    assert _check_ok(server)


def test_a_tills_own_expiry_arriving_after_the_servers_does_not_count_twice(server: Server) -> None:
    member = str(uuid.uuid4())
    earned, lot = _earning(member, 2, 500, datetime.now(UTC))
    assert _push(server, enrolled(member, 1), earned) == ["applied"] * 2
    due = server.sql(f"select expires_at from lots where id = '{lot}'")[0][0]
    assert _expire(server, due)["expired_points"] == 500
    assert _balance(server, member) == 0

    # The till, offline, wrote the same lot off by its own clock and sends it now.
    assert _push(server, _till_expiry(member, 3, lot, 500, due)) == ["applied"]

    assert _balance(server, member) == 0
    moves = server.sql(
        f"select kind, points from ledger where member_id = '{member}' order by kind, points"
    )
    assert [(m.kind, m.points) for m in moves] == [
        ("earn", 500),
        ("expire", -500),  # the server's
        ("expire", -500),  # the till's, as it sent it
        ("expire_undone", 500),  # the server's: this lot had already expired here
    ]
    assert _expire(server, due + YEAR)["lots"] == 0
    assert _check_ok(server)


def test_a_tills_expiry_before_the_servers_clock_says_waits_for_the_server(server: Server) -> None:
    member = str(uuid.uuid4())
    ahead = datetime.now(UTC) + timedelta(days=3)
    earned, lot = _earning(member, 2, 500, ahead)
    early = _till_expiry(member, 3, lot, 200, ahead + YEAR)  # a partial write-off, to tell apart
    assert _push(server, enrolled(member, 1), earned, early) == ["applied"] * 3
    assert _balance(server, member) == 500  # the server's clock has not reached the expiry
    assert _push(server, early) == ["duplicate"]
    due = server.sql(f"select expires_at from lots where id = '{lot}'")[0][0]

    assert _expire(server, due)["expired_points"] == 500

    assert _balance(server, member) == 0
    assert _check_ok(server)


def test_a_tills_expiry_of_a_lot_the_server_never_kept_stands(server: Server) -> None:
    member = str(uuid.uuid4())
    legacy = sale(member, 2, earned=500, price="500.00")  # earned before the server kept lots
    lot = str(uuid.uuid4())
    expired = _till_expiry(member, 3, lot, 500, datetime.now(UTC))

    assert _push(server, enrolled(member, 1), legacy, expired) == ["applied"] * 3

    assert _balance(server, member) == 0
    assert server.sql("select count(*) from ledger where kind = 'expire_undone'")[0][0] == 0
    assert _check_ok(server)


def test_a_refund_that_refills_an_expired_lot_is_expired_again_by_the_next_run(
    server: Server,
) -> None:
    member = str(uuid.uuid4())
    earned, lot = _earning(member, 2, 1000, datetime.now(UTC))
    spent = _spending(member, 3, 300, lot)
    assert _push(server, enrolled(member, 1), earned, spent) == ["applied"] * 3
    later = datetime.now(UTC) + 2 * YEAR
    assert _expire(server, later)["expired_points"] == 700
    back = {
        "id": str(uuid.uuid4()),
        "member_id": member,
        "kind": "refund_restore",
        "points": 300,
        "at": datetime.now(UTC).isoformat(),
        "lots": [],
        "allocations": [{"lot_id": lot, "points": -300}],  # gives back to the lapsed lot
        "reason": None,
        "activity": None,
        "request_id": None,
    }
    refund = sale(member, 4)
    refund.update(
        kind="refund",
        key=f"refund:{uuid.uuid4()}",
        payload={
            "id": str(uuid.uuid4()),
            "refund_id": "R4",
            "sale": spent["payload"]["id"],
            "sale_id": spent["payload"]["sale_id"],
            "member_id": member,
            "at": back["at"],
            "amount": "10.00",
            "lines": [],
            "reversed": 0,
            "restored": 300,
            "paid_back": "7.00",
            "movements": [back],
        },
    )
    assert _push(server, refund) == ["applied"]
    assert _balance(server, member) == 300

    again = _expire(server, later)

    assert (again["lots"], again["expired_points"]) == (1, 300)
    assert _balance(server, member) == 0
    assert _expire(server, later)["lots"] == 0
    assert _check_ok(server)


def test_two_expire_runs_at_once_write_each_lot_off_once(server: Server) -> None:
    members = [str(uuid.uuid4()) for _ in range(40)]
    now = datetime.now(UTC)
    events = [enrolled(m, i) for i, m in enumerate(members, start=1)]
    events += [_earning(m, 100 + i, 10 + i, now)[0] for i, m in enumerate(members)]
    assert _push(server, *events) == ["applied"] * 80
    at = (now + 2 * YEAR).isoformat()
    command = [sys.executable, "-m", "loyalty_desktop.server.cli", "--db", server.db, "expire"]
    runs = [
        subprocess.Popen(
            [*command, "--at", at, "--future", "--json"], stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    answers = [json.loads(run.communicate(timeout=60)[0]) for run in runs]

    assert sum(a["lots"] for a in answers) == 40
    assert sum(a["expired_points"] for a in answers) == sum(10 + i for i in range(40))
    assert server.sql("select count(*), count(distinct id) from ledger where kind = 'expire'")[
        0
    ] == (40, 40)
    assert server.sql("select count(*) from balances where points != 0")[0][0] == 0
    assert _check_ok(server)


def test_a_lot_that_is_not_a_lot_is_refused_and_the_rest_of_the_batch_applied(
    server: Server,
) -> None:
    member = str(uuid.uuid4())
    good, _ = _earning(member, 2, 100, datetime.now(UTC))
    bad, _ = _earning(member, 3, 100, datetime.now(UTC))
    bad["payload"]["movements"][0]["lots"][0]["expires_at"] = "next year"

    code, answer = server.post("/v1/events", {"events": [enrolled(member, 1), bad, good]})

    assert code == 200
    assert [r["status"] for r in answer["results"]] == ["applied", "rejected", "applied"]
    assert "lot expires_at" in answer["results"][1]["reason"]
    assert server.sql("select count(*) from lots")[0][0] == 1


def test_expire_refuses_a_moment_without_a_time_zone(server: Server) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "loyalty_desktop.server.cli",
            "--db",
            server.db,
            "expire",
            "--at",
            "2030-01-01T00:00:00",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"] == "usage"


def test_a_merged_lot_keeps_the_life_it_had_left_from_when_the_server_got_the_merge(
    server: Server,
) -> None:
    other, keep = str(uuid.uuid4()), str(uuid.uuid4())
    till_now = datetime.now(UTC) - timedelta(days=400)  # a till clock far behind, throughout
    earned, lot = _earning(other, 3, 500, till_now)
    assert _push(server, enrolled(other, 1), enrolled(keep, 2), earned) == ["applied"] * 3
    merged = merged_event(keep, other, 4, 500)
    merged_at = till_now + timedelta(days=100)
    kept_lot = str(uuid.uuid4())
    out, into = merged["payload"]["movements"]
    out.update(at=merged_at.isoformat(), allocations=[{"lot_id": lot, "points": 500}])
    into.update(
        at=merged_at.isoformat(),
        lots=[
            {
                "id": kept_lot,
                "points": 500,
                "expires_at": (till_now + YEAR).isoformat(),  # the merge keeps the lot's expiry
                "source": lot,
            }
        ],
    )

    assert _push(server, merged) == ["applied"]

    left = {
        str(r.id): r for r in server.sql("select id, remaining, expires_at, received_at from lots")
    }
    assert left[lot].remaining == 0
    assert left[kept_lot].expires_at - left[kept_lot].received_at == YEAR - timedelta(days=100)
    assert _expire(server, left[kept_lot].expires_at - timedelta(seconds=1))["lots"] == 0
    done = _expire(server, left[kept_lot].expires_at)
    assert (done["lots"], done["expired_points"]) == (1, 500)
    assert (_balance(server, other), _balance(server, keep)) == (0, 0)
    assert _check_ok(server)


def test_a_refund_parked_before_its_sale_takes_from_the_sales_lot_when_the_sale_arrives(
    server: Server,
) -> None:
    member = str(uuid.uuid4())
    earned, lot = _earning(member, 2, 100, datetime.now(UTC))
    back = refund_event(earned, 3, 30)
    back["payload"]["movements"][0]["allocations"] = [{"lot_id": lot, "points": 30}]
    assert _push(server, enrolled(member, 1), back) == ["applied"] * 2
    assert server.sql("select count(*) from parked")[0][0] == 1

    assert _push(server, earned) == ["applied"]

    assert server.sql(f"select remaining from lots where id = '{lot}'")[0][0] == 70
    assert _expire(server, datetime.now(UTC) + 2 * YEAR)["expired_points"] == 70
    assert _balance(server, member) == 0
    assert _check_ok(server)
