"""Soak: four stores sell to shared and own members while the network drops and the server restarts.

Each store is its own SQLite file with a pump on its own thread, sending through a relay that
loses about one connection in seven (before, midway or after the server answers); the server
is SIGKILLed and restarted every second or two. After draining, the server's ledger must be
the union of the stores' ledgers: per member, the sum of the server's movements equals the
sum of what every store shows, and the server's balances equal its movements (zero drift).
``LOYALTY_SOAK_SALES`` sets the sales per store (the issue's full run: 5000).
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from loyalty_desktop.app import Opened
from loyalty_desktop.services import member_view, members, refunds, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.sync.http import HttpSyncServer
from tests.conftest import FixedClock
from tests.server.conftest import Server, start
from tests.server.faults import (
    Relay,
    add_store,
    copy_store,
    enrol_many,
    open_store,
    random_fates,
    sell,
    server_balances,
    server_points,
)

SALES = int(os.environ.get("LOYALTY_SOAK_SALES", "250"))
RESTARTS = 3  # at least, while the stores sell and send
STORES, SHARED, DROP = 4, 12, 0.15


@dataclass
class Till:
    """One simulated store: its database, token, own members and sales it may refund."""

    name: str
    opened: Opened
    token: str
    own: list[str] = field(default_factory=list)
    sold: list[tuple[str, int]] = field(default_factory=list)
    failures: list[BaseException] = field(default_factory=list)


def _sell(till: Till, shared: list[str], seed: int) -> None:
    rng, shop = random.Random(seed), till.opened.shop
    for i in range(SALES):
        roll = rng.random()
        if roll < 0.05 or not till.own:
            enrolled = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name=f"{till.name} {i}"))
            till.own.append(enrolled.member_no)
        elif roll < 0.15 and till.sold:
            sale_no, total = till.sold.pop(rng.randrange(len(till.sold)))
            back = f"{rng.randint(1, total)}.00"
            refunds.refund(shop, LOCAL_ADMIN, refunds.RefundRequest(f"R{i}", sale_no, amount=back))
        else:
            member = rng.choice(shared + till.own)
            total = rng.randint(10, 300)
            redeem = 0
            if rng.random() < 0.3:
                spendable = member_view.show_member(shop, LOCAL_ADMIN, member).spendable
                redeem = min(spendable, total * 50) if spendable >= 1 else 0
            sell(till.opened, f"S{i}", member, f"{total}.00", redeem=redeem)
            till.sold.append((f"S{i}", total))


def _pump(till: Till, url: str, selling: threading.Event) -> None:
    client = HttpSyncServer(url, till.token, timeout=20)
    deadline = time.monotonic() + 240
    while selling.is_set() or sync.status(till.opened.shop).queue:
        assert time.monotonic() < deadline, f"{till.name} never drained"
        with contextlib.suppress(sync.ServerUnavailable):
            sync.sync_pass(till.opened.shop, client)
        time.sleep(0.05)


def _guarded(till: Till, work: Callable[..., None], *args: object) -> threading.Thread:
    def run() -> None:
        try:
            work(*args)
        except BaseException as exc:  # reported by the test, not lost in the thread
            till.failures.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def _chaos(server: Server, running: threading.Event, restarts: list[float]) -> None:
    rng, port = random.Random(7), int(server.url.rsplit(":", 1)[1])
    while not _stopped(rng.uniform(0.5, 1.2), running):
        server.proc.send_signal(signal.SIGKILL)
        server.proc.wait()
        began = time.monotonic()
        server.proc = start(server.db, port)
        restarts.append(time.monotonic() - began)


def _stopped(seconds: float, running: threading.Event) -> bool:
    """Wait ``seconds``; True if told to stop meanwhile."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not running.is_set():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
def test_four_stores_through_drops_and_restarts_end_with_the_servers_ledger_their_union(
    server: Server, tmp_path: Path, clock: FixedClock
) -> None:
    (tmp_path / "s0").mkdir()
    base = open_store(tmp_path / "s0", clock)
    shared = enrol_many(base, tmp_path / "s0", SHARED, "SH")
    base.engine.dispose()
    tokens = [server.token] + [add_store(server, f"Shop {k}")[1] for k in range(1, STORES)]
    for k in range(1, STORES):
        copy_store(tmp_path / "s0", tmp_path / f"s{k}")
    tills = [
        Till(f"s{k}", open_store(tmp_path / f"s{k}", clock, program=False), tokens[k])
        for k in range(STORES)
    ]
    relay = Relay(int(server.url.rsplit(":", 1)[1]), random_fates(11, DROP))
    selling, running, restarts = threading.Event(), threading.Event(), list[float]()
    selling.set()
    running.set()
    began = time.monotonic()
    sellers = [_guarded(t, _sell, t, shared, k) for k, t in enumerate(tills)]
    pumps = [_guarded(t, _pump, t, relay.url, selling) for t in tills]
    chaos = threading.Thread(target=_chaos, args=(server, running, restarts), daemon=True)
    chaos.start()
    for thread in sellers:
        thread.join(timeout=240)
    while len(restarts) < RESTARTS and chaos.is_alive():
        time.sleep(0.1)
    running.clear()
    chaos.join(timeout=60)
    selling.clear()  # the pumps drain what is left, through the relay's drops
    for thread in pumps:
        thread.join(timeout=240)
    relay.close()
    took = time.monotonic() - began
    assert [t.failures for t in tills] == [[]] * STORES
    assert len(restarts) >= RESTARTS

    expected: dict[str, int] = {}
    for till in tills:
        assert sync.status(till.opened.shop).queue == 0
        for ref in shared + till.own:
            seen = member_view.show_member(till.opened.shop, LOCAL_ADMIN, ref)
            expected[seen.id] = expected.get(seen.id, 0) + seen.points
        # `loyalty check`'s ledger part: balances and lots against the movements.
        assert till.opened.integrity.ledger_problems() == []
    on_server = server_points(server)
    assert set(on_server) <= set(expected)
    assert {m: on_server.get(m, 0) for m in expected} == expected  # the union, zero drift
    assert server_balances(server) == on_server
    assert server.sql("select count(*) from inbox where status = 'rejected'")[0][0] == 0
    assert server.sql("select count(*) from quarantine")[0][0] == 0
    assert server.sql("select count(*) from parked")[0][0] == 0
    print(
        f"soak: {STORES} stores x {SALES} sales, {len(relay.fates)} requests, "
        f"{sum(f != 'pass' for f in relay.fates)} dropped, {len(restarts)} restarts, {took:.1f} s"
    )
    for till in tills:
        till.opened.engine.dispose()
