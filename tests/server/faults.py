"""Helpers for the sync fault tests: stores on SQLite files, more servers and stores, a relay that drops connections."""

from __future__ import annotations

import contextlib
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.services import checkout, member_view, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.import_members import import_members
from loyalty_desktop.services.sale_results import SaleResult
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM
from tests.server.conftest import SERVER_DB, Server, start

LOYALTY = str(Path(sys.executable).with_name("loyalty"))


def open_store(folder: Path, clock: FixedClock, *, program: bool = True) -> Opened:
    """A till whose database is ``folder/shop.db`` and whose keys are in ``folder/config``."""
    opened = open_database(folder / "shop.db", clock=clock, keys_dir=folder / "config")
    if program:
        programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "test")
    return opened


def enrol_many(opened: Opened, folder: Path, count: int, prefix: str) -> list[str]:
    """Enrol ``count`` members through the members import (one outbox event each); their numbers."""
    numbers = [f"{prefix}{i:06d}" for i in range(count)]
    csv = folder / f"{prefix}.csv"
    csv.write_text(
        "member_no,name,phone,email,birthday,consent\n"
        + "".join(f"{n},Member {n},,,,yes\n" for n in numbers),
        encoding="utf-8",
    )
    report = import_members(opened.shop, LOCAL_ADMIN, csv)
    assert report.imported == count, report
    return numbers


def sell(opened: Opened, sale_no: str, member: str, total: str, redeem: int = 0) -> SaleResult:
    """A sale at the till, through the checkout service."""
    return checkout.checkout(
        opened.shop, LOCAL_ADMIN, SaleRequest(sale_no, member, total=total, redeem=redeem)
    )


def store_points(opened: Opened, members: Iterable[str]) -> dict[str, int]:
    """Each member's points as the store's own services show them."""
    return {
        m: member_view.show_member(opened.shop, LOCAL_ADMIN, m).points for m in sorted(set(members))
    }


def server_points(server: Server) -> dict[str, int]:
    """Each member's sum of ledger movements on the server."""
    rows = server.sql("select member_id, sum(points) from ledger group by member_id")
    return {str(m): int(p) for m, p in rows}


def server_balances(server: Server) -> dict[str, int]:
    """The server's cached balances."""
    return {str(m): int(p) for m, p in server.sql("select member_id, points from balances")}


def outbox_keys(opened: Opened) -> set[str]:
    """Every event key this store ever wrote (sent or not)."""
    assert opened.path is not None
    with sqlite3.connect(opened.path) as conn:
        return {k for (k,) in conn.execute("select key from outbox")}


def loyalty(folder: Path, *args: str) -> subprocess.Popen[str]:
    """``loyalty --db folder/shop.db --json ARGS`` as a real process (its keys in ``folder/config``)."""
    return subprocess.Popen(
        [LOYALTY, "--db", str(folder / "shop.db"), "--json", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "LOYALTY_CONFIG_DIR": str(folder / "config")},
    )


