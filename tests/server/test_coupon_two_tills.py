"""Two real tills, offline, both take one coupon: each sale completes, the server keeps one use and flags the other."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from datetime import timedelta
from pathlib import Path

from loyalty_desktop.app import open_database
from loyalty_desktop.services import checkout, members, offers, programs, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.sync.http import HttpSyncServer
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM
from tests.server.conftest import Server, _command


def _shop_with_a_coupon(tmp_path: Path, clock: FixedClock, server: Server) -> tuple[str, str]:
    """Till A's file with a member holding one coupon, already synced; the member and the code."""
    opened = open_database(tmp_path / "a.db", clock=clock, keys_dir=tmp_path / "keys")
    try:
        programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "test")
        member = members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember("王芳", consent=True))
        today = clock.now().date()
        offer = offers.create_offer(
            opened.shop,
            LOCAL_ADMIN,
            f'name = "Spring"\nkind = "money_off"\namount = "5.00"\nstart = "{today}"\n'
            f'end = "{today + timedelta(days=6)}"\ncontrol_share = "0"\n'
            f'[audience]\nmembers = ["{member.member_no}"]\n',
            "spring.toml",
        )
        offers.issue_offer(opened.shop, LOCAL_ADMIN, offer.id)
        [line] = offers.coupon_list(opened.shop, LOCAL_ADMIN, offer.id)
        sync.push_pending(opened.shop, HttpSyncServer(server.url, server.token))
    finally:
        opened.engine.dispose()
    return member.member_no, line.code


def _second_till(tmp_path: Path) -> Path:
    """Till B: a copy of A's file (the chain's members and coupons) with a device id of its own."""
    copy = tmp_path / "b.db"
    shutil.copyfile(tmp_path / "a.db", copy)
    with sqlite3.connect(copy) as db:
        db.execute("update settings set value = ? where key = 'device_id'", (str(uuid.uuid4()),))
    return copy


def test_two_offline_tills_using_one_coupon_both_sell_and_the_server_flags_the_second(
    tmp_path: Path, clock: FixedClock, server: Server
) -> None:
    member_no, code = _shop_with_a_coupon(tmp_path, clock, server)
    shop_b = _command(server.db, "store", "add", "Shop B")
    tills = {
        "a": (open_database(tmp_path / "a.db", clock=clock, keys_dir=tmp_path / "keys"), server.token),
        "b": (open_database(_second_till(tmp_path), clock=clock, keys_dir=tmp_path / "keys"), shop_b["token"]),
    }  # fmt: skip
    try:
        for name, (till, _) in tills.items():  # neither can reach the server: both take the coupon
            sold = checkout.checkout(
                till.shop, LOCAL_ADMIN, SaleRequest(f"S-{name}", member_no, "50.00", coupon=code)
            )
            assert sold.coupon is not None
        for till, token in tills.values():
            assert sync.push_pending(till.shop, HttpSyncServer(server.url, token)).rejected == 0
    finally:
        for till, _ in tills.values():
            till.engine.dispose()

    assert server.sql("select count(*) from inbox where kind = 'coupon.redeemed'") == [(2,)]
    assert server.sql("select store_id::text from coupon_redemptions") == [(server.store_id,)]
    [flagged] = _command(server.db, "review", "list")["coupons"]
    assert (flagged["store_id"], flagged["first_store_id"]) == (shop_b["store_id"], server.store_id)
    assert flagged["status"] == "applied"
    assert _command(server.db, "check", "--json")["ok"] is True
