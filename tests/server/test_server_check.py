"""``loyalty-server check``: clean books exit 0; a balance changed behind the ledger's back exits 1."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from typing import Any

from tests.server.conftest import Server
from tests.server.events import enrolled, refund, sale


def _check(server: Server, *extra: str) -> tuple[int, Any]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "loyalty_desktop.server.cli",
            "--db",
            server.db,
            "check",
            "--json",
            *list(extra),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, json.loads(done.stdout)


def _write(server: Server, statement: str) -> None:
    import sqlalchemy

    engine = sqlalchemy.create_engine(server.db)
    with engine.begin() as conn:
        conn.exec_driver_sql(statement)
    engine.dispose()


def _shop(server: Server) -> tuple[str, str]:
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    spent = sale(b, 4, earned=0, price="10.00")
    spent["payload"]["points_redeemed"], spent["payload"]["points_value"] = 200, "2.00"
    spent["payload"]["paid"] = "8.00"
    spent["payload"]["movements"][0].update(kind="redeem", points=-200)
    sold = sale(a, 3, earned=100, price="100.00")
    events = [enrolled(a, 1), enrolled(b, 2), sold, spent, refund(sold, 5, 30)]
    code, answer = server.post("/v1/events", {"events": events})
    assert code == 200
    assert [r["status"] for r in answer["results"]] == ["applied"] * 5, answer
    return a, b


def test_a_clean_server_passes_and_lists_a_negative_balance_for_review(server: Server) -> None:
    _a, b = _shop(server)

    code, found = _check(server)

    assert (code, found["ok"], found["problems"]) == (0, True, [])
    assert found["for_review"] == [{"review": "negative_balance", "member_id": b, "points": -200}]


def test_a_balance_tampered_with_by_sql_fails_and_names_the_member(server: Server) -> None:
    a, _ = _shop(server)
    _write(server, f"update balances set points = points + 500 where member_id = '{a}'")

    code, found = _check(server)

    assert (code, found["ok"]) == (1, False)
    assert [
        (p["problem"], p["member_id"], p["balance"], p["movements"]) for p in found["problems"]
    ] == [("balance_drift", a, 570, 70)]


def test_movements_of_a_rejected_event_and_an_old_parked_refund_are_problems(
    server: Server,
) -> None:
    member = str(uuid.uuid4())
    early = sale(member, 2, earned=50, price="50.00")
    assert (
        server.post("/v1/events", {"events": [enrolled(member, 1), refund(early, 3, 10)]})[0] == 200
    )
    assert _check(server)[0] == 0  # parked today: waiting is normal
    _write(server, "update parked set received_at = received_at - interval '8 days'")
    _write(
        server, "update inbox set status = 'rejected', reason = 'x' where kind = 'member.enrolled'"
    )
    _write(
        server,
        f"insert into ledger select '{member}', gen_random_uuid(), store_id, 'earn', 0, now(), "
        f"key from inbox where kind = 'member.enrolled'",
    )

    code, found = _check(server)
    assert code == 1
    assert sorted(p["problem"] for p in found["problems"]) == [
        "movements_not_applied",
        "parked_refund",
    ]
    assert (
        _check(server, "--parked-days", "9")[1]["problems"][0]["problem"] == "movements_not_applied"
    )
