"""Per-device event numbers on the server: gaps and numbers used twice are listed, never refused.

The server applies a till's events in any order (issue 12, ordering); ``loyalty-server
devices`` and ``check`` then say which of a till's numbers never arrived and which arrived
on two different events (a till copied, or restored from an older backup).
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from typing import Any

from tests.server.conftest import Server, _command
from tests.server.events import DEVICE, enrolled, sale


def _run(server: Server, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "loyalty_desktop.server.cli", "--db", server.db, *args],
        capture_output=True,
        text=True,
        check=False,
    )


def _devices(server: Server) -> list[dict[str, Any]]:
    done = _run(server, "devices", "--json")
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout)["devices"])


def _review(server: Server) -> list[dict[str, Any]]:
    done = _run(server, "check", "--json")
    assert done.returncode == 0, done.stdout  # gaps and reuse are for review, not problems
    return [r for r in json.loads(done.stdout)["for_review"] if r["review"].startswith("device_")]


def _push(server: Server, events: list[dict[str, Any]], token: str | None = None) -> list[str]:
    code, answer = server.post("/v1/events", {"events": events}, token)
    assert code == 200, answer
    return [r["status"] for r in answer["results"]]


def _sales(member: str, seqs: list[int]) -> list[dict[str, Any]]:
    return [sale(member, n, earned=10, price="10.00") for n in seqs]


def test_numbers_sent_in_any_order_with_none_missing_are_clean(server: Server) -> None:
    member = str(uuid.uuid4())
    events = [enrolled(member, 1), *_sales(member, [2, 3, 4, 5])]

    assert _push(server, events[::-1][:2]) == ["applied", "applied"]  # 5 and 4 first
    assert _push(server, events[:3]) == ["applied"] * 3

    (device,) = _devices(server)
    assert (device["device_id"], device["store_id"], device["store"]) == (
        DEVICE,
        server.store_id,
        "Shop A",
    )
    assert (device["events"], device["first_seq"], device["last_seq"]) == (5, 1, 5)
    assert (device["missing"], device["missing_ranges"], device["reused"]) == (0, [], 0)
    assert _review(server) == []


def test_numbers_that_never_arrived_are_listed_as_ranges(server: Server) -> None:
    member = str(uuid.uuid4())
    events = [enrolled(member, 1), *_sales(member, [2, 5, 6, 9])]

    assert _push(server, events) == ["applied"] * 5  # gaps do not stop anything

    (device,) = _devices(server)
    assert (device["missing"], device["missing_ranges"]) == (4, [[3, 4], [7, 8]])
    assert _review(server) == [
        {
            "review": "device_seq_gap",
            "store_id": server.store_id,
            "device_id": DEVICE,
            "missing": 4,
            "missing_ranges": [[3, 4], [7, 8]],
        }
    ]
    text = _run(server, "devices").stdout
    assert "4 missing (3-4, 7-8)" in text, text

    late = _sales(member, [3, 4, 7, 8])  # the till sends them after all
    assert _push(server, late) == ["applied"] * 4
    assert _devices(server)[0]["missing"] == 0
    assert _review(server) == []


def test_a_number_on_two_different_events_is_listed_but_a_resent_event_is_not(
    server: Server,
) -> None:
    member = str(uuid.uuid4())
    events = [enrolled(member, 1), *_sales(member, [2, 3])]
    assert _push(server, events) == ["applied"] * 3
    assert _push(server, events[1:]) == ["duplicate"] * 2  # the same events again
    assert _devices(server)[0]["reused"] == 0

    # a till restored from the backup taken after event 1 numbers its next sales 2 and 3 again
    again = _sales(member, [2, 3, 4])
    assert _push(server, again) == ["applied"] * 3

    (device,) = _devices(server)
    assert (device["events"], device["reused"], device["reused_seqs"]) == (6, 2, [2, 3])
    assert device["missing"] == 0
    (found,) = _review(server)
    assert (found["review"], found["reused"], found["reused_seqs"]) == (
        "device_seq_reused",
        2,
        [2, 3],
    )
    assert "2 used twice (2, 3)" in _run(server, "devices").stdout


def test_a_quarantined_event_leaves_its_number_missing(server: Server) -> None:
    member = str(uuid.uuid4())
    first = sale(member, 2, earned=10, price="10.00")
    assert _push(server, [enrolled(member, 1), first]) == ["applied", "applied"]
    changed = json.loads(json.dumps(first))
    changed.update(id=str(uuid.uuid4()), seq=3)
    changed["payload"]["earned"] = 999  # the same key with another payload
    following = sale(member, 4, earned=10, price="10.00")

    assert _push(server, [changed, following]) == ["conflict", "applied"]

    (device,) = _devices(server)
    assert (device["missing"], device["missing_ranges"]) == (1, [[3, 3]])


def test_two_stores_using_one_device_id_are_counted_apart(server: Server) -> None:
    other = _command(server.db, "store", "add", "Shop B")
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    assert _push(server, [enrolled(a, 1), *_sales(a, [2])]) == ["applied"] * 2
    # store B's till sends the same device id (a copied database): its numbers are its own
    assert _push(server, [enrolled(b, 1), *_sales(b, [3])], other["token"]) == ["applied"] * 2

    found = {d["store"]: d for d in _devices(server)}
    assert set(found) == {"Shop A", "Shop B"}
    assert (found["Shop A"]["missing"], found["Shop A"]["reused"]) == (0, 0)
    assert (found["Shop B"]["missing"], found["Shop B"]["missing_ranges"]) == (1, [[2, 2]])


def test_no_events_yet(server: Server) -> None:
    assert _devices(server) == []
    assert _run(server, "devices").stdout.strip() == "no events received yet"
