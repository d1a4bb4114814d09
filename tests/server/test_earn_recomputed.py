"""The server earns each sale again from the store's programme: a real till, a real server, real baskets."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.server.programs import digest_of
from loyalty_desktop.services import checkout, members, programs, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import LineRequest, SaleRequest
from loyalty_desktop.sync.http import HttpSyncServer
from tests.conftest import FixedClock
from tests.server.conftest import Server, _command
from tests.server.events import _wire as wire_event
from tests.server.events import enrolled, sale

# Monday 2 March 2026 in Shanghai (the test clock): the tea campaign is on, and a member
# born in March gets the birthday bonus. Silver (5 % off, 1.5 × points) from 50.00 spent.
PROGRAM = """\
currency = "CNY"
timezone = "Asia/Shanghai"
campaign_policy = "stack"
[earn]
points = 1
per = "1.00"
exclude_categories = ["fees"]
[expiry]
days = 365
[redeem]
point_value = "0.01"
max_share = "0.5"
[tiers]
basis = "lifetime_spend"
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Silver"
threshold = "50"
discount_pct = "5"
earn_multiplier = "1.5"
[[campaigns]]
name = "Monday tea"
start = "2026-01-01"
end = "2026-12-31"
multiplier = "3"
weekdays = ["mon"]
categories = ["tea"]
[[campaigns]]
name = "Birthday"
start = "2026-01-01"
end = "2026-12-31"
bonus = 20
birthday_month = true
"""
# The same rules with the tea campaign doubled: every basket with tea earns more under it.
RICHER = PROGRAM.replace('multiplier = "3"', 'multiplier = "6"')

BASKET = (
    LineRequest("TEA", "2", "30.00", "tea"),
    LineRequest("POST", "1", "10.00", "fees"),  # excluded from earning
    LineRequest("CAKE", "1", "25.50"),
)


@pytest.fixture
def till(tmp_path: Path, clock: FixedClock) -> Iterator[Opened]:
    """A till with the programme loaded and two members (one born in March)."""
    opened = open_database(tmp_path / "shop.db", clock=clock, keys_dir=tmp_path / "keys")
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "programme.toml")
    yield opened
    opened.engine.dispose()


def _enrol(till: Opened, name: str, birthday: date | None = None) -> str:
    member = members.enrol(till.shop, LOCAL_ADMIN, members.NewMember(name, birthday=birthday))
    return member.member_no


def _sell(till: Opened, sale_no: str, member_no: str, redeem: int = 0) -> int:
    sold = checkout.checkout(
        till.shop, LOCAL_ADMIN, SaleRequest(sale_no, member_no, lines=BASKET, redeem=redeem)
    )
    return sold.earned


def _push(server: Server, till: Opened) -> sync.SyncReport:
    return sync.push_pending(till.shop, HttpSyncServer(server.url, server.token))


def _check(server: Server) -> dict[str, Any]:
    return dict(_command(server.db, "check", "--json"))


def _check_text(server: Server) -> str:
    return subprocess.run(
        [sys.executable, "-m", "loyalty_desktop.server.cli", "--db", server.db, "check"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _tamper(till: Opened, sale_no: str, more: int) -> None:
    """Raise a queued sale's earned points and its earn movement by ``more``, as a bad till would."""
    with sqlite3.connect(_db(till)) as db:
        for row_id, text in db.execute("select id, payload from outbox where kind = 'sale'"):
            payload = json.loads(text)
            if payload["sale_id"] != sale_no:
                continue
            payload["earned"] += more
            for m in payload["movements"]:
                if m["kind"] == "earn":
                    m["points"] += more
                    for lot in m["lots"]:
                        lot["points"] += more
            db.execute("update outbox set payload = ? where id = ?", (json.dumps(payload), row_id))


def _db(till: Opened) -> str:
    return str(till.engine.url.database)


def _balance(server: Server, till: Opened, member_no: str) -> int:
    found = server.sql(
        f"select b.points from balances b join members m on m.id = b.member_id "
        f"where m.member_no = '{member_no}'"
    )
    return int(found[0][0]) if found else 0


def test_a_connected_till_s_real_baskets_are_all_applied_and_all_checked(
    server: Server, till: Opened
) -> None:
    sync.connect_to(till.shop, LOCAL_ADMIN, server.url, server.token)
    born_in_march = _enrol(till, "王芳", date(1990, 3, 14))
    plain = _enrol(till, "李雷")
    earned = [
        _sell(till, "S1", born_in_march),  # Bronze: tea ×3, fees left out, birthday bonus
        _sell(till, "S2", born_in_march, redeem=100),  # Silver now (5 % off, ×1.5), points paid
        _sell(till, "S3", plain),
    ]
    assert earned == [225, 306, 205]  # the till's own numbers: campaigns and the tier counted

    report = _push(server, till)

    assert (report.rejected, sync.status(till.shop).queue) == (0, 0)
    assert server.sql("select count(*), count(*) filter (where earn_checked) from sales") == [
        (3, 3)
    ]
    assert server.sql("select version from programs") == [(1,)]
    assert _balance(server, till, born_in_march) == 225 + 306 - 100
    assert _check(server)["earn_unchecked"] == 0


