"""A store's process killed at the worst moments, and a store restored from an old backup.

Issue 12's lines: "store killed before and after sending → exactly once after
restart", "10,000-event backlog interrupted mid-drain → resumes without
duplicates or timeouts", "store restored from an old backup replays its whole
outbox → server unchanged". Every store here is the ``loyalty`` command in its
own process, killed with SIGKILL, against a real server on PostgreSQL.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from loyalty_desktop.app import open_database
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.checkout import SaleRequest, checkout
from tests.server.conftest import Server
from tests.server.test_store_sync import CutAfterCommit

LOYALTY = str(Path(sys.executable).with_name("loyalty"))


class Store:
    """One shop's database driven through the ``loyalty`` command."""

    def __init__(self, tmp_path: Path, server: Server) -> None:
        self.dir = tmp_path
        self.db = tmp_path / "shop.db"
        self.env = {**os.environ, "LOYALTY_CONFIG_DIR": str(tmp_path)}
        self.server = server

    def argv(self, *args: str) -> list[str]:
        return [LOYALTY, "--db", str(self.db), "--json", *args]

    def run(self, *args: str) -> dict[str, Any]:
        done = subprocess.run(self.argv(*args), capture_output=True, text=True, env=self.env)
        assert done.returncode == 0, done.stdout + done.stderr
        return dict(json.loads(done.stdout))

    def spawn(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            self.argv(*args),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env,
        )

    def members(self, n: int) -> None:
        """``n`` members imported from a file: ``2n`` events waiting (enrolments and profiles)."""
        rows = "".join(f"{20000001 + i},Member {i},,,,yes\n" for i in range(n))
        csv = self.dir / "members.csv"
        csv.write_text("member_no,name,phone,email,birthday,consent\n" + rows, encoding="utf-8")
        assert self.run("import", "members", str(csv))["imported"] == n

    def sell(self, numbers: range) -> None:
        """Sales S{i} of 12.00 to members 20000001… in this process, the database closed after."""
        opened = open_database(self.db, keys_dir=self.dir)
        try:
            for i in numbers:
                member = str(20000001 + i % 7)
                checkout(opened.shop, LOCAL_ADMIN, SaleRequest(f"R{i}", member, total="12.00"))
        finally:
            opened.engine.dispose()

    def queue(self) -> int:
        return int(self.run("sync", "status")["queue"])

    def sync(self, *via: str) -> dict[str, Any]:
        return self.run("sync", "--once", *via)


def _store(tmp_path: Path, server: Server) -> Store:
    store = Store(tmp_path, server)
    store.run("init")
    store.run("sync", "connect", server.url, "--token", server.token)
    return store


def _inbox(server: Server) -> tuple[int, int]:
    return server.sql("select count(*), count(distinct key) from inbox")[0]


def _server_state(server: Server) -> list[Any]:
    """Everything a replay could change: the inbox, the members, the balances and the ledger."""
    return [
        server.sql("select count(*), count(distinct key) from inbox"),
        server.sql("select count(*) from members"),
        server.sql("select member_id, points from balances order by member_id"),
        server.sql("select count(*), coalesce(sum(points), 0) from ledger"),
    ]


def test_a_store_killed_after_the_server_committed_sends_again_and_counts_once(
    server: Server, tmp_path: Path
) -> None:
    store = _store(tmp_path, server)
    store.members(600)
    queued = store.queue()
    proxy = KillAfterCommit(server, after=3)
    pump = store.spawn("sync", "--once", "--server", proxy.url, "--token", server.token)
    proxy.victim = pump
    pump.communicate(timeout=120)
    proxy.close()
    assert pump.returncode == -signal.SIGKILL
    committed = _inbox(server)[0]
    # Three batches: the programme file `sync connect` queued (a round of its own) and one of
    # 100 answered, the next 100 committed unanswered.
    assert committed == 1 + 200
    assert store.queue() == queued - 101  # it marked what it heard back, nothing more
    report = store.sync()
    assert report["duplicates"] == 100  # only the unanswered batch; the answered two were marked
    assert report["pushed"] == queued - committed
    assert (store.queue(), _inbox(server)) == (0, (queued, queued))


def test_a_store_killed_while_selling_sends_every_sale_it_kept_exactly_once(
    server: Server, tmp_path: Path
) -> None:
    store = _store(tmp_path, server)
    store.members(5)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from loyalty_desktop.app import open_database\n"
        "from loyalty_desktop.services.auth import LOCAL_ADMIN\n"
        "from loyalty_desktop.services.checkout import SaleRequest, checkout\n"
        "shop = open_database(Path(sys.argv[1])).shop\n"
        "for i in range(100000):\n"
        "    checkout(shop, LOCAL_ADMIN, SaleRequest(f'K{i}', str(20000001 + i % 5), total='3.00'))\n"
        "    print(i, flush=True)\n"
    )
    seller = subprocess.Popen(
        [sys.executable, "-c", script, str(store.db)],
        stdout=subprocess.PIPE,
        text=True,
        env=store.env,
    )
    assert seller.stdout is not None
    for _ in range(40):  # killed mid-run: before it sent anything, possibly inside a sale
        seller.stdout.readline()
    seller.send_signal(signal.SIGKILL)
    seller.communicate()
    kept = store.run("check")
    assert kept["ok"], kept
    report = store.sync()
    assert report["rejected"] == 0
    sales_here = [s for s in _local_sales(store) if s.startswith("K")]
    assert len(sales_here) >= 40
    on_server = server.sql("select count(*) from inbox where key like 'sale:%%'")[0][0]
    assert on_server == len(sales_here)  # every sale the store kept, none it lost, none twice
    assert store.sync()["pushed"] == 0