def add_store(server: Server, name: str) -> tuple[str, str]:
    """Register another store on the server: (store id, token)."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "loyalty_desktop.server.cli",
            "--db",
            server.db,
            "store",
            "add",
            name,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    made = json.loads(done.stdout)
    return made["store_id"], made["token"]


@contextmanager
def another_server(pg_url: str, port: int) -> Iterator[Server]:
    """A second server on a schema of its own (for comparing two runs of the same events)."""
    base = sqlalchemy.engine.make_url(pg_url).set(database=SERVER_DB)
    schema = f"srv_{uuid.uuid4().hex[:12]}"
    engine = sqlalchemy.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"create schema {schema}")
    url = base.set(query={"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )
    srv = Server(f"http://127.0.0.1:{port}", url, "", "", None)  # type: ignore[arg-type]
    try:
        srv.store_id, srv.token = add_store(srv, "Shop B")
        srv.proc = start(url, port)
        yield srv
    finally:
        if srv.proc is not None:
            srv.proc.kill()
            srv.proc.wait()
        with engine.connect() as conn:
            conn.exec_driver_sql(f"drop schema {schema} cascade")
        engine.dispose()


def copy_store(base: Path, to: Path) -> None:
    """Another till that already holds ``base``'s members (as a pull would have brought them).

    The copy gets a device id of its own, and ``base``'s events count as sent (they are
    ``base``'s to send, not this till's). ``base`` must be closed.
    """
    to.mkdir()
    (to / "config").mkdir()
    for f in (base / "config").iterdir():
        (to / "config" / f.name).write_bytes(f.read_bytes())
    with sqlite3.connect(base / "shop.db") as src, sqlite3.connect(to / "shop.db") as dst:
        src.backup(dst)
    with sqlite3.connect(to / "shop.db") as conn:
        conn.execute("update settings set value = ? where key = 'device_id'", (str(uuid.uuid4()),))
        conn.execute("update outbox set sent_at = at where sent_at is null")
    conn.close()


def _read_request(conn: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    length = 0
    for line in head.decode("latin-1").split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        body += chunk
    return head + b"\r\n\r\n" + body


def _read_all(conn: socket.socket) -> bytes:
    data = b""
    while chunk := conn.recv(65536):
        data += chunk
    return data


class Relay:
    """A tiny HTTP relay in front of the server that can lose a request or its answer.

    For each connection ``fate(n)`` (n counts from 1) says what happens: ``pass``;
    ``before`` (dropped before anything reaches the server); ``midway`` (the server gets
    half the request, then the connection is cut); ``after`` (the server answers, so it
    has committed, and the answer never reaches the store). ``on_drop(fate)`` runs at the
    moment of a drop. A server that is down shows as a cut connection.
    """

    def __init__(self, port: int, fate: Callable[[int], str] = lambda n: "pass") -> None:
        self.port, self.fate = port, fate
        self.on_drop: Callable[[str], None] = lambda fate: None
        self.fates: list[str] = []
        self._lock = threading.Lock()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(60)
            # The store or the server going away shows to the store as a cut connection.
            with contextlib.suppress(OSError):
                self._relay(conn)

    def _relay(self, conn: socket.socket) -> None:
        request = _read_request(conn)
        if request is None:
            return
        with self._lock:
            self.fates.append(fate := self.fate(len(self.fates) + 1))
        if fate == "before":
            self.on_drop(fate)
            return
        with socket.create_connection(("127.0.0.1", self.port), timeout=60) as upstream:
            if fate == "midway":
                upstream.sendall(request[: len(request) // 2])
                self.on_drop(fate)
                return
            upstream.sendall(request)
            answer = _read_all(upstream)
        if fate == "after" and answer:
            self.on_drop(fate)
            return
        conn.sendall(answer)

    def close(self) -> None:
        self.sock.close()


def random_fates(seed: int, drop: float) -> Callable[[int], str]:
    """Drop about ``drop`` of the connections, a third each before, midway and after."""
    rng, lock = random.Random(seed), threading.Lock()

    def fate(_: int) -> str:
        with lock:
            if rng.random() >= drop:
                return "pass"
            return rng.choice(("before", "midway", "after"))

    return fate


def snapshot(server: Server) -> dict[str, Any]:
    """Everything the server keeps about members, points and events (to compare before and after)."""
    tables = {
        "inbox": "select store_id, event_id, key, payload_hash, status, reason from inbox",
        "ledger": "select member_id, id, store_id, kind, points, at, event_key from ledger",
        "balances": "select member_id, points from balances",
        "members": "select id, member_no, home_store, status, consent from members",
        "sales": "select member_id, id, store_id from sales",
        "parked": "select member_id, sale_id, event_key from parked",
        "reviews": "select member_id, points from reviews",
        "quarantine": "select store_id, event_id, key from quarantine",
        "changes": "select count(*) from changes",
    }
    return {name: sorted(map(tuple, server.sql(q))) for name, q in tables.items()}
