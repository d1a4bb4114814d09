"""Pushing events to a real server on PostgreSQL: exactly once, per-event answers, conflicts quarantined."""

from __future__ import annotations

import copy
import threading
import uuid

from tests.server.conftest import Server
from tests.server.events import enrolled, sale


def _batch(n: int) -> list[dict]:
    member = str(uuid.uuid4())
    return [enrolled(member, 1)] + [sale(member, i) for i in range(2, n + 1)]


def test_the_same_100_event_batch_twice_applies_once_and_answers_duplicate(server: Server) -> None:
    events = _batch(100)
    code, first = server.post("/v1/events", {"events": events})
    assert code == 200, first
    assert [r["status"] for r in first["results"]] == ["applied"] * 100
    code, again = server.post("/v1/events", {"events": events})
    assert code == 200
    assert [(r["status"], r["first"]) for r in again["results"]] == [("duplicate", "applied")] * 100
    assert server.sql("select count(*) from inbox")[0][0] == 100
    assert server.sql("select count(*), sum(points) from ledger")[0] == (99, 99 * 105)
    assert server.sql("select points from balances")[0][0] == 99 * 105


def test_a_reused_key_with_another_payload_is_409_and_quarantined(server: Server) -> None:
    events = _batch(2)
    server.post("/v1/events", {"events": events})
    changed = copy.deepcopy(events[1])
    changed["id"] = str(uuid.uuid4())
    changed["payload"]["earned"] = 999
    changed["payload"]["movements"][0]["points"] = 999
    code, body = server.post("/v1/events", {"events": [changed]})
    assert code == 200
    assert body["results"][0]["status"] == "conflict"
    assert body["results"][0]["code"] == 409
    assert server.sql("select key from quarantine") == [(events[1]["key"],)]
    assert server.sql("select points from balances")[0][0] == 105


def test_event_4_of_10_invalid_leaves_9_applied_and_1_rejected(server: Server) -> None:
    events = _batch(10)
    events[3]["payload"]["earned"] = 5000  # says more than its movements earned
    code, body = server.post("/v1/events", {"events": events})
    assert code == 200
    statuses = [r["status"] for r in body["results"]]
    assert statuses == ["applied"] * 3 + ["rejected"] + ["applied"] * 6
    assert "movements earn 105" in body["results"][3]["reason"]
    assert server.sql("select count(*) from ledger")[0][0] == 8
    more = [sale(events[0]["payload"]["id"], 11)]
    assert server.post("/v1/events", {"events": more})[1]["results"][0]["status"] == "applied"


def test_a_sale_whose_line_amount_is_not_qty_times_price_is_rejected(server: Server) -> None:
    events = _batch(2)
    events[1]["payload"]["lines"][0]["amount"] = "99.00"
    body = server.post("/v1/events", {"events": events})[1]
    assert body["results"][1]["status"] == "rejected"
    assert "is not 1 x 105.00" in body["results"][1]["reason"]


def test_two_workers_posting_the_same_event_at_once_apply_it_once_without_500(
    server: Server,
) -> None:
    member = str(uuid.uuid4())
    server.post("/v1/events", {"events": [enrolled(member, 1)]})
    for seq in range(2, 12):
        event = sale(member, seq)
        answers: list[tuple[int, dict]] = []

        def post(event: dict = event, answers: list = answers) -> None:
            answers.append(server.post("/v1/events", {"events": [event]}))

        workers = [threading.Thread(target=post) for _ in range(2)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        assert sorted(a[0] for a in answers) == [200, 200]
        assert sorted(a[1]["results"][0]["status"] for a in answers) == ["applied", "duplicate"]
    assert server.sql("select count(*) from ledger")[0][0] == 10


def test_an_unknown_or_revoked_token_is_refused(server: Server) -> None:
    assert server.post("/v1/events", {"events": []}, token="nope")[0] == 401


def test_a_batch_over_100_events_is_refused_whole(server: Server) -> None:
    code, _ = server.post("/v1/events", {"events": _batch(101)})
    assert code == 422
    assert server.sql("select count(*) from inbox")[0][0] == 0


def test_pull_returns_members_and_balances_in_commit_order(server: Server) -> None:
    events = _batch(3)
    server.post("/v1/events", {"events": events})
    first = server.get("/v1/changes?after=0")
    assert [(c["kind"], c["points"]) for c in first["changes"]] == [("member", 210)]
    assert first["changes"][0]["member_no"] == "M000001"
    assert server.get(f"/v1/changes?after={first['cursor']}")["changes"] == []


def test_a_batch_with_a_replayed_event_still_rejects_and_applies_each_event_alone(
    server: Server,
) -> None:
    events = _batch(3)
    server.post("/v1/events", {"events": events[:1]})
    events[1]["payload"]["paid"] = "1.00"  # not net less the points' value
    body = server.post("/v1/events", {"events": events})[1]
    assert [r["status"] for r in body["results"]] == ["duplicate", "rejected", "applied"]
    assert server.sql("select count(*) from ledger")[0][0] == 1