def test_a_sale_whose_points_were_raised_by_hand_is_rejected_applies_nothing_and_is_listed(
    server: Server, till: Opened
) -> None:
    sync.connect_to(till.shop, LOCAL_ADMIN, server.url, server.token)
    member_no = _enrol(till, "王芳")
    first = _sell(till, "S1", member_no)
    second = _sell(till, "S2", member_no)
    _tamper(till, "S2", 500)

    report = _push(server, till)

    assert report.rejected == 1
    [(reason,)] = server.sql("select reason from inbox where status = 'rejected'")
    assert reason == (f"sale: earned {second + 500} points; the programme version 1 gives {second}")
    assert _balance(server, till, member_no) == first  # S1 only
    assert server.sql("select count(*) from sales") == [(1,)]
    found = _check(server)
    assert found["ok"] is True
    [listed] = [f for f in found["for_review"] if f["review"] == "earn_mismatch"]
    assert (listed["store_id"], listed["reason"]) == (server.store_id, reason)
    assert f"for review: earn_mismatch: store {server.store_id}, event sale:" in _check_text(server)


def test_a_sale_under_a_programme_the_server_has_not_got_is_applied_and_counted_unchecked(
    server: Server, till: Opened
) -> None:
    # A till that never ran `sync connect` (as one before this release): its programme
    # never went to the server; its sales do.
    member_no = _enrol(till, "王芳")
    _sell(till, "S1", member_no)
    _tamper(till, "S1", 7)  # not even a wrong number can be told without the programme

    assert _push(server, till).rejected == 0

    assert _balance(server, till, member_no) == 212
    assert server.sql("select earn_checked from sales") == [(False,)]
    assert _check(server)["earn_unchecked"] == 1
    assert "unchecked: 1 sale(s) applied without their points recomputed" in _check_text(server)


def test_sales_are_checked_against_the_programme_they_were_made_under(
    server: Server, till: Opened, clock: FixedClock
) -> None:
    sync.connect_to(till.shop, LOCAL_ADMIN, server.url, server.token)
    member_no = _enrol(till, "李雷")
    before = _sell(till, "S1", member_no)
    programs.load_program(till.shop, LOCAL_ADMIN, RICHER, "richer.toml")
    clock.advance(minutes=5)
    after = _sell(till, "S2", member_no)
    _sell(till, "S3", member_no)
    # S3 says it earned what S1 did: the server checks it by the version it was made under
    _tamper(till, "S3", before - after)

    report = _push(server, till)

    assert (before, after) == (205, 549)  # tea x3 (Bronze), then tea x6 and all x1.5 (Silver)
    assert report.rejected == 1
    assert server.sql("select reason from inbox where status = 'rejected'") == [
        ("sale: earned 205 points; the programme version 2 gives 549",)
    ]
    assert server.sql("select version from programs order by version") == [(1,), (2,)]
    assert server.sql("select count(*) filter (where earn_checked) from sales") == [(2,)]


def _wire(till: Opened) -> list[dict[str, Any]]:
    queue = till.shop.sync_queue
    assert queue is not None
    return [e.wire() for e in queue.pending(100)]


def _five_sales(till: Opened, server: Server, token: str) -> list[dict[str, Any]]:
    """Connected, five sales to a member born in March, the third raised by one point: the queue."""
    sync.connect_to(till.shop, LOCAL_ADMIN, server.url, token)
    member_no = _enrol(till, "王芳", date(1990, 3, 14))
    for n in range(1, 6):
        _sell(till, f"S{n}", member_no)
    _tamper(till, "S3", 1)
    return _wire(till)


def test_the_fast_path_and_the_one_by_one_path_give_the_same_answers(
    server: Server, till: Opened, tmp_path: Path, clock: FixedClock
) -> None:
    other = _command(server.db, "store", "add", "Shop B")
    fast_events = _five_sales(till, server, server.token)
    twin = open_database(tmp_path / "twin.db", clock=clock, keys_dir=tmp_path / "keys")
    try:  # the same programme and sales at a second till of another store
        programs.load_program(twin.shop, LOCAL_ADMIN, PROGRAM, "programme.toml")
        slow_events = _five_sales(twin, server, other["token"])
    finally:
        twin.engine.dispose()

    code, fast = server.post("/v1/events", {"events": fast_events})
    # the first event sent alone before: a key already seen sends the batch one event at a time
    server.post("/v1/events", {"events": slow_events[:1]}, token=other["token"])
    code_b, slow = server.post("/v1/events", {"events": slow_events}, token=other["token"])

    assert (code, code_b) == (200, 200)
    answers = [(r["status"], r.get("reason")) for r in fast["results"]]
    assert [(r["status"], r.get("reason")) for r in slow["results"]][1:] == answers[1:]
    assert fast_events[0]["kind"] == "program.loaded"
    # the programme, the enrolment and its profile, then S1 to S5 (S3 raised by a point)
    assert [s for s, _ in answers] == ["applied"] * 5 + ["rejected"] + ["applied"] * 2
    assert str(answers[5][1]).startswith("sale: earned ")
    assert server.sql(
        "select count(*) filter (where earn_checked) from sales group by store_id"
    ) == [(4,), (4,)]


