"""A till's whole outbox sent in order to one server and shuffled to a second: the same books.

Issue 12: "one member's events shuffled with a refund before its sale → same final balance
as in order". Here the events are a real till's (enrolments, sales earning under a
campaign, redemptions, partial refunds of earning and redeeming sales, corrections), not
hand-made ones, and every member's balance and movement is compared between a server that
got them in the till's order and one that got them in a random order, in small batches, with
some sent twice.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy

from loyalty_desktop.app import open_database
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import checkout, members, points, programs, refunds, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.member_view import show_member
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM
from tests.server.conftest import SERVER_DB, Server, _command, _free_port, start


@pytest.fixture
def second(server: Server) -> Iterator[Server]:
    """Another server on a schema of its own, with a store of its own."""
    base = sqlalchemy.engine.make_url(server.db).set(query={})
    schema = f"srv_{uuid.uuid4().hex[:12]}"
    admin = sqlalchemy.create_engine(base.set(database=SERVER_DB), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"create schema {schema}")
    url = base.set(query={"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )
    made = _command(url, "store", "add", "Shop A (second server)")
    port = _free_port()
    proc = start(url, port)
    yield Server(f"http://127.0.0.1:{port}", url, made["token"], made["store_id"], proc)
    proc.kill()
    proc.wait()
    with admin.connect() as conn:
        conn.exec_driver_sql(f"drop schema {schema} cascade")
    admin.dispose()


def _history(
    tmp_path: Path, clock: FixedClock, server: Server, seed: int, expiry: bool
) -> list[dict[str, Any]]:
    """A till's outbox after a few weeks of trade, as the pump would send it."""
    opened = open_database(tmp_path / "shop.db", clock=clock, keys_dir=tmp_path / "keys")
    shop = opened.shop
    text = PROGRAM.replace("days = 365", "days = 20") if expiry else PROGRAM
    programs.load_program(shop, LOCAL_ADMIN, text, "test")
    sync.connect_to(shop, LOCAL_ADMIN, server.url, server.token)
    rng = random.Random(seed)
    numbers = [
        members.enrol(shop, LOCAL_ADMIN, members.NewMember(name=f"M{n}")).member_no
        for n in range(5)
    ]
    sold: list[str] = []
    for n in range(40):
        clock.advance(hours=rng.randint(1, 30))
        who = rng.choice(numbers)
        balance = show_member(shop, LOCAL_ADMIN, who).points
        total = rng.randint(20, 400)
        redeem = max(0, min(balance, rng.randint(0, total * 50))) if rng.random() < 0.35 else 0
        checkout.checkout(
            shop, LOCAL_ADMIN, SaleRequest(f"S{n}", who, total=f"{total}.00", redeem=redeem)
        )
        sold.append(f"S{n}")
        if rng.random() < 0.25:  # a partial refund of an earlier sale
            back = rng.choice(sold)
            try:
                refunds.refund(shop, LOCAL_ADMIN, refunds.RefundRequest(f"R{n}", back, "5.00"))
            except LoyaltyError:  # nothing left of that sale to give back
                continue
        if expiry and n in (15, 30):  # the shop shut for a month; the nightly job runs
            clock.advance(days=25)
            points.expire(shop, LOCAL_ADMIN)
        if rng.random() < 0.1:
            points.adjust(shop, LOCAL_ADMIN, who, rng.choice([-3, 25]), "counted again", f"A{n}")
    events = [e.wire() for e in sync._queue(shop).pending(10_000)]
    opened.engine.dispose()
    return events


def _push(server: Server, events: list[dict[str, Any]], size: int) -> None:
    for start_at in range(0, len(events), size):
        code, answer = server.post("/v1/events", {"events": events[start_at : start_at + size]})
        assert code == 200, answer
        bad = [r for r in answer["results"] if r["status"] not in ("applied", "duplicate")]
        assert bad == [], bad


def _books(server: Server) -> tuple[Any, ...]:
    balances = sorted(
        (str(m), int(p)) for m, p in server.sql("select member_id, points from balances")
    )
    moved = sorted(
        (str(m), str(i), k, int(p))
        for m, i, k, p in server.sql("select member_id, id, kind, points from ledger")
    )
    kept = sorted(
        (str(m), str(i), int(r))
        for m, i, r in server.sql("select member_id, id, remaining from lots")
    )
    return balances, moved, kept


@pytest.mark.parametrize(("seed", "expiry"), [(1, False), (2, False), (3, True)])
def test_a_tills_outbox_shuffled_gives_the_second_server_the_same_books(
    tmp_path: Path, clock: FixedClock, server: Server, second: Server, seed: int, expiry: bool
) -> None:
    events = _history(tmp_path, clock, server, seed, expiry)
    kinds = {e["kind"] for e in events}
    assert {"member.enrolled", "sale", "refund"} <= kinds, kinds
    assert any(e["payload"].get("points_redeemed") for e in events if e["kind"] == "sale")
    if expiry:
        assert "expiry" in kinds, kinds

    _push(server, events, 100)
    rng = random.Random(seed)
    shuffled = events[:]
    rng.shuffle(shuffled)
    again = rng.sample(shuffled, len(shuffled) // 5)  # some sent twice, as after a cut
    _push(second, shuffled[: len(shuffled) // 2] + again + shuffled[len(shuffled) // 2 :], 7)

    in_order, out_of_order = _books(server), _books(second)
    assert out_of_order[0] == in_order[0]  # every member's balance
    assert out_of_order[1] == in_order[1]  # every movement, with its id and points
    assert out_of_order[2] == in_order[2]  # every lot's points left, which the server expires
    assert second.sql("select count(*) from parked")[0][0] == 0
    for srv in (server, second):
        found = _command(srv.db, "check", "--json")
        assert found["problems"] == [], found