def _local_sales(store: Store) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(store.db)
    try:
        return [row[0] for row in conn.execute("select sale_id from sales")]
    finally:
        conn.close()


def test_a_10000_event_backlog_killed_mid_drain_resumes_without_duplicates(
    server: Server, tmp_path: Path
) -> None:
    store = _store(tmp_path, server)
    store.members(5_000)
    queued = store.queue()
    assert queued == 10_000 + 1  # 5,000 enrolments and profiles, and the programme
    pump = store.spawn("sync", "--once")
    deadline = time.monotonic() + 300
    while _inbox(server)[0] < 3_000 and time.monotonic() < deadline and pump.poll() is None:
        time.sleep(0.05)
    pump.send_signal(signal.SIGKILL)
    pump.communicate()
    taken = _settled(server)  # a batch the server had whole is committed even so
    assert 3_000 <= taken < queued  # killed in the middle of the drain
    left = store.queue()
    assert left >= queued - taken  # what the store had marked is on the server
    report = store.sync()  # exit 0: no timeout, no error
    assert report["pushed"] + report["duplicates"] == left
    assert report["duplicates"] == taken - (queued - left)
    assert (store.queue(), _inbox(server)) == (0, (queued, queued))


def _settled(server: Server) -> int:
    """The inbox's size once the server has finished what it was applying."""
    seen = _inbox(server)[0]
    while True:
        time.sleep(1.0)
        now = _inbox(server)[0]
        if now == seen:
            return int(now)
        seen = now


def test_a_store_restored_from_an_old_backup_replays_its_outbox_and_changes_nothing(
    server: Server, tmp_path: Path
) -> None:
    store = _store(tmp_path, server)
    store.members(50)
    store.sell(range(6))
    old = tmp_path / "old-backup.db"
    store.run("backup", "--out", str(old))  # nothing sent yet: the whole outbox is in it
    store.sync()
    store.sell(range(6, 10))  # sold after the backup: on the server, lost by the restore
    store.sync()
    before = _server_state(server)
    store.run("restore", str(old), "--force")
    # the programme, 50 members with their profiles and 6 sales, sent once already
    assert store.queue() == 107
    report = store.sync()
    assert (report["duplicates"], report["pushed"], report["quarantined"]) == (107, 0, 0)
    assert _server_state(server) == before
    # The till goes on after the restore: a new sale is a new fact, taken as usual.
    store.run("sale", "AFTER1", "--member", "20000001", "--total", "5.00")
    report = store.sync()
    assert (report["pushed"], report["quarantined"]) == (1, 0)


class KillAfterCommit(CutAfterCommit):
    """Relays pushes to the server; once ``after`` of them were committed, kills the store unanswered.

    The store's client opens a connection per request, and requests are taken one at a
    time, so exactly ``after`` batches reach the server: any the store had on the wire
    beside the last is dropped unread once the store is dead.
    """

    def __init__(self, server: Server, after: int) -> None:
        self.after = after
        self.victim: subprocess.Popen[str] | None = None
        super().__init__(server)

    def _forward(self, conn: socket.socket) -> None:
        if self.forwarded >= self.after:
            conn.shutdown(socket.SHUT_RDWR)
            return
        data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(65536)
        head, body = data.split(b"\r\n\r\n", 1)
        lines = head.decode().split("\r\n")
        headers = dict(line.split(": ", 1) for line in lines[1:])
        while len(body) < int(headers.get("Content-Length", "0")):
            body += conn.recv(65536)
        method, path, _ = lines[0].split(" ")
        target = http.client.HTTPConnection(self.server.url.removeprefix("http://"))
        target.request(
            method,
            path,
            body if method == "POST" else None,
            {"Content-Type": "application/json", "Authorization": headers["Authorization"]},
        )
        answer = target.getresponse()
        answered = answer.read()
        target.close()
        if method != "POST":  # the store's health or identity check passes through
            conn.sendall(_response(answer.status, answer.reason, answered))
            return
        self.forwarded += 1
        if self.forwarded == self.after and self.victim is not None:
            self.victim.send_signal(signal.SIGKILL)  # the server committed; the store never hears
            conn.shutdown(socket.SHUT_RDWR)
            return
        conn.sendall(_response(answer.status, answer.reason, answered))


def _response(status: int, reason: str, body: bytes) -> bytes:
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body
