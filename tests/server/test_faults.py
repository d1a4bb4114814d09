"""The sync faults of issue 12 against real PostgreSQL and uvicorn (the soak test is test_soak.py).

A store killed, a long backlog cut, an old backup replayed, events out of order, wrong device clocks.
"""

from __future__ import annotations

import random
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from loyalty_desktop.services import backups, member_view, refunds, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.sync.http import HttpSyncServer
from tests.conftest import FixedClock
from tests.server.conftest import Server, _free_port, start
from tests.server.faults import (
    Relay,
    another_server,
    enrol_many,
    loyalty,
    open_store,
    outbox_keys,
    sell,
    server_balances,
    server_points,
    snapshot,
    store_points,
)

BACKLOG = 10_000


def _inbox(server: Server) -> tuple[int, int]:
    count, keys = server.sql("select count(*), count(distinct key) from inbox")[0]
    return int(count), int(keys)


def _inbox_keys(server: Server) -> set[str]:
    return {k for (k,) in server.sql("select key from inbox")}


def _port(server: Server) -> int:
    return int(server.url.rsplit(":", 1)[1])


def _ids(store: Any, numbers: Sequence[str]) -> list[str]:
    return [member_view.show_member(store.shop, LOCAL_ADMIN, n).id for n in numbers]


def _killed(proc: subprocess.Popen[str]) -> None:
    out, err = proc.communicate(timeout=120)  # closes its pipes too
    assert proc.returncode == -signal.SIGKILL, (out, err)


def test_a_store_killed_before_and_after_sending_has_every_event_once_after_restart(
    server: Server, tmp_path: Path, clock: FixedClock
) -> None:
    store = open_store(tmp_path, clock)
    numbers = enrol_many(store, tmp_path, 230, "K")
    for i in range(20):
        sell(store, f"S{i}", numbers[i], "88.00")
    queued = sync.status(store.shop).queue
    assert queued == 250
    relay = Relay(_port(server))
    running: list[subprocess.Popen[str]] = []
    relay.on_drop = lambda fate: running[-1].send_signal(signal.SIGKILL)

    def with_token(fate: Callable[[int], str]) -> None:
        first = len(relay.fates)
        relay.fate = lambda n: fate(n - first)
        proc = loyalty(tmp_path, "sync", "--once", "--server", relay.url, "--token", server.token)
        running.append(proc)
        _killed(proc)

    with_token(lambda n: "before")  # killed with the first batch on its way: nothing arrived
    assert (_inbox(server), sync.status(store.shop).queue) == ((0, 0), queued)
    with_token(lambda n: "after")  # the server committed 100, the store died before marking them
    assert (_inbox(server), sync.status(store.shop).queue) == ((100, 100), queued)
    # The first batch goes again (duplicates, marked sent), the second commits, then the kill.
    with_token(lambda n: "pass" if n == 1 else "after")
    assert (_inbox(server), sync.status(store.shop).queue) == ((200, 200), queued - 100)

    restarted = loyalty(tmp_path, "sync", "--once", "--server", server.url, "--token", server.token)
    out, err = restarted.communicate(timeout=120)
    assert restarted.returncode == 0, err
    relay.close()
    assert '"duplicates": 100' in out, out
    assert '"pushed": 50' in out, out
    assert sync.status(store.shop).queue == 0
    assert _inbox(server) == (queued, queued)
    assert _inbox_keys(server) == outbox_keys(store)
    sold = _ids(store, numbers[:20])
    assert server_points(server) == store_points(store, sold)
    store.engine.dispose()


