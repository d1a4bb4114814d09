"""Two stores of one chain enrolling offline never give out one number; a hand-typed clash is flagged.

Real tills (SQLite files with their migrations, the ``loyalty`` command), a real server
(uvicorn on 127.0.0.1, PostgreSQL).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from loyalty_desktop.app import open_database
from loyalty_desktop.services import members, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.sync.http import HttpSyncServer
from tests.conftest import FixedClock
from tests.server.conftest import Server, _command, start

LOYALTY = str(Path(sys.executable).with_name("loyalty"))


class Till:
    """One store's till: its database file, driven through the ``loyalty`` command or the services."""

    def __init__(self, path: Path, config: Path) -> None:
        self.path, self.config = path, config

    def run(self, *args: str) -> tuple[int, Any]:
        done = subprocess.run(
            [LOYALTY, "--db", str(self.path), "--json", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "LOYALTY_CONFIG_DIR": str(self.config)},
        )
        return done.returncode, json.loads(done.stdout)

    def enrol(self, clock: FixedClock, count: int) -> list[str]:
        """Enrol ``count`` members through the services (no network is touched)."""
        opened = open_database(self.path, clock=clock, keys_dir=self.config)
        try:
            return [
                members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember(f"M{i}")).member_no
                for i in range(count)
            ]
        finally:
            opened.engine.dispose()

    def push(self, server: Server, token: str) -> sync.SyncReport:
        opened = open_database(self.path, keys_dir=self.config)
        try:
            return sync.push_pending(opened.shop, HttpSyncServer(server.url, token))
        finally:
            opened.engine.dispose()


def _pulled(server: Server, member_id: str) -> dict[str, Any]:
    """The member's last change in the pull log."""
    changes = server.get("/v1/changes?after=0")["changes"]
    return [c for c in changes if c.get("member_id") == member_id and c["kind"] == "member"][-1]


def test_two_offline_stores_enrol_ten_members_with_ten_numbers_and_a_typed_clash_is_flagged(
    server: Server, tmp_path: Path, clock: FixedClock
) -> None:
    shop_b = _command(server.db, "store", "add", "Shop B")
    assert shop_b["store_no"] == 2  # Shop A, the fixture's, is 1
    a, b = Till(tmp_path / "a.db", tmp_path / "a"), Till(tmp_path / "b.db", tmp_path / "b")
    # Each till gave out a number before it was connected: 10000001 at both (kept as it is).
    [early_a], [early_b] = a.enrol(clock, 1), b.enrol(clock, 1)
    assert early_a == early_b == "10000001"
    code, connected = a.run("sync", "connect", server.url, "--token", server.token)
    assert code == 0, connected
    assert connected["store_no"] == 1, connected
    code, connected = b.run("sync", "connect", server.url, "--token", shop_b["token"])
    assert (code, connected["store_no"]) == (0, 2), connected
    assert a.run("sync", "status")[1]["member_numbers"] == "101000001-101999999"
    assert b.run("sync", "status")[1]["member_numbers"] == "102000001-102999999"

    server.proc.kill()  # both stores offline
    server.proc.wait()
    numbers = a.enrol(clock, 5) + b.enrol(clock, 5)
    server.proc = start(server.db, int(server.url.rsplit(":", 1)[1]))
    assert len(set(numbers)) == 10
    assert numbers[:2] == ["101000001", "101000002"]
    assert numbers[5:7] == ["102000001", "102000002"]
    assert a.push(server, server.token).rejected == 0
    assert b.push(server, shop_b["token"]).rejected == 0

    assert server.sql(
        "select count(*), count(distinct member_no) from members where member_no <> '10000001'"
    ) == [(10, 10)]
    # 10 + 2 enrolments with their profiles, and each store's programme (sent on connecting)
    assert server.sql("select status, count(*) from inbox group by status") == [("applied", 26)]
    # the two numbers given out before connecting: both applied, the second one flagged
    [early] = _command(server.db, "review", "list")["numbers"]
    assert early["member_no"] == "10000001"

    code, typed = b.run("member", "add", "--name", "Typed", "--member-no", numbers[0])
    assert code == 0, typed  # the till cannot know: the number is free here
    assert b.push(server, shop_b["token"]).pushed == 2  # the enrolment and its profile

    assert server.sql(f"select count(*) from members where member_no = '{numbers[0]}'") == [(2,)]
    found = _command(server.db, "review", "list")["numbers"]
    clash = next(n for n in found if n["member_no"] == numbers[0])
    [holder] = server.sql(
        f"select id::text from members where member_no = '{numbers[0]}' and home_store = '{server.store_id}'"
    )
    assert (clash["member_id"], clash["store_id"]) == (typed["id"], shop_b["store_id"])
    assert (clash["other_member_id"], clash["other_store_id"]) == (holder[0], server.store_id)
    checked = _command(server.db, "check", "--json")
    assert checked["ok"] is True  # a clash is for review, not a fault of the books
    reviewed = [r for r in checked["for_review"] if r["review"] == "member_number_clash"]
    assert {r["member_id"] for r in reviewed} == {clash["member_id"], early["member_id"]}
    pulled = _pulled(server, typed["id"])
    assert (pulled["number_clash"], pulled["number_held_by"]) == (True, holder[0])
    assert _pulled(server, holder[0])["number_clash"] is False

    assert _command(server.db, "review", "clear-number", typed["id"]) == {
        "member_id": typed["id"],
        "cleared": True,
    }
    left = _command(server.db, "review", "list")["numbers"]
    assert [n["member_id"] for n in left] == [early["member_id"]]
    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "loyalty_desktop.server.cli",
            "--db",
            server.db,
            "review",
            "clear-number",
            typed["id"],
        ],
        capture_output=True,
        text=True,
    )
    assert (again.returncode, json.loads(again.stdout)["error"]) == (1, "no_review")


def test_the_same_members_enrolled_again_from_a_copied_till_are_no_clash(
    server: Server, tmp_path: Path, clock: FixedClock
) -> None:
    shop_c = _command(server.db, "store", "add", "Shop C")
    a = Till(tmp_path / "a.db", tmp_path / "a")
    assert a.run("sync", "connect", server.url, "--token", server.token)[0] == 0
    a.enrol(clock, 3)
    copy = Till(tmp_path / "c.db", tmp_path / "a")  # the same keys: a copy of the same till
    shutil.copyfile(a.path, copy.path)
    with sqlite3.connect(copy.path) as db:
        db.execute("update settings set value = ? where key = 'device_id'", (str(uuid.uuid4()),))
    # three enrolments with their profiles, and the programme sent on connecting
    assert a.push(server, server.token).pushed == 3 * 2 + 1
    assert copy.push(server, shop_c["token"]).pushed == 3 * 2 + 1  # new to the inbox of store C

    assert server.sql("select count(*) from members") == [(3,)]
    assert server.sql("select count(*) from number_clashes") == [(0,)]
    assert _command(server.db, "review", "list")["numbers"] == []
