"""A batch the server refuses for its size (413) goes again in halves, so the queue still moves.

The server refuses a request body over 4 MB (server/guard.py). A batch of 100 events holding
programme files (up to 1 MB each), or long imported sales, can pass that; refused on every
retry, it would have stopped the store's queue for good.
"""

from __future__ import annotations

from pathlib import Path

from loyalty_desktop.app import open_database
from loyalty_desktop.server.guard import MAX_BODY
from loyalty_desktop.services import checkout, members, programs, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.sync.http import HttpSyncServer
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM
from tests.server.conftest import Server


def test_programme_files_over_the_servers_size_limit_in_one_batch_all_arrive(
    tmp_path: Path, clock: FixedClock, server: Server
) -> None:
    opened = open_database(tmp_path / "shop.db", clock=clock, keys_dir=tmp_path / "keys")
    shop = opened.shop
    sync.connect_to(shop, LOCAL_ADMIN, server.url, server.token)
    padding = "# " + "n" * 98 + "\n"  # a programme file with a long commentary
    loads = 6
    for n in range(loads):
        text = PROGRAM.replace("points = 1", f"points = {n + 1}") + padding * 8_500
        programs.load_program(shop, LOCAL_ADMIN, text, f"long-{n}.toml")
    number = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="Lin")).member_no
    checkout.checkout(shop, LOCAL_ADMIN, SaleRequest("S1", number, total="10.00"))
    queued = sync.status(shop).queue
    assert queued >= loads + 2
    assert loads * len(padding) * 8_500 > MAX_BODY  # the whole queue is one batch, too big

    report = sync.push_pending(shop, HttpSyncServer(server.url, server.token))

    assert (report.pushed, report.rejected, sync.status(shop).queue) == (queued, 0, 0)
    versions = server.sql("select count(*) from programs")[0][0]
    assert versions == loads + 1  # the one in force at connect, then each load
    assert server.sql("select count(*) from inbox where status = 'applied'")[0][0] == queued
    opened.engine.dispose()