class Timed:
    """The real client, with how long each push took and which failed (a spy, not a stand-in)."""

    def __init__(self, client: HttpSyncServer) -> None:
        self.client = client
        self.took: list[float] = []
        self.failed: list[str] = []

    def push(self, events: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        began = time.monotonic()
        try:
            answer = self.client.push(events)
        except sync.ServerUnavailable as exc:
            self.failed.append(str(exc))
            raise
        self.took.append(time.monotonic() - began)
        return answer

    def store_id(self) -> str:
        return self.client.store_id()


def _wait_for(server: Server, rows: int, proc: subprocess.Popen[str] | None = None) -> None:
    deadline = time.monotonic() + 120
    while _inbox(server)[0] < rows:
        assert time.monotonic() < deadline, f"the server never reached {rows} events"
        assert proc is None or proc.poll() is None, proc.communicate()  # it ended early: why
        time.sleep(0.1)


def test_a_backlog_of_10000_cut_mid_drain_resumes_without_duplicates_or_timeouts(
    server: Server, tmp_path: Path, clock: FixedClock
) -> None:
    store = open_store(tmp_path, clock)
    enrol_many(store, tmp_path, BACKLOG, "B")
    # The pump (a real `loyalty sync` process) killed part-way through the backlog.
    pump = loyalty(tmp_path, "sync", "--once", "--server", server.url, "--token", server.token)
    _wait_for(server, 2_500, pump)
    pump.send_signal(signal.SIGKILL)
    _killed(pump)
    arrived, left = _inbox(server)[0], sync.status(store.shop).queue
    assert 0 <= arrived - (BACKLOG - left) <= 100  # at most the batch in flight unacknowledged

    # The rest drained by the till's pump, the server killed part-way and restarted.
    timed = Timed(HttpSyncServer(server.url, server.token))
    reports: list[sync.SyncReport] = []
    drain = threading.Thread(
        target=lambda: reports.append(sync.sync_with_retry(store.shop, timed, sleep=time.sleep))
    )
    drain.start()
    _wait_for(server, arrived + 3_000)
    server.proc.send_signal(signal.SIGKILL)
    server.proc.wait()
    server.proc = start(server.db, _port(server))
    drain.join(timeout=170)
    assert not drain.is_alive(), timed.failed
    assert reports, timed.failed

    assert sync.status(store.shop).queue == 0
    assert reports[0].duplicates <= 100
    assert reports[0].rejected == 0
    assert _inbox(server) == (BACKLOG, BACKLOG)
    assert server.sql("select count(*) from members")[0][0] == BACKLOG
    assert _inbox_keys(server) == outbox_keys(store)
    assert len(timed.failed) <= 4, timed.failed  # only while the server was down
    assert max(timed.took) < 10, max(timed.took)  # no batch near the client's 30 s timeout
    store.engine.dispose()


def test_a_store_restored_from_an_old_backup_replays_its_outbox_and_changes_nothing(
    server: Server, tmp_path: Path, clock: FixedClock
) -> None:
    store = open_store(tmp_path, clock)
    numbers = enrol_many(store, tmp_path, 30, "R")
    for i in range(60):
        sell(store, f"S{i}", numbers[i % 30], f"{20 + i}.00", redeem=10 if i >= 30 else 0)
    refunds.refund(store.shop, LOCAL_ADMIN, refunds.RefundRequest("R1", "S40", amount="30.00"))
    old = backups.back_up(store.shop, LOCAL_ADMIN, tmp_path / "old.db").path  # nothing sent yet
    client = HttpSyncServer(server.url, server.token)
    sent = sync.push_pending(store.shop, client)
    assert (sent.pushed, sent.rejected) == (91, 0)
    for i in range(60, 80):  # sales after the backup, sent too
        sell(store, f"S{i}", numbers[i % 30], "15.00")
    assert sync.push_pending(store.shop, client).pushed == 20
    before = snapshot(server)

    backups.restore_backup(store.shop, LOCAL_ADMIN, old)
    store.engine.dispose()
    store = open_store(tmp_path, clock, program=False)
    assert sync.status(store.shop).queue == sent.pushed  # the backup's whole outbox, unsent
    replay = sync.push_pending(store.shop, client)
    assert (replay.pushed, replay.duplicates, replay.rejected, replay.quarantined) == (
        0,
        sent.pushed,
        0,
        0,
    )
    assert snapshot(server) == before

    # The restored till sells on: a new sale number is applied (its event's sequence number,
    # taken again from the backup's counter, does not matter to the server) ...
    member = _ids(store, numbers[:1])[0]
    had = server_points(server)[member]
    again = sell(store, "S80", numbers[0], "10.00")
    assert sync.push_pending(store.shop, client).pushed == 1
    assert server_points(server)[member] == had + again.earned
    # ... but a number a lost sale had (S60 is not in the old file) keys the same sale id with
    # another basket: a conflict, quarantined for a manager, and the server keeps the first sale.
    sell(store, "S60", numbers[0], "11.00")
    assert sync.push_pending(store.shop, client).quarantined == 1
    assert server_points(server)[member] == had + again.earned
    store.engine.dispose()


def _refunds_first(events: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    """The events shuffled, with every refund somewhere before its sale."""
    order = [e for e in events if e["kind"] != "refund"]
    rng.shuffle(order)
    for refund in (e for e in events if e["kind"] == "refund"):
        sold = next(
            i for i, e in enumerate(order) if e["payload"].get("id") == refund["payload"]["sale"]
        )
        order.insert(rng.randint(0, sold), refund)
    return order


@pytest.mark.parametrize("seed", [1, 2])
def test_one_members_events_shuffled_with_refunds_first_end_at_the_balance_sent_in_order(
    server: Server, pg_url: str, tmp_path: Path, clock: FixedClock, seed: int
) -> None:
    store = open_store(tmp_path, clock)
    member, other = enrol_many(store, tmp_path, 2, "O")
    for i in range(8):
        sell(store, f"S{i}", member, f"{50 + 10 * i}.00", redeem=40 if i in (3, 5, 7) else 0)
    sell(store, "X1", other, "30.00")
    for no, sale, amount in [("R1", "S3", "80.00"), ("R2", "S5", "30.00"), ("R3", "S6", "40.00")]:
        refunds.refund(store.shop, LOCAL_ADMIN, refunds.RefundRequest(no, sale, amount=amount))
    refunds.refund(store.shop, LOCAL_ADMIN, refunds.RefundRequest("R4", "S6", amount="20.00"))
    assert store.shop.sync_queue is not None
    events = [e.wire() for e in store.shop.sync_queue.pending(1000)]
    ids = _ids(store, [member, other])

    in_order = sync.push_pending(store.shop, HttpSyncServer(server.url, server.token))
    assert (in_order.pushed, in_order.rejected) == (len(events), 0)
    rng = random.Random(seed)
    order = _refunds_first(events, rng)
    assert [e["kind"] for e in order] != [e["kind"] for e in events]
    with another_server(pg_url, _free_port()) as shuffled:
        client = HttpSyncServer(shuffled.url, shuffled.token)
        at = 0
        while at < len(order):
            batch = order[at : at + rng.randint(1, 3)]
            assert [r["status"] for r in client.push(batch)] == ["applied"] * len(batch)
            at += len(batch)
        assert server_points(shuffled) == server_points(server) == store_points(store, ids)
        assert server_balances(shuffled) == server_balances(server)
        assert shuffled.sql("select count(*) from parked")[0][0] == 0
    store.engine.dispose()


@pytest.mark.parametrize(
    "skew", [timedelta(days=3), -timedelta(days=365)], ids=["ahead_3_days", "behind_1_year"]
)
def test_a_till_with_a_wrong_clock_is_accepted(
    server: Server, tmp_path: Path, skew: timedelta
) -> None:
    clock = FixedClock(datetime.now(UTC) + skew)
    store = open_store(tmp_path, clock)
    numbers = enrol_many(store, tmp_path, 5, "C")
    for i in range(10):
        sell(store, f"S{i}", numbers[i % 5], f"{30 + i}.00", redeem=5 if i >= 5 else 0)
    refunds.refund(store.shop, LOCAL_ADMIN, refunds.RefundRequest("R1", "S7", amount="10.00"))
    queued = sync.status(store.shop).queue
    report = sync.push_pending(store.shop, HttpSyncServer(server.url, server.token))
    assert (report.pushed, report.rejected, report.quarantined) == (queued, 0, 0)
    ids = _ids(store, numbers)
    assert server_points(server) == store_points(store, ids)
    assert server_balances(server) == server_points(server)
    store.engine.dispose()
