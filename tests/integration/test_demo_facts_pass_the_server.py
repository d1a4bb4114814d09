"""Every fact a till writes for a year of demo trade passes the central server's checks.

The server refuses what does not add up; a fact it refuses is never applied anywhere, so a
rule stricter than the till's own output silently loses real sales, refunds or merges.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from loyalty_desktop.app import open_database
from loyalty_desktop.demo.build import build_demo
from loyalty_desktop.server.facts import Rejected, check_event
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.conftest import FixedClock


def test_a_demo_shops_whole_outbox_passes_the_servers_checks(
    tmp_path: Path, clock: FixedClock
) -> None:
    opened = open_database(tmp_path / "demo.db", clock=clock, keys_dir=tmp_path / "keys")
    try:
        build_demo(opened.shop, LOCAL_ADMIN, members=60, seed=3)
        with opened.engine.connect() as conn:
            rows = conn.exec_driver_sql("select kind, version, payload from outbox").all()
    finally:
        opened.engine.dispose()
    kinds = Counter(kind for kind, _, _ in rows)
    assert kinds["sale"] > 100, kinds
    assert kinds["refund"] > 0, kinds
    refused = []
    for kind, version, payload in rows:
        try:
            check_event(kind, version, json.loads(payload))
        except Rejected as exc:
            refused.append((kind, exc.reason))
    assert refused == []
