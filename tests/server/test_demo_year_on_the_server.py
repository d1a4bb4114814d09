"""A year of a demo shop's trade pushed at once to a real server: every fact applied and checked.

The server recomputes each member's sale and works each refund out again; a rule that
reads the till's own output differently would reject real trade or leave it unchecked.
"""

from __future__ import annotations

from pathlib import Path

from loyalty_desktop.app import open_database
from loyalty_desktop.demo.build import build_demo
from loyalty_desktop.services import sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.sync.http import HttpSyncServer
from tests.conftest import FixedClock
from tests.server.conftest import Server, _command


def test_a_demo_year_pushed_at_once_is_applied_with_every_sale_and_refund_checked(
    tmp_path: Path, clock: FixedClock, server: Server
) -> None:
    opened = open_database(tmp_path / "demo.db", clock=clock, keys_dir=tmp_path / "keys")
    try:
        build_demo(opened.shop, LOCAL_ADMIN, members=300, seed=5)
        sync.connect_to(opened.shop, LOCAL_ADMIN, server.url, server.token)
        report = sync.push_pending(opened.shop, HttpSyncServer(server.url, server.token))
        with opened.engine.connect() as conn:
            till_points = conn.exec_driver_sql("select sum(points) from movements").scalar()
            expired = conn.exec_driver_sql(
                "select coalesce(sum(points), 0) from movements where kind = 'expire'"
            ).scalar()
            queued = conn.exec_driver_sql("select count(*) from outbox").scalar()
    finally:
        opened.engine.dispose()

    assert (report.pushed, report.rejected) == (queued, 0)
    kinds = dict(server.sql("select kind, count(*) from inbox group by kind"))
    assert kinds["sale"] > 1000, kinds
    assert kinds["refund"] > 5, kinds
    # programme files go ahead in a round of their own, so no sale misses its programme
    found = dict(_command(server.db, "check", "--json"))
    assert (found["ok"], found["earn_unchecked"], found["refunds_unchecked"]) == (True, 0, 0)
    assert server.sql("select sum(refunds) from refund_totals") == [(kinds["refund"],)]
    # the points the till wrote off by its own clock are undone: expiry follows the server's
    # clock, which received every lot today (docs/sync.md, "Expiry by server time")
    assert expired < 0
    assert server.sql("select sum(points) from balances") == [(till_points - expired,)]
