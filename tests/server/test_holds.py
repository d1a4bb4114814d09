"""Redemption holds on a real server: held, refused, released, expired, committed by the sale's push."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.server.conftest import Server, _command, _free_port, start
from tests.server.events import enrolled, sale
from tests.server.test_overdrawn import _balance, _redemption


def _member_with(server: Server, points: int) -> str:
    member = str(uuid.uuid4())
    home = [enrolled(member, 1), sale(member, 2, earned=points, price=f"{points}.00")]
    code, answer = server.post("/v1/events", {"events": home})
    assert code == 200
    assert {r["status"] for r in answer["results"]} == {"applied"}
    return member


def _hold(
    server: Server, member: str, points: int, hold_id: str | None = None, token: str | None = None
) -> tuple[int, Any]:
    body = {"hold_id": hold_id or str(uuid.uuid4()), "member_id": member, "points": points}
    return server.post("/v1/holds", body, token=token)


def _status(server: Server, hold_id: str) -> str:
    return str(server.sql(f"select status from holds where hold_id = '{hold_id}'")[0][0])


def test_a_hold_then_its_sale_commits_the_hold_and_the_balance_is_the_sale_s(
    server: Server,
) -> None:
    member = _member_with(server, 1000)
    hold_id = str(uuid.uuid4())
    code, held = _hold(server, member, 300, hold_id)
    assert code == 200
    assert (held["status"], held["available"]) == ("held", 1000)
    assert held["expires_at"]
    # while held, another hold sees 700
    refused = _hold(server, member, 701)[1]
    assert (refused["status"], refused["available"]) == ("refused", 700)
    assert refused["reason"] == "not_enough_points"

    spent = _redemption(member, 3, 300)
    spent["payload"]["hold_id"] = hold_id
    code, answer = server.post("/v1/events", {"events": [spent]})
    assert code == 200
    assert answer["results"][0]["status"] == "applied"
    assert _balance(server, member) == 700
    assert _status(server, hold_id) == "committed"
    key = server.sql(f"select sale_key from holds where hold_id = '{hold_id}'")[0][0]
    assert key == spent["key"]
    # committed: its points are in the balance now, not kept twice
    assert _hold(server, member, 700)[1]["status"] == "held"
    # releasing a committed hold says so and changes nothing
    assert server.post(f"/v1/holds/{hold_id}/release", {})[1]["status"] == "committed"
    assert _status(server, hold_id) == "committed"


def test_two_stores_holding_800_of_1000_at_once_one_is_held_one_refused(server: Server) -> None:
    shop_b = _command(server.db, "store", "add", "Shop B")["token"]
    for _ in range(6):
        member = _member_with(server, 1000)
        answers: dict[str, Any] = {}
        start_line = threading.Barrier(2)

        def ask(
            name: str,
            token: str | None,
            member: str = member,
            start_line: threading.Barrier = start_line,
            answers: dict[str, Any] = answers,
        ) -> None:
            start_line.wait()
            answers[name] = _hold(server, member, 800, token=token)

        threads = [
            threading.Thread(target=ask, args=("a", None)),
            threading.Thread(target=ask, args=("b", shop_b)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert {c for c, _ in answers.values()} == {200}
        got = sorted(a["status"] for _, a in answers.values())
        assert got == ["held", "refused"]
        refused = next(a for _, a in answers.values() if a["status"] == "refused")
        assert (refused["available"], refused["reason"]) == (200, "not_enough_points")


def test_a_released_hold_frees_its_points_and_releasing_again_or_unknown_is_fine(
    server: Server,
) -> None:
    member = _member_with(server, 1000)
    hold_id = str(uuid.uuid4())
    assert _hold(server, member, 800, hold_id)[1]["status"] == "held"
    assert _hold(server, member, 800)[1]["status"] == "refused"
    assert server.post(f"/v1/holds/{hold_id}/release", {}) == (
        200,
        {"hold_id": hold_id, "status": "released"},
    )
    assert _status(server, hold_id) == "released"
    assert server.post(f"/v1/holds/{hold_id}/release", {})[1]["status"] == "released"
    unknown = str(uuid.uuid4())
    assert server.post(f"/v1/holds/{unknown}/release", {})[1]["status"] == "released"
    assert _hold(server, member, 800)[1]["status"] == "held"


def test_the_same_hold_id_gets_the_first_answer_and_another_body_is_409(server: Server) -> None:
    member = _member_with(server, 1000)
    hold_id = str(uuid.uuid4())
    first = _hold(server, member, 600, hold_id)
    assert first[1]["status"] == "held"
    assert _hold(server, member, 600, hold_id) == first  # not a second 600
    assert _hold(server, member, 400)[1]["status"] == "held"  # 1000 - 600 left
    code, _ = _hold(server, member, 500, hold_id)
    assert code == 409
    # a refused hold asked again is refused again, with the first answer's numbers
    refused_id = str(uuid.uuid4())
    refused = _hold(server, member, 1, refused_id)
    assert refused[1]["status"] == "refused"
    assert server.post(f"/v1/holds/{hold_id}/release", {})[0] == 200
    assert _hold(server, member, 1, refused_id) == refused
    # a hold for another store's id space: same id, other store, is its own hold
    shop_b = _command(server.db, "store", "add", "Shop B")["token"]
    assert _hold(server, member, 500, hold_id, token=shop_b)[1]["status"] == "held"
    assert _command(server.db, "holds")["holds"][-1]["points"] == 500


def test_points_must_be_positive_and_a_token_is_needed(server: Server) -> None:
    member = _member_with(server, 10)
    assert _hold(server, member, 0)[0] == 422
    assert _hold(server, member, 5, token="wrong")[0] == 401


@pytest.fixture
def quick(server: Server) -> Iterator[Server]:
    """The same database served again with holds that last one second."""
    port = _free_port()
    proc = start(server.db, port, "--hold-seconds", "1")
    yield Server(f"http://127.0.0.1:{port}", server.db, server.token, server.store_id, proc)
    proc.kill()
    proc.wait()


def test_an_expired_hold_frees_its_points_and_its_late_sale_still_applies(quick: Server) -> None:
    member = _member_with(quick, 1000)
    hold_id = str(uuid.uuid4())
    assert _hold(quick, member, 800, hold_id)[1]["status"] == "held"
    assert _hold(quick, member, 800)[1]["status"] == "refused"
    time.sleep(1.2)  # the server's clock passes the time limit
    other = str(uuid.uuid4())
    assert _hold(quick, member, 800, other)[1]["status"] == "held"
    assert hold_id not in [h["hold_id"] for h in _command(quick.db, "holds")["holds"]]
    # the first till's sale arrives after its hold expired: applied all the same, flagged
    late = _redemption(member, 3, 800)
    late["payload"]["hold_id"] = hold_id
    code, answer = quick.post("/v1/events", {"events": [late]})
    assert code == 200
    assert answer["results"][0]["status"] == "applied"
    assert _status(quick, hold_id) == "committed"
    assert _balance(quick, member) == 200