def test_a_version_no_till_gives_is_refused_or_unchecked_never_a_server_error(
    server: Server,
) -> None:
    member = "4d1c1f0e-3e0b-4a7c-9a55-0d6f1b2c3d4e"
    bought = sale(member, 3)
    bought["payload"].update(program_version=2**40, tier_before=None, birthday_month=None)
    loaded = {"program_version": 2**40, "source": PROGRAM}

    code, answer = server.post(
        "/v1/events",
        {
            "events": [
                wire_event("program.loaded", "program:big", 1, loaded),
                enrolled(member, 2),
                bought,
            ]
        },
    )

    assert code == 200, answer
    assert [(r["status"], r.get("reason")) for r in answer["results"]] == [
        ("rejected", f"program.loaded: program_version {2**40} is out of range"),
        ("applied", None),
        ("applied", None),
    ]
    assert server.sql("select earn_checked from sales") == [(False,)]


def test_a_sale_with_money_off_a_line_is_applied_and_checked(server: Server, till: Opened) -> None:
    """A damaged item sold for less: the line's amount is its gross less the line discount."""
    sync.connect_to(till.shop, LOCAL_ADMIN, server.url, server.token)
    member_no = _enrol(till, "王芳")
    lines = (
        LineRequest("TEA-1", "2", "30.00", "tea", discount="5.00"),
        LineRequest("CUP", "1", "20.00"),
    )
    sold = checkout.checkout(till.shop, LOCAL_ADMIN, SaleRequest("D1", member_no, lines=lines))

    report = _push(server, till)

    assert (report.rejected, sync.status(till.shop).queue) == (0, 0)  # was: amount is not 2 x 30
    assert server.sql("select count(*) filter (where earn_checked) from sales") == [(1,)]
    assert _balance(server, till, member_no) == sold.earned > 0


def test_a_version_sent_again_with_another_text_keeps_both_and_each_sale_is_checked_by_its_digest(
    server: Server, till: Opened
) -> None:
    sync.connect_to(till.shop, LOCAL_ADMIN, server.url, server.token)
    member_no = _enrol(till, "王芳")
    for n in range(1, 4):
        _sell(till, f"S{n}", member_no)
    loaded, enrolment, profile, *sales = _wire(till)
    # a till restored from a backup sends version 1 again, with the richer text
    again = dict(loaded, id=str(uuid.uuid4()), key="program:1:again", seq=loaded["seq"] + 10)
    again["payload"] = {"program_version": 1, "source": RICHER}
    del sales[1]["payload"]["program_digest"]  # a till from before digests
    sales[2]["payload"]["program_digest"] = digest_of(RICHER)  # not what it was earned under

    code, answer = server.post(
        "/v1/events", {"events": [loaded, again, enrolment, profile, *sales]}
    )

    assert code == 200, answer
    assert [(r["status"], r.get("reason")) for r in answer["results"]] == [
        ("applied", None),
        ("applied", None),
        ("applied", None),
        ("applied", None),
        ("applied", None),
        ("applied", None),  # no digest: checked against the version's first text
        ("rejected", "sale: earned 292 points; the programme version 1 gives 549"),
    ]
    assert server.sql("select count(*) from programs") == [(2,)]
    assert server.sql("select count(*) filter (where earn_checked) from sales") == [(2,)]


def test_sales_made_before_the_first_connect_are_checked_under_every_version_they_were_made_under(
    server: Server, till: Opened, clock: FixedClock
) -> None:
    # Not connected yet: a sale under version 1, then version 2 loaded and two more sales,
    # one of them raised by hand. `sync connect` queues both versions after these sales.
    member_no = _enrol(till, "李雷")
    before = _sell(till, "S1", member_no)
    programs.load_program(till.shop, LOCAL_ADMIN, RICHER, "richer.toml")
    clock.advance(minutes=5)
    after = _sell(till, "S2", member_no)
    _sell(till, "S3", member_no)
    _tamper(till, "S3", before - after)
    sync.connect_to(till.shop, LOCAL_ADMIN, server.url, server.token)

    report = _push(server, till)

    assert server.sql("select version from programs order by version") == [(1,), (2,)]
    assert server.sql("select count(*), count(*) filter (where earn_checked) from sales") == [
        (2, 2)
    ]
    assert report.rejected == 1
    assert server.sql("select reason from inbox where status = 'rejected'") == [
        (f"sale: earned {before} points; the programme version 2 gives {after}",)
    ]
    assert _check(server)["earn_unchecked"] == 0
    assert sync.status(till.shop).queue == 0
