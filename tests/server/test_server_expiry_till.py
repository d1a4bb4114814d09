"""A real till, its clock far from the server's, sells and writes off points: the server's books expire them once."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.services import checkout, members, programs, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.sync.http import HttpSyncServer
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM  # earns 1 point per 1.00; lots live 365 days
from tests.server.conftest import Server, _command


@pytest.fixture
def till(tmp_path: Path, clock: FixedClock) -> Iterator[Opened]:
    """A till whose clock reads 2026-03-02, whatever the server's says."""
    opened = open_database(tmp_path / "shop.db", clock=clock, keys_dir=tmp_path / "keys")
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "test")
    yield opened
    opened.engine.dispose()


def _balance(server: Server, member: str) -> int:
    return server.sql(f"select points from balances where member_id = '{member}'")[0][0]


def test_a_tills_sale_and_its_own_later_write_off_leave_the_lot_to_the_servers_clock(
    server: Server, till: Opened, clock: FixedClock
) -> None:
    client = HttpSyncServer(server.url, server.token)
    member = members.enrol(till.shop, LOCAL_ADMIN, members.NewMember(name="Wang"))
    checkout.checkout(
        till.shop, LOCAL_ADMIN, checkout.SaleRequest("S1", member.member_no, "100.00")
    )
    assert sync.push_pending(till.shop, client).rejected == 0
    (first,) = server.sql("select id, points, device_at, expires_at, received_at from lots")
    assert first.points == 100
    assert first.device_at == clock.now()  # the till's clock, for audit
    assert first.expires_at - first.received_at == timedelta(days=365)

    # A year and a day later by the till's clock: its next sale writes the lot off first.
    clock.advance(days=366)
    checkout.checkout(till.shop, LOCAL_ADMIN, checkout.SaleRequest("S2", member.member_no, "10.00"))
    report = sync.push_pending(till.shop, client)

    assert (report.rejected, report.quarantined) == (0, 0)
    kinds = server.sql("select kind, count(*) from ledger group by kind order by kind")
    assert [tuple(k) for k in kinds] == [("earn", 2), ("expire", 1), ("expire_undone", 1)]
    assert _balance(server, member.id) == 110  # by the server's clock the first lot has a year left
    at = (first.received_at + timedelta(days=365)).isoformat()
    done = _command(server.db, "expire", "--at", at, "--future", "--json")
    assert (done["lots"], done["expired_points"]) == (1, 100)
    assert _balance(server, member.id) == 10  # what the till shows: the lot went once
    expired = server.sql(
        f"select id from ledger where kind = 'expire' and store_id = '{uuid.UUID(int=0)}'"
    )
    assert len(expired) == 1
